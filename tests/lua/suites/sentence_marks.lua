-- A text is cut into sentences at each mark that ends one ("。", "；", "\n",
-- ";" …): the search passes the bytes that begin no mark as a span, and stops
-- at every mark all the same, those whose first byte other characters share
-- ("〇", "，", "１" begin as "。", "；" do) and a mark of two characters.

local claims = require "claims"
local F = nianbao.engine:pack("gb2021").format

-- the format's language with these sentence marks
local function reader(marks)
  local L = {}
  for k, v in pairs(F.language) do L[k] = v end
  L.sentence_end = marks
  return claims.for_format(setmetatable({ language = L }, { __index = F }))
end

-- the sentences as a look at every place finds them: from= and text=
local function by_hand(text, marks)
  local all = { "\n", ";", "!", "?" }
  for _, m in ipairs(marks) do all[#all + 1] = m end
  local out, from, pos = {}, 1, 1
  while from <= #text do
    local e
    while pos <= #text and not e do
      for _, m in ipairs(all) do
        if text:sub(pos, pos + #m - 1) == m then e = pos + #m break end
      end
      pos = pos + 1
    end
    e = e or #text + 1
    local s = text:sub(from, e - 1)
    if s:find("%S") then out[#out + 1] = from .. ":" .. s end
    from, pos = e, e
  end
  return table.concat(out, "|")
end

local function cut(T, text)
  local out = {}
  for _, s in ipairs(T.sentences(text)) do out[#out + 1] = s.from .. ":" .. s.text end
  return table.concat(out, "|")
end

-- characters of a text: marks, characters beginning as marks do, others
local CHARS = { "。", "；", "！", "？", ";", "!", "?", "以上", "以", "上", "〇", "　", "「", "，", "１", "ａ",
                "一", "申", "请", "件", "5", "a", " " }

test("a text is cut at every sentence mark, the bytes before them passed at a glance", function()
  for _, marks in ipairs { F.language.sentence_end, { "。", "以上" }, { "？", "。" } } do
    local T = reader(marks)
    math.randomseed(13)
    for n = 1, 300 do
      local parts = {}
      for k = 1, math.random(0, 40) do parts[k] = CHARS[math.random(#CHARS)] end
      local text = table.concat(parts)
      eq(by_hand(text, marks), cut(T, text), table.concat(marks, " ") .. " #" .. n .. ": " .. text)
    end
  end
end)

test("a text with no mark is one sentence, a text of marks none with words", function()
  local T = reader(F.language.sentence_end)
  eq("1:全年收到申请5件", cut(T, "全年收到申请5件"), "no mark")
  eq("1:全年收到申请5件。|26:办结3件；", cut(T, "全年收到申请5件。办结3件；"), "two sentences")
  eq("1:。|4:；", cut(T, "。；"), "marks alone")
  eq("", cut(T, "   "), "spaces alone")
end)
