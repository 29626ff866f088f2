-- The opening paragraph states the statistics period (四川 DB51/T 2660—2019; universal practice).
id       = "gb2021.struct.period_stated"
severity = "warning"
message  = { zh = "未说明本报告数据统计期限", en = "the report does not state its statistics period" }
rationale = {
  zh = "开头应说明数据的统计期限（某年1月1日至12月31日），读者才知道表格的数是哪段时间的。",
  en = "The opening states the statistics period (1 January to 31 December of the year), so readers know what the tables count.",
}
basis    = { "四川省地方标准 DB51/T 2660—2019《政府信息公开工作年度报告编制发布规范》" }

-- A period said in months or as the year (统计时间为2024年1月至12月,
-- 统计期限为2024年度) is no range of days the dates' rules can read, but it
-- is stated: an opening or part 一 naming the statistics' time is not warned.
words = { "统计期限", "统计时间", "统计时限", "统计区间", "统计期间", "统计时段", "统计期为", "报告期为",
          "数据时间范围", "统计范围为" }

-- The data's time as the year's months, first to last, in a sentence that
-- names the data (报告中所列数据的起止时间为2024年1月至12月, 本报告数据
-- 时间为2024年1-12月): stated too. A sentence of the year's work alone
-- (2024年1月至12月，全市…) names no statistics' time.
data_words = { "数据" }
sentence_end = "。"
month = "月"
month_range = { "-", "~", "至", "到", "—", "－", "～" }

-- after a year's mark and its first month at i (年1, 年01): the months run to the twelfth
local function to_twelfth(sentence, i)
  local rest = sentence:sub(i)
  local ok = rest:sub(1, #month) == month
  for _, w in ipairs(month_range) do ok = ok or rest:sub(1, #w) == w end
  return ok and rest:find("12" .. month, 1, true) ~= nil
end

local function months_named(prose)
  local from = 1
  while from <= #prose do
    local e = prose:find(sentence_end, from, true) or #prose + 1
    local sentence = prose:sub(from, e - 1)
    local data = false
    for _, w in ipairs(data_words) do data = data or sentence:find(w, 1, true) ~= nil end
    if data then
      local at = 1
      while true do
        local _, j = sentence:find("%d年0?1", at)
        if not j then break end
        if not sentence:sub(j + 1, j + 1):match("%d") and to_twelfth(sentence, j + 1) then return true end
        at = j + 1
      end
    end
    from = e + #sentence_end
  end
  return false
end

local function named(report)
  for _, sid in ipairs { "s0", "s1" } do
    local s = report:section(sid)
    if s and text.mentions(s, words) then return true end
  end
  for _, sid in ipairs { "s0", "s1" } do
    local s = report:section(sid)
    if s and text.mentions(s, data_words) and months_named(text.prose(s)) then return true end
  end
  return false
end

function check(report, emit)
  if report.format ~= "legacy" and not report.period and report:section("s1") and not named(report) then
    local s0 = report:section("s0")
    local first = s0 and s0.places[1]
    emit { line = first and first.line or 1, col = 1 }
  end
end
