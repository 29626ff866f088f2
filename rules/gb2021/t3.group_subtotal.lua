-- Where a rendering prints a subtotal under （三）–（六）, it must be the sum of the group's items.
id       = "gb2021.t3.group_subtotal"
severity = "error"
message  = {
  zh = "表三“{g}”行“{c}”列为{lhs}，但其各项之和为{rhs}，相差{diff}",
  en = "Table 3, “{g}”, column “{c}” is {lhs}, but its items add up to {rhs}; difference {diff}",
}
rationale = {
  zh = "有的报告在（三）至（六）下加印小计行，小计应等于本组各项之和。",
  en = "Where a report prints a subtotal under （三）–（六）, it equals the sum of the group's items.",
}
basis    = { "国办公开办函〔2021〕30号 表三" }
identity = "{g}.{c} = {g}.*.{c}"
each     = { g = t3.subtotals, c = t3.columns }     -- the groups that may print a subtotal row
