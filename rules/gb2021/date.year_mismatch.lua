id       = "gb2021.date.year_mismatch"
severity = "error"
message  = {
  zh = "报告年度（{year}年）与统计期限年份（{period}年）不一致",
  en = "the report year ({year}) differs from the year of the statistics period ({period})",
}
rationale = {
  zh = "标题中的年度与开头所说统计期限的年份不一致，至少有一处写错，表格的数对应哪一年就无法确定。",
  en = "The year of the title and the year of the stated period differ: one of them is wrong, and which year the tables count is unclear.",
}
basis    = { "四川省地方标准 DB51/T 2660—2019《政府信息公开工作年度报告编制发布规范》" }

function check(report, emit)
  local p = report.period
  if not (report.title_year and p) then return end
  local py = tonumber(p.to:sub(1, 4))
  if py ~= report.title_year then
    emit { line = p.line, col = p.col, found = tostring(py), expected = tostring(report.title_year),
           vars = { year = report.title_year, period = py } }
  end
end
