-- 总计 beside 自然人 and 法人或其他组织: each row's total is the sum of its applicants.
id       = "gb2021.t3.row_total"
severity = "error"
message  = {
  zh = "表三“{r}”行：“总计”列为{lhs}，但自然人与法人或其他组织各列之和为{rhs}，相差{diff}",
  en = "Table 3, row “{r}”: the total column is {lhs}, but the applicant columns add up to {rhs}; difference {diff}",
}
rationale = {
  zh = "每一行的“总计”是自然人和各类法人或其他组织之和。",
  en = "Each row's 总计 is the sum of natural persons and every kind of organisation.",
}
basis    = { "国办公开办函〔2021〕30号 表三" }
identity = "{r}.total = {r}.np + {r}.biz + {r}.research + {r}.ngo + {r}.legal + {r}.other"
each     = { r = t3.rows }
