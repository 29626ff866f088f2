-- 条例第五十条: the report has six parts, none may be left out.
id       = "gb2021.struct.section_missing"
severity = "error"
message  = { zh = "缺少第{n}部分“{title}”", en = "part {n} “{title}” is missing" }

function check(report, emit)
  if report.format == "legacy" then return end   -- reported once, as the old structure
  for _, p in ipairs(format.parts) do
    if not report:section(p.id) then
      emit { vars = { n = p.n, title = p.heading }, expected = p.heading }
    end
  end
end
