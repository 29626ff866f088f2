-- The corner note of table 3: 第一项加第二项之和，等于第三项加第四项之和, in every column.
id       = "gb2021.t3.balance"
severity = "error"
message  = {
  zh = "表三“{c}”列：第一项加第二项之和（{lhs}）不等于第三项加第四项之和（{rhs}），相差{diff}",
  en = "Table 3, column “{c}”: new plus carried over ({lhs}) does not equal results plus carried to next year ({rhs}); difference {diff}",
}
identity = "t3.new.{c} + t3.carried.{c} = t3.result.total.{c} + t3.next.{c}"
each     = { c = t3.columns }
