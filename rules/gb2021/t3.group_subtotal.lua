-- Where a rendering prints a subtotal under （三）–（六）, it must be the sum of the group's items.
id       = "gb2021.t3.group_subtotal"
severity = "error"
message  = {
  zh = "表三“{g}”行“{c}”列为{lhs}，但其各项之和为{rhs}，相差{diff}",
  en = "Table 3, “{g}”, column “{c}” is {lhs}, but its items add up to {rhs}; difference {diff}",
}
identity = "{g}.{c} = {g}.*.{c}"
each     = { g = t3.subtotals, c = t3.columns }     -- the groups that may print a subtotal row
