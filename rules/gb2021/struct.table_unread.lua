-- The part prints its table, but not in a way it can be read: a page
-- squeezed so narrow that the text breaks the table's words into a
-- character a line, its numbers on lines of their own. The table is there;
-- its cells are unknown, so nothing in it is checked.
id       = "gb2021.struct.table_unread"
severity = "warning"
message  = {
  zh = "第{n}部分印有统计表格（{table}），但未能按统一格式读取其数据，表中数据未予核对",
  en = "part {n} prints its table ({table_en}), but its figures could not be read in the format's grid; they are not checked",
}
rationale = {
  zh = "表格文字被拆散（如页面过窄，一行一字），无法确定各单元格的数值；这不等于缺少表格，但表中数据需人工核对。",
  en = "The table's text is broken apart (a page so narrow it prints a character a line), so no cell's value can be told; the table is not missing, but its figures need a reader's check.",
}
basis    = { "国办公开办函〔2021〕30号规定的表格格式" }
-- The format's parts, read once: read through its view they cost more,
-- field by field, than the rest of the check.
local parts = {}
for i, p in ipairs(format.parts) do parts[i] = { id = p.id, table = p.table, n = p.n } end

function check(report, emit)
  if report.format == "legacy" then return end
  local tables = report.tables
  for _, p in ipairs(parts) do
    local s = p.table and report:section(p.id)
    if s and not tables[p.table].present and s.table_unread then
      emit { line = s.line, col = s.col,
             vars = { n = p.n, table = format.tables[p.table].title, table_en = "table " .. p.n } }
    end
  end
end
