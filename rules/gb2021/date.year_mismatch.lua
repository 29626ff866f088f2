id       = "gb2021.date.year_mismatch"
severity = "error"
message  = {
  zh = "报告年度（{year}年）与统计期限年份（{period}年）不一致",
  en = "the report year ({year}) differs from the year of the statistics period ({period})",
}

function check(report, emit)
  local p = report.period
  if not (report.title_year and p) then return end
  local py = tonumber(p.to:sub(1, 4))
  if py ~= report.title_year then
    emit { line = p.line, col = p.col, found = tostring(py), expected = tostring(report.title_year),
           vars = { year = report.title_year, period = py } }
  end
end
