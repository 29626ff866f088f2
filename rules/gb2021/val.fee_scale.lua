-- The fee of table 2 is in 万元. Where the text gives the same number in 元
-- ("收取行政事业性收费96171.6元"), the table's figure was likely not converted.
id       = "gb2021.val.fee_scale"
severity = "info"
message  = {
  zh = "表二行政事业性收费金额为{amount}万元，但正文同一数额写作“{quote}”，疑似未换算为万元",
  en = "table 2's fee is {amount} (10,000 yuan), but the text gives the same figure as “{quote}”: not converted?",
}
rationale = {
  zh = "表二行政事业性收费以万元为单位；正文以元写出同一个数，说明表格的数没有换算成万元。",
  en = "Table 2's fee is in 万元; the same number in 元 in the text means the table was not converted.",
}
basis    = { "国办公开办函〔2021〕30号 表二“本年收费金额（单位：万元）”" }

-- whether the format has the cell, read once (through its view it costs a look-up each report)
local has_cell = format.info["t2.fee.amount"] ~= nil

function check(report, emit)
  if not has_cell then return end      -- a format without the cell (2019)
  local c = report:cell("t2.fee.amount")
  if c.state ~= "number" or nianbao.compare(c.value, 0) == 0 then return end
  local amount = tostring(c.value)
  for _, sid in ipairs { "s1", "s2", "s6" } do
    local s = report:section(sid)
    local at = s and s.text:find(amount, 1, true)
    while at do
      local after = s.text:sub(at + #amount):match("^%s*(%S%S?%S?)") or ""
      local before = s.text:sub(math.max(1, at - 1), at - 1)
      if after:sub(1, 3) == "元" and not before:match("%d") then
        local line, col = report:place(s, at)
        emit { line = line, col = col, cells = { "t2.fee.amount" }, found = amount .. "元",
               expected = amount .. "万元", vars = { amount = amount, quote = amount .. "元" } }
        return
      end
      at = s.text:find(amount, at + 1, true)
    end
  end
end
