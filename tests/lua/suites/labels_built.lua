-- A label folder is built in few passes over its fold; what it does is
-- what the fold says, character by character, as the obvious gsub over
-- maps built one entry at a time does it.

local labels = require "labels"

local SPACES = { 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C, 0xA0, 0x3000, 0x2002, 0x2003,
                 0x2009, 0x200B, 0xFEFF, 0x22, 0x27, 0x7C }

-- the maps of a fold, built the obvious way
local function obvious(fold)
  local map, simple = {}, {}
  for _, c in ipairs(SPACES) do map[utf8.char(c)] = "" end
  for _, s in ipairs(fold.drop or {}) do map[utf8.char(utf8.codepoint(s))] = "" end
  local chars = {}
  for ch in (fold.traditional or ""):gmatch(utf8.charpattern) do chars[#chars + 1] = ch end
  for i = 1, #chars - 1, 2 do map[chars[i]] = chars[i + 1]; simple[chars[i]] = chars[i + 1] end
  for from, to in pairs(fold.punctuation or {}) do map[utf8.char(utf8.codepoint(from))] = to end
  local fold_of = {}
  for c = 0xFF01, 0xFF5E do fold_of[utf8.char(c)] = string.char(c - 0xFEE0) end
  for c, r in pairs(map) do fold_of[c] = r end
  for k, r in pairs(fold_of) do
    if r == "," then fold_of[k] = "" end
  end
  fold_of[","] = ""
  local involved = {}
  for k, v in pairs(simple) do involved[k], involved[v] = true, true end
  local function fold_text(s)
    local r = s:gsub(utf8.charpattern, fold_of)
    return (r:gsub("[:.]+$", ""))
  end
  local function simplify(s)
    return (s:gsub("[\228-\233][\128-\191][\128-\191]", simple))
  end
  local function touched(s)
    for _, c in utf8.codes(s) do
      if involved[utf8.char(c)] then return true end
    end
    return false
  end
  return fold_of, simple, fold_text, simplify, touched
end

local function check(fold, numerals, what)
  local L = labels.new(fold, numerals)
  local fold_of, simple, fold_text, simplify, touched = obvious(fold)
  local texts = { "", "（一）予以公开：", "收到和处理政府信息公开申请情况。", "a,b，c、d", "1.2..", "::" }
  for k, v in pairs(fold_of) do texts[#texts + 1] = k; texts[#texts + 1] = "前" .. k .. v .. "后" end
  for k, v in pairs(simple) do texts[#texts + 1] = k .. v; texts[#texts + 1] = "國" .. k .. "x" end
  for _, s in ipairs(texts) do
    eq(fold_text(s), L.norm(s), what .. ": norm of " .. s)
    eq(simplify(s), L.simplify(s), what .. ": simplify of " .. s)
    eq(touched(s), L.touched(s), what .. ": touched of " .. s)
  end
end

test("a label folder folds, simplifies and tells what simplifying touches as its fold says", function()
  local set = require("packs").load(".", {}, {})
  local decl = set:declaration("gb2021").decl
  check(decl.fold, decl.numerals, "gb2021")
  -- a fold with a character named twice, a comma made, a full-width form
  -- mapped otherwise, characters of two and four bytes, and one of three
  -- bytes outside the simplified range
  check({ traditional = "國国國囯體体éeΩo𠀀丂\u{F900}豈", drop = { "·" },
          punctuation = { ["、"] = ",", ["，"] = ";", ["；"] = ",", ["＃"] = "#" } }, "一二三", "made up")
  check({}, nil, "empty")
end)
