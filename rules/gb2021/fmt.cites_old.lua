-- A 2021-or-later report citing the 2019 notice as its basis.
id       = "gb2021.fmt.cites_old"
severity = "warning"
message  = {
  zh = "所引年报格式依据“{quote}”已废止，应为国办公开办函〔2021〕30号",
  en = "the format cited (“{quote}”) was replaced; the basis is 国办公开办函〔2021〕30号",
}

grammar = [[
  claim <- "国办公开办函" open? "2019" close? "60" "号"
         / "关于政府信息公开工作年度报告有关事项的通知"
  open  <- "〔" / "[" / "(" / "（" / "【"
  close <- "〕" / "]" / ")" / "）" / "】"
]]
local pattern = text.compile(grammar)

function check(report, emit)
  if not report.year or report.year < 2021 then return end
  for _, m in ipairs(text.find(report, { "s0", "s1" }, pattern)) do
    emit { line = m.line, col = m.col, found = m.text:sub(m.at, m.stop - 1),
           vars = { quote = m.text:sub(m.at, m.stop - 1) } }
    return
  end
end
