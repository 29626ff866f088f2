-- 条例第四十九条第一款: departments publish last year's report by 1月31日.
-- Townships are not named by the 条例; their date is local policy: the
-- format's issuer kinds carry the deadlines, and a pack or a config may set
-- one here (params: {gb2021.date.late_dept: {township: "02-20"}}).
id       = "gb2021.date.late_dept"
severity = "warning"
message  = {
  zh = "发布日期{date}晚于{deadline}的法定期限（{kind}，条例第四十九条）",
  en = "published on {date}, after the deadline of {deadline} ({kind_en})",
}
rationale = {
  zh = "县级以上人民政府部门应在每年1月31日前公布本机关上一年度的年度报告；条例没有规定乡镇、街道的期限，由各地确定（默认同部门，可在配置中设定）。",
  en = "Departments of governments at or above county level publish last year's report by 31 January; the 条例 names no date for townships, which local policy sets (by default the departments', settable in a config).",
}
basis    = { "《中华人民共和国政府信息公开条例》第四十九条第一款" }
schema   = { ["{issuer}"] = "date" }   -- a deadline per issuer kind: 02-20, 2月20日
params   = {}      -- issuer kind → "MM-DD", over the format's deadline

-- a people's government's report has its own deadline (date.late_gov)
local governments = "gov"

function check(report, emit)
  local d, y, kind = report.published, report.year, report.issuer
  local issuer = format.issuer_by_kind[kind]
  if not (d and y and issuer) or kind == governments then return end
  local deadline = string.format("%d-%s", y + 1, params[kind] or issuer.deadline)
  if d > deadline then
    local m = report.meta.published
    emit { line = m and m.line, col = m and m.col, found = d, expected = deadline,
           vars = { date = d, deadline = deadline, kind = issuer.name, kind_en = issuer.en } }
  end
end
