-- 行政事业性收费 is reported in 万元 (本年收费金额（单位：万元））. A header in 元
-- means the amounts below it are not what the format asks for.
id       = "gb2021.val.fee_unit"
severity = "warning"
message  = {
  zh = "表二收费金额栏表头为“{header}”，行政事业性收费金额应以万元为单位",
  en = "table 2's fee column is headed “{header}”; the fee is reported in 10,000 yuan (万元)",
}
rationale = {
  zh = "表二行政事业性收费以万元为单位；表头写成元，下面的数就不是格式要求的数。",
  en = "Table 2's fee is in 万元; a header in 元 means the amounts are not what the format asks.",
}
basis    = { "国办公开办函〔2021〕30号 表二“本年收费金额（单位：万元）”" }

-- whether the format has the cell, read once (through its view it costs a look-up each report)
local has_cell = format.info["t2.fee.amount"] ~= nil

function check(report, emit)
  if not has_cell then return end      -- a format without the cell (2019)
  local t2 = report.tables.t2
  for _, h in ipairs(t2 and t2.headers or {}) do
    if h:find("收费金额", 1, true) then
      -- in 元, not in 万元 (a header cut short, "单位:万", says nothing)
      if h:find("元", 1, true) and not h:find("万元", 1, true) then
        local cell = report:cell("t2.fee.amount")
        emit { cell = cell, line = cell.line or t2.line, col = cell.col or 1, found = h, expected = "万元",
               vars = { header = h } }
      end
      return
    end
  end
end
