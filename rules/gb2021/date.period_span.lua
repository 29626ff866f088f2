-- The statistics period is the calendar year (四川 DB51/T 2660—2019 and universal practice).
id       = "gb2021.date.period_span"
severity = "warning"
message  = {
  zh = "统计期限为{from}至{to}，应为{year}年1月1日至12月31日",
  en = "the statistics period is {from} to {to}; it should be {year}-01-01 to {year}-12-31",
}

function check(report, emit)
  local p, y = report.period, report.year
  if not (p and y) then return end
  if p.from ~= string.format("%d-01-01", y) or p.to ~= string.format("%d-12-31", y) then
    emit { line = p.line, col = p.col, found = p.from .. ".." .. p.to, expected = string.format("%d-01-01..%d-12-31", y, y),
           vars = { from = p.from, to = p.to, year = y } }
  end
end
