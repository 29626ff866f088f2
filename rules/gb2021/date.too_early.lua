id       = "gb2021.date.too_early"
severity = "error"
message  = {
  zh = "发布日期{date}早于统计期限截止日{year}年12月31日",
  en = "published on {date}, before the statistics period ends on {year}-12-31",
}
rationale = {
  zh = "年度报告报告的是已经结束的一年，统计期限截止日（12月31日）以前不可能发布。",
  en = "A report covers a year that has ended: it cannot be published before the period's last day (31 December).",
}
basis    = { "《中华人民共和国政府信息公开条例》第四十九条" }

function check(report, emit)
  local d, y = report.published, report.year
  if d and y and d <= string.format("%d-12-31", y) then
    local m = report.meta.published
    emit { line = m and m.line, col = m and m.col, found = d,
           expected = string.format("%d-01-01 或之后", y + 1), vars = { date = d, year = y } }
  end
end
