-- A report of a year before 2019 in the structure of its time: right then,
-- but not something the national format's checks can read. Said once, so a
-- reviewer does not take the silence for a clean report.
id       = "gb2021.fmt.legacy_old"
severity = "info"
message  = {
  zh = "{year}年度报告为条例修订前的旧版体例，未按统一格式核对",
  en = "the {year} report is in the structure from before the 2019 revision; it was not checked against the national format",
}
params   = { since = 2019 }

function check(report, emit)
  if report.format == "legacy" and report.year and report.year < params.since then
    emit { line = 1, col = 1, vars = { year = report.year } }
  end
end
