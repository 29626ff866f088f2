-- A 2021-or-later report citing the 2019 notice as its basis.
id       = "gb2021.fmt.cites_old"
severity = "warning"
message  = {
  zh = "所引年报格式依据“{quote}”已废止，应为国办公开办函〔2021〕30号",
  en = "the format cited (“{quote}”) was replaced; the basis is 国办公开办函〔2021〕30号",
}
rationale = {
  zh = "2021年度起年度报告使用国办公开办函〔2021〕30号印发的格式；引用已被取代的2019年通知，说明报告可能仍按旧格式编写。",
  en = "From the 2021 reports on, the format is the one of 国办公开办函〔2021〕30号; citing the superseded 2019 notice suggests the report still follows the old one.",
}
basis    = { "国办公开办函〔2021〕30号" }

grammar = [[
  claim <- "国办公开办函" open? "2019" close? "60" "号"
         / "关于政府信息公开工作年度报告有关事项的通知"
  open  <- "〔" / "[" / "(" / "（" / "【"
  close <- "〕" / "]" / ")" / "）" / "】"
]]
local pattern = text.compile(grammar)

-- every citation holds one of these (most reports none)
local HINTS = { "60号", "事项的通知" }

function check(report, emit)
  if not report.year or report.year < 2021 then return end
  if not text.holds(report, { "s0", "s1" }, HINTS) then return end
  for _, m in ipairs(text.find(report, { "s0", "s1" }, pattern)) do
    emit { line = m.line, col = m.col, found = m.text:sub(m.at, m.stop - 1), quote = m.text:sub(m.at, m.stop - 1),
           vars = { quote = m.text:sub(m.at, m.stop - 1) } }
    return
  end
end
