-- The province's total row of table 2 is the sum of 规章 and 行政规范性文件.
id       = "province.docs_total"
severity = "error"
message  = {
  zh = "表二“规章和行政规范性文件合计”行“{c}”列为{lhs}，但规章与行政规范性文件之和为{rhs}，相差{diff}",
  en = "Table 2 total row, column “{c}” is {lhs}, but 规章 and 行政规范性文件 add up to {rhs}",
}
identity = "t2.docs.{c} = t2.reg.{c} + t2.nrm.{c}"
each     = { c = { "made", "repealed", "valid" } }
