-- The quick look at a sentence before its grammars read it: a sentence with
-- no count, sum, percentage, negation, zero or last year claims nothing.

local nianbao = require "nianbao"
local lpeg = require "lpeg"

local M = {}

-- a character of UTF-8 (or a start of one) at the start of a text, as string.match reads it
local CHAR_AT_START = "^" .. utf8.charpattern

-- for_language(K) → worth_in(s): whether s holds something a claim is made
-- of. K: the language's lists and patterns (claims.for_format: L, digits,
-- multiples, the patterns spaced, arabic, chinese, sp, unit, not_count,
-- inexact_after, money_unit, percent, defs: the format's words, and its
-- helper words_of).
function M.for_language(K)
  local L, digits, multiples, defs = K.L, K.digits, K.multiples, K.defs
  local spaced, arabic, chinese, sp, unit = K.spaced, K.arabic, K.chinese, K.sp, K.unit
  local not_count, inexact_after, money_unit, percent = K.not_count, K.inexact_after, K.money_unit, K.percent
  local words_of = K.words_of

  -- a sentence with no count, sum, percentage, negation, zero or last year claims nothing: not read
  -- (count + amount + pct as one number read once, with no captures: what
  -- matches where either of them does)
  local decimal = spaced + arabic
  local counted = decimal * sp * (unit * -not_count * -inexact_after + money_unit + percent * -inexact_after)
  local numeral_counted = -decimal * chinese * sp * (unit * -not_count * -inexact_after + money_unit)
  local worth = sp * (counted + numeral_counted) + defs.neg + defs.zero + defs.last_year
  -- each of these begins with a space, a digit, a numeral or the first
  -- character of a word for none or last year: other places are passed over
  -- at a glance (most of a sentence)
  local firsts, seen = {}, {}
  local worth_in                  -- worth_in(s) → whether worth matches somewhere in s
  -- (spacing[c]: c begins only spaces, none of the other words; begins[c]:
  -- which of the look's ways of matching may begin with c, by their names)
  local spacing, begins = {}, {}
  local whole_chars = true        -- every first is a character whole (no stray byte)
  local function first_of(w, is_space, way)
    local c = w:match(CHAR_AT_START)
    if not c or utf8.len(c) ~= 1 then c = c or w:sub(1, 1); whole_chars = false end
    if not seen[c] then seen[c] = true; firsts[#firsts + 1] = c; begins[c] = {} end
    if not is_space then spacing[c] = false elseif spacing[c] == nil then spacing[c] = true end
    begins[c][way] = true
    return c ~= ""
  end
  local guarded = true
  for _, w in ipairs { " ", "\t" } do first_of(w, true, "space") end
  for _, w in ipairs { "0", "1", "2", "3", "4", "5", "6", "7", "8", "9" } do first_of(w, false, "digit") end
  for d = 0, 9 do first_of("\xEF\xBC" .. string.char(0x90 + d), false, "digit") end
  for _, w in ipairs(L.spaces or {}) do guarded = first_of(w, true, "space") and guarded end
  for _, w in ipairs(words_of(digits)) do guarded = first_of(w, false, "numeral") and guarded end
  for w, v in pairs(multiples) do if v == 10 then guarded = first_of(w, false, "numeral") and guarded end end
  for _, way in ipairs { "negation", "zero", "last_year" } do
    for _, w in ipairs(words_of(L[way] or {})) do guarded = first_of(w, false, way) and guarded end
  end
  table.sort(firsts)

  -- What the look tries at a place where c begins: only the ways that can
  -- begin with c, in worth's order (the same answer, fewer tries: at a
  -- digit, no numeral and no word for none; at 无, no number). A number
  -- begins with a digit, a number in words with a numeral (a digit's word
  -- or a ten's), the words for none and last year with their first
  -- characters, and last year also as a year in digits (2023年). A place
  -- where spaces may begin (sp reads them, then any of the rest) tries
  -- them all, as does every place when a first is no whole character.
  -- Made once for each set of ways.
  local by_ways = {}
  local function look_at(c)
    local ways = begins[c]
    if ways.space or not whole_chars then return worth end
    local key = (ways.digit and "d" or "") .. (ways.numeral and "n" or "") .. (ways.negation and "g" or "")
                .. (ways.zero and "z" or "") .. ((ways.last_year or ways.digit) and "y" or "")
    local p = by_ways[key]
    if p then return p end
    local alts = {}
    if ways.digit then alts[#alts + 1] = counted end
    if ways.numeral then alts[#alts + 1] = numeral_counted end
    if ways.negation then alts[#alts + 1] = defs.neg end
    if ways.zero then alts[#alts + 1] = defs.zero end
    if ways.last_year or ways.digit then alts[#alts + 1] = defs.last_year end
    -- (one way alone is a grammar of its one rule: a pattern of its own, as
    -- a choice is. A format's word, matched itself, would be compiled, and
    -- LPeg's compile changes its tree, which the grammars made of it later
    -- are known by to the build's images)
    p = alts[1]
    for i = 2, #alts do p = p + alts[i] end
    if #alts == 1 then p = lpeg.P { p } end
    by_ways[key] = p
    return p
  end

  if guarded then
    -- the places where one of those characters begins found in C, a byte
    -- a step, and the look asked only there (a search in LPeg looked at
    -- each character in a few steps): other places are passed over. A
    -- place of spaces is passed over too: what the look reads after them
    -- it reads where they end, a place of a digit or numeral (a PDF's
    -- spaces were each a look, and as many again). Each character looked
    -- for is a group of its own: word_at says which begins the place, and
    -- that character's look is asked there.
    local looked, groups, looks = {}, {}, {}
    for _, c in ipairs(firsts) do
      if not spacing[c] then
        looked[#looked + 1] = c
        groups[#groups + 1] = #looked
        looks[#looked] = look_at(c)
      end
    end
    local firsts_index
    worth_in = function(s)
      if not firsts_index then firsts_index = select(2, nianbao.words_held("", looked, groups)) end
      local at, group = nianbao.word_at(s, 1, firsts_index)
      while at do
        if looks[group]:match(s, at) then return true end
        at, group = nianbao.word_at(s, at + 1, firsts_index)
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
