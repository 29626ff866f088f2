-- Parts 二、三、四 each carry one of the three tables.
id       = "gb2021.struct.table_missing"
severity = "error"
message  = { zh = "第{n}部分缺少统计表格（{table}）", en = "part {n} has no table ({table_en})" }
rationale = {
  zh = "第二、三、四部分要用统一格式的表格报告数据。",
  en = "Parts 2, 3 and 4 report their figures in the format's tables.",
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
    if p.table then
      local s = report:section(p.id)
      -- a heading with nothing under it, or a line pointing to the table (the
      -- binder's points_away), is a table published as an image: table_not_text;
      -- a table printed but not read (the binder's table_unread): table_unread
      if not tables[p.table].present and not (s and (s.points_away or s.table_unread)) then
        emit { vars = { n = p.n, table = format.tables[p.table].title, table_en = "table " .. p.n },
               line = s and s.line, col = s and s.col }
      end
    end
  end
end
