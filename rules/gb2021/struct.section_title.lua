-- A part found under another wording of its heading (older notices, typos).
id       = "gb2021.struct.section_title"
severity = "info"
message  = {
  zh = "部分标题“{found}”与统一格式“{canonical}”表述不一致",
  en = "the heading “{found}” differs from the national format's “{canonical}”",
}

function check(report, emit)
  if report.format == "legacy" then return end      -- reported once, as the old structure
  for _, s in ipairs(report.sections) do
    if s.part and s.heading ~= "" then
      local found = s.heading:gsub("^%s+", ""):gsub("%s+$", "")
      local canonical = s.part.heading
      local plain = found:gsub("^[%s　]*", ""):gsub("%s", ""):gsub("　", "")
      if plain ~= canonical and plain ~= s.part.title then
        emit { line = s.line, col = s.col, found = found, expected = canonical,
               vars = { found = found, canonical = canonical } }
      end
    end
  end
end
