-- The part's heading is there and nothing under it: the table was published
-- as an image or an attachment, so its numbers cannot be checked.
id       = "gb2021.struct.table_not_text"
severity = "warning"
message  = {
  zh = "第{n}部分的统计表格（{table}）未以文本形式发布（可能是图片或附件），无法核对数据",
  en = "the table of part {n} ({table_en}) is not published as text (an image or attachment?); it cannot be checked",
}

-- each table's part, title and numeral, from the format
local where = {}
for _, tid in ipairs { "t2", "t3", "t4" } do
  local t = format[tid]
  for _, s in ipairs(format.sections) do
    if s.id == t.section then where[tid] = { s.n, t.title, "table " .. tid:sub(2), s.id } end
  end
end

function check(report, emit)
  if report.format == "legacy" then return end
  for _, tid in ipairs { "t2", "t3", "t4" } do
    local w, s = where[tid], report:section(where[tid][4])
    if s and not report.tables[tid].present and s.text:match("^%s*$") then
      emit { line = s.line, col = s.col, vars = { n = w[1], table = w[2], table_en = w[3] } }
    end
  end
end
