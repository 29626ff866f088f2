-- Parts 二、三、四 each carry one of the three tables.
id       = "gb2021.struct.table_missing"
severity = "error"
message  = { zh = "第{n}部分缺少统计表格（{table}）", en = "part {n} has no table ({table_en})" }

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
    -- a heading with nothing under it is a table published as an image: table_not_text
    if not report.tables[tid].present and not (s and s.text:match("^%s*$")) then
      emit { vars = { n = w[1], table = w[2], table_en = w[3] },
             line = s and s.line, col = s and s.col }
    end
  end
end
