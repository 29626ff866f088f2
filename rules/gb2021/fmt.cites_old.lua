-- A 2021-or-later report citing the 2019 notice as its basis.
id       = "gb2021.fmt.cites_old"
severity = "warning"
message  = {
  zh = "所引年报格式依据“{quote}”已废止，应为国办公开办函〔2021〕30号",
  en = "the format cited (“{quote}”) was replaced; the basis is 国办公开办函〔2021〕30号",
}
rationale = {
  zh = "2021年度起年度报告使用国办公开办函〔2021〕30号印发的格式；引用已被取代的2019年通知，说明报告可能仍按旧格式编写。",
  en = "From the 2021 reports on, the format is the one of 国办公开办函〔2021〕30号; citing the superseded 2019 notice suggests the report still follows the old one.",
}
basis    = { "国办公开办函〔2021〕30号" }

grammar = [[
  claim <- "国办公开办函" open? "2019" close? "60" "号"
         / "关于政府信息公开工作年度报告有关事项的通知"
  open  <- "〔" / "[" / "(" / "（" / "【"
  close <- "〕" / "]" / ")" / "）" / "】"
]]
local pattern = text.compile(grammar)

-- every citation holds one of these (most reports none)
local HINTS = { "60号", "事项的通知" }

-- the old notice named as repealed is no basis cited: one of these words
-- within a few characters after it ("原国办公开办函〔2019〕60号同时废止")
local REPEALED = { "废止", "停止", "不再", "失效" }
local REPEALED_WITHIN = 12    -- characters

local function named_repealed(m)
  local after = m.text:sub(m.stop, (utf8.offset(m.text, REPEALED_WITHIN + 1, m.stop) or 0) - 1)
  for _, w in ipairs(REPEALED) do
    if after:find(w, 1, true) then return true end
  end
  return false
end

function check(report, emit)
  if not report.year or report.year < 2021 then return end
  if not text.holds(report, { "s0", "s1" }, HINTS) then return end
  for _, m in ipairs(text.find(report, { "s0", "s1" }, pattern)) do
    if not named_repealed(m) then
      emit { line = m.line, col = m.col, found = m.text:sub(m.at, m.stop - 1), quote = m.text:sub(m.at, m.stop - 1),
             vars = { quote = m.text:sub(m.at, m.stop - 1) } }
      return
    end
  end
end
