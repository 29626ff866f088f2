-- 现行有效(N) = 现行有效(N−1) + 本年制发(N) − 本年废止(N): often broken for good
-- reasons (清理, 失效 by expiry), so a note — unless it cannot be at all,
-- which xy.t2_stock_bound reports (the guard `when` leaves that case to it).
id       = "gb2021.xy.t2_stock"
severity = "info"
message  = {
  zh = "{r}现行有效件数{lhs}与上年数据不衔接：上年现行有效件数加本年制发减本年废止应为{rhs}，请说明清理或失效情况",
  en = "{r}: {lhs} in force, but last year's stock plus made minus repealed is {rhs}",
}
rationale = {
  zh = "现行有效件数应等于上年现行有效件数加本年制发减本年废止；不等时常因清理或到期失效，请在正文说明。",
  en = "Documents in force equal last year's in force plus those made less those repealed; where not, it is often clean-up or expiry, which the text should explain.",
}
basis    = { "国办公开办函〔2021〕30号 表二", "《中华人民共和国政府信息公开条例》第二十条第（一）项" }
identity = "t2.{r}.valid = prev.t2.{r}.valid + t2.{r}.made - t2.{r}.repealed"
when     = "t2.{r}.valid <= prev.t2.{r}.valid + t2.{r}.made"
each     = { r = { "reg", "nrm" } }
