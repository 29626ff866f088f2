-- Where a rendering adds a 法人或其他组织 subtotal column, it must be the sum of the five kinds of organisation.
id       = "gb2021.t3.org_subtotal"
severity = "error"
message  = {
  zh = "表三“{r}”行：法人或其他组织小计为{lhs}，但商业企业、科研机构、社会公益组织、法律服务机构、其他之和为{rhs}，相差{diff}",
  en = "Table 3, row “{r}”: the organisations subtotal is {lhs}, but the five kinds of organisation add up to {rhs}; difference {diff}",
}
rationale = {
  zh = "有的报告加印“法人或其他组织”小计列，它应等于五类组织之和。",
  en = "Where a report adds a 法人或其他组织 subtotal column, it equals the sum of the five kinds of organisation.",
}
basis    = { "国办公开办函〔2021〕30号 表三" }
identity = "{r}.org = {r}.biz + {r}.research + {r}.ngo + {r}.legal + {r}.other"
each     = { r = t3.rows }
