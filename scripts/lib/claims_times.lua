-- The years and times of a sentence's clauses: the year a clause speaks of
-- before a claim (a year number, a word for this year or last year, or a
-- part of a year: a month, a day it is counted to), and the year an
-- earlier clause names for one that names none. Read by the format's
-- words (language: year_mark, date_mark, frame_this, last_year, as_of,
-- comparison, year_subject; the format's date_digits).

local lpeg = require "lpeg"
local P, S, C, Cp, Cc, Cmt = lpeg.P, lpeg.S, lpeg.C, lpeg.Cp, lpeg.Cc, lpeg.Cmt

local M = {}

-- for_language(K) → the tests of times, each made once for a format:
-- { frame_year = (s, from, pos, own) → the year (a number, "this", "last",
--   "part") the clause from `from` names before pos, or nil;
--   carried_year = (s, starts, from, own) → the year a clause before names
--   for the one at `from` (starts: the clauses' starts), or nil;
--   quantities = (s) → where the quantities of s begin;
--   quantity_search, year_word_search: the searches they use }.
-- own: the report's year. K: the language's lists and patterns
-- (claims.for_format: F, L, digits, tens, the patterns digit, yearnum, sp,
-- comma, unit, percent, year_mark, date_mark, spaced, arabic, chinese,
-- own_period, and its helpers words_of, alt, words_alt, words_alt_once,
-- search_for, first_bytes, ascii; plain_search as its opts say).
function M.for_language(K)
  local F, L, digits, tens = K.F, K.L, K.digits, K.tens
  local digit, yearnum, sp, comma, unit, percent = K.digit, K.yearnum, K.sp, K.comma, K.unit, K.percent
  local year_mark, date_mark, spaced, arabic, chinese = K.year_mark, K.date_mark, K.spaced, K.arabic, K.chinese
  local own_period, plain_search = K.own_period, K.plain_search
  local words_of, alt, words_alt, words_alt_once = K.words_of, K.alt, K.words_alt, K.words_alt_once
  local search_for, first_bytes, ascii = K.search_for, K.first_bytes, K.ascii

  -- The year a clause speaks of before pos: the last year number (not a day
  -- of it: "2024年1月") or word for this year or last year; nil when none.
  local date_after = sp * digit^1 * sp * date_mark
  -- a year in numerals, a numeral a digit (二〇二三年, or with the format's date digits: ○):
  -- its digits, as a year of digits
  local year_digits = {}
  for k, v in pairs(digits) do year_digits[k] = v end
  for k, v in pairs(type(F.decl) == "table" and type(F.decl.date_digits) == "table" and F.decl.date_digits or {}) do
    year_digits[k] = v
  end
  local numeral_digit = {}
  for _, w in ipairs(words_of(year_digits)) do
    if utf8.len(w) == 1 and #w == 3 then numeral_digit[#numeral_digit + 1] = w end
  end
  local numeral_digit_p = alt(numeral_digit)
  local function numeral_year(y)
    return (y:gsub(utf8.charpattern, function(c) return tostring(year_digits[c]) end))
  end
  -- (found at its mark by a look back: a numeral's first byte begins too many other characters)
  local numeral_year_before = Cmt(#year_mark * lpeg.B(numeral_digit_p * numeral_digit_p * numeral_digit_p * numeral_digit_p),
                                  function(s, i) return i, i - 12, numeral_year(s:sub(i - 12, i - 1)) end)
                              * year_mark * Cp()
  local year_word = Cp() * (C(yearnum) * sp * year_mark * Cp()
                            + Cc("this") * words_alt_once(L.frame_this or {}) * Cp()
                            + Cc("last") * words_alt_once(L.last_year or {}) * Cp())
                    + numeral_year_before
  -- (a year of digits, its mark, or a word of the lists: what it can begin with)
  local year_word_search = search_for(year_word, not plain_search
                                      and first_bytes({ L.frame_this or {}, L.last_year or {}, L.year_mark or {} },
                                                      "0123456789\xEF"))
  -- a day after the report's year sets a time only as the day a count is
  -- "as of" (截至2025年1月15日…已办结86件), not as an event's day (于2025年1月20日发布)
  local as_of = L.as_of or {}
  local function said_as_of(s, a)
    local k = a - 1
    while k > 0 and s:byte(k) == 32 do k = k - 1 end
    for _, w in ipairs(as_of) do
      if k >= #w and s:sub(k - #w + 1, k) == w then return true end
    end
    return false
  end
  local function after_year(s, a, y, own)
    return own ~= nil and tonumber(ascii(y)) > own and said_as_of(s, a)
  end
  -- a count of part of the year: as of a day before its last month (截至2024年11月30日…), or
  -- of a month said with no day (2024年6月，共收到…), unless that spans the year (2024年1月至12月)
  local month_of = sp * C(digit^1) * sp * date_mark
  local month_day = month_of * sp * digit^1 * sp * date_mark
  local function part_of_year(s, a, y, e, own)
    if not own or tonumber(ascii(y)) ~= own then return false end
    local m = month_of:match(s, e)
    if m == nil then return false end
    if said_as_of(s, a) then return tonumber(ascii(m)) < 12 end
    return not month_day:match(s, e) and not (own_period and own_period:match(s, e))
  end
  -- a count of one day of the report's year, not as of it (2024年3月5日收到申请1件): a part
  -- of the year; a day that with the words after it is the year's end or the whole year
  -- (2024年1月1日至2024年12月31日, 2024年1月1日至12月31日): the year; nil: no day of the year
  local function day_of_year(s, a, y, e, own)
    if not own or tonumber(ascii(y)) ~= own or said_as_of(s, a) or not month_day:match(s, e) then return nil end
    if own_period and own_period:match(s, e) then return own end
    return "part"
  end
  -- (below, a month or day of a year not the report's, 2025年1月收到…, 截至2023年12月31日…,
  -- is a time not the report's year, though not that whole year either: one
  -- test, written where it is asked)
  local function frame_year(s, from, pos, own)
    local last, i = nil, from
    while i < pos do
      local a, y, e = year_word_search:match(s, i)
      if not a or a >= pos then break end
      if y == "this" or y == "last" then last = y
      elseif not date_after:match(s, e) or after_year(s, a, y, own) then last = tonumber(ascii(y))
      elseif part_of_year(s, a, y, e, own) or own ~= nil and tonumber(ascii(y)) ~= own then last = "part"
      else last = day_of_year(s, a, y, e, own) or last end
      i = e
    end
    return last
  end
  -- The year an earlier clause set, for a clause that names none: a year
  -- number before the first quantity of the nearest clause before it that
  -- names a time ("我局2020年公开许可33项，处罚36项，强制1项" → 2020).
  -- Not carried: a year word ("上年度结转34件，…" is a subject), a clause
  -- that compares ("与2020年相比，…") or a year that is a subject ("2023年结转的5件").
  -- (a word of comparison before a colon heads the figures after it: 2023年度对比：新收…)
  local comparing = search_for(words_alt_once(L.comparison or {}) * -(sp * words_alt(L.lead_in or {})),
                               not plain_search and first_bytes { L.comparison or {} })
  -- (so with a comma, when the clause opens with the year, the word up to three characters
  -- after it: 2023年对比，新收…, 2023年同期对比，…, 2023年对比情况，…; 与2023年对比，新收申请增加5件
  -- compares, its figures this year's)
  local comparison_word = words_alt(L.comparison or {})
  local heading_year = sp * yearnum * sp * year_mark * (1 - comparison_word - comma)^-9 * comparison_word^1
                       * (1 - comma)^-6 * sp * comma^-1 * sp * -1
  local carried_year       -- (s, starts, from) → the year, or nil; set once quantities are known

  -- quantities a sentence names (a number not a year, a day or a percentage)
  local quantity = Cp() * ((spaced + arabic) * -(sp * (year_mark + date_mark + percent + P"." + digit))
                           + chinese * sp * unit)
  -- (a number of digits, or of words: a numeral, or one of ten that leads)
  local quantity_search = search_for(quantity, not plain_search and first_bytes({ digits, tens }, "0123456789\xEF"))
  -- (a pattern made where it is matched is compiled again at each match)
  local numeric = digit + S", ."
  local function quantities(s)
    local out, pos = {}, 1
    while pos <= #s do
      local a = quantity_search:match(s, pos)
      if not a then break end
      out[#out + 1] = a
      pos = a + 1
      while pos <= #s and numeric:match(s, pos) do pos = pos + 1 end
    end
    return out
  end

  local subject_after = sp * words_alt(L.year_subject or {})
  local ends_clause = sp * comma * Cp()
  -- the time a clause (from, to) names before its first quantity: "none",
  -- a year number, or "stop" (a word for a year, a comparison, a subject)
  local function clause_time(s, from, to, own)
    local clause = s:sub(from, to - 1)
    if comparing:match(clause) and not heading_year:match(clause) then return "stop" end
    local stop = from - 1 + (quantity_search:match(clause) or #clause + 1)
    local year, i = "none", from
    while i < stop do
      local a, y, e = year_word_search:match(s, i)
      if not a or a >= stop then break end
      if y == "this" or y == "last" then
        -- (last year's as a subject, 上年结转的申请…, names no time: looked past;
        -- opening a clause as its time, 去年新收申请2900件，办结2850件, it is the next clause's too)
        if y == "this" then return "stop" end
        -- (or after one character that joins it on, ending its clause: 而上年度，全市新收…)
        if not subject_after:match(s, e) then
          local opens = s:match("^%s*()", from)
          return (opens == a or a - opens <= 3 and ends_clause:match(s, e) == to) and "last" or "stop"
        end
      elseif not date_after:match(s, e) then
        if subject_after:match(s, e) then return "stop" end
        year = tonumber(ascii(y))
      elseif after_year(s, a, y, own) then year = tonumber(ascii(y))
      -- (for the clauses after it, an event's day, 于2025年1月20日发布, is no time)
      elseif part_of_year(s, a, y, e, own) or own ~= nil and tonumber(ascii(y)) ~= own and said_as_of(s, a) then year = "part"
      else
        -- (but a day of the report's year opening the clause, 2024年6月18日，收到…, is the
        -- time of the clauses after it; the year's last day, …至2024年12月31日, the year)
        local day = day_of_year(s, a, y, e, own)
        if day == own or day == "part" and a == s:match("^%s*()", from) then year = day end
      end
      i = e
    end
    return year
  end
  function carried_year(s, starts, from, own)
    for k = #starts, 1, -1 do
      if starts[k] < from then
        local t = clause_time(s, starts[k], starts[k + 1] or (#s + 1), own)
        if t == "stop" then return nil end
        if t ~= "none" then return t end
      end
    end
    return nil
  end

  return { frame_year = frame_year, carried_year = carried_year, quantities = quantities,
           quantity_search = quantity_search, year_word_search = year_word_search }
end

return M
