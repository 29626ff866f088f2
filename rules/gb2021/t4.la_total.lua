id       = "gb2021.t4.la_total"
severity = "error"
message  = {
  zh = "表四“行政诉讼（复议后起诉）”的“总计”为{lhs}，但结果维持、结果纠正、其他结果、尚未审结之和为{rhs}，相差{diff}",
  en = "Table 4, lawsuits filed after reconsideration: the total is {lhs}, but upheld, corrected, other and pending add up to {rhs}; difference {diff}",
}
rationale = {
  zh = "“总计”是结果维持、结果纠正、其他结果、尚未审结四项之和。",
  en = "总计 is the sum of upheld, corrected, other and pending.",
}
basis    = { "国办公开办函〔2021〕30号 表四" }
identity = "t4.la.total = t4.la.upheld + t4.la.corrected + t4.la.other + t4.la.pending"
