-- A report of a year before 2019 in the structure of its time: right then,
-- but not something the national format's checks can read. Said once, so a
-- reviewer does not take the silence for a clean report.
id       = "gb2021.fmt.legacy_old"
severity = "info"
message  = {
  zh = "{year}年度报告为条例修订前的旧版体例，未按统一格式核对",
  en = "the {year} report is in the structure from before the 2019 revision; it was not checked against the national format",
}
rationale = {
  zh = "2019年以前的报告按当时的条例和体例编写，本身没有错；统一格式的核对不适用于它，所以只提示一次，以免审核人把没有提示当作没有问题。",
  en = "A report of a year before 2019 follows the 条例 and structure of its time, rightly; the uniform format's checks do not apply, so this is said once, lest the silence be taken for a clean report.",
}
basis    = { "修订前的《中华人民共和国政府信息公开条例》（2007年）关于年度报告的规定" }
params   = { since = 2019 }

function check(report, emit)
  if report.format == "legacy" and report.year and report.year < params.since then
    emit { line = 1, col = 1, vars = { year = report.year } }
  end
end
