-- A part found under another wording of its heading (older notices, typos).
id       = "gb2021.struct.section_title"
severity = "info"
message  = {
  zh = "部分标题“{found}”与统一格式“{canonical}”表述不一致",
  en = "the heading “{found}” differs from the national format's “{canonical}”",
}
rationale = {
  zh = "部分标题应使用统一格式的写法，便于检索和比较。",
  en = "A part's heading uses the format's wording, so reports can be searched and compared.",
}
basis    = { "国办公开办函〔2021〕30号一、报告内容" }

function check(report, emit)
  if report.format == "legacy" then return end      -- reported once, as the old structure
  for _, s in ipairs(report.sections) do
    -- the binder found the part under one of its other wordings
    if s.variant and s.part then
      local found = s.heading:gsub("^%s+", ""):gsub("%s+$", "")
      emit { line = s.line, col = s.col, found = found, expected = s.part.heading,
             vars = { found = found, canonical = s.part.heading } }
    end
  end
end
