-- 存在的主要问题及改进情况 names what was or will be done, not only the problems.
id       = "gb2021.struct.s5_measures"
severity = "warning"
message  = {
  zh = "“存在的主要问题及改进情况”缺少改进措施",
  en = "part 5 names problems but no improvement",
}
rationale = {
  zh = "这一部分要写存在的主要问题和改进情况；只列问题、不写改进措施，内容不完整。",
  en = "Part 5 gives the main problems and the improvements; problems without measures leave it incomplete.",
}
basis    = { "《中华人民共和国政府信息公开条例》第五十条第（四）项" }

-- (a plan is a measure too: 计划开展…, 进一步规范…, 力争…)
words = { "改进", "整改", "措施", "下一步", "加强", "完善", "提升", "将", "计划", "进一步", "力争" }

function check(report, emit)
  local s5 = report:section("s5")
  if not s5 or s5.text == "" then return end
  if text.mentions(s5, words) then return end      -- (its prose: a word a PDF wrapped over two lines is found)
  emit { line = s5.line, col = s5.col }
end
