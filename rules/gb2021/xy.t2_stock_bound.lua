-- More documents in force than last year's plus this year's: impossible.
id       = "gb2021.xy.t2_stock_bound"
severity = "warning"
message  = {
  zh = "{r}现行有效件数{lhs}超过上年现行有效件数与本年制发件数之和{rhs}",
  en = "{r}: {lhs} in force is more than last year's stock plus the documents made this year ({rhs})",
}
rationale = {
  zh = "现行有效的件数不可能多于上年现行有效的加上本年制发的。",
  en = "There cannot be more documents in force than last year's in force plus this year's made.",
}
basis    = { "国办公开办函〔2021〕30号 表二" }
identity = "t2.{r}.valid <= prev.t2.{r}.valid + t2.{r}.made"
each     = { r = { "reg", "nrm" } }
