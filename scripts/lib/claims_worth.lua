-- The quick look at a sentence before its grammars read it: a sentence with
-- no count, sum, percentage, negation, zero or last year claims nothing.

local nianbao = require "nianbao"

local M = {}

-- a character of UTF-8 (or a start of one) at the start of a text, as string.match reads it
local CHAR_AT_START = "^" .. utf8.charpattern

-- for_language(K) → worth_in(s): whether s holds something a claim is made
-- of. K: the language's lists and patterns (claims.for_format: L, digits,
-- multiples, the patterns spaced, arabic, chinese, sp, unit, not_count,
-- inexact_after, money_unit, percent, defs: the format's words, and its
-- helpers words_of, guard_of).
function M.for_language(K)
  local L, digits, multiples, defs = K.L, K.digits, K.multiples, K.defs
  local spaced, arabic, chinese, sp, unit = K.spaced, K.arabic, K.chinese, K.sp, K.unit
  local not_count, inexact_after, money_unit, percent = K.not_count, K.inexact_after, K.money_unit, K.percent
  local words_of, guard_of = K.words_of, K.guard_of

  -- a sentence with no count, sum, percentage, negation, zero or last year claims nothing: not read
  -- (count + amount + pct as one number read once, with no captures: what
  -- matches where either of them does)
  local decimal = spaced + arabic
  local worth = sp * (decimal * sp * (unit * -not_count * -inexact_after + money_unit + percent * -inexact_after)
                      + -decimal * chinese * sp * (unit * -not_count * -inexact_after + money_unit))
                + defs.neg + defs.zero + defs.last_year
  -- each of these begins with a space, a digit, a numeral or the first
  -- character of a word for none or last year: other places are passed over
  -- at a glance (most of a sentence)
  local firsts, seen = {}, {}
  local worth_in                  -- worth_in(s) → whether worth matches somewhere in s
  -- (spacing[c]: c begins only spaces, none of the other words)
  local spacing = {}
  local function first_of(w, is_space)
    local c = w:match(CHAR_AT_START) or w:sub(1, 1)
    if not seen[c] then seen[c] = true; firsts[#firsts + 1] = c end
    if not is_space then spacing[c] = false elseif spacing[c] == nil then spacing[c] = true end
    return c ~= ""
  end
  local guarded = true
  for _, w in ipairs { " ", "\t" } do first_of(w, true) end
  for _, w in ipairs { "0", "1", "2", "3", "4", "5", "6", "7", "8", "9" } do first_of(w) end
  for d = 0, 9 do first_of("\xEF\xBC" .. string.char(0x90 + d)) end
  for _, w in ipairs(L.spaces or {}) do guarded = first_of(w, true) and guarded end
  for _, w in ipairs(words_of(digits)) do guarded = first_of(w) and guarded end
  for w, v in pairs(multiples) do if v == 10 then guarded = first_of(w) and guarded end end
  for _, list in ipairs { L.negation or {}, L.zero or {}, L.last_year or {} } do
    for _, w in ipairs(words_of(list)) do guarded = first_of(w) and guarded end
  end
  table.sort(firsts)
  if guarded then
    -- the places where one of those characters begins found in C, a byte
    -- a step, and the look asked only there (a search in LPeg looked at
    -- each character in a few steps): other places are passed over. A
    -- place of spaces is passed over too: what the look reads after them
    -- it reads where they end, a place of a digit or numeral (a PDF's
    -- spaces were each a look, and as many again)
    local here = #guard_of(firsts) * worth
    local firsts_index
    worth_in = function(s)
      if not firsts_index then
        local looked, groups = {}, {}
        for _, c in ipairs(firsts) do
          if not spacing[c] then looked[#looked + 1], groups[#groups + 1] = c, 1 end
        end
        firsts_index = select(2, nianbao.words_held("", looked, groups))
      end
      local at = nianbao.word_at(s, 1, firsts_index)
      while at do
        if here:match(s, at) then return true end
        at = nianbao.word_at(s, at + 1, firsts_index)
      end
      return false
    end
  else
    worth = (1 - worth)^0 * 1
    worth_in = function(s) return worth:match(s) ~= nil end
  end
  return worth_in
end

return M
