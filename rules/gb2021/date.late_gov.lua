-- 条例第四十九条第二款: the report of a people's government for its whole area by 3月31日.
id       = "gb2021.date.late_gov"
severity = "warning"
message  = {
  zh = "发布日期{date}晚于{deadline}的法定期限（人民政府年度报告，条例第四十九条）",
  en = "published on {date}, after the deadline of {deadline} for a people's government report",
}
rationale = {
  zh = "县级以上地方人民政府的政府信息公开工作主管部门应在每年3月31日前公布本级政府上一年度的年度报告。",
  en = "The disclosure office of a local people's government at or above county level publishes the government's report for last year by 31 March.",
}
basis    = { "《中华人民共和国政府信息公开条例》第四十九条第二款" }
schema   = { gov = "date" }
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
