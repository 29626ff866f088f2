-- The corner note of table 3: 第一项加第二项之和，等于第三项加第四项之和, in every column.
id       = "gb2021.t3.balance"
severity = "error"
message  = {
  zh = "表三“{c}”列：第一项加第二项之和（{lhs}）不等于第三项加第四项之和（{rhs}），相差{diff}",
  en = "Table 3, column “{c}”: new plus carried over ({lhs}) does not equal results plus carried to next year ({rhs}); difference {diff}",
}
rationale = {
  zh = "表三注明了勾稽关系：本年新收加上年结转，等于本年度办理结果加结转下年度继续办理，每一列都要成立。",
  en = "Table 3 states its identity: new requests plus those carried over equal the results plus those carried to next year, in every column.",
}
basis    = { "国办公开办函〔2021〕30号 表三（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）" }
identity = "t3.new.{c} + t3.carried.{c} = t3.result.total.{c} + t3.next.{c}"
each     = { c = t3.columns }
