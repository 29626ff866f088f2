-- （七）总计 is the total of the outcomes （一）–（六）: each request is counted in one outcome only.
id       = "gb2021.t3.result_total"
severity = "error"
message  = {
  zh = "表三“（七）总计”行“{c}”列为{lhs}，但（一）至（六）各项办理结果之和为{rhs}，相差{diff}",
  en = "Table 3, row (七) total, column “{c}” is {lhs}, but the outcomes (一)–(六) add up to {rhs}; difference {diff}",
}
rationale = {
  zh = "（七）总计是（一）至（六）各项办理结果之和；每件申请只计入一种结果（部分公开“只计这一情形，不计其他情形”），所以各项之和必须等于总计。",
  en = "（七）总计 is the sum of the outcomes （一）–（六）: each request counts under one outcome only (部分公开 “只计这一情形”), so the outcomes add up to the total.",
}
basis    = { "国办公开办函〔2021〕30号 表三（七）总计、（二）部分公开" }
identity = [[
  t3.result.total.{c} = t3.result.public.{c} + t3.result.partial.{c}
                      + t3.result.deny.*.{c} + t3.result.unable.*.{c}
                      + t3.result.reject.*.{c} + t3.result.other.*.{c}
]]
each     = { c = t3.columns }
