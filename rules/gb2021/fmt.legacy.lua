-- Reports under the 2008 条例 had seven to nine parts and one statistics table.
id       = "gb2021.fmt.legacy"
severity = "error"
message  = {
  zh = "使用了条例修订前的旧版年报体例（未见统一格式的六个部分）",
  en = "uses the structure from before the 2019 revision of the regulation (not the six parts of the national format)",
}

function check(report, emit)
  if report.format ~= "legacy" then return end
  -- before 2019 that structure was the rule: worth a note, not an error
  local old = report.year and report.year < 2019
  emit { line = 1, col = 1, severity = old and "info" or nil }
end
