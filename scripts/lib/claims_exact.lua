-- Is a number a claim's exact count: not part of another number (a digit
-- or a numeral before it), not an ordinal, not said as near ("近百件",
-- "约300件")? The words that say so are the format's language.

local lpeg = require "lpeg"
local ends = require "claims_ends"
local Cp = lpeg.Cp
local suffixes, ends_with, trim_end = ends.suffixes, ends.ends_with, ends.trim_end

local M = {}

-- for_language(K) → not_exact(s, at): whether the number at byte `at` of s
-- is not an exact count; and comma_end_at, the pattern that finds the
-- first place of a text where only a comma (and spaces) is left. K: the
-- language's lists and patterns (claims.for_format: L, digits, multiples,
-- inexact, sp, comma, words_of).
function M.for_language(K)
  local L, digits, multiples, inexact = K.L, K.digits, K.multiples, K.inexact
  local sp, comma, words_of = K.sp, K.comma, K.words_of

  local numeral_words = words_of(digits)
  for _, k in ipairs(words_of(multiples)) do numeral_words[#numeral_words + 1] = k end
  for d = 0, 9 do
    numeral_words[#numeral_words + 1] = tostring(d)
    numeral_words[#numeral_words + 1] = "\xEF\xBC" .. string.char(0x90 + d)
  end
  numeral_words[#numeral_words + 1] = ","
  numeral_words[#numeral_words + 1] = "."
  local inexact_words = words_of(inexact.before or {})
  for _, w in ipairs(L.not_before or {}) do inexact_words[#inexact_words + 1] = w end
  numeral_words, inexact_words = suffixes(numeral_words), suffixes(inexact_words)

  -- Is the number at `at` part of another (a digit, a numeral before it), an
  -- ordinal, or not exact ("近百件", "约300件")?
  local comma_end = sp * comma * sp * -1
  -- the first place of a text where only a comma (and spaces) is left: one
  -- search, not a match at each place
  local comma_end_at = (1 - comma_end)^0 * Cp() * comma_end
  local function not_exact(s, at)
    local e = at - 1                          -- the text before the number is s up to e
    if ends_with(s, e, numeral_words) or ends_with(s, trim_end(s, e), inexact_words) then return true end
    -- "1，286件": a full-width comma written as a thousands separator
    local from = math.max(1, e - 8)
    local k = comma_end_at:match(s:sub(from, e))
    if k then return ends_with(s, trim_end(s, from + k - 2), numeral_words) end
    return false
  end
  return not_exact, comma_end_at
end

return M
