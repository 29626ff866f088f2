-- A province's pack over the national one, as its 政务公开办 would write it:
-- a label the province's template spells differently, a stricter wording,
-- townships' own deadline, a national rule replaced, and a row of its own
-- with the arithmetic that checks it and that `fill` uses.
name    = "province"
title   = "某省政府信息公开工作年度报告补充要求"
extends = "gb2021"

-- the national rule, in the province's words
messages = {
  ["gb2021.t3.balance"] = {
    zh = "表三“{c}”列不平衡（本省要求“一+二=三+四”）：一加二为{lhs}，三加四为{rhs}，相差{diff}",
  },
}
