-- The statistics period is the calendar year (四川 DB51/T 2660—2019 and universal practice).
id       = "gb2021.date.period_span"
severity = "warning"
message  = {
  zh = "统计期限为{from}至{to}，应为{year}年1月1日至12月31日",
  en = "the statistics period is {from} to {to}; it should be {year}-01-01 to {year}-12-31",
}
rationale = {
  zh = "年度报告统计的是上一年度1月1日至12月31日的数据；统计期限不是整个年度，表格里的数就不是年度数，无法与其他报告比较。",
  en = "A report counts the calendar year before it, 1 January to 31 December; a period that is not that year gives figures that are not the year's.",
}
basis    = { "四川省地方标准 DB51/T 2660—2019《政府信息公开工作年度报告编制发布规范》" }

function check(report, emit)
  local p, y = report.period, report.year
  if not (p and y) then return end
  if p.from ~= string.format("%d-01-01", y) or p.to ~= string.format("%d-12-31", y) then
    emit { line = p.line, col = p.col, found = p.from .. ".." .. p.to, expected = string.format("%d-01-01..%d-12-31", y, y),
           vars = { from = p.from, to = p.to, year = y } }
  end
end
