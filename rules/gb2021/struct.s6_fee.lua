-- 国办函〔2020〕109号: part 6 says whether 信息处理费 was collected.
id       = "gb2021.struct.s6_fee"
severity = "warning"
message  = { zh = "未报告信息处理费收取情况", en = "part 6 does not say whether processing fees were collected" }
rationale = {
  zh = "其他需要报告的事项中要说明是否收取了信息处理费（收取的写明情况）。",
  en = "Part 6 says whether information processing fees were collected (and, if so, how much).",
}
basis    = { "国办函〔2020〕109号《政府信息公开信息处理费管理办法》", "国办公开办函〔2021〕30号" }

-- (未收取任何费用, 未向申请人收取费用, 均免费提供: said without the fee's name)
words = { "信息处理费", "处理费", "收费", "收取", "费用", "免费" }

function check(report, emit)
  local s6 = report:section("s6")
  if not s6 then return end
  for _, w in ipairs(words) do
    if s6.heading:find(w, 1, true) then return end
  end
  if text.mentions(s6, words) then return end      -- (its prose: a word a PDF wrapped over two lines is found)
  emit { line = s6.line, col = s6.col }
end
