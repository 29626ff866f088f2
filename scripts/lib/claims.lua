-- Claims: what a report's prose says about its own tables, and the text
-- helpers rule files see as `text` (for_format(F)).
--
-- A claim is a subject (cells of the format), a number and a unit joined
-- by a grammar; around it the sentence may negate it, give it to another
-- body (a sub-unit), another period or a plan, or make it last year's. The
-- grammars are the rules': each txt rule registers its readers with
-- `text.grammar{…}` (or `text.claims{…}`, which also builds its check). The
-- words every grammar shares (numerals, units, negation, the years, the
-- words of other bodies, periods and plans) are the format's `language`.
-- A sentence the grammars do not fully understand yields no claim.
--
-- One function reads a sentence: read(sentence, {year=, issuer=}) → the
-- claims of every registered grammar. The rules use it through
-- claims_in(report); the sentence corpus (tests/sentences) through read().
--
-- Parts of the reading are modules of their own, each made once for a
-- format from its words: the years and times of clauses (claims_times),
-- whether a number is an exact count (claims_exact), what a sentence
-- leaves to the next (claims_carry), the quick look at a sentence
-- (claims_worth) and the grammars that may read it (claims_needs).

local lpeg, re = require "lpeg", require "re"
local nianbao = require "nianbao"
local formatlib = require "format"
local view = require "view"
local Report = require "report"
local messages = require "messages"
local limits = require "nianbao.sandbox"
local limited = require "nianbao.limited"
local claims_exact, claims_times = require "claims_exact", require "claims_times"
local claims_carry, claims_worth, claims_needs = require "claims_carry", require "claims_worth", require "claims_needs"
local metered, outside = limited.running, limited.outside
local P, R, S, C, Cp, Ct, Cmt, Cc, V = lpeg.P, lpeg.R, lpeg.S, lpeg.C, lpeg.Cp, lpeg.Ct, lpeg.Cmt, lpeg.Cc, lpeg.V

local M = {}

-- The collector stopped until the value returned is closed; then its next
-- step put off by a quarter of the heap, as after a pack is built (what was
-- built meanwhile lives as long as the process: walking it as it grows,
-- and again at once, is waste).
local restart_collector = { __close = function()
  collectgarbage("restart")
  collectgarbage("step", -(collectgarbage("count") // 4))
end }
local function collector_paused()
  collectgarbage("stop")
  return setmetatable({}, restart_collector)
end

-- The rules of the national packs' grammars, and where their readers can
-- begin, are worked out when the binary is built (claim_starts.lua, made by
-- make claim-starts). starts_record: { starts = {}, rules = {} } (the maker
-- of that file sets it): each is worked out, none taken from the file, and
-- put in it by its key.
M.starts_record = nil

-- A "sentence" longer than this (bytes) is no sentence a person wrote (a table
-- run together, a page without marks): it is not read, and claims nothing.
local MAX_SENTENCE = 3000
-- A line that starts as a heading ("（二）…") and is no longer than this
-- (characters) is a heading: the next line does not continue it.
local HEADING_MAX = 20
-- A report that claims more than this is not read further.
local MAX_CLAIMS = 2000
-- No count a report states reaches this (ten digits: more than China's people
-- times seven, more than any year's decisions of a province's agencies); money
-- is not counted by it.
local MAX_COUNT = 10000000000
-- The first sentences read have the words the grammars need looked for one
-- by one; the pass that looks for all at once is built after this many:
-- none, its words compiled once (a look for each word costs more from the
-- first sentence of a report on).
local NEEDS_BY_WORD = 0

--{=== words and numbers ===

-- alts[i] / … / alts[j], joined in halves: LPeg copies both sides of each
-- choice it makes, so a choice grown an alternative at a time is copied
-- again at each (n alternatives: n * n / 2 copies, in halves n * log n)
local function balanced(alts, i, j)
  if i > j then return P(false) end
  if i == j then return alts[i] end
  local m = (i + j) // 2
  return balanced(alts, i, m) + balanced(alts, m + 1, j)
end

-- A pattern for any of the strings in list, a byte at a time: strings
-- that begin with different bytes are told apart by that byte alone, with
-- no backtracking (what a choice of many words of one script would do).
-- It also matches where a string of the list is a prefix of the text.
-- (d: the bytes of each word the branches above told apart; the words are
-- kept whole, not cut at each byte)
local function trie(list, d)
  d = d or 0
  local branches, order = {}, {}
  for _, w in ipairs(list) do
    local b = w:byte(d + 1)
    local branch = branches[b]
    if not branch then branch = {}; branches[b] = branch; order[#order + 1] = b end
    branch[#branch + 1] = w
  end
  local p = P(false)
  for _, b in ipairs(order) do
    local branch, ends = branches[b], false
    for _, w in ipairs(branch) do ends = ends or #w == d + 1 end
    -- (the rest of the one word of a branch: its bytes in a row, as one string)
    p = p + (ends and P(string.char(b)) or #branch == 1 and P(branch[1]:sub(d + 1))
             or P(string.char(b)) * trie(branch, d + 1))
  end
  return p
end

-- Is no string of list the start of another (nor empty, nor twice)?
local function prefix_free(list)
  local sorted = {}
  for i, k in ipairs(list) do
    if type(k) ~= "string" or k == "" then return false end
    sorted[i] = k
  end
  table.sort(sorted)
  for i = 2, #sorted do
    if sorted[i]:sub(1, #sorted[i - 1]) == sorted[i - 1] then return false end
  end
  return true
end

-- s as a literal of re, or nil when it holds both quotes
local function literal(s)
  if not s:find("'", 1, true) then return "'" .. s .. "'" end
  if not s:find('"', 1, true) then return '"' .. s .. '"' end
  return nil
end

-- the trie of list[i..j] (strings sorted, none the start of another, their
-- first d bytes alike) as a text of re, its branches in the order of their
-- bytes (nil: a word that no literal can say)
-- (quote: a quote none of the words holds, each piece written in it at
-- once; nil: each piece's own looked for)
local function sorted_trie_text(list, i, j, d, quote)
  local alts = {}
  while i <= j do
    local w = list[i]
    local b = w:byte(d + 1)
    local k = i
    while k < j and list[k + 1]:byte(d + 1) == b do k = k + 1 end
    local text
    if k == i then                                          -- (the rest of the one word of a branch)
      text = quote and quote .. w:sub(d + 1) .. quote or literal(w:sub(d + 1))
    else
      local head = quote and quote .. string.char(b) .. quote or literal(string.char(b))
      local rest = sorted_trie_text(list, i, k, d + 1, quote)
      text = head and rest and head .. " (" .. rest .. ")"
    end
    if not text then return nil end
    alts[#alts + 1] = text
    i = k + 1
  end
  return table.concat(alts, " / ")
end

-- Of words none of which starts another at most one matches anywhere,
-- whatever their order: those are told apart a byte at a time (a trie),
-- not tried one by one. The trie is written as a text of re, which the
-- build's grammar images answer with one copy (some thirty LPeg calls a
-- list, hundreds in all, at every start), its branches in the order of
-- their bytes. → the pattern, or nil when a word starts another (or is
-- not a string of some bytes). list: a list of its own, sorted here.
local function words_trie(list)
  for _, w in ipairs(list) do
    if type(w) ~= "string" or w == "" then return nil end
  end
  table.sort(list)
  for i = 2, #list do
    if list[i]:sub(1, #list[i - 1]) == list[i - 1] then return nil end
  end
  local all = table.concat(list)
  local quote = not all:find("'", 1, true) and "'" or not all:find('"', 1, true) and '"' or nil
  local text = sorted_trie_text(list, 1, #list, 0, quote)
  if text then return re.compile(text) end
  return trie(list)
end

-- the words of list (strings, one at least) one after another as a text of re
local function choice_text(list)
  local alts = {}
  for i, k in ipairs(list) do
    if type(k) ~= "string" then return nil end
    alts[i] = literal(k)
    if not alts[i] then return nil end
  end
  return #alts > 0 and table.concat(alts, " / ") or nil
end

-- Any of the words of list, the first that matches (a trie where none
-- starts another).
local function alt(list)
  local p = #list > 1 and words_trie(table.move(list, 1, #list, 1, {}))
  if p then return p end
  local text = choice_text(list)
  if text then return re.compile(text) end
  p = P(false)
  for _, k in ipairs(list) do p = p + P(k) end
  return p
end

-- the keys of t (or the items of list t), in no order
local function words_of(t)
  local out = {}
  if #t > 0 then for _, k in ipairs(t) do out[#out + 1] = k end
  else for k in pairs(t) do out[#out + 1] = k end end
  return out
end

-- the keys of t (or the items of list t), longest first: alternatives try the longest word
local function longest(t)
  local out = words_of(t)
  table.sort(out, function(a, b) return #a > #b or (#a == #b and a < b) end)
  return out
end

-- Any of the words of t (the keys of t, or the items of list t), as
-- alt(longest(t)) matches them: sorted longest first only when one word
-- starts another (the order of a trie's words changes none of its matches).
local function words_alt(t)
  local list = words_of(t)
  return #list > 1 and words_trie(list) or alt(longest(t))
end

-- (for the tests: the pattern of the words of t, and the one LPeg's calls
-- made of them, longest first)
M.words_pattern = words_alt
function M.words_pattern_by_calls(t)
  local list = longest(t)
  if #list > 1 and prefix_free(list) then return trie(list) end
  local p = P(false)
  for _, k in ipairs(list) do p = p + P(k) end
  return p
end

local fullwidth_digit = P"\xEF\xBC" * R"\x90\x99"
local digit = R"09" + fullwidth_digit
local arabic = digit^1 * (P"," * digit * digit * digit)^0 * (P"." * digit^1)^-1
-- digits a PDF spaced out when it justified a line: "4 1 2", "2 3 5 . 6";
-- not when a character of more than a byte is glued to the last: a justified
-- line spaces its unit too ("4 1 2 件"), where a table's row of one-digit
-- values has its unit in the last cell ("2 0 0 0 0 0 2件" is seven values)
local spaced = digit * (P" " * digit * -digit)^1 * (P" "^-1 * P"." * P" "^-1 * digit * (P" " * digit)^0)^-1
               * -R"\xC0\xFF"

-- the first character of a word (of UTF-8 text; else a start of it)
local function first_char(w)
  local b = w:byte(1)
  return w:sub(1, b < 0xC0 and 1 or b < 0xE0 and 2 or b < 0xF0 and 3 or 4)
end

-- The first bytes of the words of each list (a list of words, or a table
-- whose keys are the words, as words_of takes them) and the bytes of
-- `more`, as one string; nil when a word is not a string of some bytes.
local function first_bytes(lists, more)
  local seen, out = {}, { more or "" }
  for _, list in ipairs(lists) do
    for _, w in ipairs(words_of(list)) do
      if type(w) ~= "string" or w == "" then return nil end
      local b = w:sub(1, 1)
      if not seen[b] then seen[b] = true; out[#out + 1] = b end
    end
  end
  return table.concat(out)
end

-- (the k-th bytes of the characters of length n, all in a row: one
-- gsub, not a turn of a Lua loop for each byte; a set has no order)
local kth_patterns = {}               -- (each made once: by n, then k)
local function kth(all, n, k)
  if n == 1 then return all end
  local by_n = kth_patterns[n]
  if not by_n then by_n = {}; kth_patterns[n] = by_n end
  local pattern = by_n[k]
  if not pattern then
    pattern = string.rep(".", k - 1) .. "(.)" .. string.rep(".", n - k)
    by_n[k] = pattern
  end
  return (all:gsub(pattern, "%1"))
end

-- The first place from init where p matches, and its captures, as
-- (1 - p)^0 * p finds it, for a p that can begin only with one of the
-- bytes of `leads` (nil: with any): the other bytes passed as one span,
-- not a try of p at each (of a line of spaces and Latin: most of it).
local function search_for(p, leads)
  if not leads then return (1 - p)^0 * p end
  local pass = (1 - S(leads))^0
  return pass * ((1 - p) * pass)^0 * p
end

-- next_char(s, i) → where the character after the one at i begins: past
-- the bytes that continue it, found in one search, not a byte at a time
-- (#s + 1 past the last; i + 1 past the end)
local function next_char(s, i)
  if i >= #s then return i + 1 end
  return s:find("[^\128-\191]", i + 1) or #s + 1
end
M.next_char = next_char

-- "１２" → "12", "1,234" → "1234", "4 1 2" → "412"
local function ascii(s)
  return (s:gsub("\xEF\xBC([\x90-\x99])", function(d) return string.char(d:byte() - 0x90 + 48) end)
           :gsub("[, ]", ""))
end

-- "4326.58" shifted by `power` places of ten, exactly: ("12800000", -4) → "1280"
local function shift(dec, power)
  local int, frac = dec:match("^(%d*)%.?(%d*)$")
  if not int then return nil end
  local digits, point = int .. frac, #int + power
  if point <= 0 then digits, point = string.rep("0", 1 - point) .. digits, 1 end
  if point > #digits then digits = digits .. string.rep("0", point - #digits) end
  local i, f = digits:sub(1, point):gsub("^0+(%d)", "%1"), digits:sub(point + 1):gsub("0+$", "")
  return f == "" and i or i .. "." .. f
end
M.shift = shift

-- A cell expression in one spelling: "t4.ld.total+t4.la.total" → "t4.la.total + t4.ld.total"
local function norm_cells(expr)
  local ids = {}
  for id in expr:gmatch("[^%s+]+") do ids[#ids + 1] = id end
  table.sort(ids)
  return table.concat(ids, " + ")
end
M.norm_cells = norm_cells

-- A spec as a string two equal specs share (tables walked raw, keys in
-- order); nil for a spec of more than plain data, or of too much. Made in
-- C (a grammar's spec is hundreds of values: start-up paid for their walk
-- here); this walk decides only for keys C does not order (nor does it
-- walk a table of thousands of keys), and says what C's string is.
local function fingerprint_walk(spec)
  local out, tables = {}, 0
  local function before(a, b)
    local ta, tb = type(a), type(b)
    if ta ~= tb then return ta < tb end
    return a < b
  end
  local function walk(v, depth)
    local t = type(v)
    if t == "string" then out[#out + 1] = #v .. ":" .. v    -- (its length says where it ends)
    elseif t == "number" then out[#out + 1] = math.type(v) .. ":" .. tostring(v)
    elseif t == "boolean" then out[#out + 1] = tostring(v)
    elseif t == "table" and depth < 8 and tables < 2000 then
      tables = tables + 1
      -- its items 1..n in order, then its other keys sorted (most are lists or records)
      local n = 0
      while rawget(v, n + 1) ~= nil do n = n + 1 end
      out[#out + 1] = "[" .. n
      for i = 1, n do
        out[#out + 1] = ","
        walk(rawget(v, i), depth + 1)
      end
      local keys, k, strings = {}, next(v), true
      while k ~= nil do
        if math.type(k) ~= "integer" or k < 1 or k > n then
          keys[#keys + 1] = k
          strings = strings and type(k) == "string"
        end
        k = next(v, k)
      end
      if strings then table.sort(keys) else table.sort(keys, before) end
      out[#out + 1] = "{"
      for _, key in ipairs(keys) do
        walk(key, depth + 1)
        out[#out + 1] = "="
        walk(rawget(v, key), depth + 1)
        out[#out + 1] = ";"
      end
      out[#out + 1] = "}"
    else error("not plain data", 0) end
  end
  local ok = pcall(walk, spec, 0)
  return ok and table.concat(out) or nil
end
M.fingerprint_walk = fingerprint_walk
local function fingerprint(spec)
  local key = limits.fingerprint(spec)
  if key == false then return fingerprint_walk(spec) end
  return key
end
M.fingerprint = fingerprint

--}===

--{=== prose: lines that only wrap, sentences, clauses ===

-- A text with the line breaks that only wrap a sentence (PDF text) taken
-- out with the next line's indentation, and page footers ("-2-") dropped.
-- A break after a sentence mark, an empty line or a heading stays. Returns
-- the flat text and a map of its pieces back to the text's bytes.
-- (a footer: "-", a number and "-" alone on a line, spaces and tabs around them)
-- what unwrap can take out between two characters of the prose (a break,
-- an indent, a footer), as a Lua pattern: text.holds allows it
local UNWRAPPED = "[%s%d%-]*"
-- (the lines read in C, nianbao.unwrap; a heading asked of the pattern only
-- for a line that can be one: no longer than HEADING_MAX characters)
local function unwrap(text, ends, heading)
  local is_heading = heading and function(body)
    return (utf8.len(body) or 0) <= HEADING_MAX and heading:match(body) ~= nil
  end or nil
  return nianbao.unwrap(text, ends, is_heading, HEADING_MAX)
end

-- (for the tests: the map as a list of { flat =, orig = }, a table a piece)
function M.unwrap(text, ends, heading)
  local flat, map = unwrap(text, ends, heading)
  local pieces = {}
  for i = 1, #map, 2 do pieces[#pieces + 1] = { flat = map[i], orig = map[i + 1] } end
  return flat, pieces
end

-- A position of the flat text → the position in the text it came from.
-- (map: each piece's place in the flat text, then in the text, in order)
local function unflat(map, pos)
  if #map == 0 then return pos end
  local best = 1
  for i = 1, #map, 2 do
    if map[i] <= pos then best = i else break end
  end
  return map[best + 1] + (pos - map[best])
end

--}===


-- What a rule's body can begin with, for the search of a grammar's
-- readers: it passes over the places none of them can begin at. Start-up
-- pays for what this allocates: sets are shared, not copied.
local body_starts
do
  -- { parts = the sets of first characters it may begin with (each shared,
  -- never changed; false: any character), null = it can match nothing }
  local nothing = { parts = {}, null = true }
  local anything = { parts = false, null = false }
  local lit_starts = {}                       -- (by character: a pack cannot grow it much)
  local classes = {}                          -- (by their text: each is made once)
  local function class(rest, items)           -- bytes and ranges; "^": the other bytes
    local made = classes[rest .. items]
    if made then return made end
    local bytes, k = {}, 1
    while k <= #items do
      if items:sub(k + 1, k + 1) == "-" and k + 2 <= #items then
        for b = items:byte(k), items:byte(k + 2) do bytes[b] = true end
        k = k + 3
      else
        bytes[items:byte(k)] = true
        k = k + 1
      end
    end
    local set = {}
    for b = 0, 255 do if (bytes[b] or false) ~= (rest == "^") then set[string.char(b)] = true end end
    made = { parts = { set }, null = false }
    classes[rest .. items] = made
    return made
  end
  local function merged(list, n, null)        -- list[1..n]: their sets, not copied
    local parts, m = {}, 0
    for k = 1, n do
      local ps = list[k].parts
      if not ps then return { parts = false, null = null } end
      for j = 1, #ps do m = m + 1; parts[m] = ps[j] end
    end
    return { parts = parts, null = null }
  end
  -- A body as tokens: numbers for what is not a literal or a word, a
  -- literal as its first character (the rest says nothing here), a word as
  -- WORD and its name, a class as CLASS, "^" or "", its items.
  local OPEN, CLOSE, ALT, OPT, SKIP, PRED, EMPTY, DOT, WORD, CLASS = 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
  local KIND = { true, true, true, true, true, true, true, true, true, true }   -- (a literal is none)
  -- (spaces and comments: a span of spaces at a time, not a choice at each)
  local spaces = S" \t\r\n\f\v"^0
  local gap = spaces * (P"--" * (1 - P"\n")^0 * spaces)^0
  local name = R("AZ", "az", "__") * R("AZ", "az", "__", "09")^0
  local char = R"\0\191" + R"\192\223" * R"\128\191" + R"\224\239" * R"\128\191" * R"\128\191"
             + R"\240\255" * R"\128\191" * R"\128\191" * R"\128\191"
  local function quoted(q) return P(q) * (P(q) * Cc(EMPTY) + C(char) * (1 - P(q))^0 * q) end
  local token = quoted'"' + quoted"'"
              + P"[" * Cc(CLASS) * C(P"^"^-1) * C(P(1) * (1 - P"]")^0) * "]"
              + P"%" * Cc(WORD) * C(name)
              + (P"{:" * (name * ":")^-1 + "{~" + "{|" + "(") * Cc(OPEN)
              + (P":}" + "~}" + "|}" + ")") * Cc(CLOSE)
              + P"{}" * Cc(EMPTY) + P"{" * Cc(OPEN) + P"}" * Cc(CLOSE)
              + P"/" * Cc(ALT) + S"&!" * Cc(PRED) + P"." * Cc(DOT)
              + (S"*?" + "^-" * R"09"^1 + "^" * P"+"^-1 * P"0"^1 * -R"09") * Cc(OPT)
              + (P"+" + "^" * P"+"^-1 * R"09"^1 + "->" * gap * (P'"' * (1 - P'"')^0 * '"'
                 + P"'" * (1 - P"'")^0 * "'" + "{}" + R"09"^1)) * Cc(SKIP)
  local tokens = Ct((gap * token)^0) * gap * -1

  -- (toks, i, word) → what the expression at token i begins with, and the
  -- token after it; for a word, nil and the token after it and its name: it
  -- is looked up when it is needed (word(name)), not under a predicate
  local alt
  local function primary(toks, i, word)
    local t = toks[i]
    if t == OPEN then
      local r
      r, i = alt(toks, i + 1, word)
      if toks[i] ~= CLOSE then error("not closed", 0) end
      return r, i + 1
    elseif t == WORD then return nil, i + 2, toks[i + 1]
    elseif t == EMPTY then return nothing, i + 1
    elseif t == DOT then return anything, i + 1
    elseif t == CLASS then return class(toks[i + 1], toks[i + 2]), i + 3
    elseif t ~= nil and not KIND[t] then
      local r = lit_starts[t]
      if not r then
        r = { parts = { { [t] = true } }, null = false }
        lit_starts[t] = r
      end
      return r, i + 1
    end
    error("not known here: " .. tostring(t), 0)
  end
  -- (the look being made marks predicates: see body_starts)
  local marking = false
  local function prefix(toks, i, word)
    if toks[i] == PRED then
      -- (a literal of byte 1: nothing after it says more of the start)
      if marking then return primary({ "\1" }, 1, word), i + 1 end
      local _
      _, i = prefix(toks, i + 1, word)
      return nothing, i
    end
    local p, name
    p, i, name = primary(toks, i, word)
    while true do
      local t = toks[i]
      if t == OPT then
        if not p then p = word(name) end
        if not p.null then p = { parts = p.parts, null = true } end
      elseif t ~= SKIP then return p, i, name end
      i = i + 1
    end
  end
  -- the token after the rest of a sequence: the next "/" or closing at its level
  -- (a token's step there: a literal, most of them, has none and is one look)
  local step = { [OPEN] = 1, [CLOSE] = 2, [ALT] = 3, [WORD] = 4, [CLASS] = 5 }
  local function past(toks, i)
    local depth, t = 0, toks[i]
    while t ~= nil do
      local k = step[t]
      if k then
        if k == 1 then depth = depth + 1
        elseif k == 4 then i = i + 1                   -- (its name)
        elseif k == 5 then i = i + 2                   -- (its items)
        elseif depth == 0 then return i                -- "/" or a closing at its level
        elseif k == 2 then depth = depth - 1 end
      end
      i = i + 1
      t = toks[i]
    end
    return i
  end
  local function seq(toks, i, word)           -- the parts up to one that cannot be empty
    local first, list, n = nil, nil, 0
    local t = toks[i]
    while t ~= nil and t ~= ALT and t ~= CLOSE do
      local p, name
      p, i, name = prefix(toks, i, word)
      if not p then p = word(name) end
      n = n + 1
      if n == 1 then first = p
      else
        list = list or { first }
        list[n] = p
      end
      if not p.null then
        i = past(toks, i)                     -- what follows says nothing of the start
        break
      end
      t = toks[i]
    end
    if n == 0 then return nothing, i end
    if n == 1 then return first, i end
    return merged(list, n, list[n].null), i
  end
  function alt(toks, i, word)
    local first
    first, i = seq(toks, i, word)
    if toks[i] ~= ALT then return first, i end
    local list, n, null = { first }, 1, first.null
    while toks[i] == ALT do
      local p
      p, i = seq(toks, i + 1, word)
      n = n + 1
      list[n], null = p, null or p.null
    end
    return merged(list, n, null), i
  end

  -- What the text of a rule's body (as plain_rules gives it) can begin
  -- with; word(name) gives that of a word it names (%name). Errs on a text
  -- it does not know. lexed: a table of the texts' tokens the caller keeps
  -- while it asks of the same texts again (nil: none). marked: each
  -- predicate (& or !) read as a literal of byte 1, as if the text were
  -- written so (its tokens are those of the text, each predicate's made
  -- that literal's: the text is not written again and split again).
  function body_starts(src, word, lexed, marked)
    local toks = lexed and lexed[src]
    if toks == nil then
      toks = tokens:match(src) or false
      if lexed then lexed[src] = toks end
    end
    if not toks then error("not plainly rules", 0) end
    marking = marked or false
    local r, i = alt(toks, 1, word)
    if toks[i] ~= nil then error("left over", 0) end
    return r
  end
end

-- A re grammar's rules { {name=, body=, refs=}, … }, each body with its
-- references to rules written as defs ("verb" → "%rule__verb"), so that
-- the rules of several grammars can be compiled into one. nil when the
-- text is not plainly rules: an expression, a named back reference, a
-- function capture, "<name>", a class with a def.
local RULE = "rule__"
-- The text's tokens, all found by one match (a match for each token cost
-- more than the rest): for each, where what was said before it starts
-- (after the spaces), where it starts and its kind; a rule's name (DEF:
-- before "<-", REF: a reference) also its name and where it ends (past
-- "<-" for DEF). The list ends in END, or in BAD where the text is not
-- plainly rules whatever came before (an unclosed quote, a class with
-- a def, "->" to a function, "=", "<", "~" alone).
local COMMENT, SAYS, DEF, REF, END, BAD = 1, 2, 3, 4, 5, 6
-- "rule__verb" → "verb"; false for a name that is no rule's (kept: names are few)
local rule_refs, nrule_refs = {}, 0
local function rule_ref(name)
  local ref = rule_refs[name]
  if ref == nil then
    if nrule_refs >= 4096 then rule_refs, nrule_refs = {}, 0 end
    ref = name:sub(1, #RULE) == RULE and name:sub(#RULE + 1)
    rule_refs[name], nrule_refs = ref, nrule_refs + 1
  end
  return ref
end
local lexed
do
  local word_char = R("az", "AZ", "09") + "_"
  local space = S" \t\n\v\f\r"
  local rname = (R("az", "AZ") + "_") * word_char^0
  local says =
      (P'"' * (1 - P'"')^0 * '"' + P"'" * (1 - P"'")^0 * "'")
    -- a class: its first item may be "]" (not after "^"); no def in it
    + P"[" * -P"^]" * P"^"^-1 * (1 - P"%") * (1 - S"]%")^0 * "]"
    + P"-" * (#(P">" * space^0 * (S"'\"{" + R"09")) + -P">")
    + P"%" * word_char^0
    + P"{" * (P":" * (rname * ":")^-1)^-1
    + P"~}"
    + R"09"^1
  -- what may stand between two tokens: spaces and marks that are no token
  local marks = (1 - (word_char + S"_\"'[-%{=<~"))^0
  local token =
      P"--" * (1 - P"\n")^0 * P"\n"^-1 * Cc(COMMENT)
    -- (a run of such tokens says no more than its first: one token, not one for each)
    + says * (space^0 * marks * -P"--" * says)^0 * Cc(SAYS)
    + #(rname * space^0 * "<-") * Cc(DEF) * C(rname) * space^0 * "<-" * Cp()
    + Cc(REF) * C(rname) * Cp()
  local before = space^0 * Cp() * marks * Cp()
  lexed = Ct((before * token)^0 * before * (-P(1) * Cc(END) + Cc(BAD)))
end
local function plain_rules(src)
  if src:find("%" .. RULE, 1, true) then return nil end
  local toks = lexed:match(src)
  local list, cur, parts, last, k = {}, nil, nil, 1, 1
  while true do
    local said, a, kind = toks[k], toks[k + 1], toks[k + 2]
    if kind == END then
      -- (what is said after the last token counts too)
      if not cur or not (cur.said or said < a) then return nil end
      break
    elseif kind == BAD then return nil end
    if said < a then                                     -- not only spaces before the token
      if not cur then return nil end
      cur.said = true
    end
    if kind == DEF then
      -- a rule that says nothing before the next: re reads the rules after it as its grammar
      if cur and not cur.said then return nil end
      if cur then parts[#parts + 1] = src:sub(last, a - 1) end
      parts = {}
      cur = { name = toks[k + 3], parts = parts, refs = {} }
      list[#list + 1] = cur
      last, k = toks[k + 4], k + 5
    elseif kind == REF then
      if not cur then return nil end
      local name = toks[k + 3]
      parts[#parts + 1] = src:sub(last, a - 1)
      parts[#parts + 1] = "%" .. RULE .. name
      cur.refs[name], cur.said = true, true
      last, k = toks[k + 4], k + 5
    elseif kind == SAYS then
      if not cur then return nil end
      cur.said, k = true, k + 3
    else k = k + 3 end                                   -- a comment
  end
  parts[#parts + 1] = src:sub(last)
  for _, r in ipairs(list) do r.body, r.parts, r.said = table.concat(r.parts), nil, nil end
  return list
end
M.plain_rules = plain_rules

-- plain_rules(src), or what it gave for the same text when the binary was
-- built: a list every grammar of that text shares (none changes it)
local function rules_of(src)
  local record = M.starts_record
  if record then
    local list = plain_rules(src)
    record.rules[src] = list or false
    return list
  end
  local list = require("claim_starts").rules[src]
  if list == nil then return plain_rules(src) end
  return list or nil
end

-- The checker's way into each format's text helpers: a report's claims read
-- before its rules run (read_ahead), kept apart from T, which rules see.
local ahead_of = setmetatable({}, { __mode = "k" })

-- The reading of a report's prose costs its rules a few Lua instructions a
-- byte (under 8 in every report and storm measured): one of no more than a
-- budget's 1/READ_AHEAD_SHARE bytes takes a small part of any rule's budget,
-- so reading it ahead, unmetered, changes no rule's fate at its limits.
local READ_AHEAD_SHARE = 256

-- read_ahead(text, report, budget) → whether the claims of report (the report
-- or its view, as its rules get it) were read, by the text helpers `text` (a rule's view of them)
-- as its rules would read them, outside their limits. Only for helpers whose
-- grammars are all trusted (the caller's to know) and prose of no more than
-- budget // READ_AHEAD_SHARE bytes; a reading that raises leaves its place,
-- and the rules go on from there, as after a limit.
function M.read_ahead(text, report, budget)
  local ahead = ahead_of[view.unwrap(text)]
  return ahead ~= nil and ahead(report, budget // READ_AHEAD_SHARE)
end

-- grammars_pending(text) → how many grammars of the text helpers `text` are
-- registered and not yet compiled (for_format: a grammar put off)
local pending_of = setmetatable({}, { __mode = "k" })
function M.grammars_pending(text)
  local count = pending_of[view.unwrap(text)]
  return count and count() or 0
end

-- word_starts_made(text) → whether the text helpers `text` have worked out
-- where the words of their format can begin (for_format: only for a look
-- at readers that claim_starts.lua does not hold)
local word_starts_of_text = setmetatable({}, { __mode = "k" })
function M.word_starts_made(text)
  local made = word_starts_of_text[view.unwrap(text)]
  return made ~= nil and made()
end

-- for_format(F[, opts]) → the text helpers of format F, with its own registry
-- of grammars. opts.plain_search: readers compiled together are searched at
-- every place, not only where one can begin (and so are the words around a
-- claim: other bodies, periods, plans, years, quantities); opts.starts_reference: where
-- they can begin is worked out the first way, each text written again with
-- its predicates marked (the tests compare each with the other).
-- opts.needs_by_word: how many sentences have the words of the grammars'
-- `needs` looked for one by one before the one pass for all is built.
-- opts.at_once: every grammar compiled when registered (none put off).
function M.for_format(F, opts)
  local plain_search = opts and opts.plain_search
  local starts_reference = opts and opts.starts_reference
  local at_once = opts and opts.at_once
  local needs_by_word = opts and opts.needs_by_word or NEEDS_BY_WORD
  local L = F.language
  local digits, multiples = L.digits or {}, L.multiples or {}
  -- f(t) made once for each t: a list several words are made of is sorted
  -- once (the copy is not changed), and the pattern of a list several
  -- words share is made once (LPeg patterns are values)
  local function once(f)
    local made = {}
    return function(t)
      local v = made[t]
      if v == nil then v = f(t); made[t] = v end
      return v
    end
  end
  local words_alt_once, alt_once = once(words_alt), once(alt)
  local T = {}

  --{=== the language as patterns ===

  local numeral = words_alt_once(digits) + words_alt_once(multiples)
  local leading = words_alt_once(digits)
  local tens = {}
  for k, v in pairs(multiples) do if v == 10 then tens[#tens + 1] = k end end
  -- (the tens in a fixed order, so that the pattern is built the same in every process)
  for _, k in ipairs(longest(tens)) do leading = leading + P(k) end
  local chinese = leading * numeral^0                       -- "十五", "两", "一百零五"; never "百" alone
  -- (a look back is of a fixed length: the numerals of one character, all of them)
  local one_char = {}
  for _, w in ipairs(words_of(digits)) do if utf8.len(w) == 1 and #w == 3 then one_char[#one_char + 1] = w end end
  for _, w in ipairs(longest(tens)) do if #w == 3 then one_char[#one_char + 1] = w end end
  local after_numeral = lpeg.B(alt(one_char))
  local after_digit = lpeg.B(R"09") + lpeg.B(fullwidth_digit)
  local number = spaced + arabic + chinese
  local spaces_list = L.spaces or {}
  local stop = S"\n;!?" + alt(L.sentence_end or {})
  local comma = (words_alt_once(L.clause_end or {}) + S",;:") - (P"," * digit * digit * digit)
  local space = S" \t" + alt_once(spaces_list)
  -- spaces: a run of spaces and tabs read at the speed of a span, not a space
  -- at a time (what a PDF's table lines are made of); the same reading
  local space_piece = S" \t"^1 + alt_once(spaces_list)
  local sp = space_piece^0
  local spaces_run = space_piece^1
  local any = formatlib.utf8char - stop                     -- a character of the sentence
  local ch = any - comma - digit                            -- a character of the clause, not a digit
  local unit = words_alt_once(L.units or {})
  local ends = {}
  for _, e in ipairs(L.break_after or L.sentence_end or {}) do ends[e] = true end
  local inexact = L.inexact or {}
  local inexact_after = words_alt(inexact.after or {})
  local not_count = words_alt(L.not_count or {})
  local money = {}
  for k, v in pairs(L.money or {}) do money[k] = v end
  local money_unit = words_alt(money)
  local percent = alt(L.percent or { "%" })
  local year_mark = words_alt_once(L.year_mark or {})
  local date_mark = words_alt(L.date_mark or {})

  -- The year of the sentence being read (read() sets it): %this_year, %last_year, %next_year.
  local current = { year = 0 }
  local yearnum = digit * digit * digit * digit
  -- (the year's mark is looked for first: the year is asked of Lua only
  -- where one follows, not at every run of four digits)
  local year_marked = #(yearnum * sp * year_mark)
  local function year_at(offset)
    return year_marked * Cmt(C(yearnum), function(_, i, y)
      local year = current.year
      if year == 0 then return false end
      -- (four bytes: four ASCII digits, read as they are; full-width ones made ASCII first)
      return (#y == 4 and tonumber(y) or tonumber(ascii(y))) == year + offset and i
    end) * sp * year_mark
  end
  local function year_words(list, offset)
    return words_alt_once(list or {}) + year_at(offset)
  end

  -- The count's number, captured as printed ("n") with its place ("at"); a
  -- number is a count only with a unit, and not when the unit is followed by
  -- a word that makes it something else ("6个百分点", "20个工作日", "400件左右").
  local count = sp * lpeg.Cg(Cp(), "at") * lpeg.Cg(C(number), "n") * sp * unit * -not_count * -inexact_after
  local amount = sp * lpeg.Cg(Cp(), "at") * lpeg.Cg(C(number), "n") * sp * lpeg.Cg(C(money_unit), "money")
  local pct = sp * lpeg.Cg(C(spaced + arabic), "pct") * sp * percent * -inexact_after

  T.defs = {
    num   = C(number),                    -- a number, captured as printed
    sp    = sp,
    unit  = unit,
    ch    = ch,                           -- one character of the same clause, not a digit
    any   = any,                          -- one character of the same sentence
    stop  = stop,
    comma = comma,
    count = count,                        -- a number and its unit: a counted claim
    money = amount,                       -- a sum of money: 万元 or 元
    pct   = pct,                          -- a percentage: 42.86%
    neg   = words_alt_once(L.negation or {}),
    zero  = words_alt_once(L.zero or {}) * -digit,   -- none, said as a number: 零, 为0
    ["and"] = words_alt_once(L.list or {}),
    this_year = year_words(L.this_year, 0),
    last_year = year_words(L.last_year, -1),
    next_year = year_words(L.next_year, 1),
    digit = digit,
    numeral = numeral,                    -- a numeral in words: 一, 十, 两 …
    after_numeral = after_numeral,        -- (matches nothing) the character before is a numeral: 十二|月
    after_digit = after_digit,            -- (matches nothing) the character before is a digit: 11|月
  }
  local heading = L.heading and re.compile(L.heading, T.defs)

  -- the words of the format (T.defs) and what each was when its start
  -- below was worked out: T.defs changed since says nothing
  local word_defs = {}
  for k, v in pairs(T.defs) do word_defs[k] = v end

  -- What each of those words can begin with: { parts = { a set of its first
  -- characters } (false: any), null = it can match nothing }. The search of
  -- a grammar's readers passes over the places none of them can begin at.
  -- Worked out when a look at where readers begin is first made: the
  -- grammars of the home's packs find theirs in claim_starts.lua.
  local word_starts_made
  local function word_starts_of()
    if word_starts_made then return word_starts_made end
    local function starts(list, null, into)
      into = into or {}
      for _, w in ipairs(list) do
        if type(w) ~= "string" or w == "" then return { set = false, null = true } end
        into[first_char(w)] = true
      end
      return { set = into, null = null or false }
    end
    local function joined(a, b, null)                         -- a or b, either first
      local set = a.set and b.set and {} or false
      if set then
        for k in pairs(a.set) do set[k] = true end
        for k in pairs(b.set) do set[k] = true end
      end
      if null == nil then null = a.null or b.null end
      return { set = set, null = null }
    end
    local digit_chars = {}
    for d = 0, 9 do digit_chars[#digit_chars + 1] = tostring(d); digit_chars[#digit_chars + 1] = "\xEF\xBC" .. string.char(0x90 + d) end
    local s_digit = starts(digit_chars)
    local s_space = starts(L.spaces or {}, true, { [" "] = true, ["\t"] = true })
    local s_number = joined(s_digit, joined(starts(words_of(digits)), starts(tens)))
    local s_numeral = joined(starts(words_of(digits)), starts(words_of(multiples)))
    local s_counted = joined(s_space, s_number, false)        -- %sp then a number
    local function s_year(list) return joined(starts(list or {}), s_digit) end
    local made = {
      num = s_number, sp = s_space, unit = starts(words_of(L.units or {})),
      stop = starts(L.sentence_end or {}, false, { ["\n"] = true, [";"] = true, ["!"] = true, ["?"] = true }),
      comma = starts(words_of(L.clause_end or {}), false, { [","] = true, [";"] = true, [":"] = true }),
      count = s_counted, money = s_counted, pct = joined(s_space, s_digit, false),
      neg = starts(words_of(L.negation or {})), zero = starts(words_of(L.zero or {})),
      ["and"] = starts(words_of(L.list or {})),
      this_year = s_year(L.this_year), last_year = s_year(L.last_year), next_year = s_year(L.next_year),
      digit = s_digit, numeral = s_numeral, after_numeral = starts({}, true), after_digit = starts({}, true),
      ch = { set = false, null = false }, any = { set = false, null = false },
    }
    for k, v in pairs(made) do
      if not word_defs[k] then error("a start of no word of the format: " .. k) end
      made[k] = { parts = v.set and { v.set } or false, null = v.null }
    end
    for k in pairs(word_defs) do
      if not made[k] then error("no start of the word of the format " .. k) end
    end
    word_starts_made = made
    return made
  end
  -- the language as the look at where readers begin reads it (word_starts_of
  -- above): part of the key of a look worked out when the binary was built
  local starts_language = not starts_reference and fingerprint {
    digits = digits, multiples = multiples, units = L.units, sentence_end = L.sentence_end,
    clause_end = L.clause_end, negation = L.negation, zero = L.zero, list = L.list,
    this_year = L.this_year, last_year = L.last_year, next_year = L.next_year, spaces = L.spaces,
  } or nil

  --}===

  --{=== numbers ===

  -- number("1,234") → 1234; number("二十三") → 23; number("壹佰零伍") → 105;
  -- number("42.86") → "42.86" (decimals stay exact text); nil for anything else.
  function T.number(s)
    if not s then return nil end
    local a = ascii(s)
    if a:match("^%d+$") then return math.tointeger(tonumber(a)) end
    if a:match("^%d+%.%d+$") then return a end
    local total, section, cur, seen = 0, 0, 0, false
    for _, c in utf8.codes(s) do
      local w = utf8.char(c)
      if digits[w] then
        cur = digits[w]
        seen = true
      elseif multiples[w] then
        local u = multiples[w]
        if u >= 10000 then
          total = (total + section + cur) * u
          section, cur = 0, 0
        else
          if cur == 0 then cur = 1 end          -- 十五 = 15
          section = section + cur * u
          cur = 0
        end
        seen = true
      else
        return nil
      end
    end
    if not seen then return nil end
    return total + section + cur
  end

  -- compile(grammar) → an LPeg pattern; errors name the grammar's problem.
  function T.compile(grammar)
    return re.compile(grammar, T.defs)
  end

  --}===

  --{=== sentences ===

  local flats = setmetatable({}, { __mode = "k" })
  local function flat_of(s)
    local f = flats[s]
    if not f then
      local text, map = unwrap(s.text, ends, heading)
      f = { text = text, map = map }
      flats[s] = f
    end
    return f.text, f.map
  end

  -- prose(section) → a part's text as find reads it: the line breaks that
  -- only wrap a sentence (PDF text) taken out, page footers dropped
  function T.prose(s) return (flat_of(s)) end

  -- mentions(section, words) → whether the part's prose holds one of the
  -- words. A word its text holds, its prose holds: the prose is made only
  -- for a text that holds none and has a break to take out (most parts
  -- hold a word at once)
  function T.mentions(s, words)
    local t = s.text
    for _, w in ipairs(words) do
      if t:find(w, 1, true) then return true end
    end
    if not t:find("\n", 1, true) then return false end
    local prose = flat_of(s)
    for _, w in ipairs(words) do
      if prose:find(w, 1, true) then return true end
    end
    return false
  end

  -- sentences(text) → { {text=, from=} }: the sentences of a flat text, each
  -- with its mark, and where it starts.
  local sentence_end = stop
  -- the bytes that begin no mark (most of a text) passed as one span, not
  -- a try of the mark at each byte; a mark that is no plain word: each byte
  local mark_bytes = { ["\n"] = true, [";"] = true, ["!"] = true, ["?"] = true }
  for _, w in ipairs(L.sentence_end or {}) do
    if type(w) ~= "string" or w == "" then mark_bytes = nil break end
    mark_bytes[w:sub(1, 1)] = true
  end
  -- (the marks after the four of one byte, in the order they are tried:
  -- what nianbao.claim_sentence cuts at; nil: a mark that is no plain word)
  local sentence_marks = mark_bytes and {}
  if sentence_marks then
    for i, w in ipairs(L.sentence_end or {}) do sentence_marks[i] = w end
    if #sentence_marks ~= #(L.sentence_end or {}) then sentence_marks = nil end
  end
  local sentence_search
  if mark_bytes then
    local list = {}
    for b in pairs(mark_bytes) do list[#list + 1] = b end
    table.sort(list)
    local other = (1 - S(table.concat(list)))^1
    sentence_search = (other + (1 - sentence_end))^0 * sentence_end * Cp()
  else
    sentence_search = (1 - sentence_end)^0 * sentence_end * Cp()
  end
  -- (what Lua's %s is: a pattern of LPeg, not a look through the metered matcher)
  local blank = S" \t\n\v\f\r"^0 * -1
  local function sentences(text)
    local out, from = {}, 1
    while from <= #text do
      local e = sentence_search:match(text, from) or #text + 1
      local s = text:sub(from, e - 1)
      if not blank:match(s) then out[#out + 1] = { text = s, from = from } end
      from = e
    end
    return out
  end
  T.sentences = function(text) return sentences((unwrap(text, ends, heading))) end

  -- find(report, sections, pattern) → matches in the prose of the given
  -- parts: {caps=, at=, stop=, text= (the flat prose), section=, line=, col=}.
  -- a pattern's search, made (and compiled by LPeg) once, not at each report
  local find_searches = setmetatable({}, { __mode = "k" })
  function T.find(report, sections, pattern)
    local search = find_searches[pattern]
    if not search then
      search = P { "S", S = (1 - V "X")^0 * Cp() * Ct(V "X") * Cp(), X = pattern }
      find_searches[pattern] = search
    end
    local out = {}
    for _, sid in ipairs(sections) do
      local s = report:section(sid)
      if s and s.text ~= "" then
        local text, map = flat_of(s)
        local init = 1
        while init <= #text do
          local at, caps, e = search:match(text, init)
          if not at then break end
          local line, col = report:place(s, unflat(map, at))
          out[#out + 1] = { caps = caps, at = at, stop = e, section = s, line = line, col = col, text = text }
          init = math.max(e, at + 1)
        end
      end
    end
    return out
  end

  -- holds(report, sections, words) → whether the prose of the parts holds
  -- one of the words, its characters perhaps apart by what unwrap takes out
  -- (as find reads them). A rule's quick look before find's search of every
  -- place: a report holding none of what every match holds is not searched.
  local spreads, nspreads = {}, 0
  local function spread(word)
    local p = spreads[word]
    if p then return p end
    if nspreads >= 4096 then spreads, nspreads = {}, 0 end   -- a rule's words made anew each report stay bounded
    local chars = {}
    for c in word:gmatch(utf8.charpattern) do chars[#chars + 1] = (c:gsub("%p", "%%%0")) end
    p = { first = word:match(utf8.charpattern) or word, pattern = table.concat(chars, UNWRAPPED) }
    spreads[word], nspreads = p, nspreads + 1
    return p
  end
  -- prose_of(report) → the texts of all the report's parts joined, each
  -- after a NUL, as read ahead of its rules (nil: not read ahead, or a text
  -- that is not a string): a word whose first character it lacks is in no
  -- part, and a report most often holds none of a rule's words
  local prose_of
  function T.holds(report, sections, words)
    local prose = prose_of(report)
    if prose then
      local some = false
      for _, w in ipairs(words) do
        if prose:find(spread(w).first, 1, true) then some = true break end
      end
      if not some then return false end
    end
    for _, sid in ipairs(sections) do
      local s = report:section(sid)
      local t = s and s.text
      if t and t ~= "" then
        for _, w in ipairs(words) do
          local p = spread(w)
          -- a plain search for the first character skips to it; the pattern alone is tried at every byte
          if t:find(p.first, 1, true) and t:find(p.pattern) then return true end
        end
      end
    end
    return false
  end

  -- claims_by_grammar(report) → grammar → its claims of the report, in
  -- reading order (each grammar's claims(report) copies its own list): the
  -- claims grouped once a report, not filtered again by each grammar's rule
  local claims_by_grammar

  --}===

  --{=== grammars: the readers the rules register ===

  local grammars = {}          -- in the order registered
  local topic_words = {}       -- { {pattern=, topic=} }

  local function compile_words(g, what, level)
    if not g then return nil end
    local ok, p = pcall(re.compile, g, T.defs)
    if not ok then error(string.format("%s: %s", what, tostring(p)), level or 3) end
    return p
  end
  -- LPeg copies a pattern into each pattern made with it: a search names
  -- its pattern as a rule of a small grammar, so that the copy is made once
  -- (a pack's grammars would otherwise take tens of megabytes)
  local function search_of(p)
    return P { "S", S = (1 - V "X")^0 * Cp() * Ct(V "X") * Cp(), X = p }
  end
  -- a pattern searched in a text, skipping the words `skip` names (they
  -- look like it but are not); leads: the bytes the words of either can
  -- begin with (nil: any), where alone they are tried
  local function finder(p, skip, leads)
    if not p then return nil end
    if not leads or plain_search then
      if skip then return P { "S", S = (V "K" + (1 - V "X"))^0 * V "X", X = p, K = skip } end
      return P { "S", S = (1 - V "X")^0 * V "X", X = p }
    end
    local pass = (1 - S(leads))^0
    if skip then return P { "S", S = pass * ((V "K" + (1 - V "X")) * pass)^0 * V "X", X = p, K = skip } end
    return P { "S", S = pass * ((1 - V "X") * pass)^0 * V "X", X = p }
  end

  -- The rule names a re text refers to (or defines): identifiers outside
  -- quotes, classes and comments, not after % (those are defs). It errs on
  -- naming too many (captures' and functions' names count too). (One match
  -- of the whole text: a find for each of its words cost more than the rest.)
  -- (the pattern made at the first text read: the home's grammars, whose
  -- rules claim_starts.lua holds, are not read so)
  local name_list
  local function names_in(src)
    if not name_list then
      local word_char = R("az", "AZ", "09") + "_"
      name_list = Ct((P'"' * (1 - P'"')^0 * P'"'^-1
                      + P"'" * (1 - P"'")^0 * P"'"^-1
                      + P"[" * (1 * (1 - P"]")^0 * P"]"^-1)^-1   -- a class may begin with "]"
                      + P"--" * (1 - P"\n")^0 * P"\n"^-1
                      + P"%" * word_char^0
                      + C((R("az", "AZ") + "_") * word_char^0)
                      + 1)^0)
    end
    local out = {}
    for _, name in ipairs(name_list:match(src)) do out[name] = true end
    return out
  end
  -- A grammar's words split into its rules { name=, text=, refs= }, or nil
  -- when they do not split plainly (then every reader gets them all).
  local function word_rules(words)
    local list, cur = {}, nil
    for line in (words .. "\n"):gmatch("([^\n]*)\n") do
      local name = line:match("^%s*([%a_][%w_]*)%s*<%-")
      if name then
        cur = { name = name, text = line }
        list[#list + 1] = cur
      elseif cur then cur.text = cur.text .. "\n" .. line
      elseif not line:match("^%s*$") and not line:match("^%s*%-%-") then return nil end
    end
    for _, r in ipairs(list) do
      -- a second "<-" on a line: a rule this split would miss
      if select(2, r.text:gsub("<%-", "")) ~= 1 then return nil end
      r.refs = names_in(r.text:gsub("^%s*[%a_][%w_]*%s*<%-", "", 1))
    end
    return list
  end
  -- The names of the words a reader's grammar reaches: LPeg compiles every
  -- rule of a grammar, reached or not, so each reader gets only those it uses.
  local rules_by_name = setmetatable({}, { __mode = "k" })   -- a split's rules by name, made once for its readers
  local function words_wanted(src, split)
    local want, todo = {}, {}
    for k in pairs(names_in(src)) do want[k] = true; todo[#todo + 1] = k end
    local by_name = rules_by_name[split]
    if not by_name then
      by_name = {}
      for _, r in ipairs(split) do by_name[r.name] = by_name[r.name] or {}; table.insert(by_name[r.name], r) end
      rules_by_name[split] = by_name
    end
    while #todo > 0 do
      local k = table.remove(todo)
      for _, r in ipairs(by_name[k] or {}) do
        for ref in pairs(r.refs) do
          if not want[ref] then want[ref] = true; todo[#todo + 1] = ref end
        end
      end
    end
    return want
  end
  local function words_for(src, split, words)
    if not split then return words end
    local want, out = words_wanted(src, split), {}
    for _, r in ipairs(split) do
      if want[r.name] then out[#out + 1] = r.text end
    end
    return table.concat(out, "\n")
  end


  -- A body with each predicate (& or !) written as a literal of byte 1, for
  -- the look at what comes first: a predicate there tells places apart
  -- that the first characters alone do not.
  -- (made for the reference look alone)
  local predicates_marked
  if starts_reference then
    local function upto(q) return P(q) * (1 - P(q))^0 * P(q)^-1 end
    predicates_marked = lpeg.Cs((upto'"' + upto"'" + P"[" * P"^"^-1 * P(1) * (1 - P"]")^0 * P"]"^-1
                           + P"--" * (1 - P"\n")^0 + S"!&" / ' "\1" ' + 1)^0)
  end

  -- The first characters readers compiled together can begin with (a
  -- list), or nil when one may begin with anything or match nothing; and
  -- whether, inside a run of spaces, each reader fails at every place of
  -- the run once it fails at one (true when each that can begin with a
  -- space begins it only with a word that reads the whole run: %sp, %count,
  -- %money, %pct; such a word reads to the run's end from any place in it).
  local function readers_start(by_name, readers)
    local word_starts = word_starts_of()
    -- (the two looks below read mostly the same texts: each is split into tokens once)
    local lexed = {}
    -- what each reader begins with: word(name) gives what the format's word begins with
    local function firsts(word_of, marked, only)
      local memo, busy = {}, {}
      -- (resolve: what a name the body says begins with, made once for its rules)
      local function of(key, body, resolve)
        local r = memo[key]
        if r then return r end
        if busy[key] then error("a rule that names itself first", 0) end
        busy[key] = true
        -- (the reference: the text written with its predicates marked, and split again)
        local text, mark = body, marked
        if marked and starts_reference then text, mark = predicates_marked:match(body), false end
        r = body_starts(text, resolve, lexed, mark)
        memo[key], busy[key] = r, nil
        return r
      end
      local function resolving(rule)
        return function(name)
          local ref = rule_ref(name)
          if ref then return rule(ref) end
          if word_starts[name] and T.defs[name] == word_defs[name] then return word_of(name) end
          error("what %" .. name .. " begins with is not known", 0)
        end
      end
      local word, word_resolve
      function word(name)
        return of(name, (by_name[name] or error("no rule " .. name, 0)).body, word_resolve)
      end
      word_resolve = resolving(word)
      local out = {}
      for k, rd in ipairs(readers) do
        local first = rd.own[1]
        if only and not only[k] then                        -- (not asked)
        elseif #rd.own == 1 and not first.refs[first.name] then
          -- (a reader of one rule that names no rule of its own: the words resolve what it names)
          out[k] = of(rd.prefix .. first.name, first.body, word_resolve)
        else
          local own, keys = {}, {}
          for _, r in ipairs(rd.own) do own[r.name], keys[r.name] = r, rd.prefix .. r.name end
          local rule, rule_resolve
          function rule(name)
            if rd.mine[name] then return of(keys[name], own[name].body, rule_resolve) end
            return word(name)
          end
          rule_resolve = resolving(rule)
          out[k] = rule(rd.own[1].name)
        end
      end
      return out
    end
    local plain = firsts(function(name) return word_starts[name] end, false)
    local list, seen, got = {}, {}, {}
    for _, r in ipairs(plain) do
      if r.null or not r.parts then return nil end
      for _, set in ipairs(r.parts) do
        if not seen[set] then
          seen[set] = true
          for c in pairs(set) do
            if not got[c] then got[c] = true; list[#list + 1] = c end
          end
        end
      end
    end
    table.sort(list)
    -- the characters a run of spaces is made of: each of them one character
    local spaces = { [" "] = true, ["\t"] = true }
    for _, w in ipairs(L.spaces or {}) do
      if type(w) ~= "string" or utf8.len(w) ~= 1 or first_char(w) ~= w then return list, false end
      spaces[w] = true
    end
    -- (a reader that begins inside a character of the run would be passed over)
    for _, c in ipairs(list) do
      if c:byte(1) >= 0x80 and c:byte(1) < 0xC0 then return list, false end
    end
    local space_in = {}                       -- (a set readers share is looked into once)
    local function has_space(r)
      for _, set in ipairs(r.parts) do
        local has = space_in[set]
        if has == nil then
          has = false
          for c in pairs(spaces) do if set[c] then has = true break end end
          space_in[set] = has
        end
        if has then return true end
      end
      return false
    end
    local spaced = {}                         -- the readers that can begin with a space
    for k, r in ipairs(plain) do spaced[k] = has_space(r) or nil end
    if not next(spaced) then return list, true end
    -- what the words that read a run of spaces first begin with past it
    local past = { sp = { parts = {}, null = true }, count = word_starts.num, money = word_starts.num,
                   pct = word_starts.digit }
    local ok, led = pcall(firsts, function(name) return past[name] or word_starts[name] end, true, spaced)
    if not ok then return list, false end
    for k in pairs(spaced) do
      local q = led[k]
      if q.null or not q.parts or has_space(q) then return list, false end
      for _, set in ipairs(q.parts) do
        if set["\1"] then return list, false end       -- a predicate may come first
      end
    end
    return list, true
  end

  -- readers_start, or what it gave when the binary was built for the same
  -- texts (the key holds every text the look reads: the language's words,
  -- the grammar's words and its readers' texts); while each word is the
  -- format's own (a pack may define one anew: then it is looked at here).
  -- (the key: nil where a word is not the format's own)
  local function start_key(words, specs)
    -- (the spaces are read again when the readers are looked at: in the key as they are then)
    local spaces = starts_language and fingerprint(L.spaces or {})
    if not spaces then return nil end
    for k, def in pairs(word_defs) do
      if T.defs[k] ~= def then return nil end
    end
    local key = { "spaces ", #spaces, ":", spaces, "words ", words and #words or "-", ":", words or "" }
    for _, spec in ipairs(specs) do key[#key + 1] = "reader " .. #spec.grammar .. ":"; key[#key + 1] = spec.grammar end
    return table.concat(key)
  end
  local function known_readers_start(by_name, readers, words, specs)
    local key = start_key(words, specs)
    if not key then return readers_start(by_name, readers) end
    local record = M.starts_record
    if not record then
      local known = require("claim_starts").starts[starts_language]
      known = known and known[key]
      if known then
        if not known.list then return nil end
        return table.move(known.list, 1, #known.list, 1, {}), known.uniform
      end
      return readers_start(by_name, readers)
    end
    local first, uniform = readers_start(by_name, readers)
    record = record.starts
    record[starts_language] = record[starts_language] or {}
    record[starts_language][key] = { list = first and table.move(first, 1, #first, 1, {}) or false, uniform = uniform }
    return first, uniform
  end

  -- The first bytes of the words of the re texts (rules, or an expression),
  -- as the look at where readers begin works out their first characters;
  -- nil when one may begin with anything, match nothing, or is not known.
  -- rules (a split's) by name, when no name repeats and every name they
  -- refer to is among them; nil otherwise (then read some other way)
  local function closed_by_name(rules)
    local by = {}
    for _, r in ipairs(rules) do
      if by[r.name] then return nil end
      by[r.name] = r
    end
    for _, r in ipairs(rules) do
      for ref in pairs(r.refs) do if not by[ref] then return nil end end
    end
    return by
  end

  local function lead_of(src)
    local text = src
    local rules = rules_of(text)
    if not rules then
      text = "words <- " .. src
      rules = rules_of(text)
      if not rules then return nil end
    end
    local mine = closed_by_name(rules)
    if not mine then return nil end
    local ok, first = pcall(readers_start, {}, { { own = rules, mine = mine, prefix = "1:" } })
    if not ok or not first then return nil end
    local leads = {}
    for _, c in ipairs(first) do leads[#leads + 1] = c:sub(1, 1) end
    return table.concat(leads)
  end
  -- lead_of(src), or what it gave when the binary was built for the same
  -- text of the same language, while each word is the format's own
  local function known_lead(src)
    local own = starts_language ~= nil
    for k, def in pairs(word_defs) do
      if T.defs[k] ~= def then own = false break end
    end
    if not own then return lead_of(src) end
    local record = M.starts_record
    if record then
      local leads = lead_of(src)
      if record.leads then
        record.leads[starts_language] = record.leads[starts_language] or {}
        record.leads[starts_language][src] = leads or false
      end
      return leads
    end
    local known = require("claim_starts").leads
    known = known and known[starts_language]
    known = known and known[src]
    if known == nil then return lead_of(src) end
    return known or nil
  end
  local function words_lead(...)
    local leads = {}
    for i = 1, select("#", ...) do
      local src = select(i, ...)
      if src ~= nil then
        if type(src) ~= "string" then return nil end
        local lead = known_lead(src)
        if not lead then return nil end
        leads[#leads + 1] = lead
      end
    end
    return table.concat(leads)
  end

  local scope = L.claims or {}
  local other_body = finder(compile_words(scope.other_body, "language.claims.other_body"),
                            compile_words(scope.own_body, "language.claims.own_body"),
                            words_lead(scope.other_body, scope.own_body))
  local summary_body = finder(compile_words(scope.summary_body, "language.claims.summary_body"), nil,
                              words_lead(scope.summary_body))
  local summary_issuers = {}
  for _, k in ipairs(scope.summary_issuers or {}) do summary_issuers[k] = true end
  -- (where each match of higher_body ends in a text, found in one pass a
  -- text: its words are common characters, and a claim asks of its own
  -- text before it)
  local higher_ends
  do
    local body, leads = compile_words(scope.higher_body, "language.claims.higher_body"), words_lead(scope.higher_body)
    local pass = leads and not plain_search and (1 - S(leads))^0 or P(true)
    if body then higher_ends = Ct((pass * (body * Cp() + 1))^0) end
  end
  local higher_issuers = {}
  for _, k in ipairs(scope.higher_issuers or {}) do higher_issuers[k] = true end
  local higher_text, higher_first
  local own_period = compile_words(scope.own_period, "language.claims.own_period")
  local other_period = finder(compile_words(scope.other_period, "language.claims.other_period"), own_period,
                              words_lead(scope.other_period, scope.own_period))
  local plan = finder(compile_words(scope.plan, "language.claims.plan"), nil, words_lead(scope.plan))

  -- The parts of a guard of a search for readers that begin with the
  -- characters of first (a list), as strings: { sets = { the bytes of
  -- each place, … } for each length of characters with a byte re reads
  -- as other than itself, alts = a re text of the others, leads = their
  -- first bytes }.
  local function search_guard_parts(first)
    -- the first characters, a byte at a time, those of each first byte
    -- apart: the sets of all the characters of one length let twice as
    -- many of a Chinese sentence's characters through to a try of every
    -- reader as begin one
    local of_length = {}
    for _, c in ipairs(first) do
      local n = #c
      local list = of_length[n]
      if not list then list = {}; of_length[n] = list end
      list[#list + 1] = c
    end
    -- (the sets of a length written as one re text, which the build's
    -- images answer with a copy, where each was some LPeg calls; the
    -- characters of a first byte are together in the sorted list, and
    -- each place's bytes of them one cut of that place's bytes)
    local sets, leads, alts = {}, {}, {}
    for n = 1, 4 do
      local list = of_length[n]
      if list then
        local all, at = table.concat(list), {}
        for k = 1, n do at[k] = kth(all, n, k) end
        leads[#leads + 1] = at[1]
        if n == 1 or all:find("[\0-\127]") then
          -- (one byte, exact as it is; or a byte re reads as other than itself)
          sets[#sets + 1] = at
        else
          local i, firsts = 1, at[1]
          while i <= #list do
            local lead, j = firsts:byte(i), i
            while j < #list and firsts:byte(j + 1) == lead do j = j + 1 end
            local text = { "[", firsts:sub(i, i), "]" }
            for k = 2, n do text[#text + 1] = "[" .. at[k]:sub(i, j) .. "]" end
            alts[#alts + 1] = table.concat(text)
            i = j + 1
          end
        end
      end
    end
    return { sets = sets, alts = #alts > 0 and table.concat(alts, " / ") or nil, leads = table.concat(leads) }
  end
  -- the guard of search_guard_parts, and the span of the bytes that begin none of the characters
  local function search_guard(parts)
    local guard = P(false)
    for _, at in ipairs(parts.sets) do
      local p = P(true)
      for k = 1, #at do p = p * S(at[k]) end
      guard = guard + p
    end
    if parts.alts then guard = guard + re.compile(parts.alts) end
    -- (one turn of the loop for each character that begins with a lead: the bytes after it spanned in that turn)
    return guard, (1 - S(parts.leads))^0
  end

  -- alts[i] / … / alts[j] as a text of re, joined in halves as balanced joins them
  local function balanced_text(alts, i, j)
    if i == j then return alts[i] end
    local m = (i + j) // 2
    return "(" .. balanced_text(alts, i, m) .. " / " .. balanced_text(alts, m + 1, j) .. ")"
  end
  -- together's pattern but its search as the text of one re grammar: its
  -- plan { text =, refs = { name, rule, … }, used = { word, … } } (and
  -- guard: search_guard_parts of its readers' start, once known). The
  -- words' rules are named "w_name", reader k's "rk_name"; a reference (a
  -- definition "rule__name") is the rule it names (refs), where a name
  -- names the same rule in the texts before it, else written as the name;
  -- each format word a text names (used) a rule "d_name" of its own (one
  -- copy, as when the rules are apart); "any" and "at" are as together
  -- makes them, a reader's look a definition "X_atk". nil where a text
  -- names a definition "D_…" or "X_…" (the grammar's own).
  local RULE_REF = "%%" .. RULE .. "([%w_]+)"
  local function joined_rules(words, wanted, readers)
    local out, word_names = {}, {}
    for _, r in ipairs(words) do
      if wanted[r.name] then
        word_names[r.name] = "w_" .. r.name
        out[#out + 1] = "w_" .. r.name .. " <-" .. r.body .. "\n"
      end
    end
    local named = setmetatable({}, { __index = word_names })
    local of_reader = { __index = word_names }
    local any, at = {}, {}
    for k, rd in ipairs(readers) do
      local prefix, agrees = "r" .. k .. "_", true
      for _, r in ipairs(rd.own) do
        for ref in pairs(r.refs) do
          local target = named[ref]
          if target ~= nil and target ~= (rd.mine[ref] and prefix .. ref or word_names[ref]) then agrees = false end
        end
      end
      if agrees then
        for _, r in ipairs(rd.own) do
          for ref in pairs(r.refs) do
            if rd.mine[ref] then named[ref] = prefix .. ref end
          end
          out[#out + 1] = prefix .. r.name .. " <-" .. r.body .. "\n"
        end
      else
        local names = setmetatable({}, of_reader)
        for _, r in ipairs(rd.own) do names[r.name] = prefix .. r.name end
        for _, r in ipairs(rd.own) do
          out[#out + 1] = prefix .. r.name .. " <-" .. r.body:gsub(RULE_REF, names) .. "\n"
        end
      end
      any[k] = prefix .. rd.own[1].name
      at[k] = "{| " .. any[k] .. " |} {} (%X_first => X_at" .. k .. ")"
    end
    local text = table.concat(out)
    if text:find("%D_", 1, true) or text:find("%X_", 1, true) then return nil end
    local refs, ref_names = {}, {}
    for ref in pairs(named) do ref_names[#ref_names + 1] = ref end
    for ref in pairs(word_names) do ref_names[#ref_names + 1] = ref end
    table.sort(ref_names)
    for _, ref in ipairs(ref_names) do
      refs[#refs + 1] = ref
      refs[#refs + 1] = named[ref]
    end
    -- (the words the text may name, in the order of their names: one text for the same words)
    local used = {}
    for n in pairs(T.defs) do
      if type(n) == "string" and (n:sub(1, #RULE) ~= RULE or not named[n:sub(#RULE + 1)])
         and text:find("%" .. n, 1, true) then
        used[#used + 1] = n
      end
    end
    table.sort(used)
    out = { "any <- ", balanced_text(any, 1, #any), "\nat <- ", balanced_text(at, 1, #at), "\n", text }
    for _, n in ipairs(used) do out[#out + 1] = "d_" .. n .. " <- %D_" .. n .. "\n" end
    return { text = table.concat(out), refs = refs, used = used }
  end

  -- the plan of the readers of these texts the build made (joined_rules),
  -- their number and where they begin (known_readers_start), while the
  -- format's words are its own, none added; nil otherwise (or recording)
  local function known_plan(words, specs)
    if M.starts_record then return nil end
    local n = 0
    for _, spec in ipairs(specs) do
      if type(spec) ~= "table" or type(spec.grammar) ~= "string" then return nil end
      n = n + 1
    end
    local defs = 0
    for _ in pairs(T.defs) do defs = defs + 1 end
    for _ in pairs(word_defs) do defs = defs - 1 end
    if defs ~= 0 then return nil end
    local key = start_key(words, specs)
    local known = key and require("claim_starts")
    local plan = known and known.plans and known.plans[starts_language]
    plan = plan and plan[key]
    local start = plan and known.starts[starts_language]
    start = start and start[key]
    if not start then return nil end
    return plan, n, start
  end

  -- plan's grammar for n readers, with the search (ok, first, uniform: the
  -- readers' start as known_readers_start gives it, pcall'd)
  local function joined_pattern(G, plan, n, ok, first, uniform)
    local defs, refs = {}, plan.refs
    for _, w in ipairs(plan.used) do defs[w], defs["D_" .. w] = V("d_" .. w), T.defs[w] end
    for i = 1, #refs, 2 do defs[RULE .. refs[i]] = V(refs[i + 1]) end
    defs.X_first = lpeg.Carg(1)
    for k = 1, n do
      -- (the reader's number looked at as together looks at it)
      defs["X_at" .. k] = function(_, _, from)
        if from <= k then return true, k end
        return false
      end
    end
    G.starts = ok and first or nil
    local search = "search <- (!any .)* {} at\n"
    if ok and first and not plain_search then
      -- (the parts the build worked out for these readers, where it did)
      local parts = plan.guard or search_guard_parts(first)
      if M.starts_record then plan.guard = parts end
      local guard, pass = search_guard(parts)
      G.space_runs = uniform or nil
      defs.X_guard, defs.X_pass, defs.X_space, defs.X_run = guard, pass, space, spaces_run
      search = "search <- %X_pass ((" .. (uniform and "&%X_space !any %X_run / " or "")
               .. "!(&%X_guard any) .) %X_pass)* {} at\n"
    end
    return re.compile(search .. plan.text, defs)
  end

  -- The readers of grammar G (their specs) compiled into one pattern, the
  -- words once: pattern:match(s, init, k) → where, from init on, a reader
  -- numbered k or more matches first, its captures, end and number; only
  -- at init when k > 1. The readers together give the same matches as each
  -- compiled alone (re.compile of the text words_for gives it). nil when
  -- that is not sure (a text not plainly rules, a rule defined twice, a
  -- word that needs a reader's rule, a rule that does not compile): then
  -- each reader is compiled alone.
  local function together(G, specs)
    if type(specs) ~= "table" or (G.words ~= nil and type(G.words) ~= "string") then return nil end
    if not metered() then
      local plan, n, start = known_plan(G.words, specs)
      if plan then
        local first = start.list and table.move(start.list, 1, #start.list, 1, {}) or nil
        return joined_pattern(G, plan, n, true, first, first and start.uniform or nil)
      end
    end
    local words = G.words and rules_of(G.words) or {}
    if G.words and G.words:find("%S") and #words == 0 then return nil end
    local by_name = closed_by_name(words)
    if not by_name then return nil end
    -- the words the readers reach, by their references: a rule no reader
    -- reaches changes no match (the line split a reader compiled alone gets
    -- is not needed here, and its look at every name is not made)
    local readers, wanted, todo = {}, {}, {}
    for i, spec in ipairs(specs) do
      if type(spec) ~= "table" or type(spec.grammar) ~= "string" then return nil end
      local own = rules_of(spec.grammar)
      if not own then return nil end
      local mine = {}
      for _, r in ipairs(own) do
        if mine[r.name] or by_name[r.name] then return nil end
        mine[r.name] = true
      end
      for _, r in ipairs(own) do
        for ref in pairs(r.refs) do if not mine[ref] and not by_name[ref] then return nil end end
      end
      for _, r in ipairs(own) do
        for ref in pairs(r.refs) do
          if not mine[ref] and not wanted[ref] then wanted[ref] = true; todo[#todo + 1] = ref end
        end
      end
      readers[i] = { own = own, mine = mine, prefix = i .. ":" }
    end
    if #readers == 0 then return nil end
    while #todo > 0 do
      local name = table.remove(todo)
      for ref in pairs(by_name[name].refs) do
        if not wanted[ref] then wanted[ref] = true; todo[#todo + 1] = ref end
      end
    end
    local ok, p = pcall(function()
      -- (outside a sandbox's limits: the rules one text, with the search)
      local plan = not metered() and joined_rules(words, wanted, readers)
      if plan then
        local record = M.starts_record
        local key = record and record.plans and start_key(G.words, specs)
        if key then
          record.plans[starts_language] = record.plans[starts_language] or {}
          record.plans[starts_language][key] = plan
        end
        return joined_pattern(G, plan, #readers, pcall(known_readers_start, by_name, readers, G.words, specs))
      end
      -- a reader's rules named "k:name", apart from the other readers'
      local t, starts, ats = { " search" }, {}, {}
      local here, first_reader = Cp(), lpeg.Carg(1)     -- (made once, for every reader)
      -- (one reference to each rule, however often the rules name it: a pattern is a value)
      local refs = {}
      local function ref(name)
        local v = refs[name]
        if not v then v = V(name); refs[name] = v end
        return v
      end
      -- the format's words (%count, %num …) are rules of the grammar too: one
      -- copy of each, where re would copy it into every rule that names it
      local function def(name)
        if T.defs[name] == nil then return nil end
        t["%" .. name] = T.defs[name]
        return ref("%" .. name)
      end
      -- (what the words name, looked up alike for each of them)
      local word_names = setmetatable({}, { __index = function(_, k)
        if type(k) == "string" and k:sub(1, #RULE) == RULE then return ref(k:sub(#RULE + 1)) end
        return def(k)
      end })
      for _, r in ipairs(words) do
        if wanted[r.name] then t[r.name] = re.compile(r.body, word_names) end
      end
      for k, rd in ipairs(readers) do
        local defs = setmetatable({}, { __index = function(_, name)
          if type(name) == "string" and name:sub(1, #RULE) == RULE then
            local rule = name:sub(#RULE + 1)
            return ref(rd.mine[rule] and rd.prefix .. rule or rule)
          end
          return def(name)
        end })
        for _, r in ipairs(rd.own) do t[rd.prefix .. r.name] = re.compile(r.body, defs) end
        local start = ref(rd.prefix .. rd.own[1].name)
        starts[k] = start
        -- (the reader's number is looked at only where it matches: most do
        -- not; it is given there, by the look, not by a capture of its own)
        ats[k] = Ct(start) * here * Cmt(first_reader, function(_, _, from)
          if from <= k then return true, k end
          return false
        end)
      end
      t[" any"], t[" at"] = balanced(starts, 1, #starts), balanced(ats, 1, #ats)
      -- where no reader can begin (most places) the search passes at a glance:
      -- bytes that begin none of their first characters at the speed of a span
      local ok, first, uniform = pcall(known_readers_start, by_name, readers, G.words, specs)
      G.starts = ok and first or nil
      if ok and first and not plain_search then
        local guard, pass = search_guard(search_guard_parts(first))
        -- a run of spaces where no reader matches at its first place: none
        -- matches further in it (what most of a PDF's table lines are)
        local run = uniform and #space * -V " any" * spaces_run or P(false)
        G.space_runs = uniform or nil
        t[" search"] = pass * ((run + (1 - #guard * V " any")) * pass)^0 * Cp() * V " at"
      else
        t[" search"] = (1 - V " any")^0 * Cp() * V " at"
      end
      return P(t)
    end)
    return ok and p or nil
  end

  -- a spec's cells in one spelling: a grammar's readers mostly share its cells
  local cells_spelt = {}
  local function cells_once(expr)
    if type(expr) ~= "string" then return norm_cells(expr) end
    local n = cells_spelt[expr]
    if not n then n = norm_cells(expr); cells_spelt[expr] = n end
    return n
  end

  local finders = {}           -- the finders of readers' not_after and requires, by their text
  local heads = {}             -- readers' not_after_clause patterns, by their text

  -- One reader: a grammar and what its matches claim.
  -- (compiled: the grammar's readers are compiled together, in G.scan;
  -- level: where its errors are said to be, as error's)
  local function reader(G, spec, i, compiled, level)
    local what = string.format("%s reader %d", G.name or "grammar", i)
    local src = spec.grammar
    if type(src) ~= "string" then error(what .. ": 'grammar' must be a re grammar", level) end
    local ok, p = compiled, nil
    if not ok and G.words then
      ok, p = pcall(re.compile, src .. "\n" .. words_for(src, G.word_rules, G.words), T.defs)
      -- a pruned grammar that does not compile: the whole words say why (or do compile)
      if not ok then src = src .. "\n" .. G.words end
    end
    if not ok then ok, p = pcall(re.compile, src, T.defs) end
    if not ok then error(string.format("%s: %s", what, tostring(p)), level) end
    local r = {
      G = G, search = p and search_of(p), kind = spec.kind or G.kind or "count",
      topic = spec.topic or G.topic, bare = spec.bare, every = spec.every, like = spec.like, silent = spec.silent,
      of = spec.of or G.of, understood = spec.understood or G.understood,
    }
    local cells = spec.cells or G.cells
    if spec.silent then cells = "" end
    if type(cells) == "string" then r.cells = cells_once(cells)
    elseif type(cells) == "table" then
      r.keyed = {}
      for k, v in pairs(cells) do r.keyed[k] = cells_once(v) end
    end
    if type(r.like) == "string" then r.like = cells_once(r.like) end
    r.follows = {}
    for _, t in ipairs(spec.follows or { r.topic }) do r.follows[t] = true end
    r.part_of = spec.part_of
    r.not_in_list_of = spec.not_in_list_of
    -- (a rule's readers mostly share these words: each text is compiled once)
    local g = spec.not_after
    if g then
      r.not_after = finders[g] or finder(compile_words(g, what .. " not_after", level))
      if type(g) == "string" then finders[g] = r.not_after end
    end
    -- (anchored at a clause's start, spaces passed over: a text compiled once)
    g = spec.not_after_clause
    if g then
      r.not_after_clause = heads[g] or sp * compile_words(g, what .. " not_after_clause", level)
      if type(g) == "string" then heads[g] = r.not_after_clause end
    end
    g = spec.if_none
    if g then
      if type(g) ~= "table" or type(g.after) ~= "string" or type(g.cells) ~= "string" then
        error(what .. ": 'if_none' must be { after = cells, cells = cells [, unless = pattern] }", level)
      end
      r.if_none = { after = g.after, cells = cells_once(g.cells), named = g.cells:match("^[%w_]+%.[%w_]+") }
      for _, k in ipairs { "unless", "said" } do
        local w = g[k]
        if w then
          r.if_none[k] = finders[w] or finder(compile_words(w, what .. " if_none", level))
          if type(w) == "string" then finders[w] = r.if_none[k] end
        end
      end
    end
    g = spec.requires
    if g then
      r.requires = finders[g] or finder(compile_words(g, what .. " requires", level))
      if type(g) == "string" then finders[g] = r.requires end
    end
    r.parts = {}
    for _, id in ipairs(spec.parts or {}) do r.parts[id] = true end
    return r
  end

  -- grammar{ name=, words=, topic=, topic_words=, cells=, readers = { {grammar=, cells=, …}, … } } →
  -- a handle whose claims(report) are the claims its readers make. Each reader:
  --   grammar   a re grammar; its first rule is the claim; `words` (re rules
  --             shared by the readers) are appended to it
  --   cells     the claim's cells, or a table: key → cells, where the key is a
  --             string the match captures (`("行政复议") -> 'rv'`), one claim each
  --   topic     what the claims are about ("t3", "t4.rv"); `topic_words` (for the
  --             whole grammar: a pattern, or topic → pattern) name a topic too
  --   bare      true: the grammar names no subject ("废止3件"): it reads only
  --             where what came before is about one of `follows` (default: its
  --             topic; "start" is the start of a sentence)
  --   every     with bare: one claim for each topic of the claims before it in the
  --             sentence (cells keyed by topic: "均已结案")
  --   like      the claim's value is that of this claim made before in the sentence
  --   silent    the number is read (it is not "other") but claims nothing ("修改1件")
  --   not_after a re pattern: no claim when it is found before the match in its clause
  --   part_of   with bare: cells (a prefix, "t3.new") a match opening with a word of going
  --             on (其中) is a part of: no claim when the claim before it in the sentence
  --             has other cells (予以公开1362件，其中自然人申请1288件: a part of the
  --             answered, not of the received); none before it: the last sentence's decides
  --   not_in_list_of  cells (a prefix, "t3.result"): no claim in a list opened by a word
  --             of going on (其中) after a claim of these cells, in its sentence: the
  --             list's counts are parts of that claim's (办结3050件，其中上年结转34件，本年度
  --             新收申请3016件: the new ones answered, not all received)
  --   not_after_clause  a re pattern: no claim when a clause of its sentence opens with it
  --             before the match (办结上年度结转申请5件，新收申请77件: the verb of the first
  --             clause governs the list, 77 are the new ones answered)
  --   if_none   { after = cells (a prefix), cells = cells, unless = , said = re patterns }: a
  --             claim right after a claim of `after` in its sentence, with no claim of
  --             `cells` (their table and row) and no `said` in the sentence and no `unless`
  --             in its clause before the count, holds only
  --             where the table's `cells` are 0 (the claim's if_zero; where they are not,
  --             claims_in leaves it out): 新收申请32件，已办结30件 may count the new ones
  --             answered, all answered only when none were carried over
  --   requires  a re pattern the sentence must hold, unless the sentence is in one
  --             of `parts` ("s4")
  --   (grammar) needs   words one of which a sentence must hold to be read by
  --             the grammar at all (a quick test; leave it out to read every sentence)
  --   kind      "count" (default), "share" (a percentage of a base `of`, named
  --             by the match's `base` capture or `understood` from the subject's
  --             cells), "compare" (last year's figure, or the change from it)
  -- the grammars by their spec: a user pack's rule runs afresh for each
  -- report and registers its grammar each time; it gets the one it
  -- registered when its pack was loaded, which the reports' claims name
  local by_spec = {}

  -- G's readers compiled, and sorted by what they claim as read() takes
  -- them (level: where a reader's error is said to be, as error's)
  local function compile_readers(G, spec, level)
    -- (what together cannot do exactly, or fails at, the readers do alone)
    local ok, scan_pattern = pcall(together, G, spec.readers or { spec })
    G.scan = ok and scan_pattern or nil
    if not G.scan then G.starts = nil end            -- (what the readers compiled together begin with)
    -- (the words split by lines: what each reader compiled alone gets)
    if not G.scan and type(G.words) == "string" then G.word_rules = word_rules(G.words) end
    G.readers = {}
    for i, r in ipairs(spec.readers or { spec }) do
      G.readers[i] = reader(G, r, i, G.scan ~= nil, level + 1)
    end
    G.named, G.follow, G.said = {}, {}, {}
    for _, r in ipairs(G.readers) do
      if r.kind ~= "count" then G.said[#G.said + 1] = r
      elseif r.bare or r.like then G.follow[#G.follow + 1] = r
      else G.named[#G.named + 1] = r end
    end
  end

  -- A grammar of the home's packs, registered outside any limited call, is
  -- compiled when a sentence first needs it: a report reads few of them
  -- (pending: its spec). Its texts are the ones the build compiled
  -- (claim_starts.lua), so its compiling cannot fail later where it did
  -- not fail then; a user's grammar, or one built inside limits, is
  -- compiled at once, its errors where they always were. (The build's run
  -- that images the grammars compiled, NB_GRAMMAR_IMAGES_OUT, compiles all.)
  local deferring = not (at_once or plain_search or starts_reference or M.starts_record
                         or os.getenv("NB_GRAMMAR_IMAGES_OUT"))
  local function deferrable(spec)
    if not deferring or metered() then return false end
    local known = require("claim_starts").rules
    if spec.words ~= nil and (type(spec.words) ~= "string" or not known[spec.words]) then return false end
    for _, r in ipairs(spec.readers or { spec }) do
      if type(r) ~= "table" or type(r.grammar) ~= "string" or not known[r.grammar] then return false end
      if r.not_after ~= nil and type(r.not_after) ~= "string" then return false end
      if r.not_after_clause ~= nil and type(r.not_after_clause) ~= "string" then return false end
      if r.requires ~= nil and type(r.requires) ~= "string" then return false end
    end
    return true
  end
  -- pending grammar G compiled (nil: every one left, in the order
  -- registered); inside a rule's limits (a report not read ahead, a pack
  -- with a user's layer), as outside them: as at start-up
  local function compile_one(G)
    local spec = G.pending
    G.pending = nil
    setmetatable(G, nil)
    compile_readers(G, spec, 2)
  end
  local function compile_now(G)
    if G then return compile_one(G) end
    for _, g in ipairs(grammars) do
      if g.pending then compile_one(g) end
    end
  end
  -- (outside limits the collector is stopped meanwhile, as start-up stops
  -- it; inside a rule's it is left as the rule's limits found it)
  local function compile_pending(G)
    if metered() then return outside(compile_now, G) end
    local paused <close> = collectgarbage("isrunning") and collector_paused() or nil
    return compile_now(G)
  end
  -- (a pending grammar's readers, asked for, are compiled first: what
  -- compiling makes is there to look at as if made at its registration)
  local compiled_fields = { readers = true, scan = true, starts = true, space_runs = true, word_rules = true,
                            named = true, follow = true, said = true }
  local pending_grammar = { __index = function(G, k)
    if compiled_fields[k] and rawget(G, "pending") then
      compile_pending(G)
      return rawget(G, k)
    end
  end }

  word_starts_of_text[T] = function() return word_starts_made ~= nil end
  pending_of[T] = function()
    local n = 0
    for _, G in ipairs(grammars) do if G.pending then n = n + 1 end end
    return n
  end

  -- A spec's key (its fingerprint, a walk of all of it) tells it from the
  -- specs registered before under its name (raw; false: none): a national
  -- grammar whose name none had has its key worked out only when a spec of
  -- that name comes (unkeyed: by name, the grammars still without one).
  local names_seen, unkeyed = {}, {}
  local function name_of(spec)
    local name = type(spec) == "table" and rawget(spec, "name")
    if name == nil then return false end
    return name
  end

  function T.grammar(spec)
    local name = name_of(spec)
    local waiting = unkeyed[name]
    if waiting then
      unkeyed[name] = nil
      for _, g in ipairs(waiting) do
        local k = fingerprint(g.unkeyed_spec)
        g.unkeyed_spec = nil
        if k and by_spec[k] == nil then by_spec[k] = g end
      end
    end
    local lazy = deferrable(spec)
    local key
    if not (lazy and not names_seen[name]) then
      key = fingerprint(spec)
      if key and by_spec[key] then return by_spec[key] end
    end
    local G = { name = spec.name, words = spec.words, topic = spec.topic, cells = spec.cells,
                kind = spec.kind, of = spec.of, understood = spec.understood, needs = {} }
    for _, w in ipairs(spec.needs or {}) do G.needs[#G.needs + 1] = w end
    if lazy then
      G.pending = spec
      setmetatable(G, pending_grammar)
    else
      compile_readers(G, spec, 3)
    end
    local tw = spec.topic_words
    if type(tw) == "string" then tw = { [spec.topic or ""] = tw } end
    for topic, g in pairs(tw or {}) do
      topic_words[#topic_words + 1] = { pattern = search_of(compile_words(g, "topic_words")), topic = topic }
    end
    grammars[#grammars + 1] = G
    if key then by_spec[key] = G
    elseif lazy and not names_seen[name] then
      G.unkeyed_spec = spec
      unkeyed[name] = { G }
    end
    names_seen[name] = true
    function G.claims(report)
      local mine, out = claims_by_grammar(report)[G], {}
      if mine then table.move(mine, 1, #mine, 1, out) end
      return out
    end
    return G
  end

  --}===

  --{=== reading one sentence ===

  -- the clauses of a sentence: where each starts
  local clause_search = (1 - comma)^0 * comma * Cp()
  local function clause_starts(s)
    local starts, pos = { 1 }, 1
    while true do
      local e = clause_search:match(s, pos)
      if not e then break end
      starts[#starts + 1] = e
      pos = e
    end
    return starts
  end
  local function clause_of(starts, pos)
    local from = 1
    for _, st in ipairs(starts) do if st <= pos then from = st else break end end
    return from
  end

  -- every match of reader r in s: { caps=, at=, stop= }
  local function search_all(r, s)
    local out, init = {}, 1
    while init <= #s do
      local at, caps, e = r.search:match(s, init)
      if not at then break end
      out[#out + 1] = { caps = caps, at = at, stop = e }
      init = next_char(s, at)
    end
    return out
  end
  -- every match of each reader of G in s, with the readers compiled
  -- together: hits[r] = { {caps=, at=, stop=}, … } as search_all gives it;
  -- true when any matched. Each place where some reader matches is found
  -- once; there every reader that matches is tried in turn.
  local no_matches = setmetatable({}, { __newindex = function() error("the list of no matches is shared", 2) end })
  local function scan(G, s, hits)
    -- a reader's matches, and where its own search would go on; made when it
    -- first matches (most readers of a sentence: none)
    local lists, from = nil, nil
    local init, k = 1, 1
    while init <= #s + 1 do
      local at, caps, e, i = G.scan:match(s, init, k)
      if not at then
        if k == 1 then break end
        init, k = init + 1, 1              -- no other reader at init
      else
        local r = G.readers[i]
        if not lists then lists, from = {}, {} end
        local list = lists[r]
        if not list then list = {}; lists[r] = list; from[r] = 1 end
        if from[r] <= #s and at >= from[r] then
          list[#list + 1] = { caps = caps, at = at, stop = e }
          from[r] = next_char(s, at)
          hits[G] = true
        end
        init, k = at, i + 1
      end
    end
    -- (a grammar none of whose readers matched is not looked at again; its
    -- readers that matched nowhere share one empty list)
    if lists then
      for _, rd in ipairs(G.readers) do hits[rd] = lists[rd] or no_matches end
    end
  end

  -- what stands before a number (claims_exact), the times of a sentence's
  -- clauses (claims_times) and what a sentence leaves to the next
  -- (claims_carry): each made once for the format, from its words
  local not_exact, comma_end_at = claims_exact.for_language {
    L = L, digits = digits, multiples = multiples, inexact = inexact, sp = sp, comma = comma, words_of = words_of,
  }
  local times = claims_times.for_language {
    F = F, L = L, digits = digits, tens = tens, digit = digit, yearnum = yearnum, sp = sp, comma = comma,
    unit = unit, percent = percent, year_mark = year_mark, date_mark = date_mark, spaced = spaced,
    arabic = arabic, chinese = chinese, own_period = own_period, plain_search = plain_search,
    words_of = words_of, alt = alt, words_alt = words_alt, words_alt_once = words_alt_once,
    search_for = search_for, first_bytes = first_bytes, ascii = ascii,
  }
  local frame_year, carried_year, quantities = times.frame_year, times.carried_year, times.quantities
  local quantity_search = times.quantity_search
  local going_on = claims_carry.for_language {
    L = L, clause_starts = clause_starts, carried_year = carried_year, year_word_search = times.year_word_search,
  }

  -- Is a claim starting at `at` (its clause starting at `from`) the report's
  -- own figure, a fact (not a plan), of the report's year ("this") or of the
  -- year before ("last")? nil: none of these.
  local function in_frame(s, at, from, ctx, starts)
    local before = s:sub(1, at - 1)
    if other_body and other_body:match(before) then return nil end
    if summary_body and summary_issuers[ctx.issuer or ""] and summary_body:match(before) then return nil end
    if higher_ends and higher_issuers[ctx.issuer or ""] then
      if s ~= higher_text then higher_text, higher_first = s, higher_ends:match(s)[1] end
      if higher_first and higher_first <= at then return nil end
    end
    if other_period and other_period:match(before) then return nil end
    if plan and plan:match(before) then return nil end
    local y = frame_year(s, from, at, ctx.year)
    if not y and from > 1 and starts then y = carried_year(s, starts, from, ctx.year) end
    if y == "part" then return nil end
    if not y or y == "this" or y == ctx.year then return "this" end
    if y == "last" or (ctx.year and y == ctx.year - 1) then return "last" end
    return nil
  end

  local function value_of(caps)
    if caps.zero then return 0 end
    local v = T.number(caps.n)
    -- (a count of more digits than any count of a report's can be is numbers run
    -- together: a tracked change's old and new, 447282447228件)
    if math.type(v) == "integer" and not caps.money and v >= MAX_COUNT then return nil end
    if v ~= nil and caps.money then
      local p = money[caps.money]
      if p == nil then return nil end
      v = shift(tostring(v), p)
      v = v and (math.tointeger(tonumber(v)) or v)
    end
    return v
  end

  -- the keys a match names: the strings it captured
  local function keys_of(caps)
    local keys = {}
    for _, v in ipairs(caps) do if type(v) == "string" then keys[#keys + 1] = v end end
    return keys
  end

  -- the counts of a list said 分别为 ({| %count |} after each kind), one for
  -- each of its keys, in order: nil for a match of no list, false for a list
  -- whose kinds and counts do not pair one to one (or that names a kind twice)
  local function listed_counts(caps, keys)
    local items
    for _, v in ipairs(caps) do
      if type(v) == "table" then items = items or {}; items[#items + 1] = v end
    end
    if not items then return nil end
    if #items ~= #keys then return false end
    for i = 2, #keys do
      for j = 1, i - 1 do if keys[j] == keys[i] then return false end end
    end
    return items
  end

  local function cells_for(r, key)
    if r.keyed then return key and r.keyed[key] end
    return r.cells
  end


  local only_comma = sp * comma^-1 * sp * -1     -- what may stand between a subject and its share
  local only_list = sp * words_alt_once(L.list or {}) * sp * -1   -- what joins two subjects in one list
  local function by_place(a, b)
    if a.at ~= b.at then return a.at < b.at end
    if a.cells ~= b.cells then return a.cells < b.cells end
    return (a.kind or "") < (b.kind or "")
  end

  -- a sentence with no count, sum, percentage, negation, zero or last year
  -- claims nothing: not read (claims_worth)
  local worth_in = claims_worth.for_language {
    L = L, digits = digits, multiples = multiples, defs = T.defs, spaced = spaced, arabic = arabic,
    chinese = chinese, sp = sp, unit = unit, not_count = not_count, inexact_after = inexact_after,
    money_unit = money_unit, percent = percent, words_of = words_of,
  }

  -- the grammars that may read a sentence, by the words they need (claims_needs)
  local needs = claims_needs.for_grammars(grammars, needs_by_word)
  local needs_in, needs_of_all, may_read = needs.needs_in, needs.needs_of_all, needs.may_read

  -- read(sentence, ctx) → the claims of one sentence: { cells=, kind = "is" |
  -- "prev" | "change" | "pct_change" | "share", value=, pct=, of=, at=, stop=,
  -- quote=, negated=, grammar=, text= }, in the order of the sentence. ctx:
  -- { year = the report's year, issuer = its issuer kind, part = the part it is in }.
  local read_worth
  function T.read(sentence, ctx)
    ctx = ctx or {}
    local s = sentence
    if s:find("\n", 1, true) then s = unwrap(s, ends, heading) end
    current.year = ctx.year or 0      -- (the quick look's last year is this sentence's)
    if #s > MAX_SENTENCE or not worth_in(s) then return {} end
    return read_worth(s, ctx)
  end

  -- read_flat(s, ctx [, needed]) → the claims of a flat sentence (no break
  -- in it) that is worth reading, read() past its quick look; false when no
  -- grammar matches it (most sentences: then no table is made for them).
  -- needed: needs_in(s), when it was looked for already
  local function read_flat(s, ctx, needed)
    current.year = ctx.year or 0
    -- each reader's matches, of the grammars the sentence may hold; true for
    -- a grammar with a reader that matches somewhere (most sentences: none).
    -- Those grammars, in order, are all the rest looks at.
    local hits, matched = nil, nil
    needed = needed or needs_in(s)
    for gi, G in ipairs(grammars) do
      if may_read(G, gi, s, needed) then
        hits = hits or {}
        if G.pending then compile_pending(G) end
        if G.scan then scan(G, s, hits)
        else
          for _, r in ipairs(G.readers) do
            local list = search_all(r, s)
            hits[r] = list
            if #list > 0 then hits[G] = true end
          end
        end
        if hits[G] then matched = matched or {}; matched[#matched + 1] = G end
      end
    end
    if not matched then return false end
    local starts = clause_starts(s)
    local claims = {}

    local function add(c)
      for _, o in ipairs(claims) do
        if o.cells == c.cells and o.kind == c.kind and o.value == c.value and o.pct == c.pct and o.of == c.of then
          return o
        end
      end
      c.text, c.quote = s, s:sub(c.at, c.stop - 1)
      claims[#claims + 1] = c
      table.sort(claims, by_place)
      return c
    end
    -- "this", "last" (a figure of the year before) or nil (no claim)
    local function frame_ok(r, at, n_at)
      local from = clause_of(starts, at)
      if n_at and not_exact(s, n_at) then return nil end
      if r.not_after and r.not_after:match(s:sub(from, at - 1)) then return nil end
      if r.requires and not r.parts[ctx.part or ""] and not r.requires:match(s) then return nil end
      return in_frame(s, at, from, ctx, starts)
    end

    -- 1. the readers that name their subject
    local found = {}
    for _, G in ipairs(matched) do
      for _, r in ipairs(G.named) do
        for _, m in ipairs(hits[r]) do
          local keys = keys_of(m.caps)
          local counts = listed_counts(m.caps, keys)
          if counts == false then keys = {} elseif #keys == 0 then keys = { false } end
          for i, key in ipairs(keys) do
            local cells = cells_for(r, key or nil)
            local caps = counts and counts[i] or m.caps
            if cells then
              found[#found + 1] = { r = r, m = m, caps = caps, cells = cells, at = m.at, stop = m.stop, n_at = caps.at }
            end
          end
        end
      end
    end

    -- 2. one number, one subject: of two readings of a number the one that
    -- read more of the sentence (it holds the other) wins; readings that
    -- cross, or read the same words as different cells, are unsure: dropped
    local by_number = {}
    for i, a in ipairs(found) do
      a.i = i
      if a.n_at then
        by_number[a.n_at] = by_number[a.n_at] or {}
        table.insert(by_number[a.n_at], a)
      end
    end
    for i, a in ipairs(found) do
      local ok = true
      for _, b in ipairs(a.n_at and by_number[a.n_at] or {}) do
        local j = b.i
        if i ~= j and b.m ~= a.m then
          local a_holds = a.at <= b.at and a.stop >= b.stop
          local b_holds = b.at <= a.at and b.stop >= a.stop
          if a_holds and b_holds then
            if a.cells ~= b.cells or j < i then ok = false end
          elseif b_holds then ok = false
          elseif not a_holds then ok = false end
        end
      end
      local frame = ok and frame_ok(a.r, a.at, a.n_at)
      if frame then
        local v = value_of(a.caps)
        -- last year's figure, said as such ("上年同期收到申请30件"): a claim about last year
        if frame == "last" and (math.type(v) ~= "integer" or not a.n_at) then v = nil end
        if v ~= nil then
          add { cells = a.cells, kind = frame == "last" and "prev" or "is", value = v, printed = a.caps.n,
                unit = a.caps.money, at = a.at, stop = a.stop, silent = a.r.silent,
                n_at = frame == "this" and a.n_at or nil, negated = a.caps.zero ~= nil, grammar = a.r.G,
                reader = a.r, topic = frame == "this" and a.r.topic or nil,
                last_year = frame == "last" or nil }
        end
      end
    end

    -- 3. readers without a subject of their own follow the topic of what
    -- came before: the last claim or word naming one; a quantity that no
    -- reader claimed makes it "other" ("收到留言356条，办结356条")
    local function covered(pos)
      for _, c in ipairs(claims) do if c.at <= pos and pos < c.stop then return true end end
      return false
    end
    -- a change said at the start of a clause (…8件，较上年减少2件，废止26件) is of the
    -- claim before it: its numbers are no other subject's
    local changes
    local function in_change(pos)
      if not changes then
        changes = {}
        for _, G in ipairs(matched) do
          for _, r in ipairs(G.said) do
            if r.kind == "compare" then
              for _, m in ipairs(hits[r]) do
                if only_comma:match(s:sub(clause_of(starts, m.at), m.at - 1)) then changes[#changes + 1] = m end
              end
            end
          end
        end
      end
      for _, m in ipairs(changes) do if m.at <= pos and pos < m.stop then return true end end
      return false
    end
    local events
    local function topic_before(pos)
      if not events then                   -- the quantities and topic words, once
        events = {}
        for _, a in ipairs(quantities(s)) do events[#events + 1] = { at = a } end
        for _, tw in ipairs(topic_words) do
          local init = 1
          while init <= #s do
            local at, _, e = tw.pattern:match(s, init)
            if not at then break end
            events[#events + 1] = { at = at, topic = tw.topic }
            init = math.max(e, at + 1)
          end
        end
      end
      local best, best_at = "start", 0
      local last, before_last                 -- the last two claims with a topic
      for _, c in ipairs(claims) do
        if c.topic and c.at < pos and c.at >= best_at then best, best_at = c.topic, c.at end
        if c.topic and c.at < pos then before_last, last = last, c end
      end
      for _, ev in ipairs(events) do
        if ev.at < pos and ev.at >= best_at then
          if ev.topic then best, best_at = ev.topic, ev.at
          elseif not covered(ev.at) and not in_change(ev.at) then best, best_at = "other", ev.at end
        end
      end
      -- 行政复议3件、行政诉讼2件，其中维持4件: what follows two topics in one list is of both
      if last and before_last and last.topic == best and before_last.topic ~= best
         and before_last.stop <= last.at and only_list:match(s:sub(before_last.stop, last.at - 1)) then
        return "other"
      end
      return best
    end
    local function last_claim(cells, pos)
      local best
      for _, c in ipairs(claims) do
        if c.kind == "is" and c.cells == cells and c.at < pos then best = c end
      end
      return best
    end
    local follow = {}
    for _, G in ipairs(matched) do
      for _, r in ipairs(G.follow) do
        for _, m in ipairs(hits[r]) do follow[#follow + 1] = { r = r, m = m } end
      end
    end
    table.sort(follow, function(a, b) return a.m.at < b.m.at or (a.m.at == b.m.at and a.m.stop > b.m.stop) end)
    for _, f in ipairs(follow) do
      local r, m = f.r, f.m
      local keys, topic = {}, r.topic
      if r.silent then topic = nil end
      local counts
      if r.bare and r.every then
        local seen = {}
        for _, c in ipairs(claims) do
          if c.topic and c.at < m.at and not seen[c.topic] then seen[c.topic] = true; keys[#keys + 1] = c.topic end
        end
      elseif not r.bare or r.follows[topic_before(m.at)] then
        keys = keys_of(m.caps)
        counts = listed_counts(m.caps, keys)
        if counts == false then keys = {} elseif #keys == 0 then keys = { false } end
      end
      -- (a list's counts are looked at before any is claimed: each claim spans the list)
      local free
      if counts then
        free = {}
        for i, c in ipairs(counts) do free[i] = not covered(c.at) end
      end
      for i, key in ipairs(keys) do
        local caps = counts and counts[i] or m.caps
        local cells = cells_for(r, key or nil)
        if cells and (free and free[i] or not free and not (caps.at and covered(caps.at)))
           and frame_ok(r, m.at, caps.at) == "this" then
          local v
          if r.like then
            local c = last_claim(r.like, m.at)
            v = c and c.value
          else
            v = value_of(caps)
          end
          if r.silent then v = 0 end
          -- (a clause opening with 其中…: a part of the claim before it, of the cells it is
          -- a part of, or none)
          local part_of = r.part_of and going_on.opens(s, clause_of(starts, m.at)) and r.part_of
          if part_of then
            local before
            for _, c in ipairs(claims) do
              if c.at < m.at and (not before or c.at > before.at) then before = c end
            end
            if before then
              if not going_on.of_part(before.cells, part_of) then v = nil end
              part_of = nil
            end
          end
          if v ~= nil then
            add { cells = cells, kind = "is", value = v, at = m.at, stop = m.stop, n_at = caps.at,
                  negated = caps.zero ~= nil, grammar = r.G, reader = r, silent = r.silent,
                  topic = r.every and key or topic or (r.silent and topic_before(m.at)) or nil,
                  part_of = part_of or nil }
          end
        end
      end
    end

    -- 4. shares and last year's figures, said of a claim before them or of a
    -- subject they name
    local function subject_before(pos, adjacent)
      local best
      for _, c in ipairs(claims) do
        if c.kind == "is" and c.n_at and not c.silent and c.stop <= pos and (not best or c.stop >= best.stop) then
          best = c
        end
      end
      if not best then return nil end
      local between = s:sub(best.stop, pos - 1)
      if adjacent and not only_comma:match(between) then return nil end
      if quantity_search:match(between) then return nil end
      return best
    end
    -- the claims before pos with a count, one for each cells, in order
    local function subjects_before(pos)
      local list, seen = {}, {}
      for _, c in ipairs(claims) do
        if c.kind == "is" and c.n_at and not c.silent and c.stop <= pos and not seen[c.cells] then
          seen[c.cells] = true
          list[#list + 1] = c
        end
      end
      return list
    end
    -- of matches that overlap, the one that read more (holds the other) is kept
    local said = {}
    for _, G in ipairs(matched) do
      for _, r in ipairs(G.said) do
        for _, m in ipairs(hits[r]) do said[#said + 1] = { G = G, r = r, m = m } end
      end
    end
    local function held(x)
      for _, y in ipairs(said) do
        if y ~= x and y.r.kind == x.r.kind and y.m.at <= x.m.at and y.m.stop >= x.m.stop
           and (y.m.stop - y.m.at) > (x.m.stop - x.m.at) then return true end
      end
      return false
    end
    table.sort(said, function(a, b) return a.m.at < b.m.at end)
    for _, x in ipairs(said) do
      local G, r, m = x.G, x.r, x.m
      if not held(x) and r.kind == "share" then
        local subjects, said_of = {}, nil
        for _, key in ipairs(keys_of(m.caps)) do subjects[#subjects + 1] = cells_for(r, key) end
        if #subjects == 0 then
          local c = subject_before(m.at, true)
          subjects[1], said_of = c and c.cells, c
        end
        for _, cells in ipairs(subjects) do
          local of
          if m.caps.base then of = r.of and r.of[m.caps.base]
          else
            for _, u in ipairs(r.understood or {}) do
              if cells:match(u[1]) then of = r.of[u[2]] break end
            end
          end
          if of and frame_ok(r, m.at) == "this" then
            add { cells = cells, kind = "share", of = norm_cells(of), pct = ascii(m.caps.pct),
                  at = m.at, stop = m.stop, grammar = G, reader = r, said_of = said_of }
          end
        end
      elseif not held(x) and r.kind == "compare" then
        local changes = {}
        for _, v in ipairs(m.caps) do if type(v) == "table" then changes[#changes + 1] = v end end
        local subjects, keys, said_of = {}, keys_of(m.caps), {}
        for _, key in ipairs(keys) do subjects[#subjects + 1] = cells_for(r, key) end
        -- (a subject named that has no cells is not the one before it)
        if #keys == 0 then
          local before = subjects_before(m.at)
          if m.caps.each then
            -- 分别较上年增加5件、减少2件: the last claims before, one change each
            if #before >= #changes then
              for i = 1, #changes do
                subjects[i], said_of[i] = before[#before - #changes + i].cells, before[#before - #changes + i]
              end
            end
          else
            -- one subject before it in the sentence, nothing else counted between, and the
            -- change right after it or after a comma (not 办结率同比提高2%: another subject)
            local b = #before == 1 and subject_before(m.at, false)
            local between = b and s:sub(b.stop, m.at - 1)
            if b and (between == "" or comma_end_at:match(between)) then subjects[1], said_of[1] = before[1].cells, before[1] end
          end
        end
        if #subjects > 0 and frame_ok(r, m.at) == "this" then
          local function claim(cells, kind, value, p, of_claim)
            if cells then
              add { cells = cells, kind = kind, value = value, pct = p, at = m.at, stop = m.stop,
                    grammar = G, reader = r, said_of = of_claim }
            end
          end
          local prev = m.caps.prev and T.number(m.caps.prev)
          if math.type(prev) == "integer" then claim(subjects[1], "prev", prev, nil, said_of[1]) end
          if m.caps.same then claim(subjects[1], "change", 0, nil, said_of[1]) end
          for i, c in ipairs(changes) do
            local cells = m.caps.each and subjects[i] or subjects[1]
            local of_claim = m.caps.each and said_of[i] or said_of[1]
            local down = c.dir == "down"
            if c.n then
              local v = T.number(c.n)
              if math.type(v) == "integer" then claim(cells, "change", down and -v or v, nil, of_claim) end
            elseif c.pct then
              local p = ascii(c.pct)
              claim(cells, "pct_change", nil, (down and p:match("[1-9]")) and "-" .. p or p, of_claim)
            end
          end
        end
      end
    end

    -- (a claim in a list opened by 其中 or 包括 after a claim of its reader's not_in_list_of: none)
    local function in_list_of(c, prefix)
      local k = #starts
      while k > 1 and starts[k] > c.at do k = k - 1 end
      for j = k, 2, -1 do
        if going_on.opens(s, starts[j]) or going_on.opens(s, starts[j], L.lists_from) then
          local head
          for _, o in ipairs(claims) do
            if o.kind == "is" and o.at < starts[j] and (not head or o.at > head.at) then head = o end
          end
          return head ~= nil and going_on.of_part(head.cells, prefix)
        end
      end
      return false
    end

    -- (a claim after a clause that opens with its reader's not_after_clause, or in one
    -- after its words: none)
    local function after_clause(c, head)
      for j = 1, #starts do
        if starts[j] >= c.at then return false end
        local e = head:match(s, starts[j])
        if e and e <= c.at then return true end
      end
      return false
    end

    -- (a claim of a reader's if_none: the cells it holds only where they are 0, or nil)
    local function if_zero(c, none)
      local before
      for _, o in ipairs(claims) do
        if o.cells:find(none.named, 1, true) then return nil end
        if o.at < c.at and not o.silent and (o.kind == "is" or o.kind == "prev") then
          if not before or o.at > before.at then before = o end
        end
      end
      if not (before and before.cells:sub(1, #none.after) == none.after) then return nil end
      if none.unless and none.unless:match(s:sub(clause_of(starts, c.at), (c.n_at or c.stop) - 1)) then return nil end
      if none.said and none.said:match(s) then return nil end
      return none.cells
    end

    local out = {}
    for _, c in ipairs(claims) do
      local of = c.reader and c.reader.not_in_list_of
      local head = c.reader and c.reader.not_after_clause
      if not c.silent and not (of and in_list_of(c, of)) and not (head and after_clause(c, head)) then
        local none = c.reader and c.reader.if_none
        if none then c.if_zero = if_zero(c, none) end
        -- (a share or a change said of such a claim holds where it holds)
        if c.said_of then c.if_zero, c.said_of = c.said_of.if_zero, nil end
        out[#out + 1] = c
      end
    end
    return out
  end
  function read_worth(s, ctx) return read_flat(s, ctx) or {} end

  --}===

  --{=== a report's claims ===

  -- A report's claims are read once, by whichever rule asks first. The
  -- reading keeps its place: a rule stopped by its limits (a hostile report
  -- of thousands of claims) leaves the rest to the next rule, not the whole.
  local cache = setmetatable({}, { __mode = "k" })

  -- The claims a sentence was read to make (false: none), by what its
  -- reading depends on (the year, the issuer, the part) and the sentence:
  -- the reports of a batch share much of their wording ("本年度未收取信息处理费。"),
  -- read once. Kept for the grammars registered when they were read, and
  -- no more than so many sentences.
  local READINGS_KEPT = 4096
  local readings, readings_count, readings_grammars, readings_topics = {}, 0, nil, nil
  -- the readings of the sentences of one part of a report; nil: none kept
  -- (found by year, issuer and part in turn: a part's look-up makes no string)
  local function readings_of(ctx)
    local year, issuer, part = ctx.year, ctx.issuer, ctx.part
    if (year ~= nil and math.type(year) ~= "integer") or (issuer ~= nil and type(issuer) ~= "string")
       or type(part) ~= "string" then
      return nil
    end
    if readings_grammars ~= #grammars or readings_topics ~= #topic_words or readings_count >= READINGS_KEPT then
      readings, readings_count, readings_grammars, readings_topics = {}, 0, #grammars, #topic_words
    end
    local by_year = readings[year or false]
    if not by_year then by_year = {}; readings[year or false] = by_year end
    local by_issuer = by_year[issuer or ""]
    if not by_issuer then by_issuer = {}; by_year[issuer or ""] = by_issuer end
    local kept = by_issuer[part]
    if not kept then kept = {}; by_issuer[part] = kept end
    return kept
  end


  -- zero_in(report, c): the cells of claim c's if_zero are 0 in the report (of last
  -- year's report, for a claim of last year's; of both, for a change from it); not
  -- when they are missing or unread
  local function zero_in(report, c)
    local this = c.kind ~= "prev"
    local last = c.kind == "prev" or c.kind == "change" or c.kind == "pct_change"
    return (not this or T.same(T.sum_of(report, c.if_zero), 0))
       and (not last or T.same(T.sum_of(report, T.prev_of(c.if_zero)), 0))
  end

  -- claims_in(report) → every claim of the report's prose (every part), in
  -- reading order, each with its line and col (where its match starts), its
  -- sentence (`text`) and its part (`section`).
  function T.claims_in(report)
    local key = view.unwrap(report)
    local state = cache[key]
    if not state then
      state = { out = {}, sec = 1, at = 1 }
      cache[key] = state
    elseif state.done then return state.out     -- (read ahead, or by a rule before)
    end
    local sections = report.sections or {}
    local out = state.out
    while not state.done do
      local sec = sections[state.sec]
      if not sec or #out >= MAX_CLAIMS then state.done = true break end
      local s = report:section(sec.id)
      if s and s.text ~= "" then
        local ctx = { year = report.year, issuer = report.issuer, part = sec.id }
        current.year = ctx.year or 0    -- (the quick look's last year is this report's, not the last read's)
        local text, map = flat_of(s)
        local kept = readings_of(ctx)
        -- (a sentence that holds none of the words the grammars need claims
        -- nothing: passed over in C, with no string made for it)
        local needed_words = sentence_marks and needs_of_all()
        -- the sentences as sentences() cuts them, one at a time: most are
        -- passed over at the quick look, with no table made for them
        while state.at <= #text and #out < MAX_CLAIMS do
          local from, e, held = state.at, nil, nil
          if needed_words then
            -- (with the groups whose words it holds, found in the same look: needed_by's answer)
            from, e, held = nianbao.claim_sentence(text, from, sentence_marks, needed_words, true)
            if not from then state.at = #text + 1 break end
          else
            e = sentence_search:match(text, from) or #text + 1
          end
          local sentence = text:sub(from, e - 1)
          -- a sentence half added when a limit stopped the reading is read again
          for k = #out, (state.mark or #out) + 1, -1 do out[k] = nil end
          state.mark = #out
          local found = kept and kept[sentence]
          if found == nil then
            found = false
            -- (a break ends a sentence: it can only be its last byte)
            if text:byte(e - 1) == 10 then
              if not blank:match(sentence) then found = T.read(sentence, ctx) end
            elseif #sentence <= MAX_SENTENCE then
              -- (the words the grammars need, looked for in C, first: most
              -- sentences hold none, and the quick look is a longer one)
              -- (held, unless a grammar came since its index was made)
              local needed = needs.needed_of(sentence, held)
              if needed and worth_in(sentence) and not blank:match(sentence) then
                found = read_flat(sentence, ctx, needed)
              end
            end
            if found and #found == 0 then found = false end
            -- (a reading cut short by a limit is not kept: it raised before here)
            if kept and readings_count < READINGS_KEPT then
              kept[sentence], readings_count = found, readings_count + 1
            end
          end
          -- (each report gets claims of its own: the kept ones are copied)
          -- (the claims of this year's that name no time, after a sentence that went on
          -- in another's: not read)
          local left = found and going_on.carried(state, from, sentence, ctx.year, text)
          if found then
            for _, claim in ipairs(found) do
              if left and claim.kind ~= "prev" and not going_on.names_time(sentence, claim.at) then goto next_claim end
              -- (其中… opening a sentence: a part of the last claim of the one before)
              if claim.part_of and state.last_at == from and state.last_cells
                 and not going_on.of_part(state.last_cells, claim.part_of) then goto next_claim end
              -- (after a sentence it goes on from whose clause opens with the reader's
              -- not_after_clause: none, as in its own sentence)
              local head = claim.reader and claim.reader.not_after_clause
              if head and going_on.after_head(state, from, head) then goto next_claim end
              -- (a claim that holds only where some cells are 0: left out where they are not)
              if claim.if_zero and not zero_in(report, claim) then goto next_claim end
              local c = {}
              for k, v in pairs(claim) do c[k] = v end
              c.line, c.col = report:place(s, unflat(map, from + c.at - 1))
              c.section = sec.id
              out[#out + 1] = c
              ::next_claim::
            end
          end
          if going_on.goes_on(sentence) then
            -- (one that names no time passes on the time left to it)
            local prev = state.went_on_at == from and state.went_on or nil
            state.went_on, state.went_on_at = { s = sentence, prev = prev }, e
          else state.went_on, state.went_on_at = nil, nil end
          state.last, state.last_at = sentence, e
          state.last_cells = found and found[#found].cells or nil
          state.at, state.mark = e, nil
        end
      end
      state.sec, state.at, state.went_on, state.went_on_at = state.sec + 1, 1, nil, nil
      state.last, state.last_at, state.last_cells = nil, nil, nil
    end
    return out
  end

  -- (kept with the report's reading, and dropped with it; made from the
  -- whole reading: claims_in returns only once it is done)
  claims_by_grammar = function(report)
    local state = cache[view.unwrap(report)]
    local groups = state and state.by_grammar
    if not groups then
      local all = T.claims_in(report)
      state, groups = cache[view.unwrap(report)], {}
      for _, c in ipairs(all) do
        local g = c.grammar
        if g ~= nil then
          local list = groups[g]
          if not list then list = {}; groups[g] = list end
          list[#list + 1] = c
        end
      end
      state.by_grammar = groups
    end
    return groups
  end

  -- (the report's own joined parts, once it is read ahead: a rule that asks
  -- first searches its parts one by one, as it always did)
  prose_of = function(report)
    local real = view.unwrap(report)
    local state = cache[real]
    return state and state.ahead and Report.joined_text(real) or nil
  end

  ahead_of[T] = function(report, max_bytes)
    local sections, bytes = report.sections or {}, 0
    for _, sec in ipairs(sections) do
      local s = report:section(sec.id)
      bytes = bytes + (s and #s.text or 0)
      -- (the rules read it: what they may need is compiled here, outside their limits)
      if bytes > max_bytes then compile_pending(); return false end
    end
    if not pcall(claims_by_grammar, report) then compile_pending(); return false end
    local real = view.unwrap(report)
    cache[real].ahead = true
    Report.joined_text(real)                      -- (joined here, outside the rules' count)
    return true
  end

  --}===

  --{=== the tables ===

  local function cell_state(report, id)
    local ok, state, v = pcall(function() return view.unwrap(report).c:state(id) end)
    if not ok then return "missing" end
    return state, v
  end

  -- The sum of cells named by "t3.new.{c} + t3.carried.{c}" for column c,
  -- or nil when a cell is missing or not a number. Sums of money are exact
  -- decimal text.
  function T.sum_of(report, expr, c)
    local total, exact = 0, nil
    for term in expr:gmatch("[^%s+]+") do
      local state, v = cell_state(report, (term:gsub("{c}", c or "")))
      if state == "number" then
        local i = math.tointeger(v)
        if i and not exact then total = total + i
        else
          exact = nianbao.add(exact or nianbao.number(tostring(total)), nianbao.number(tostring(v)))
        end
      elseif state ~= "blank" and state ~= "marker" then   -- blanks read as 0, as the identities do
        return nil
      end
    end
    if exact then return tostring(exact) end
    return total
  end

  -- same(a, b): two values (integers or exact decimal text) are equal
  function T.same(a, b)
    if a == nil or b == nil then return false end
    if math.type(a) == "integer" and math.type(b) == "integer" then return a == b end
    local x, y = nianbao.number(tostring(a)), nianbao.number(tostring(b))
    return x ~= nil and y ~= nil and nianbao.compare(x, y) == 0
  end

  -- ids("t4.ld.total + t4.la.total") → { "t4.ld.total", "t4.la.total" }
  function T.ids(cells)
    local ids = {}
    for id in cells:gmatch("[^%s+]+") do ids[#ids + 1] = id end
    return ids
  end

  -- prev_of(cells) → the same cells of last year's report ("prev.t3.new.total")
  function T.prev_of(cells)
    return (cells:gsub("([^%s+]+)", "prev.%1"))
  end

  -- where(cells, names, lang) → where the cells are, for a message: the name
  -- given in `names`, else the format's place of each cell (of a sum, each named).
  -- In English a cell is named by its table's number and its row's and column's
  -- labels as printed, as the tables' own checks say it (Table 3, row “…”), not by its id
  local function place(id, lang)
    local info = F.info[id]
    if lang ~= "en" or not info then return formatlib.where(F, id, lang, messages) end
    return messages.text("en", "where_labelled", info.table:match("%d+$") or info.table,
                         info.row_label, info.col_label)
  end
  function T.where(cells, names, lang)
    local name = names and names[cells]
    if name and lang ~= "en" then return name end
    local ids = T.ids(cells)
    lang = lang or "zh"
    if #ids == 1 then return place(ids[1], lang) end
    local places = {}
    for i, id in ipairs(ids) do places[i] = place(id, lang) end
    return messages.text(lang, "where_sum", table.concat(places, lang == "en" and " and " or "\u{3001}"))
  end

  -- Emit claim c as differing from the table: said ≠ want. spec.explain =
  -- { { cells = "…{c}…", of = "…", zh = "…", en = "…" } }: combinations that
  -- would give the claimed number, named in the finding (of: only for a claim
  -- of these cells, a mix-up of one total with another); spec.where: cells → words.
  local function cells_key(cells)
    local ids = T.ids(cells)
    table.sort(ids)
    return table.concat(ids, " ")
  end
  function T.differ(report, emit, c, said, want, spec, column)
    local hint, hint_en = "", ""
    for _, e in ipairs(spec.explain or {}) do
      if (e.of == nil or cells_key(e.of) == cells_key(c.cells)) and T.same(T.sum_of(report, e.cells, column), said) then
        hint, hint_en = e.zh, e.en or ""
        break
      end
    end
    local tid = c.cells:match("^([%w_]+)")
    local col = c.cells:match("%.([%w_]+)$")
    emit { line = c.line, col = c.col, found = tostring(said), expected = tostring(want), cells = T.ids(c.cells),
           quote = c.text,
           vars = { said = tostring(said), table = tostring(want), hint = hint, hint_en = hint_en,
                    where = T.where(c.cells, spec.where), where_en = T.where(c.cells, nil, "en"),
                    quote = c.quote, printed = c.printed and ascii(c.printed) or "", unit = c.unit or "",
                    column = col and formatlib.label(F, col, tid) or "" } }
  end

  -- claims{ readers = {…}, name=, words=, topic=, cells=, explain=, where= } →
  -- a check(report, emit) that compares each claim of these readers with the
  -- sum of its cells. explain: combinations that would give the claimed
  -- number ("{c}" is the claim's column); where: cells → words for {where}.
  -- the number said is the table's run together with another of as many digits (one
  -- more or fewer), before or after it: a tracked change's old and new printed both
  -- (447282447228件 for 447228, 30103001 for 3001), no count the text states
  -- A value of two digits run together with its old one (7274件 for 74) is told from a
  -- count by chance only where the other half has as many digits, differs, and is near
  -- it (within a fifth): a revision's small change; 1212 or 3074 for 74 is no sign.
  local RUN_MIN_DIGITS = 3     -- (shorter values run into others by chance: 1212 is no sign)
  local NEAR_MIN_DIGITS, NEAR_PART = 2, 5
  local function run_together(said, want)
    if math.type(said) ~= "integer" or math.type(want) ~= "integer" or want < 0 then return false end
    local a, b = tostring(said), tostring(want)
    if #b < NEAR_MIN_DIGITS or #a <= #b then return false end
    local rest
    if a:sub(-#b) == b then rest = a:sub(1, #a - #b)
    elseif a:sub(1, #b) == b then rest = a:sub(#b + 1) end
    if rest == nil or rest:sub(1, 1) == "0" then return false end
    if #b >= RUN_MIN_DIGITS then return math.abs(#rest - #b) <= 1 end
    local other = tonumber(rest)
    return #rest == #b and other ~= want and math.abs(other - want) * NEAR_PART <= want
  end

  function T.claims(spec)
    local G = T.grammar(spec)
    local names = {}
    for k, v in pairs(spec.where or {}) do names[norm_cells(k)] = v end
    local how = { explain = spec.explain, where = names }
    return function(report, emit)
      for _, c in ipairs(G.claims(report)) do
        if c.kind == "is" then
          local want = T.sum_of(report, c.cells)
          -- (either way: the table's cell may be the one printed with its revision)
          if want ~= nil and not T.same(c.value, want) and not run_together(c.value, want)
             and not run_together(want, c.value) then
            T.differ(report, emit, c, c.value, want, how, c.cells:match("%.([%w_]+)$"))
          end
        end
      end
    end
  end

  --}===

  return T
end

return M
