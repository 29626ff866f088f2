-- （七）总计 is the total of the outcomes; in 2019 （六）其他处理 is a single row.
-- Same rule as the national one, for the 2019 grid: it replaces it by id.
id       = "gb2021.t3.result_total"
severity = "error"
message  = {
  zh = "表三“（七）总计”行“{c}”列为{lhs}，但（一）至（六）各项办理结果之和为{rhs}，相差{diff}",
  en = "Table 3, row (七) total, column “{c}” is {lhs}, but the outcomes (一)–(六) add up to {rhs}; difference {diff}",
}
identity = [[
  t3.result.total.{c} = t3.result.public.{c} + t3.result.partial.{c}
                      + t3.result.deny.*.{c} + t3.result.unable.*.{c}
                      + t3.result.reject.*.{c} + t3.result.other.{c}
]]
each     = { c = t3.columns }
