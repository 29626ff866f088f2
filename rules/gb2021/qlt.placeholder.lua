-- Template text left in the published report.
id       = "gb2021.qlt.placeholder"
severity = "error"
message  = { zh = "含未替换的模板占位内容“{text}”", en = "template placeholder left in: “{text}”" }
rationale = {
  zh = "报告里留着模板的占位文字（如“XX”“（文字描述）”），说明有内容没有填写，这样的报告不能发布。",
  en = "Template text left in (such as “XX” or “（文字描述）”) means something was never written; such a report must not be published.",
}
basis    = { "国办公开办函〔2021〕30号（四）明确责任：内容不准确、不完整的依照条例第四十七条追责" }

-- what template placeholders look like
grammar = [[
  claim <- { "（文字描述）" / "(文字描述)" / "此处填写" / "请填写" / "在此填写" / "【" (!"】" %ch)^-10 "填写" (!"】" %ch)^-10 "】"
           / "20" ("XX" / "xx" / "××" / "**") "年"
           / ("XX" / "××" / "xx" / "XXX" / "×××") ("年" / "月" / "日" / "件" / "条" / "个" / "项" / "局" / "单位" / "部门") }
]]
local pattern = text.compile(grammar)

local PARTS = { "s0", "s1", "s2", "s3", "s4", "s5", "s6" }

-- every placeholder holds one of these (most reports none)
local HINTS = { "填写", "描述", "XX", "xx", "××", "**" }

function check(report, emit)
  if not text.holds(report, PARTS, HINTS) then return end
  for _, m in ipairs(text.find(report, PARTS, pattern)) do
    emit { line = m.line, col = m.col, found = m.caps[1], quote = m.caps[1], vars = { text = m.caps[1] } }
  end
end
