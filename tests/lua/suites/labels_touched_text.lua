-- touched(s) says whether simplifying can change or bring about a character
-- of s: for a fold that names each traditional character once and pairs
-- them all it looks the characters up in the fold's own text, else in a set
-- made when first asked for. Either way: as the set of every pair's two
-- characters (the last pair of a character given twice) says.

local labels = require "labels"

-- the reference: the set of the characters of the final pairs
local function reference(traditional)
  local chars = {}
  for _, c in utf8.codes(traditional) do chars[#chars + 1] = utf8.char(c) end
  local simple = {}
  for i = 1, #chars - 1, 2 do simple[chars[i]] = chars[i + 1] end
  local set = {}
  for k, v in pairs(simple) do set[k], set[v] = true, true end
  return function(s)
    if not utf8.len(s) then return true end
    for _, c in utf8.codes(s) do
      if set[utf8.char(c)] then return true end
    end
    return false
  end
end

local function every_char(texts)
  local list, seen = {}, {}
  for _, t in ipairs(texts) do
    if utf8.len(t) then
      for _, c in utf8.codes(t) do
        local ch = utf8.char(c)
        if not seen[ch] then seen[ch] = true; list[#list + 1] = ch end
      end
    end
  end
  return list
end

test("touched answers as the set of the pairs' characters, for the national fold and odd ones", function()
  local set = require("packs").load(".", {}, {})
  local national = set:declaration("gb2021").decl
  local folds = {
    national = national.fold,
    ["a character given twice"] = { traditional = "國国國囯與与" },
    ["a last character alone"] = { traditional = "國国與" },
    ["a comma for a character"] = { traditional = "、,國国" },
    ["a full-width character among them"] = { traditional = "Ａa國国" },
    ["none"] = {},
  }
  local samples = { "国务院办公厅", "國務院辦公廳", "與其", "囯", "与", "一、概述", "abc", ",", "Ａ", "a", "",
                    "本年新收政府信息公开申请数量", "\xff\xfe", "歷年業務" }
  for name, fold in pairs(folds) do
    local L = labels.new(fold, national.numerals)
    local want = reference(fold.traditional or "")
    local texts = { fold.traditional or "" }
    for _, s in ipairs(samples) do texts[#texts + 1] = s end
    for _, ch in ipairs(every_char(texts)) do
      eq(want(ch), L.touched(ch), name .. ": touched(" .. ch .. ")")
    end
    for _, s in ipairs(samples) do eq(want(s), L.touched(s), name .. ": touched(" .. s .. ")") end
    eq(labels.new(fold, national.numerals).simplify("國務院與其"), L.simplify("國務院與其"), name .. ": simplify")
  end
  -- and the rest of the fold as before: punctuation, numerals
  local L = labels.new(national.fold, national.numerals)
  eq("一总体情况", L.norm("一、总体情况"), "punctuation folded")
  eq(true, L.is_numeral("三"), "a numeral")
  -- and simplifying itself: the last pair of a character given twice says
  eq("囯与", labels.new({ traditional = "國国國囯與与" }).simplify("國與"), "the last pair says")
end)
