-- This year's 上年结转 is last year's 结转下年度继续办理 (needs the year before: --previous).
id       = "gb2021.xy.carry"
severity = "warning"
message  = {
  zh = "本年“上年结转”与上年度报告“结转下年度继续办理”不一致（{c}：{lhs}≠{rhs}）",
  en = "carried over ({c}: {lhs}) differs from last year's report, carried to next year ({rhs})",
}
identity = "t3.carried.{c} = prev.t3.next.{c}"
each     = { c = t3.columns }
