-- 条例第五十条: the report has six parts, none may be left out.
id       = "gb2021.struct.section_missing"
severity = "error"
message  = { zh = "缺少第{n}部分“{title}”", en = "part {n} “{title}” is missing" }
rationale = {
  zh = "年度报告的内容按条例第五十条确定，统一格式分为六个部分，“不能遗漏”。",
  en = "The content follows article 50 of the 条例: six parts in the uniform format, none left out.",
}
basis    = { "《中华人民共和国政府信息公开条例》第五十条", "国办公开办函〔2021〕30号一、报告内容" }

-- The format's parts, read once: read through its view they cost more,
-- field by field, than the rest of the check.
local parts = {}
for i, p in ipairs(format.parts) do parts[i] = { id = p.id, n = p.n, heading = p.heading } end

function check(report, emit)
  if report.format == "legacy" then return end   -- reported once, as the old structure
  for _, p in ipairs(parts) do
    if not report:section(p.id) then
      emit { vars = { n = p.n, title = p.heading }, expected = p.heading }
    end
  end
end
