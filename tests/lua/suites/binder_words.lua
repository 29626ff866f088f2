-- The binder's search for the first of a list of words (bind.first_of, one
-- core call): where each word found by string.find would put the earliest,
-- and the prose test and a table's start built on it as they were.

local bind = require "pipeline.bind"

local E = nianbao.engine
local F = E:pack("gb2021").format

local function first_long_way(s, words)
  local first
  for _, w in ipairs(words) do
    local at = s:find(w, 1, true)
    if at and (not first or at < first) then first = at end
  end
  return first
end

-- prose_of as it was: mark by mark
local function prose_long_way(L, text)
  for _, m in ipairs(L.sentence_end or {}) do
    if text:find(m, 1, true) then return true end
  end
  local clause = false
  for _, m in ipairs(L.clause_end or {}) do
    if #m > 1 and text:find(m, 1, true) then clause = true end
  end
  if not clause then return false end
  for _, u in ipairs(L.units or {}) do
    if text:find("%d%s*" .. u:gsub("[%^%$%*%+%?%.%(%)%[%]%%%-]", "%%%0")) then return true end
  end
  return false
end

local function texts()
  local out = { "", "。", "a", "本年新收", "共发生行政复议 351 件，均已办结。", "共发生行政复议 351 件，",
                "申请人情况、本年新收", "行政复议、行政诉讼", "1,234", "第二十条第（一）项；" }
  for _, path in ipairs { "examples/jiuqu-2024.txt" } do
    for line in assert(io.open(path)):lines() do out[#out + 1] = line end
  end
  return out
end

test("the first of a list of words is where string.find puts the earliest of them", function()
  local lists = { F.language.sentence_end, F.language.clause_end, F.report_words, F.period_words,
                  { "" }, { "件", "" }, { "aa", "a" }, {} }
  for _, T in ipairs(F.tables) do lists[#lists + 1] = T.starts end
  for _, o in ipairs(E:others("gb2021")) do lists[#lists + 1] = o.signature end
  local n = 0
  for _, text in ipairs(texts()) do
    for _, words in ipairs(lists) do
      eq(first_long_way(text, words), bind.first_of(text, words), text)
      n = n + 1
    end
  end
  eq(true, n > 1000, "searches compared (" .. n .. ")")
end)

test("a paragraph is prose, marks looked for in one call each, as it was mark by mark", function()
  for _, text in ipairs(texts()) do
    eq(prose_long_way(F.language, text), bind.is_prose(F, text), text)
  end
end)
