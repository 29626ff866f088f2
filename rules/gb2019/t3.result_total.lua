-- （七）总计 is the total of the outcomes; in 2019 （六）其他处理 is a single row.
-- Same rule as the national one, for the 2019 grid: it replaces it by id.
id       = "gb2021.t3.result_total"
severity = "error"
message  = {
  zh = "表三“（七）总计”行“{c}”列为{lhs}，但（一）至（六）各项办理结果之和为{rhs}，相差{diff}",
  en = "Table 3, row (七) total, column “{c}” is {lhs}, but the outcomes (一)–(六) add up to {rhs}; difference {diff}",
}
rationale = {
  zh = "（七）总计是（一）至（六）各项办理结果之和；2019年试行格式的（六）其他处理只有一行。",
  en = "（七）总计 is the sum of the outcomes; in the 2019 trial format （六）其他处理 is one row.",
}
basis    = { "国办公开办函〔2019〕60号 表三" }
identity = [[
  t3.result.total.{c} = t3.result.public.{c} + t3.result.partial.{c}
                      + t3.result.deny.*.{c} + t3.result.unable.*.{c}
                      + t3.result.reject.*.{c} + t3.result.other.{c}
]]
each     = { c = t3.columns }
