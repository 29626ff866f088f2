-- A character of three bytes read inline (most of a narrative): folded
-- as every other one is, at each edge of the range read without a call.
-- Each character, between two letters, against the text it folds to.

local sim = require "nianbao.similar"

-- what counts of a code point and as what (nb_similar.c's fold, written plainly)
local function folded(cp)
  if cp >= 0xFF01 and cp <= 0xFF5E then cp = cp - 0xFEE0 end
  if cp < 0x80 then
    if cp >= 65 and cp <= 90 then return cp + 32 end
    if (cp >= 97 and cp <= 122) or (cp >= 48 and cp <= 57) then return cp end
    return nil
  end
  if cp < 0xC0 or (cp >= 0x2000 and cp <= 0x2BFF) or (cp >= 0x3000 and cp <= 0x303F)
     or (cp >= 0xFE30 and cp <= 0xFE4F) or (cp >= 0xFF00 and cp <= 0xFFEF)
     or cp == 0xFFFD or cp == 0xFEFF then
    return nil
  end
  return cp
end

-- the three bytes of cp as a lead and two continuations, even where
-- UTF-8 has none (surrogates): the text as nb_similar.c decodes it
local function three(cp)
  return string.char(0xE0 | cp >> 12, 0x80 | (cp >> 6 & 0x3F), 0x80 | (cp & 0x3F))
end

test("each character of three bytes near the edges counts as fold says", function()
  local ranges = { { 0x0800, 0x0820 }, { 0x1FF0, 0x2010 }, { 0x2BF0, 0x2C10 }, { 0x2FF0, 0x3050 },
                   { 0x4E00, 0x4E10 }, { 0xD7F0, 0xE010 }, { 0xFDF0, 0xFE60 }, { 0xFEF0, 0xFF70 },
                   { 0xFFD0, 0xFFFF } }
  for _, r in ipairs(ranges) do
    for cp = r[1], r[2] do
      local f = folded(cp)
      local text = "甲" .. three(cp) .. "乙"
      local want = "甲" .. (f and utf8.char(f) or "") .. "乙"
      local what = string.format("U+%04X", cp)
      eq(sim.signature(want, 1, 8), sim.signature(text, 1, 8), what .. ": signature")
      local sa, sb = sim.common(text, want, 1)
      eq(1.0, sa, what .. ": share of the text")
      eq(1.0, sb, what .. ": share of what it folds to")
    end
  end
end)
