-- 总体情况 or 存在的主要问题及改进情况 in a line or two: "不能遗漏" (国办公开办函〔2021〕30号).
id       = "gb2021.qlt.thin"
severity = "info"
message  = {
  zh = "“{section}”内容过于简略（{n}字，少于{min}字）",
  en = "“{section}” is very short ({n} characters, fewer than {min})",
}
rationale = {
  zh = "总体情况、存在的主要问题及改进情况只有一两句话，难以做到30号文要求的“不能遗漏”。",
  en = "Part 1 or part 5 in a sentence or two can hardly cover what 30号 requires (“不能遗漏”, nothing left out).",
}
basis    = { "国办公开办函〔2021〕30号一、报告内容（不能遗漏，也不宜泛化）" }
params   = { min = 100 }

local titles = { s1 = "一、总体情况", s5 = "五、存在的主要问题及改进情况" }

function check(report, emit)
  if report.format == "legacy" then return end   -- the old structure's parts: reported once, as such
  for _, sid in ipairs { "s1", "s5" } do
    local s = report:section(sid)
    -- (no character is longer than four bytes: a text of 4 × min bytes is long enough uncounted)
    if s and #s.text < 4 * params.min then
      local n = utf8.len(s.text) or #s.text
      if n < params.min then
        emit { line = s.line, col = s.col, found = tostring(n), expected = "≥ " .. params.min,
               vars = { section = titles[sid], n = n, min = params.min } }
      end
    end
  end
end
