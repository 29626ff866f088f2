-- What a sentence leaves to the next: a sentence cut at a mark that ends
-- clauses too (；) goes on in the next, and one that opens with a word of
-- going on (其中…) is a part of the one before. The words are the format's
-- language (spaces, goes_on_from, clause_end, sentence_end).

local ends = require "claims_ends"
local suffixes, ends_with, trim_end = ends.suffixes, ends.ends_with, ends.trim_end

local M = {}

-- for_language(K) → going_on: { opens, of_part, goes_on, names_time,
-- carried } (below). K: claims.for_format's L, its clause_starts(s) and
-- the times' carried_year and year_word_search (claims_times).
function M.for_language(K)
  local L, clause_starts = K.L, K.clause_starts
  local carried_year, year_word_search = K.carried_year, K.year_word_search

  -- going_on.opens(s, i, words): does s open at byte i (spaces passed over) with a word of
  -- going on (其中…; or one of words)? going_on.of_part(cells, prefix): are the cells of a part_of
  -- prefix ("t3.new": t3.new.np, t3.new.total + …)? (a table: for_format holds many locals)
  local going_on = {}
  function going_on.opens(s, i, words)
    i = i or 1
    while true do
      local b = s:byte(i)
      if b == 32 or b == 9 or b == 10 or b == 13 then i = i + 1
      else
        local sp = false
        for _, w in ipairs(L.spaces or {}) do
          if s:sub(i, i + #w - 1) == w then i, sp = i + #w, true break end
        end
        if not sp then break end
      end
    end
    for _, w in ipairs(words or L.goes_on_from or {}) do
      if s:sub(i, i + #w - 1) == w then return true end
    end
    return false
  end
  function going_on.of_part(cells, prefix)
    return cells:sub(1, #prefix + 1) == prefix .. "."
  end

  -- A sentence cut at a mark that ends clauses too (；) goes on in the next:
  -- the time its last clauses name (2023年新收…；办结…) is the next one's where
  -- that names none. (the marks of both lists)
  local clause_marks, joining = {}, {}
  for _, w in ipairs(L.clause_end or {}) do clause_marks[w] = true end
  for _, w in ipairs(L.sentence_end or {}) do
    if clause_marks[w] then joining[#joining + 1] = w end
  end
  joining = suffixes(joining)
  function going_on.goes_on(s) return ends_with(s, trim_end(s, #s), joining) end
  -- the time s leaves to the sentence after it: a year not the report's, last
  -- year's or a part of the year (nil: the report's year, or none named)
  local function time_left(s, year)
    local t = carried_year(s, clause_starts(s), #s + 1, year)
    if t == year then return nil end
    return t
  end
  -- names_time(s, at): a claim of s that names no time of its own before it: the one left to it
  function going_on.names_time(s, at)
    local a = year_word_search:match(s, 1)
    return a ~= nil and a < at
  end
  -- The line before byte from of text, when it ends with a word that leads into what
  -- follows (2023年度情况：) and from opens the next line; else nil. (No longer than
  -- LEAD_MAX bytes: a line that long is no heading of the lines after it.)
  local LEAD_MAX = 240
  local leads_in = suffixes(L.lead_in or {})
  local function lead_before(text, from)
    if from < 3 or text:byte(from - 1) ~= 10 then return nil end
    local e = trim_end(text, from - 2)
    if e == 0 or not ends_with(text, e, leads_in) then return nil end
    local a = e
    while a > 1 and e - a < LEAD_MAX and text:byte(a - 1) ~= 10 do a = a - 1 end
    if a > 1 and text:byte(a - 1) ~= 10 then return nil end
    return text:sub(a, e)
  end
  -- the time the sentences before leave to the one at hand, s (from at byte from of
  -- text): one that went on (；) leaves its own, or, naming none, the one left to it
  -- (2023年新收…；办结…；结转…); one before a sentence opening with 其中 leaves its own,
  -- and so does a line that leads into it (2023年度情况：\n● 新收申请：2707件…)
  -- (the sentences that went on one after another are kept as links, each to the one
  -- before it, looked at only when a claim needs them, at most four back)
  function going_on.carried(state, from, s, year, text)
    if state.went_on_at == from then
      local link = state.went_on
      for _ = 1, 4 do
        if not link then break end
        local t = time_left(link.s, year)
        if t or going_on.names_time(link.s, #link.s + 1) then return t end
        link = link.prev
      end
      return nil
    end
    if state.last_at == from and going_on.opens(s) then return time_left(state.last, year) end
    local lead = text and lead_before(text, from)
    if lead then return time_left(lead, year) end
    return nil
  end

  -- going_on.after_head(state, from, head): does a sentence that the one at `from`
  -- goes on from (；, at most four back) have a clause opening with `head` (a
  -- reader's not_after_clause)? 上年度结转申请34件已于本年度全部办结；本年度新收申请
  -- 3119件，办结3016件: the answered are the new ones'
  function going_on.after_head(state, from, head)
    if state.went_on_at ~= from then return false end
    local link = state.went_on
    for _ = 1, 4 do
      if not link then break end
      for _, st in ipairs(clause_starts(link.s)) do
        if head:match(link.s, st) then return true end
      end
      link = link.prev
    end
    return false
  end

  return going_on
end

return M
