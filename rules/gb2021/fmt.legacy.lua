-- Reports under the 2008 条例 had seven to nine parts and one statistics table.
id       = "gb2021.fmt.legacy"
severity = "error"
message  = {
  zh = "使用了条例修订前的旧版年报体例（未见统一格式的六个部分）",
  en = "uses the structure from before the 2019 revision of the regulation (not the six parts of the national format)",
}
rationale = {
  zh = "2019年修订的条例施行后，年度报告按统一格式分六个部分编写；旧版体例缺少统一格式要求的内容，也无法与其他机关的报告比较。",
  en = "Since the 2019 revision of the 条例, a report has the six parts of the uniform format; the old structure lacks what the format asks and cannot be compared with others.",
}
basis    = { "《中华人民共和国政府信息公开条例》第五十条", "国办公开办函〔2021〕30号" }

-- the 条例 revised in 2019 and the uniform format came into use from the 2019 reports
params   = { since = 2019 }

function check(report, emit)
  if report.format ~= "legacy" then return end
  if report.year and report.year < params.since then return end    -- fmt.legacy_old
  emit { line = 1, col = 1 }
end
