-- This year's 上年结转 is last year's 结转下年度继续办理 (needs the year before: --previous).
id       = "gb2021.xy.carry"
severity = "warning"
message  = {
  zh = "本年“上年结转”与上年度报告“结转下年度继续办理”不一致（{c}：{lhs}≠{rhs}）",
  en = "carried over ({c}: {lhs}) differs from last year's report, carried to next year ({rhs})",
}
rationale = {
  zh = "本年的“上年结转”就是上一年度报告的“结转下年度继续办理”，两个数应相同。",
  en = "This year's carried-over requests are last year's carried-to-next-year ones: the two numbers are the same.",
}
basis    = { "国办公开办函〔2021〕30号 表三（二、上年结转；四、结转下年度继续办理）" }
identity = "t3.carried.{c} = prev.t3.next.{c}"
each     = { c = t3.columns }
