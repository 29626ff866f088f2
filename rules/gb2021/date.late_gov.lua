-- 条例第四十九条第二款: the report of a people's government for its whole area by 3月31日.
id       = "gb2021.date.late_gov"
severity = "warning"
message  = {
  zh = "发布日期{date}晚于{deadline}的法定期限（人民政府年度报告，条例第四十九条）",
  en = "published on {date}, after the deadline of {deadline} for a people's government report",
}
params   = {}      -- gov = "MM-DD", over the format's deadline

function check(report, emit)
  local d, y = report.published, report.year
  if not (d and y and report.issuer == "gov") then return end
  local deadline = string.format("%d-%s", y + 1, params.gov or format.issuer_by_kind.gov.deadline)
  if d > deadline then
    local m = report.meta.published
    emit { line = m and m.line, col = m and m.col, found = d, expected = deadline,
           vars = { date = d, deadline = deadline } }
  end
end
