-- The opening paragraph states the statistics period (四川 DB51/T 2660—2019; universal practice).
id       = "gb2021.struct.period_stated"
severity = "warning"
message  = { zh = "未说明本报告数据统计期限", en = "the report does not state its statistics period" }
rationale = {
  zh = "开头应说明数据的统计期限（某年1月1日至12月31日），读者才知道表格的数是哪段时间的。",
  en = "The opening states the statistics period (1 January to 31 December of the year), so readers know what the tables count.",
}
basis    = { "四川省地方标准 DB51/T 2660—2019《政府信息公开工作年度报告编制发布规范》" }

function check(report, emit)
  if report.format ~= "legacy" and not report.period and report:section("s1") then
    local s0 = report:section("s0")
    local first = s0 and s0.places[1]
    emit { line = first and first.line or 1, col = 1 }
  end
end
