-- The 2019 trial format (国办公开办函〔2019〕60号), used for the 2019 and 2020
-- reports. It is the 2021 format but for table 2 and the one row
-- （六）其他处理 of table 3; reports of those years are bound with it so that
-- they can be checked, and serve as the previous year of a 2021 report.

local base = inherit "gb2021"

name        = "gb2019"
title       = "政府信息公开工作年度报告（国办公开办函〔2019〕60号试行格式）"
sections    = base.sections
t4          = base.t4
format_2019 = base.format_2019
legacy_headings = base.legacy_headings
issuers     = base.issuers

t2 = {
  title   = "表二",
  section = "s2",
  columns = {
    new_made = "本年新制作数量", new_pub = "本年新公开数量", pub_total = "对外公开总数量",
    prev_items = "上一年项目数量", delta = "本年增/减", decisions = "处理决定数量",
    items = "采购项目数量", amount = "采购总金额",
  },
  -- 本年增/减 may be negative ("减用负值表示，如-8")
  rows = {
    { id = "reg",      label = "规章",               match = { "规章" },
      columns = { "new_made", "new_pub", "pub_total" } },
    { id = "nrm",      label = "规范性文件",         match = { "规范性文件" },
      columns = { "new_made", "new_pub", "pub_total" } },
    { id = "permit",   label = "行政许可",           match = { "行政许可" },
      columns = { "prev_items", "delta", "decisions" }, kinds = { delta = "signed" } },
    { id = "othersvc", label = "其他对外管理服务事项", match = { "其他对外管理服务事项" },
      columns = { "prev_items", "delta", "decisions" }, kinds = { delta = "signed" } },
    { id = "penalty",  label = "行政处罚",           match = { "行政处罚" },
      columns = { "prev_items", "delta", "decisions" }, kinds = { delta = "signed" } },
    { id = "coercion", label = "行政强制",           match = { "行政强制" },
      columns = { "prev_items", "delta", "decisions" }, kinds = { delta = "signed" } },
    { id = "fee",      label = "行政事业性收费",     match = { "行政事业性收费" },
      columns = { "prev_items", "delta" }, kinds = { delta = "signed" } },
    { id = "procure",  label = "政府集中采购",       match = { "政府集中采购" },
      columns = { "items", "amount" }, kinds = { amount = "money" } },
  },
  headers = { "第二十条第(一)项", "第二十条第(五)项", "第二十条第(六)项", "第二十条第(八)项",
              "第二十条第(九)项", "信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量",
              "上一年项目数量", "本年增/减", "处理决定数量", "采购项目数量", "采购总金额" },
}

-- Table 3 as in 2021, but （六）其他处理 is one row without sub-items.
t3 = base.t3
local rows = {}
for _, r in ipairs(t3.rows) do
  if r.id == "result.other.nocorrect" then
    rows[#rows + 1] = { id = "result.other", label = "（六）其他处理", match = { "其他处理" } }
  elseif not r.id:match("^result%.other%.") then
    rows[#rows + 1] = r
  end
end
t3.rows = rows
local groups = {}
for _, g in ipairs(t3.groups) do
  if g.id ~= "other" then groups[#groups + 1] = g end
end
t3.groups = groups
t3.subtotals = { "result.deny", "result.unable", "result.reject" }
