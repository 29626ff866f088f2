-- 条例第四十九条第一款: departments publish last year's report by 1月31日.
-- Townships are not named by the 条例; their date is local policy (set it below
-- or in the config: params: {gb2021.date.late_dept: {township: "02-20"}}).
id       = "gb2021.date.late_dept"
severity = "warning"
message  = {
  zh = "发布日期{date}晚于{deadline}的法定期限（{kind}，条例第四十九条）",
  en = "published on {date}, after the deadline of {deadline} ({kind_en})",
}
params   = { dept = "01-31", township = "01-31", unknown = "01-31" }

local kinds = { dept = { "部门", "department" }, township = { "乡镇、街道", "township" },
                unknown = { "发布机关类型不明", "issuer unknown" } }

function check(report, emit)
  local d, y, kind = report.published, report.year, report.issuer
  if not (d and y and params[kind]) then return end
  local deadline = string.format("%d-%s", y + 1, params[kind])
  if d > deadline then
    local m = report.meta.published
    emit { line = m and m.line, col = m and m.col, found = d, expected = deadline,
           vars = { date = d, deadline = deadline, kind = kinds[kind][1], kind_en = kinds[kind][2] } }
  end
end
