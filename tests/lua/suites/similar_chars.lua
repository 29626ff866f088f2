-- The characters a narrative is compared by: a character of three bytes
-- (most of a Chinese text) read apart from the others, each form cut short
-- or broken read as the bad byte it starts, which counts for nothing.

local sim = require "nianbao.similar"

local K = 3
local WORD = "政府信息公开"

-- two texts of the same characters that count: the same signature, and
-- each wholly in the other
local function same(a, b, what)
  eq(sim.signature(a, K, 8), sim.signature(b, K, 8), what .. ": signature")
  local sa, sb = sim.common(a, b, K)
  eq(1.0, sa, what .. ": share of the first")
  eq(1.0, sb, what .. ": share of the second")
end

test("a three-byte character is one character; cut short or broken it counts for nothing", function()
  same(WORD .. "\xE6\x94", WORD, "cut short at the end")
  same(WORD .. "\xE6", WORD, "a lead alone at the end")
  same("政府\xE6\x94信息公开", WORD, "cut short inside")
  same("政府\xE6a信息公开", "政府a信息公开", "a lead before an ASCII letter")
  same("政府\xE6\x94a信息公开", "政府a信息公开", "two bytes before an ASCII letter")
  same("政府\xE0\x80\xAF信息", "政府/信息", "an overlong form is its code point, punctuation here")
  same("ＡＢＣ政府信息", "abc政府信息", "full width letters fold to ASCII")
  same("政府，信息。公开", WORD, "punctuation of three bytes counts for nothing")
  eq(nil, sim.signature("政府\xE6\x94", K, 8), "too few characters that count")
end)
