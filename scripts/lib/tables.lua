-- Binding a table: a stream of tokens (cells, short lines, runs of a flat
-- text) → the format's cells. Rows are found by their labels, whatever the
-- page did to them (split over lines, glued to numbers, repeated headers);
-- values follow their label. Digits glued together are cut where the
-- format's identities allow exactly one reading (glued.lua finds the
-- readings, the identity system judges them); what stays ambiguous is
-- left unknown, with the readings kept for the binder's last pass.

local glued = require "glued"
local memo = require "memo"
local nianbao = require "nianbao"

local M = {}

-- (in C where the build has it: whether any of a list of words is in a
-- text, in one call; most labels hold none of a table's words)
local first_of = nianbao.text and nianbao.text.first_of

--{=== values ===

-- Digits as printed → an exact number, or nil. Folds full-width digits and
-- thousands separators; keeps the decimal places as printed.
-- Spaces that print inside a number as a thousands separator.
local THIN = { "\u{00A0}", "\u{2009}", "\u{202F}", "\u{2007}", "\u{2002}", "\u{3000}" }

-- A byte no number's text holds: none of the digits, signs, points, commas,
-- spaces, "?" and the bytes of the full-width forms and wide spaces that
-- parsing folds (each byte of those is ASCII or one of these). A text with
-- such a byte (most labels: a Chinese character's lead byte) is no number.
local NOT_NUMBER = "[^%d%s%+%-%.,%?\x80-\xBF\xC2\xE2\xE3\xEF]"

-- the full-width comma, minus and point, by their last byte
local WIDE_MARKS = { ["\x8C"] = ",", ["\x8D"] = "-", ["\x8E"] = "." }

function M.parse_number(text)
  if text:match("^%d+$") then return (nianbao.number(text)) end      -- the common case, at once
  if text:find(NOT_NUMBER) then return nil end
  local t = text:gsub("\xEF\xBC([\x90-\x99])", function(d)   -- full-width digits
    return string.char(d:byte() - 0x90 + 48)
  end):gsub("\xEF\xBC([\x8C-\x8E])", WIDE_MARKS)
  for _, sp in ipairs(THIN) do t = t:gsub(sp, " ") end
  t = t:gsub("^%s+", ""):gsub("%s+$", "")
  -- a question mark before a number is a space the page's encoding lost ("? 0")
  t = t:gsub("^%?%s*(%d)", "%1")
  -- inside a number, spaces may only part groups of three digits: "3 001", "96 171.6"
  if t:find("%s") then
    local groups = {}
    for g in t:gmatch("%S+") do groups[#groups + 1] = g end
    if not groups[1]:match("^[+-]?%d%d?%d?$") then return nil end
    for i = 2, #groups do
      local g = groups[i]
      if not (g:match("^%d%d%d$") or (i == #groups and g:match("^%d%d%d%.%d+$"))) then return nil end
    end
    t = t:gsub("%s", "")
  end
  local plain = t
  -- thousands parted by commas, each before three digits ("1,234,5" is none); a comma
  -- after a lone 0 parts no thousands: "0，125" is a decimal typed so
  local groups = t:match("^[+-]?%d%d?%d?(,[%d,]+)%.?%d*$")
  if groups and groups:gsub(",%d%d%d", "") == "" and not t:match("^[+-]?0,") then plain = t:gsub(",", "") end
  if not plain:match("^[+-]?%d+%.?%d*$") or plain:match("%.$") then return nil end
  if plain:sub(1, 1) == "+" then plain = plain:sub(2) end
  return (nianbao.number(plain))
end

-- value_state(F, text) → "number", "blank", "marker", or nil for a label or
-- other text; then the value, and the unit that was stripped from it.
-- the texts of a batch's cells and labels repeat from report to report
-- (its numbers too: most are small): each text's state is worked out once
-- per format (a memo of at most MEMO_BYTES of text, with room for its
-- entry: it starts afresh when full). A quarter of a megabyte each: the
-- binder keeps a dozen such memos, and what a batch repeats fits in that
local MEMO_BYTES = 1 << 18
local state_memo = memo.keyed()
local NOSTATE = {}

local value_state_of

function M.value_state(F, text)
  -- looked up in line: this is asked of every token and cell
  local m = state_memo[F]
  local hit = m and m.of[text]
  if hit then return hit[1], hit[2], hit[3] end
  if text == "" then return "blank" end
  local state, v, unit = value_state_of(F, text)
  memo.put(state_memo, F, MEMO_BYTES, text, state and { state, v, unit } or NOSTATE, #text + 64)
  return state, v, unit
end

-- state_in(F, known, text) → the state, and the memo's answers to look
-- in next: value_state for a loop that holds the answers (`known`) itself
-- and takes them anew after a miss, which may have started the memo afresh.
local function state_in(F, known, text)
  local hit = known and known[text]
  if hit then return hit[1], known end
  local state = M.value_state(F, text)
  local m = state_memo[F]
  return state, m and m.of
end

-- a digit, ASCII or full width: a text without one is no number, with a
-- unit or without (most labels: no parsing tried)
local DIGIT, WIDE_DIGIT = "%d", "\xEF\xBC[\x90-\x99]"

-- The last characters of the format's units (a set), and their lengths in
-- bytes: made once per format. A text ends with a unit only where its
-- last bytes are one of these.
local tails_of = setmetatable({}, { __mode = "k" })
local NO_UNITS = {}
local function unit_tails(F)
  local tails = tails_of[F]
  if tails then return tails end
  tails = { lengths = {} }
  for _, u in ipairs(F.units) do
    -- the last character by its lead byte; a unit not UTF-8 at its end, whole
    local at = #u
    while at > 1 and u:byte(at) >= 0x80 and u:byte(at) < 0xC0 do at = at - 1 end
    local tail = u:sub(at)
    if at > 1 and u:byte(at) < 0xC0 and #tail > 1 then tail = u end
    if not tails[tail] then
      tails[tail] = true
      local known = false
      for _, n in ipairs(tails.lengths) do known = known or n == #tail end
      if not known then tails.lengths[#tails.lengths + 1] = #tail end
    end
  end
  tails_of[F] = tails
  return tails
end

function value_state_of(F, text)
  if text:match("^%d+$") then return "number", (nianbao.number(text)) end
  if not text:find(DIGIT) and not text:find(WIDE_DIGIT) then
    if F.markers[F.labels.norm(text)] then return "marker" end
    return nil
  end
  local v = M.parse_number(text)
  if v ~= nil then return "number", v end
  -- (a text whose last characters end no unit has none of them at its end)
  local tails = unit_tails(F)
  local ends = false
  for i = 1, #tails.lengths do
    local n = tails.lengths[i]
    if #text >= n and tails[text:sub(-n)] then ends = true; break end
  end
  for _, u in ipairs(ends and F.units or NO_UNITS) do
    if #text > #u and text:sub(-#u) == u then
      v = M.parse_number(text:sub(1, -#u - 1))
      if v ~= nil then return "number", v, u end
    end
  end
  if F.markers[F.labels.norm(text)] then return "marker" end
  -- a footnote's mark after the number ("351*", "26①"): the note is under the table
  -- (or a superscript as a text browser prints it: <sup>1</sup> as "^1", "^*")
  local last = text:byte(-1)
  local bare = last == 42 and text:match("^(.-%d)%s*%^?%s*%*$")
               or last >= 0xA0 and last <= 0xB3 and text:match("^(.-%d)%s*\xE2\x91[\xA0-\xB3]$")
               or last >= 48 and last <= 57 and text:match("^(.-%d)%^%s*%d%d?$")
  if bare then
    v = M.parse_number(bare)
    if v ~= nil then return "number", v end
  end
  -- two copies of the table that disagree, neither shown for sure (the HTML reader's "70 | 71"): unknown
  if text:find(" | ", 1, true) and text:find("^%d[%d,. ]* | %d[%d,. ]*$") then return "unknown" end
  return nil
end

-- The format's units as a set, made once per format.
local unit_sets = setmetatable({}, { __mode = "k" })
local function is_unit(F, t)
  local set = unit_sets[F]
  if not set then
    set = {}
    for _, u in ipairs(F.units) do set[u] = true end
    unit_sets[F] = set
  end
  return set[t] == true
end

--}===

--{=== tokens of a flat text ===

local byte, sub = string.byte, string.sub
local lpeg = require "lpeg"
-- the bytes C's isspace takes, as %s does
local SPACE = { [9] = true, [10] = true, [11] = true, [12] = true, [13] = true, [32] = true }

local function is_digit(c) return c ~= nil and c >= 48 and c <= 57 end

-- A line's cuts in LPeg, each as string.find's pattern would find it: the
-- text library's matcher cost a line more than all else its cutting does.
local SP = lpeg.S"\t\n\v\f\r "
local function first(p) return lpeg.P { lpeg.Cp() * p * lpeg.Cp() + 1 * lpeg.V(1) } end
local D = lpeg.R"09"
local THOUSANDS = lpeg.B(D) * "," * D * D * D * -D                           -- "447,228"'s comma
local RUN = first(lpeg.P"-"^-1 * D * (D + lpeg.S"." + SP + THOUSANDS)^0)   -- "%-?%d[%d%.%s]*", and those commas
local GAP = first(lpeg.P"\t" * SP^0 + SP * SP^1)                             -- "\t%s*" or "%s%s+"
local GROUP = first(lpeg.P"-"^-1 * (1 - lpeg.S"-" - SP)^1)                     -- "%-?[^%s%-]+"
local TRIMMED = SP^0 * lpeg.C((SP^0 * (1 - SP)^1)^0)                          -- "^%s*(.*%S)"
local INK = SP^0 * (1 - SP)                                                   -- "%S" anywhere

-- A run of prose and numbers with no cell boundaries ("规章000行政规范性文件693665")
-- → tokens: labels, and numbers (each space-separated group its own token,
-- marked glued: its digits may hold several cells). An enumerator after
-- digits ("2.其他") starts the next label.
local line_tokens = nianbao.line_tokens
-- Whether the digits text[s..e] are an item's number in brackets that a
-- label's word follows right after ("（2）其他…", "(2)其他…"): the label's,
-- as "2.其他"'s is, never a value of the row above (as the C cut says).
local OPEN_WIDE, CLOSE_WIDE = "\xEF\xBC\x88", "\xEF\xBC\x89"
local function bracketed_item(text, s, e)
  if not sub(text, s, e):find("^%d+$") then return false end
  local after
  if sub(text, s - 1, s - 1) == "(" and s > 1 then
    if sub(text, e + 1, e + 1) ~= ")" then return false end
    after = e + 2
  elseif s > 3 and sub(text, s - 3, s - 1) == OPEN_WIDE then
    if sub(text, e + 1, e + 3) ~= CLOSE_WIDE then return false end
    after = e + 4
  else
    return false
  end
  -- (a word: no digit, space or bracket next, as a 栏次 row's "（1）（2）" has)
  local c = byte(text, after)
  return c ~= nil and not is_digit(c) and not SPACE[c] and c ~= 40 and sub(text, after, after + 2) ~= OPEN_WIDE
end

local function tokens_of(text, marks)
  -- (cut in C where the text is UTF-8, as nearly every line is)
  local flat = line_tokens(text, marks)
  if flat then return flat end
  local out = {}
  -- the column of byte `at`, counted on from the last one asked (tokens come left
  -- to right), so a long line is not measured again from its start at each token;
  -- `at` always follows an ASCII byte, so a range never ends inside a character
  local known_at, known_n = 1, 0
  local function col_of(at)
    if at < known_at then return utf8.len(text, 1, at - 1) or 0 end
    local n = utf8.len(text, known_at, at - 1)
    if not n then return utf8.len(text, 1, at - 1) or 0 end   -- not UTF-8
    known_at, known_n = at, known_n + n
    return known_n
  end
  -- a label: a tab, or a gap of two spaces or more, parts two cells
  local function put_label(s, at)
    local from = 1
    while true do
      local g1, after = GAP:match(s, from)
      if not g1 then break end
      local cell = sub(s, from, g1 - 1)
      if INK:match(cell) then
        local k = #out
        out[k + 1], out[k + 2], out[k + 3], out[k + 4] = TRIMMED:match(cell), false, col_of(at + from - 1), at + from - 2
      end
      from = after
    end
    if from > 1 then s, at = sub(s, from), at + from - 1 end
    if INK:match(s) then
      -- flat: text, glued, column and byte offset within the line, per token
      local k = #out
      out[k + 1], out[k + 2], out[k + 3], out[k + 4] = TRIMMED:match(s), false, col_of(at), at - 1
    end
  end
  local function mark_at(i)
    for _, m in ipairs(marks or {}) do
      if sub(text, i, i + #m - 1) == m then return true end
    end
    return false
  end
  local label_at, pos, n = 1, 1, #text
  while pos <= n do
    local s, e = RUN:match(text, pos)
    if not s then break end
    e = e - 1
    while SPACE[byte(text, e)] do e = e - 1 end   -- the run less its trailing spaces
    -- an enumerator right before a label belongs to that label: "3.其他", "1、申请人"
    local enum = byte(text, e) == 46 and e > s and is_digit(byte(text, e - 1))
    local next_char = enum and text:match("^%s*(.)", e + 1)
    local nb = next_char and byte(next_char)
    if enum and nb and not is_digit(nb) and not SPACE[nb] then
      e = e - 2
    elseif is_digit(byte(text, e)) and mark_at(e + 1) then
      e = e - 1
    end
    if bracketed_item(text, s, e) then
      pos = e + 1                          -- an item's number in brackets: still the label
    elseif e < s then
      pos = s + 2                          -- only an enumerator: still the label
    else
      put_label(sub(text, label_at, s - 1), label_at)
      -- each group of the run (no space within) a number token, less a last "."
      local at = s
      while true do
        local g0, after = GROUP:match(text, at)
        if not g0 or g0 > e then break end
        local g1 = after - 1
        if g1 > e then g1 = e end          -- the group as the run holds it
        if g1 == g0 and byte(text, g0) == 45 then break end   -- a sign the run ends with
        local group = sub(text, g0, byte(text, g1) == 46 and g1 - 1 or g1)
        if group ~= "" then
          local k = #out
          out[k + 1], out[k + 2], out[k + 3], out[k + 4] = group, true, col_of(g0), g0 - 1
        end
        at = g1 + 1
      end
      pos, label_at = e + 1, e + 1
    end
  end
  if label_at <= n then put_label(sub(text, label_at), label_at) end
  return out
end
M.tokens_of = tokens_of

-- A scan's OCR reads digits as letters ("7l", "5S", "1O", a lone "O"):
-- such a letter touching a number, or standing alone beside one, makes
-- that value a text, never a number of the digits around it. Returns the
-- flat tokens so cut, with `misread` listing those tokens' places.
local MISREAD = "^[OolISBZ]+$"
local MISREAD_CELL = "^%d*[OolISBZ][%dOolISBZ]*$"   -- a page's cell that holds but such a value
local LETTER_OR_DIGIT = {}
for c in ("0123456789OolISBZ"):gmatch(".") do LETTER_OR_DIGIT[c:byte()] = true end
local LETTER = {}
for c in ("OolISBZ"):gmatch(".") do LETTER[c:byte()] = true end
-- any other Latin letter an OCR read into a number ("H47228"): a misread only where it touches one
local LATIN = "^%a$"
local LATIN_BYTE = {}
for b = 65, 90 do LATIN_BYTE[b], LATIN_BYTE[b + 32] = true, true end
-- 丨 touching a number may be the 1 it looks like as well as a bar: no digits of its own
local STROKE = "\xE4\xB8\xA8"
local function misread_cut(text, flat)
  -- (a misread digit is a label's first or last letter: most lines have none)
  local any = false
  for k = 1, #flat, 4 do
    local t = flat[k]
    if not flat[k + 1] then
      local a, z = byte(t, 1), byte(t, -1)
      if LETTER[a] or LETTER[z] or t == STROKE or LATIN_BYTE[z] and flat[k + 5] == true
         or LATIN_BYTE[a] and flat[k - 3] == true then any = true; break end
    end
  end
  if not any then return flat end
  local toks = {}
  for k = 1, #flat, 4 do
    local t, off = flat[k], flat[k + 3]
    local s = text:find(t, off + 1, true) or off + 1
    local head, letters = t:match("^(.-%S)%s+([OolISBZ]+)$")
    if not head and flat[k + 5] == true and flat[k + 7] == s - 1 + #t then head, letters = t:match("^(.-%S)%s+(%a)$") end
    if not flat[k + 1] and head then
      -- a label with a lone letter after it: the letter may be the row's first value
      toks[#toks + 1] = { t = head, glued = false, col = flat[k + 2], off = off, s = s, e = s + #head - 1 }
      local ls = s + #t - #letters
      toks[#toks + 1] = { t = letters, glued = false, col = flat[k + 2] + utf8.len(t, 1, #t - #letters), off = ls - 1,
                          s = ls, e = ls + #letters - 1, split = true }
    else
      toks[#toks + 1] = { t = t, glued = flat[k + 1], col = flat[k + 2], off = off, s = s, e = s + #t - 1 }
    end
  end
  local function number(i) return toks[i] and toks[i].glued == true end
  local misread_any = false
  for i, tk in ipairs(toks) do
    if not tk.glued and (tk.t:match(MISREAD) or tk.t == STROKE) then
      local touches = number(i - 1) and toks[i - 1].e + 1 == tk.s or number(i + 1) and tk.e + 1 == toks[i + 1].s
      local alone = number(i + 1) and (number(i - 1) or tk.split or i == 1) or number(i - 1) and not toks[i + 1]
      if touches or alone then tk.letter, misread_any = true, true end
    elseif not tk.glued and tk.t:match(LATIN) then
      if number(i - 1) and toks[i - 1].e + 1 == tk.s or number(i + 1) and tk.e + 1 == toks[i + 1].s then
        tk.letter, misread_any = true, true
      end
    end
  end
  if not misread_any then return flat end
  -- each run of touching numbers and letters with a letter in it: one token
  local out, misread, i = {}, {}, 1
  while i <= #toks do
    local tk, j = toks[i], i
    if tk.letter or tk.glued == true then
      local letter = tk.letter
      while toks[j + 1] and (toks[j + 1].letter or toks[j + 1].glued == true) and toks[j].e + 1 == toks[j + 1].s do
        j = j + 1
        letter = letter or toks[j].letter
      end
      if letter then tk = { t = text:sub(tk.s, toks[j].e), glued = false, col = tk.col, off = tk.s - 1 } end
      if letter then misread[#misread + 1] = #out // 4 + 1 end
    end
    local k = #out
    out[k + 1], out[k + 2], out[k + 3], out[k + 4] = tk.t, tk.glued, tk.col, tk.off
    i = j + 1
  end
  out.misread = misread
  return out
end

-- An item's number whose dot an OCR lost ("5要求行政机关确认…"): a digit
-- opening the line against a label of four characters or more is that
-- label's, no value of the row above.
local function enumerator_glued(text, flat)
  if not (flat[2] == true and flat[6] == false and flat[8] == flat[4] + 1 and #flat[1] == 1
          and byte(flat[1]) ~= 48 and byte(flat[5]) >= 0xE4 and #flat[5] >= 12   -- (a label, no unit: "5件")
          and not sub(text, 1, flat[4]):find("%S")) then
    return flat
  end
  -- (a label numbered of its own, "3 三、本年度…" or "3 （一）…", follows a 序号 column's number: no lost dot)
  if sub(flat[5], 4, 6) == "\xE3\x80\x81" or sub(flat[5], 1, 3) == "\xEF\xBC\x88" then return flat end
  local out = { flat[1] .. flat[5], false, flat[3], flat[4] }
  for k = 9, #flat do out[k - 4] = flat[k] end
  if flat.misread then
    out.misread = {}
    for i, at in ipairs(flat.misread) do out.misread[i] = at - 1 end   -- (places after the two made one)
  end
  return out
end

-- An item's number alone on its line ("2."), its label on the lines below
-- (each cell of a page a line of its own, as a text browser prints a page
-- whose runs were placed by their boxes): the label's opening, no value of
-- the row above. A value is never printed with a dot after it and nothing else.
local ENUMERATOR_ALONE = "^%s*%d%d?%.%s*$"
local function enumerator_alone(text, flat)
  if #flat == 4 and flat[2] == true and text:find(ENUMERATOR_ALONE) then
    return { flat[1] .. ".", false, flat[3], flat[4] }
  end
  return flat
end

-- The flat tokens of each text asked, per list of marks: a line is cut
-- once, though each format's bind and each report that repeats it asks again.
-- Bounded by about the bytes held: a text, and 16 a slot of its tokens.
local TOKEN_MEMO_BYTES = 2 * 1048576
local token_memo = memo.keyed()
local NO_MARKS = {}

-- tokenize_into(out, text, line, col, offset, marks, tabs, indent): the tokens
-- of text (its first byte at line, col, offset) added to the list out, which
-- the binder fills line by line: no list, and no place, made per line. tabs:
-- the empty cells the line's trailing tabs part, kept on its last token.
-- indent: the columns of white before the line's text, where it had some.
-- A token's `derived` says it was cut from a line's text: true, or that
-- indent (bind_flat_by reads it). Kept there, not in a field of its own:
-- with an eighth field, each token marked spaced or after_word grows its
-- table (some 1% of a PDF's text).
local function tokenize_into(out, text, line, col, offset, marks, tabs, indent)
  local m = token_memo[marks or NO_MARKS]
  local flat = m and m.of[text]
  if not flat then
    flat = enumerator_alone(text, enumerator_glued(text, misread_cut(text, tokens_of(text, marks))))
    memo.put(token_memo, marks or NO_MARKS, TOKEN_MEMO_BYTES, text, flat, #text + 16 * #flat)
  end
  -- fresh tables each time: a binder may add to a token (its unit)
  local n = #out
  for k = 1, #flat, 4 do
    n = n + 1
    local at = flat[k + 3]
    out[n] = { kind = "cell", derived = indent or true, text = flat[k], glued = flat[k + 1],
               line = line, col = col + flat[k + 2], offset = offset + at }
    -- (a text's place counts a space before it: said, to tell it from one set against a number)
    if not flat[k + 1] and byte(text, at + 1) == 32 then out[n].spaced = true end
    -- (and a number's right after a word's last character: a header's 数据1, no cell of its own)
    if flat[k + 1] and at > 0 and byte(text, at) >= 0x80 then out[n].after_word = true end
  end
  if flat.misread then
    for _, i in ipairs(flat.misread) do out[#out - #flat // 4 + i].misread = true end
  end
  if tabs and #flat > 0 then out[n].tabs = tabs end
  return out
end
M.tokenize_into = tokenize_into

function M.tokenize(text, block, marks)
  return tokenize_into({}, text, block.line, block.col or 1, block.offset or 0, marks)
end

--}===

--{=== matching labels ===

-- What matching needs of a table: the format's words (computed with the
-- format), and the words of other formats that may appear in it (headers
-- here, never unplaced text). Made once per table and words of other
-- formats (every bind of a format passes the same), so that what a label
-- is can be worked out once too (`answer`).
local prepared_memo = memo.keyed()

local function same_words(a, b)
  if #a ~= #b then return false end
  for i = 1, #a do
    if a[i] ~= b[i] then return false end
  end
  return true
end

local function prepared(F, T, others)
  others = others or {}
  -- the lists met so far compared word by word: a key made of the words
  -- cost a string per word at every bind of every table
  -- (the list given last is known by itself: the binder gives the same
  -- list for the same words, and never changes it)
  local mm = memo.of(prepared_memo, T, MEMO_BYTES)
  local known = mm.of
  for i = 1, #known do
    local m = known[i]
    if m.given == others or same_words(m.others, others) then
      m.given = others
      return m
    end
  end
  local copy, bytes = {}, 0
  for i = 1, #others do
    copy[i] = others[i]
    bytes = bytes + #others[i] + #tostring(#others[i]) + 1
  end
  local m = { alltext = T.alltext, heads = T.heads, others = copy, numerals = F.decl.numerals, given = others }
  known[#known + 1], mm.size = m, mm.size + bytes + 64
  return m
end

-- answer(m, question, text, ...) → question(...), or false for nil (four
-- arguments at most: no vararg call on this path): for the questions that depend on the label's text (and on m) alone. A batch's
-- labels repeat from report to report: each answered once per m and
-- question (a bounded memo).
local answer_memo = memo.keyed()

local function answer(m, question, text, x1, x2, x3, x4)
  local a = answer_memo[m]
  local by = a and a.of[question]
  local hit = by and by[text]
  if hit == nil then
    hit = question(x1, x2, x3, x4) or false
    a = memo.of(answer_memo, m, MEMO_BYTES)
    by = a.of[question]
    if not by then by = {}; a.of[question] = by end
    by[text], a.size = hit, a.size + #text + 64
  end
  return hit
end

-- A header label, or several run together ("行政复议行政诉讼结果维持…总计").
local function has_key(t, keys)
  for i = 1, #keys do
    local k = keys[i]
    if k ~= "" and t:find(k, 1, true) then return true, k end
  end
  return false
end

local function header_of(m, t, keys)
  if has_key(t, keys) then return true end
  -- (a word longer than what is left of t is neither it nor in it)
  local rest, n = t, #t
  for l = 1, 2 do
    local list = l == 1 and m.heads or m.others
    for i = 1, #list do
      local h = list[i]
      if #h <= n then
        if rest == h then return true end
        if #h >= 6 and rest:find(h, 1, true) then
          rest = rest:gsub(h:gsub("%p", "%%%0"), "")
          n = #rest
        end
      end
    end
  end
  rest = rest:gsub("%p", "")
  if rest:match("^%d*$") and t:find("%d") then return false end   -- a number, however garbled
  rest = rest:gsub("%d", "")
  for _, n in utf8.codes(m.numerals or "") do rest = rest:gsub(utf8.char(n), "") end
  return rest == "" or (rest ~= t and (utf8.len(rest) or 3) <= 2)
end

M.header_of = header_of

-- is_header(m, T, t): the keys are always the table's header keys
local function is_header(m, T, t)
  return answer(m, header_of, t, m, t, T.header_keys)
end

-- The keys of a table's groups in one list (none empty), made once a
-- table: a label that holds none of them names no group.
local group_keys_of = setmetatable({}, { __mode = "k" })
local function group_keys(T)
  local list = group_keys_of[T]
  if not list then
    list = {}
    for _, g in ipairs(T.groups) do
      for _, k in ipairs(g.keys_norm) do
        if k ~= "" then list[#list + 1] = k end
      end
    end
    group_keys_of[T] = list
  end
  return list
end

local function group_of(T, t)
  local groups = T.groups
  if first_of and not first_of(t, group_keys(T)) then return nil end
  for i = 1, #groups do
    if has_key(t, groups[i].keys_norm) then return groups[i] end
  end
end

M.group_of = group_of

-- find_group(m, T, t) → the group t names, or false
local function find_group(m, T, t)
  return answer(m, group_of, t, T, t)
end

-- A row by one of its keys (where keys of several rows are found, the
-- longest key names the row: "规范性文件合计" before "规范性文件"); then an
-- exact label ("3.其他") in its group.
local find_row_of
local row_memo = memo.keyed()
local NOROW = {}

local function find_row(F, T, t, group)
  -- a table's labels repeat from report to report: each looked up once
  -- per table and group (a bounded memo)
  local m = row_memo[T]
  local g = group or NOROW
  local of = m and m.of[g]
  local hit = of and of[t]
  if hit == nil then
    local r, strong = find_row_of(F, T, t, group)
    hit = r and { r, strong } or NOROW
    m = memo.of(row_memo, T, MEMO_BYTES)
    of = m.of[g]
    if not of then of = {}; m.of[g] = of end
    of[t], m.size = hit, m.size + #t + 64
  end
  return hit[1], hit[2]
end

-- A table's row keys (of rows named by a key anywhere in a label), longest
-- first and of one length in the rows' order, each with its row: the first
-- found in a label is the longest found, of the first row that has it, as
-- the longest key of each row compared in turn would name it. Made once a
-- table, when a label is first looked up in it.
local keys_of = setmetatable({}, { __mode = "k" })
local KEY_RUN = 8

local function row_keys(T)
  local list = keys_of[T]
  if list then return list end
  -- each length's keys gathered in the rows' order, the lengths sorted: no
  -- Lua comparison for each pair of keys
  local by_len, lens, exact = {}, {}, {}   -- exact: the rows named by their exact label, in order
  for _, r in ipairs(T.rows) do
    if r.exact then exact[#exact + 1] = r
    elseif not r.anonymous then
      for _, k in ipairs(r.keys_norm) do
        if k ~= "" then
          local l = by_len[#k]
          if not l then l = {}; by_len[#k] = l; lens[#lens + 1] = #k end
          l[#l + 1] = k
          l[#l + 1] = r
        end
      end
    end
  end
  table.sort(lens)
  local keys, rows = {}, {}
  for i = #lens, 1, -1 do
    local l = by_len[lens[i]]
    for j = 1, #l, 2 do keys[#keys + 1], rows[#rows + 1] = l[j], l[j + 1] end
  end
  -- the first place of each key: a label that is a key names the row of
  -- its first place (no key before it is in the label: longer, or as long
  -- and another)
  local place = {}
  for i = #keys, 1, -1 do place[keys[i]] = i end
  -- the keys KEY_RUN at a time, each run looked for in one search
  local runs = {}
  for k = 1, (#keys + KEY_RUN - 1) // KEY_RUN do
    runs[k] = table.move(keys, (k - 1) * KEY_RUN + 1, math.min(k * KEY_RUN, #keys), 1, {})
  end
  -- from[n]: the first key of at most n bytes (a longer one is in no label
  -- of n bytes); labels longer than the longest key start at the first
  local from = {}
  list = { keys = keys, rows = rows, from = from, longest = lens[#lens] or 0, exact = exact, place = place,
           runs = runs }
  local i = #keys + 1
  for n = 0, list.longest do
    while i > 1 and #keys[i - 1] <= n do i = i - 1 end
    from[n] = i
  end
  keys_of[T] = list
  return list
end

function find_row_of(F, T, t, group)
  local list = row_keys(T)
  local at = list.place[t]
  if at then return list.rows[at], true end
  local keys, n = list.keys, #t
  local start = n >= list.longest and 1 or list.from[n]
  if not first_of then
    for i = start, #keys do
      if t:find(keys[i], 1, true) then return list.rows[i], true end
    end
  elseif first_of(t, keys) then
    -- the first run with a key in the label holds the first such key (the
    -- keys of its run before start are longer than the label: in it none)
    local runs = list.runs
    for k = (start - 1) // KEY_RUN + 1, #runs do
      if first_of(t, runs[k]) then
        for i = math.max(start, (k - 1) * KEY_RUN + 1), math.min(k * KEY_RUN, #keys) do
          if t:find(keys[i], 1, true) then return list.rows[i], true end
        end
      end
    end
  end
  -- an exact label only names a row of its group (the label made bare once
  -- there is such a row to compare it with)
  if not group then return nil end
  local b
  for _, r in ipairs(list.exact) do
    if r.group == group then
      b = b or F.labels.bare(t)
      for _, k in ipairs(r.keys_norm) do
        if b == k then return r, true end
      end
    end
  end
end
M.find_row_of = find_row_of

-- A table's rows' labels (folded, bare) in one text, each on a line of its
-- own, made once a table: a piece that is in none of them (most) is found
-- so in one search, not row by row.
local row_text
do
  local row_text_of = setmetatable({}, { __mode = "k" })
  function row_text(T)
    local text = row_text_of[T]
    if not text then
      local norms = {}
      for _, r in ipairs(T.rows) do
        if r.norm then norms[#norms + 1] = r.norm end
      end
      text = table.concat(norms, "\n")
      row_text_of[T] = text
    end
    return text
  end
end

-- A piece of one row's label, long enough to be sure ("5.要求行政机关确认或重新出").
local function row_by_piece(F, T, t)
  local b = F.labels.bare(t)
  if (utf8.len(b) or 0) < 4 then return nil end
  -- (a piece without a line break is in the text just where it is in a label)
  if not b:find("\n", 1, true) and not row_text(T):find(b, 1, true) then return nil end
  local rows = T.rows
  local hit, many
  for i = 1, #rows do
    local r = rows[i]
    if r.norm and r.norm:find(b, 1, true) then
      if hit then many = true; break end
      hit = r
    end
  end
  if not many then return hit end
  -- in several rows' labels: the one row whose label, numbered, it begins ("4.无正当理由")
  if t == b then return nil end
  hit = nil
  for i = 1, #rows do
    local r = rows[i]
    if r.label and F.labels.norm(r.label):sub(1, #t) == t then
      if hit then return nil end
      hit = r
    end
  end
  return hit
end

M.row_by_piece = row_by_piece

local function find_row_by_piece(F, m, T, t)
  return answer(m, row_by_piece, t, F, T, t)
end

-- How alike two folded labels are: 1 − edit distance / the longer length,
-- by characters (a typo, a dropped or a swapped character).
local like_memo, like_size = {}, 0
local likeness_of

local function likeness(a, b)
  local key = a .. "\0" .. b
  local hit = like_memo[key]
  if hit then return hit end
  hit = likeness_of(a, b)
  if like_size >= MEMO_BYTES then like_memo, like_size = {}, 0 end
  like_memo[key], like_size = hit, like_size + #key + 64
  return hit
end

-- The characters of a label, as code points: a misspelt label is measured
-- against every row's, so each label's are taken apart once (a memo
-- bounded by the labels' bytes). Never changed by those who ask.
local codes_memo, codes_size = {}, 0
local function codes_of(s)
  local x = codes_memo[s]
  if x then return x end
  x = {}
  for _, c in utf8.codes(s) do x[#x + 1] = c end
  if codes_size >= MEMO_BYTES then codes_memo, codes_size = {}, 0 end
  codes_memo[s], codes_size = x, codes_size + #s + 16 * #x + 64
  return x
end

function likeness_of(a, b)
  local x, y = codes_of(a), codes_of(b)
  if #x == 0 or #y == 0 then return 0 end
  -- no better than the share of characters they have in common: most pairs
  -- are told apart by that alone, at a fraction of the cost
  local have, shared = {}, 0
  for i = 1, #y do local c = y[i]; have[c] = (have[c] or 0) + 1 end
  for i = 1, #x do
    local c = x[i]
    if (have[c] or 0) > 0 then shared, have[c] = shared + 1, have[c] - 1 end
  end
  local bound = shared / math.max(#x, #y)
  if bound < 0.6 then return bound end
  -- (two rows of distances, each made once and taken in turn, the least
  -- of three compared in line)
  local ny = #y
  local prev, cur = {}, {}
  for j = 0, ny do prev[j] = j end
  for i = 1, #x do
    local xi = x[i]
    cur[0] = i
    local left, diag = i, i - 1                  -- cur[j - 1], prev[j - 1]
    for j = 1, ny do
      local up = prev[j]
      local d = xi == y[j] and diag or diag + 1
      if up + 1 < d then d = up + 1 end
      if left + 1 < d then d = left + 1 end
      cur[j], left, diag = d, d, up
    end
    prev, cur = cur, prev
  end
  return 1 - prev[ny] / math.max(#x, #y)
end
M.likeness = likeness

-- alike(a, b, least) → likeness(a, b) >= least. Neither the share of
-- characters in common nor 1 − edit distance / the longer length can pass
-- the shorter length over the longer: a pair whose lengths alone fall
-- short (by more than rounding) is not measured.
local function alike(a, b, least)
  local m, n = utf8.len(a), utf8.len(b)
  if m and n and math.min(m, n) + 1e-9 < least * math.max(m, n) then return false end
  return likeness(a, b) >= least
end
M.alike = alike

local LIKE = 0.7          -- how alike a misspelt label must be to the one it stands for
local MARGIN = 0.15       -- and how much more than to any other

-- A label with a typo or a dropped character ("2.其他法律行政止公开"): the one
-- row not yet read that it is clearly most like, later in the table than the
-- last row read. nil when none is, or two are about as close.
local function misspelt_row(F, T, t, group, seen, after)
  if (utf8.len(t) or 0) < 3 then return nil end
  local best, score, second = nil, 0, 0
  local past = after == nil
  for _, r in ipairs(T.rows) do
    if r == after then past = true
    elseif past and not r.anonymous and not seen[r] and (not r.exact or r.group == group) then
      local s = math.max(likeness(t, F.labels.norm(r.label)), likeness(t, F.labels.norm(r.shown)))
      if s > score then best, score, second = r, s, score
      elseif s > second then second = s end
    end
  end
  if best and score >= LIKE and score - second >= MARGIN then return best end
end

-- A misspelt header word ("结果维特", "社会公益组识").
local function header_like(m, t)
  local n = utf8.len(t) or 0
  if n < 3 or n > 12 then return false end
  for _, h in ipairs(m.heads) do
    if math.abs((utf8.len(h) or 0) - n) <= 2 and alike(t, h, 0.75) then return true end
  end
  return false
end

local function misspelt_header(m, t)
  return answer(m, header_like, t, m, t)
end

-- Whether a text names a part that has a table ("表三　政府信息公开行政复议、
-- 行政诉讼情况", "附表2　收到和处理政府信息公开申请情况"): a caption an
-- appendix prints above a table, read with this table's text or the one
-- before's, and content of neither. Short, and holding the part's title or
-- a variant; no label of any table holds one.
local part_titles = setmetatable({}, { __mode = "k" })   -- F → the titles, normalised
local function names_part(F, t)
  local titles = part_titles[F]
  if not titles then
    titles = {}
    for _, part in ipairs(F.parts or {}) do
      if part.table then
        titles[#titles + 1] = F.labels.norm(part.title)
        for _, v in ipairs(part.variants or {}) do titles[#titles + 1] = F.labels.norm(v) end
      end
    end
    part_titles[F] = titles
  end
  if (utf8.len(t) or 99) > 40 then return false end
  for _, title in ipairs(titles) do
    if t:find(title, 1, true) then return true end
  end
  return false
end

M.names_part = names_part

-- The report's own title, which a PDF prints again over each page a table
-- runs onto ("…局2022年政府信息公开工作年度报告"): no text of the table.
local report_titles = setmetatable({}, { __mode = "k" })   -- F → the report's words, normalised
local function names_report(F, t)
  local words = report_titles[F]
  if not words then
    words = {}
    for i, w in ipairs(F.report_words or {}) do words[i] = F.labels.norm(w) end
    report_titles[F] = words
  end
  for _, w in ipairs(words) do
    if t:find(w, 1, true) then return true end
  end
  return false
end

-- drop_line_values(values, b): the values last added that a line cut from
-- caption b's own line ("附表2　收到…": the 2 before it), taken off
local function drop_line_values(values, b)
  while #values > 0 and values[#values].derived and values[#values].line == b.line
        and (values[#values].offset or 0) < (b.offset or 0) do
    values[#values] = nil
  end
end

-- Whether the values at the end of a row's list begin with first, the first
-- text of their line: the line holds numbers before any word.
local function line_begins_values(values, first)
  for k = #values, 1, -1 do
    local v = values[k]
    if v == first then return true end
    if v.line ~= first.line then return false end
  end
  return false
end

-- The values of a list that are not empty cells: counted again where a
-- line's were dropped (a running title's year, 2021, read before its words).
local function numbers_in(values)
  local n = 0
  for _, b in ipairs(values) do
    if b.text ~= "" then n = n + 1 end
  end
  return n
end

-- A piece of some label of the table: a header cut by a line break, one
-- character of a label printed vertically. Ignored.
local function fragment_of(F, m, t, printed)
  local b = F.labels.bare(t)
  if b == "" or (utf8.len(b) or 3) <= 2 then return true end
  -- headers printed one character a line, across the columns ("结 结 其 尚")
  if printed and printed:find("%s") then
    local all = true
    for piece in printed:gmatch("%S+") do
      local pb = F.labels.bare(F.labels.norm(piece))
      if (utf8.len(pb) or 3) > 2 and not m.alltext:find(pb, 1, true) then all = false; break end
    end
    if all then return true end
  end
  if m.alltext:find(b, 1, true) then return true end
  for _, w in ipairs(m.others) do
    if w:find(b, 1, true) then return true end
  end
  return false
end

-- t is printed folded: the printed text alone names the answer
local function is_fragment(F, m, t, printed)
  return answer(m, fragment_of, printed, F, m, t, printed)
end

--}===

--{=== rows ===

-- What words holds where a header line names the group over the deepest
-- columns (法人或其他组织): their place among the other columns of that line.
local GROUP_WORD = "\0group"

-- The group's word over the deepest columns of table T's first block, folded.
local group_words = setmetatable({}, { __mode = "k" })
local function group_word(F, T)
  local w = group_words[T]
  if w == nil then
    w = false
    local blk, depth = T.blocks[1], 0
    for _, c in ipairs(blk and blk.printed or {}) do depth = math.max(depth, #(c.over or {})) end
    for _, c in ipairs(blk and blk.printed or {}) do
      if depth > 0 and #(c.over or {}) == depth then w = F.labels.norm(c.over[depth]) end
    end
    group_words[T] = w
  end
  return w
end

-- The printed columns of a block with a group over its deepest ones (表三's
-- organisations) in the order the header names them, where it names
-- each once and in another order than the format's: on one line, or the
-- deepest on a line of their own and the others on the line of their
-- group's word (总计 before 自然人); else the deepest in the order they are
-- named (商业企业 after 法律服务机构). A row's values are in the header's
-- order, never the format's.
local function permuted(blk, deep, words, rows)
  local named, times, printed = {}, {}, {}
  local all, line_of, group_at = {}, {}, nil
  for _, c in ipairs(blk.printed) do printed[c.id] = true end
  for i, col in ipairs(words) do
    if printed[col] then
      times[col] = (times[col] or 0) + 1
      if times[col] > 1 then return nil end
      all[#all + 1], line_of[col] = col, rows[i]
      if deep[col] then named[#named + 1] = col end
    elseif col == GROUP_WORD then
      group_at = group_at or i
    end
  end
  local order = {}
  if #all == #blk.printed then
    local one = true
    for _, col in ipairs(all) do one = one and line_of[col] == line_of[all[1]] end
    if one then
      order = all
    elseif group_at then
      local at = rows[group_at]
      for i, col in ipairs(words) do
        if i == group_at then
          for _, d in ipairs(named) do
            if line_of[d] == at or line_of[d] ~= line_of[named[1]] then return nil end
            order[#order + 1] = d
          end
        elseif printed[col] and not deep[col] then
          if rows[i] ~= at then return nil end
          order[#order + 1] = col
        end
      end
    end
  end
  if #order ~= #blk.printed then
    order = {}
    local k = 0
    for _, c in ipairs(blk.printed) do
      if deep[c.id] then
        k = k + 1
        if not named[k] then return nil end
        order[#order + 1] = named[k]
      else
        order[#order + 1] = c.id
      end
    end
    if k ~= #named then return nil end
  end
  for i, c in ipairs(blk.printed) do
    if order[i] ~= c.id then return order end
  end
  return nil
end

-- A column the official grid does not print (a subtotal some renderings
-- add) sits where the header names it: before the first of the deepest
-- columns that its word precedes, else after the last of them. A header
-- read in flat order cannot say more: columns whose label spans several
-- header rows do not have their place in the stream.
local function header_order(T, words, rows)
  local blk = T.blocks[1]
  if not blk then return nil end
  local extra
  for _, col in ipairs(words) do
    for _, c in ipairs(blk.columns) do
      if c.id == col and not c.printed then extra = extra or c end
    end
  end
  local depth = 0
  for _, c in ipairs(blk.printed) do depth = math.max(depth, #(c.over or {})) end
  local deep = {}
  for _, c in ipairs(blk.printed) do if #(c.over or {}) == depth then deep[c.id] = true end end
  if not extra then return depth > 0 and permuted(blk, deep, words, rows) or nil end
  -- a printed column's word beside the extra's on the same header line says
  -- its place (合计 after 总计, or first of all)
  local at, printed = nil, {}
  for i, col in ipairs(words) do if col == extra.id then at = i; break end end
  for _, c in ipairs(blk.printed) do printed[c.id] = true end
  local function beside(i)
    local col = words[i]
    return col and printed[col] and rows[i] == rows[at] and col or nil
  end
  local before = beside(at + 1)
  local after = not before and beside(at - 1)
  if not before and not after then
    for i = at + 1, #words do
      if deep[words[i]] then before = words[i]; break end
    end
  end
  local order, last_deep = {}, nil
  for _, c in ipairs(blk.printed) do if deep[c.id] then last_deep = c.id end end
  for _, c in ipairs(blk.printed) do
    if c.id == before then order[#order + 1] = extra.id end
    order[#order + 1] = c.id
    if c.id == after or (not before and not after and c.id == last_deep) then order[#order + 1] = extra.id end
  end
  return order
end

-- The row of the page a token is in: its table row where the reader placed
-- it, else its line.
local function row_of(b)
  return b.grid and (b.grid .. ":" .. tostring(b.row)) or b.line
end

-- The columns' numbers on a row of their own before a row's values, with no
-- 栏次 word (1 2 … 15 over 表四's one row of values), taken out of values:
-- no row of the format's adds up so. n: the row's count of cells. Whether
-- they were (a plan of the layout must not take them for another page's).
local function drop_column_numbers(values, n)
  if #values <= n or n < 4 or row_of(values[1]) ~= row_of(values[n])
     or row_of(values[n]) == row_of(values[n + 1]) then return false end
  for i = 1, n do
    if values[i].text ~= tostring(i) then return false end
  end
  table.move(values, n + 1, #values + n, 1)
  return true
end

-- What follows an item's number that opens a folded label piece ("5.属于三"
-- → "属于三"), also after a group's label cut short ("(六)其1.申请人"), or nil.
local function item_opening(t)
  local rest = t:match("^%d+%.(.+)$")
  if rest then return rest end
  local cut
  cut, rest = t:match("^%([^%)]+%)([^%d]-)%d+%.(.+)$")
  if rest and (utf8.len(cut) or 9) <= 3 then return rest end
  return nil
end

-- What a label's text names in table T, read in group grp (or none): its
-- folded text t, whether it is a unit, the row (and whether by a key of
-- its own: strong) and the group. Pure in the text, T and grp, and a
-- batch's labels repeat: each worked out once (a bounded memo).
local label_memo = memo.keyed()

local function label_of(F, T, m, text, grp)
  local t = F.labels.norm(text)
  local r, strong = find_row(F, T, t, grp)
  local g = find_group(m, T, t)
  if not r and g then
    -- a group label with its first item run on: "（六）其他处理 3.其他"
    local _, key = has_key(t, g.keys_norm)
    local _, e = t:find(key, 1, true)
    local rest = e and t:sub(e + 1) or ""
    if rest ~= "" then r, strong = find_row(F, T, rest, g) end
    -- or a piece of an item's label that a PDF's text wrapped round the group's
    if not r and rest ~= "" then
      local p = find_row_by_piece(F, m, T, rest)
      if p and p.group == g then r = p end
    end
  end
  if not r and not g then r = find_row_by_piece(F, m, T, t) end
  -- a piece of a group's label set one space before an item's label ("无法提 2.没有现成信")
  local after = not r and not g and text:match("%S%s+(%S+)$")
  if after then
    local ta = F.labels.norm(after)
    r, strong = find_row(F, T, ta, grp)
    if not r then r = find_row_by_piece(F, m, T, ta) end
  end
  -- two rows' labels in one text, the last an item's ("（一）予以公开 1.属于国家秘密":
  -- a page's words run into one line, the first row's values printed elsewhere):
  -- the values after it are the last label's row's, the first row is printed bare
  local then_row
  local last = r and text:match("%S%s+(%S+)$")
  if last then
    local tl = F.labels.norm(last)
    local r2, strong2 = find_row(F, T, tl, grp)
    if r2 and strong2 and r2 ~= r and item_opening(tl) then then_row = r2 end
  end
  local a = { t = t, unit = is_unit(F, t), row = r or false, strong = strong or false, group = g or false,
              then_row = then_row or false }
  local lm = memo.of(label_memo, T, MEMO_BYTES)
  local by = lm.of[grp or NOROW]
  if not by then by = {}; lm.of[grp or NOROW] = by end
  by[text], lm.size = a, lm.size + #text + #t + 96
  return a
end

-- A held item's label (what its number began, then the pieces under it)
-- with a piece t added: where the whole is the label of one row, not read yet, that row becomes held's own (held no longer held) and true;
-- where it still opens some row's label, the piece is kept; else (a piece of
-- a label beside it) passed over.
local function held_row(T, held, t, seen)
  local joined = (held.label or held.held) .. t
  local opens, row = false, nil
  for _, r in ipairs(T.rows) do
    if r.norm and r.norm:sub(1, #joined) == joined then
      opens = true
      if r.norm == joined then
        if row then return false end        -- two rows' labels alike: neither
        row = r
      end
    end
  end
  if row and not seen[row] then
    held.row, held.held = row, nil
    return true
  end
  if opens then held.label = joined end
  return false
end

-- Whether an item's opening piece (what follows its number) is no misspelt
-- label: none is like it, or the one like it opens with it (a label cut short).
local function opening_only(opening, like)
  return not like or like.norm ~= nil and like.norm:sub(1, #opening) == opening
end

-- The one column of a block the official grid does not print, or nil.
local function unprinted(blk)
  local extra
  for _, c in ipairs(blk.columns) do
    if not c.printed then
      if extra then return nil end
      extra = c
    end
  end
  return extra
end

-- A header word t for a column the header named already (合计 beside 总计):
-- of the two, the one that is not the column's own label names the column
-- the official grid does not print, where the block has one (its identity
-- confirms it); words is set so. Else the column named.
local function second_word(F, T, words, t, col)
  for k, w in ipairs(words) do
    if w == col then
      local extra = unprinted(T.blocks[1])
      if not extra then return col end
      for _, c in ipairs(T.blocks[1].columns) do
        if c.id == col and F.labels.norm(c.label) == t then
          words[k] = extra.id
          return col
        end
      end
      return extra.id
    end
  end
  return col
end

-- Whether text is the last piece of row's label, the rest of it wrapped
-- onto the next line of its cell (一、本年新收政府信 / 息公开申请数量)
local function label_tail(F, row, text)
  local norm = row.norm and F.labels.norm(text)
  return norm ~= nil and #norm > 0 and #norm < #row.norm and row.norm:sub(-#norm) == norm
end

-- Whether a text of no row after the first n is a caption naming last year (附：上年度…对比表):
-- a row printed again after it is last year's table, not a copy of this one's (a sentence
-- naming it in passing, 注：上表沿用上年度口径，有误，现更正如下, is no caption). A caption
-- that names this year too (本年度情况（较上年度有所增长）, 2024年度数据（上年度见上表）) says
-- not which table is whose, nor does one naming last year over the first copy (上年度同期情况：
-- then the table this year's): the two are copies, the cells they differ in unknown
local last_year_words = setmetatable({}, { __mode = "k" })
local function caption_words(F)
  local words = last_year_words[F]
  if not words then
    words = { commas = { "," }, last = {}, this = {}, year_mark = {} }
    local L = F.language or {}
    for _, w in ipairs(L.last_year or {}) do words.last[#words.last + 1] = F.labels.norm(w) end
    for _, w in ipairs(L.this_year or {}) do words.this[#words.this + 1] = F.labels.norm(w) end
    for _, w in ipairs(L.year_mark or {}) do words.year_mark[#words.year_mark + 1] = F.labels.norm(w) end
    local fold = type(F.decl) == "table" and type(F.decl.fold) == "table" and F.decl.fold.punctuation or {}
    for c, to in pairs(fold) do
      if to == "," then words.commas[#words.commas + 1] = c end
    end
    last_year_words[F] = words
  end
  return words
end
-- what a caption's year is: "last", "this" (or a year in figures: either), nil for none or a sentence;
-- year: the report's, where known (a caption naming the year before it in figures is last year's)
local function caption_year(F, words, label, year)
  for _, c in ipairs(words.commas) do
    if label:find(c, 1, true) then return nil end
  end
  local t, last = F.labels.norm(label), false
  if year then
    -- the one year it names in figures before a year's mark (附：2021年度…): the year
    -- before the report's is last year's (two years, 2022年与2021年对比, compare: none)
    local named
    for y, at in t:gmatch("(%d%d%d%d)()") do
      for _, w in ipairs(words.year_mark) do
        if t:sub(at, at + #w - 1) == w then
          if named and named ~= y then named = false end
          if named ~= false then named = y end
          break
        end
      end
    end
    if named and tonumber(named) == year - 1 then return "last" end
  end
  for _, w in ipairs(words.last) do
    if t:find(w, 1, true) then last = true; break end
  end
  if not last then return nil end
  -- (a year in figures: in a line of text, its figures are read as a value and the
  -- caption opens with the year's mark, 2024年度情况… → 年度情况…)
  if t:find("%d%d%d%d") then return "this" end
  for _, w in ipairs(words.year_mark) do
    if t:sub(1, #w) == w then return "this" end
  end
  for _, w in ipairs(words.this) do
    if t:find(w, 1, true) then return "this" end
  end
  return "last"
end
local function last_year_between(F, extras, n, year)
  local words = caption_words(F)
  if n > 0 and extras[n] and caption_year(F, words, extras[n].label, year) then return false end
  local last = false
  for i = n + 1, #extras do
    local y = caption_year(F, words, extras[i].label, year)
    if y == "this" then return false end
    last = last or y == "last"
  end
  return last
end

-- A list of words of the format's declaration (column_numbers, remarks),
-- folded: a set per format and list.
local word_sets = setmetatable({}, { __mode = "k" })
local function word_set(F, list)
  local of = word_sets[F]
  if not of then of = {}; word_sets[F] = of end
  local set = of[list]
  if not set then
    set = {}
    for _, w in ipairs(F.decl and F.decl[list] or {}) do set[F.labels.norm(w)] = true end
    of[list] = set
  end
  return set
end

-- Whether a header's text (folded) names a column of remarks (备注): a
-- page's header line may come as one text.
local function names_remarks(F, t)
  for w in pairs(word_set(F, "remarks")) do
    if t:find(w, 1, true) then return true end
  end
  return false
end

-- How many of the grid's printed columns the header's words name.
local function named_columns(T, words)
  local named = 0
  if #words > 0 and T.blocks[1] then
    local printed, seen_col = {}, {}
    for _, c in ipairs(T.blocks[1].printed) do printed[c.id] = true end
    for _, w in ipairs(words) do
      if printed[w] and not seen_col[w] then seen_col[w], named = true, named + 1 end
    end
  end
  return named
end

-- The block of a table whose caption a text names (table 2's 第二十条第（X）项).
local function caption_of(F, T, t)
  for i, blk in ipairs(T.blocks) do
    if blk.caption and t:find(F.labels.norm(blk.caption), 1, true) then return i end
  end
end

local function caption_block(F, m, T, t)
  return answer(m, caption_of, t, F, T, t)
end

-- tokens → segments: {row=, values={tokens}} in order; diagnostics for the rest.
-- A change from last year as printed (+11.8%, -2.0%).
local CHANGE = "^[%+%-]?%d[%d,%.]*%%$"

-- Whether folded text t opens with one of a set's words (their lengths
-- kept in the set once: a text is cut once for each length, not each word).
local function opens_with(set, t)
  local lengths = set[opens_with]
  if not lengths then
    lengths = {}
    for w in pairs(set) do lengths[#w] = true end
    set[opens_with] = lengths
  end
  for n in pairs(lengths) do
    if set[t:sub(1, n)] then return true end
  end
  return false
end

-- A column of the rows' own numbers in a table laid out as text (序号: 1,
-- 2, 3 … before each row's label) reads each number as the last value of
-- the row before, the first as a value before the first row. Where the
-- header names such a column, or the numbers before the rows' labels are
-- 1, 2, 3 … from the first row on (three rows or more), they are no values.
-- numbered: the values lists read before a label, each ending with a number.
local function row_numbers(diags, lead, numbered, named)
  local first = #lead == 1 and lead[1].text == "1"
  if not (named or first) or #numbered < 2 then return end
  local k = first and 1 or tonumber(numbered[1][#numbered[1]].text) - 1
  for _, values in ipairs(numbered) do
    k = k + 1
    if tonumber(values[#values].text) ~= k then return end
  end
  for _, values in ipairs(numbered) do values[#values] = nil end
  if first then
    for i = #diags, 1, -1 do
      if diags[i] == lead.diags[1] then table.remove(diags, i); break end
    end
    lead[1], lead.diags[1] = nil, nil
  end
  return true
end

local function segment(F, T, m, tokens, diags, present, rec, year)
  local norm = F.labels.norm
  local segs, seen, words, extras = {}, {}, {}, {}
  local subtotals = {}                          -- a group's subtotal row → its segment
  local word_rows, word_tokens = {}, {}         -- the header line and token of each of words
  local function header_row(b)
    word_tokens[#words] = b
    return row_of(b)
  end
  -- a merged cell's word printed again in each of its places (a copy whose
  -- merged cells were filled): the column named as its line's same word (the
  -- first, the seventh) on a line above. ordinals: the words read on each line
  local ordinals, word_ordinal = {}, {}
  local function ordinal(b)
    local row = row_of(b)
    ordinals[row] = (ordinals[row] or 0) + 1
    return ordinals[row]
  end
  local function repeated_below(col, b)
    local at, row = ordinal(b), row_of(b)
    for k = #words, 1, -1 do
      if words[k] == col and word_rows[k] ~= row and word_ordinal[k] == at then return true end
    end
    word_ordinal[#words + 1] = at
    return false
  end
  local lead = { diags = {} }                  -- the values before the first row's label
  local cur, group, rows_started = nil, nil, false
  local header_line                      -- the line of the last header or caption read
  local numbers_line                     -- the line of a row of column numbers under the header
  local remarks, remark_line = false, nil  -- whether the header names a column of remarks; a remark's line
  local remark_col                       -- the column of a remark begun on a label's line, before its values
  local subtotal_word, numbering_words = norm(F.subtotal), word_set(F, "column_numbers")
  local remark_words = word_set(F, "remarks")
  -- whether the header names a column of the rows' numbers (序号); the values
  -- read before a row's label, each ending with a number that may be its
  local row_number_words, numbered_rows, numbered, numbered_seen = word_set(F, "row_numbers"), false, {}, {}
  -- whether the header names columns of last year's (上年同期, 同比) after this year's; false
  -- where a column of this year's is named after one of them on its line
  local last_year_words, last_year, last_year_line = word_set(F, "last_year_columns"), nil, nil
  -- how many words of a header's line name them, from which row on: { from, cols } a header
  local last_year_cols = {}
  local last                             -- the last row read
  local title_line                       -- the line of a running header (the report's title)
  local named                            -- how many columns the header names, once rows began
  -- a row printed again (a table given twice): its values, to be told from the first's;
  -- extras_at: how many texts of no row had come when a row was first read
  local copies, copy, extras_at = {}, nil, {}
  -- the place of the first column the header names in a grid (a Markdown table's cell): an
  -- empty cell left of it on a row is its label's padding (a merged label's cell), no value
  local value_x, value_grid
  -- value_state's answers, looked up in line: asked of every token (the
  -- memo asked again after a miss, which may have started it afresh)
  local sm = state_memo[F]
  local known = sm and sm.of
  -- values after an item's number whose row is named only by a later piece
  -- of its label (a cell's text set at the top of a taller row): held, then
  -- that row's where its label opens with what the number began, else unplaced
  local function unplace(held)
    if not held.unblank then return end       -- (blank padding is no value)
    for _, v in ipairs(held.values) do
      diags[#diags + 1] = { kind = "unplaced", table = T.id, text = v.text, line = v.line, col = v.col or 1 }
    end
  end
  local line_first                       -- the first text of the line being read
  -- whether v, a piece of a text cut out as a number, ran into b, the piece after it (2021年度…)
  local function glued_before(v, b)
    return v.derived and b.derived and v.line == b.line and (v.col or 1) + #v.text == (b.col or 1)
  end
  for i = 1, #tokens do
    local b = tokens[i]
    if not line_first or line_first.line ~= b.line then line_first = b end
    local before, copy_before = cur, copy
    local text = b.text
    local hit = known and known[text]
    local state
    if hit then state = hit[1] else state, known = state_in(F, known, text) end
    if not state and (b.misread or b.kind == "cell" and LETTER_OR_DIGIT[byte(text, 1)] and #text <= 12
                      and text:find(MISREAD_CELL)) then
      state = "misread"                      -- a value, read as the text it is
      if rec then rec.unsafe = true end
      lead.misread = true
    end
    local a                                  -- a label's answers (label_of), looked up in line
    if not state then
      local grp = group or (cur and cur.row.group)
      local lm = label_memo[T]
      local by = lm and lm.of[grp or NOROW]
      a = by and by[text] or label_of(F, T, m, text, grp)
    end
    if remark_line and a and a.row and row_of(b) == remark_line and item_opening(a.t) then
      -- an item's label on a remark's line ("予公开  5.属于三类内部事务信息": a
      -- piece of its group's label taken for the row above's remark): the remark ends
      remark_line = nil
    end
    if last_year and cur and cur.row.cells and #cur.values > 0 and #cur.values >= #cur.row.cells
       and b.line == cur.values[#cur.values].line and (state or text:find(CHANGE)) then
      -- last year's value, or the change, after this year's on the row's line: no value (counted)
      cur.last_year = (cur.last_year or 0) + 1
      if b.tabs then cur.last_year_tabs = b.tabs end
    elseif remark_line and row_of(b) == remark_line
       or cur and cur.remarked and (state or not a.row and not a.group) then
      -- the rest of a remark beside a row's values (其中网上申请2816件), or
      -- wrapped below them (已于2025 / 年1月办结 / 96件): no value. Kept
      -- aside, with the lines it spans: a whole line of values below (a
      -- wrapped label taken for a remark, the next row's values a line
      -- before its label) may be a row's (values_before_labels)
      if cur and cur.remarked then
        local aside = cur.remarked_aside or { values = {}, lines = {} }
        cur.remarked_aside = aside
        if state and row_of(b) ~= remark_line then aside.values[#aside.values + 1] = b
        else aside.lines[b.line] = true end
      end
    elseif remark_col and not state and b.col == remark_col and b.derived and not a.row and not a.group then
      -- the rest of a remark begun before its row's values (含联合发 / 文2件): its line is the remark's
      remark_line = row_of(b)
    elseif state == "blank" and row_of(b) == header_line then
      -- an empty cell beside a header on its line pads a merged cell: no value
    elseif state and title_line and row_of(b) == title_line then
      -- the year of the report's title printed again: no value
    elseif state and numbers_line and row_of(b) == numbers_line then
      -- the columns' numbers (栏次 1 2 3 …): no value
    elseif state then
      if cur and cur.footer and row_of(b) ~= row_of(cur.block) then
        if cur.below_header then cur = cur.was else cur.footer = false end
      end
      if cur and state == "blank" and value_x and b.grid == value_grid and b.x0 and b.x0 < value_x
         and #cur.values == 0 then
        -- a label's empty cell, left of the columns
      elseif cur then
        local values = cur.values
        values[#values + 1] = b
        if cur.held and state ~= "blank" then cur.unblank = true end
      elseif state ~= "blank" then               -- blank padding around captions is no value
        diags[#diags + 1] = { kind = "unplaced", table = T.id, text = text, line = b.line, col = b.col or 1 }
        if #segs == 0 then lead[#lead + 1], lead.diags[#lead + 1] = b, diags[#diags] end
        if copy then copy.values[#copy.values + 1] = b end
      end
    elseif cur and #cur.values > 0 and a.unit and not (b.derived and cur.values[#cur.values].line ~= b.line) then
      -- "73802895.90" "元": one value (a line's text below is a label's last piece: "项")
      cur.values[#cur.values].unit = text
      if rec then rec.units[#rec.units + 1] = cur.values[#cur.values]; rec.unit_texts[#rec.units] = text end
    elseif cur and cur.held and not a.row and not a.group
           and row_of(b) ~= row_of(cur.block) and held_row(T, cur, a.t, seen) then
      -- the rest of an item's label folded under its number: its row, with the values held
      local r = cur.row
      seen[r], last, extras_at[r] = true, r, #extras
      segs[#segs + 1] = cur
      if r.group then group = r.group end
    elseif remarks and cur and not cur.extra and #cur.values > 0 and not a.row and not a.group
           and (row_of(b) == row_of(cur.values[#cur.values]) or #cur.values >= (named or named_columns(T, words))) then
      named = named or named_columns(T, words)          -- (the header's words are all read by now)
      -- a remark after the row's values: on their line, or after as many as the header names
      remark_line, cur.remarked = row_of(b), true
      -- a number the remark opens with, its text set against it (1月办结96件): the remark's
      local v = cur.values[#cur.values]
      if v.derived and b.derived and not b.spaced and v.line == b.line and (v.col or 1) + #v.text == (b.col or 1) then
        cur.values[#cur.values] = nil
      end
    else
      local t, r, strong, g = a.t, a.row, a.strong, a.group
      -- a header's words cut into pieces, 备注 among others in one ("律 总计 备注")
      if not rows_started and not remarks and not r and names_remarks(F, t) then remarks = true end
      -- a bare 小计 under a group's items: that group's subtotal (its identity checks it)
      if t == subtotal_word and not r and not g then
        local in_group = group or (cur and cur.row.group)
        if in_group and T.subtotal[in_group.id] then g = in_group end
      end
      if g then group = g end
      if r then
        present.yes = true
        rows_started = true
        if cur and cur.row == r then
          -- the rest of the same label, split by a line break or by its values
        elseif cur and cur.held and #cur.values > 0 and not seen[r] and r.norm
               and r.norm:sub(1, #cur.held) == cur.held then
          seen[r], cur.taken, extras_at[r] = true, true, #extras
          cur = { row = r, values = cur.values, block = cur.block }
          segs[#segs + 1] = cur
          last = r
          if r.group then group = r.group end
        elseif seen[r] then
          if strong then
            diags[#diags + 1] = { kind = "duplicate", table = T.id, row = r.id, label = r.shown,
                                  text = b.text, line = b.line, col = b.col or 1 }
            cur = nil
            -- (no caption naming last year between the two, such as 附：上年度…对比表: a copy;
            -- a row first read as an item's label folded under its number has no count: none between)
            if not last_year_between(F, extras, extras_at[r] or #extras, year) then
              copy = { row = r, values = {} }
              copies[#copies + 1] = copy
            end
          end
        else
          seen[r], extras_at[r] = true, #extras
          cur = { row = r, values = {}, block = b }
          segs[#segs + 1] = cur
          last = r
          if r.group then group = r.group end
        end
        -- an item's label run on after the row's: the values after are the item's row's
        local r2 = a.then_row
        if r2 and cur and cur.row == r and not seen[r2] then
          seen[r2], extras_at[r2] = true, #extras
          cur = { row = r2, values = {}, block = b }
          segs[#segs + 1] = cur
          last = r2
          if r2.group then group = r2.group end
        end
      elseif g then
        present.yes = true
        local sub = T.subtotal[g.id]
        if sub and not seen[sub] then
          seen[sub] = true
          cur = { row = sub, values = {}, block = b, optional = true }
          segs[#segs + 1] = cur
          subtotals[sub] = cur
        elseif t == subtotal_word and subtotals[sub] and #subtotals[sub].values == 0 then
          -- a bare 小计 after the items: the subtotal the group's label opened with no values
          cur = subtotals[sub]
        else
          cur = nil
        end
      elseif rows_started and item_opening(t)
             and opening_only(item_opening(t), misspelt_row(F, T, t, group or (cur and cur.row.group), seen, last)) then
        -- the opening piece of an item's label ("5.属于三"), its row named by a
        -- later piece: the values after it are not the row before's
        cur = { held = item_opening(t), values = {}, block = b, row = { cells = {} } }
      elseif not rows_started and numbering_words[t] then
        numbers_line = row_of(b)
      elseif not rows_started and row_number_words[t] then
        numbered_rows = true
      elseif not r and not g and header_line == row_of(b) and opens_with(last_year_words, t) then
        -- (on a header's line after this year's words: no piece of a row's label, 二、上年结转…)
        if last_year == nil then last_year = true end
        local at = last_year_cols[#last_year_cols]
        if at and row_of(b) == last_year_line then at.cols = at.cols + 1
        else last_year_cols[#last_year_cols + 1] = { from = #segs + 1, cols = 1 } end
        last_year_line = row_of(b)
      elseif not rows_started and remark_words[t] then
        remarks = true
      elseif is_header(m, T, t) or T.column_words[t] then
        present.yes = true
        header_line = row_of(b)
        if last_year_line == header_line then last_year = false end
        -- (values of the row on both sides of a header's words, not its marks: a PDF's reading order)
        if cur and #cur.values > 0 and not cur.header_at and t:find("[^%p%d%s]") then
          cur.header_at = #cur.values
        end
        -- the caption of another block: the values after it are not the row above's
        if cur and not cur.cut and cur.row.block then
          local k = caption_block(F, m, T, t)
          if k and k ~= cur.row.block.index then cur.cut = #cur.values end
        end
        if not rows_started and not remarks then remarks = names_remarks(F, t) end
        if not rows_started and T.column_words[t] and b.x0 and b.grid
           and (b.grid ~= value_grid or b.x0 < value_x) then
          value_x, value_grid = b.x0, b.grid
        end
        if not rows_started and T.column_words[t] and not repeated_below(T.column_words[t], b) then
          words[#words + 1] = second_word(F, T, words, t, T.column_words[t])
          word_rows[#words] = header_row(b)
        elseif not rows_started and text:find("\t", 1, true) then
          -- a header line of cells as one text: its words in order
          for w in text:gmatch("[^\t]+") do
            local wt = F.labels.norm(w)
            if T.column_words[wt] then
              words[#words + 1] = second_word(F, T, words, wt, T.column_words[wt])
              word_rows[#words] = header_row(b)
            elseif wt == group_word(F, T) then
              words[#words + 1] = GROUP_WORD
              word_rows[#words] = header_row(b)
            end
          end
        elseif not rows_started and t == group_word(F, T) then
          words[#words + 1] = GROUP_WORD
          word_ordinal[#words] = ordinal(b)
          word_rows[#words] = header_row(b)
        end
      elseif cur and #cur.values < #cur.row.cells and b.kind == "cell" and not b.derived and not remarks
             and (#cur.values > 0 or value_x and b.grid == value_grid and b.x0 and b.x0 >= value_x) then
        cur.values[#cur.values + 1] = b             -- a cell of the page that holds text (not a remark's)
      elseif is_fragment(F, m, t, b.text) then
        -- a piece of a label split by the page (under a page's address, before any value
        -- below it: the rest of the label of the row before, its values after)
        if cur and cur.footer and row_of(b) ~= row_of(cur.block) then cur = cur.was end
      elseif names_part(F, t) then
        -- a table's caption, read with the table's text (an appendix's)
        if cur and b.derived then drop_line_values(cur.values, b) end
        -- (one naming its year, 附：2021年度收到和处理…, 附：上年度…: the rows after it
        -- printed again are that year's, no copy; its year in figures was cut from it as a value)
        local v = tokens[i - 1]
        local label = v and glued_before(v, b) and v.text:find("^%d%d%d%d$") and v.text .. text or text
        if caption_year(F, caption_words(F), label, year) then
          extras[#extras + 1] = { label = label, caption = true, block = b, values = {} }
        end
      elseif b.derived and names_report(F, t) then
        -- a page's running header: its line's text before it was no row, and the row before goes on
        title_line = row_of(b)
        if cur and cur.extra and row_of(cur.block) == title_line and extras[#extras] == cur then
          extras[#extras] = nil
          cur = cur.was
        end
        -- nor were the numbers before it on its line (the time of the print, 12/7/26, 7:07 AM),
        -- where they begin the line (after a label's piece, a row's value may have run into
        -- the time, 行政处罚 398575812/7/26: the row's values are not told from it)
        if cur and b.derived and line_begins_values(cur.values, line_first) then drop_line_values(cur.values, b) end
      else
        local like = misspelt_row(F, T, t, group or (cur and cur.row.group), seen, last)
        if like then
          -- a label misspelt: read as the row it is clearly most like, and said so
          diags[#diags + 1] = { kind = "misspelt", table = T.id, row = like.id, label = like.shown,
                                text = b.text, line = b.line, col = b.col or 1 }
          present.yes, rows_started, seen[like] = true, true, true
          cur = { row = like, values = {}, block = b }
          segs[#segs + 1] = cur
          last = like
          if like.group then group = like.group end
        elseif misspelt_header(m, t) then
          present.yes, header_line = true, row_of(b)
        elseif remarks and cur and not cur.extra and not cur.held and #cur.values == 0 and b.derived
               and row_of(b) == row_of(cur.block) then
          -- a remark on its row's label's line, the values below: no row
          remark_line, remark_col = row_of(b), b.col
        else
          -- a label of no row of the format: what follows it is not the last row's,
          -- but the values of a row the format does not have
          cur = { extra = true, label = b.text, values = {}, block = b, row = { cells = {} }, was = cur }
          -- (a caption's year in figures run into its words, 附：2021年度…, was cut from them
          -- as a number and taken as the last row's value: it is the caption's, and says
          -- the table after it is last year's)
          local row_before, v = cur.was, tokens[i - 1]
          if year and row_before and v and row_before.values[#row_before.values] == v and glued_before(v, b)
             and v.text:find("^%d%d%d%d$")
             and caption_year(F, caption_words(F), v.text .. text, year) == "last" then
            row_before.values[#row_before.values] = nil
            cur.label = v.text .. text
            if rec then rec.unsafe = true end
          end
          -- (a page's address under it, its page number after: set in the middle of a
          -- row by a text in the PDF's drawing order, the row before may go on below it:
          -- a label's piece says so, or a value where the running header, its print's
          -- time among it, came just before, so what follows is no header's)
          local was = cur.was
          if was and was.footer and row_of(was.block) == row_of(b) then
            -- the address's rest after its digits (…/ndbg/202201/t20220125_4.html): the same footer
            cur.was, cur.footer, cur.below_header = was.was, true, was.below_header
          else
            cur.footer = b.derived and was and not was.extra and b.text:find("://", 1, true) ~= nil
            cur.below_header = cur.footer and i > 1 and title_line ~= nil and row_of(tokens[i - 1]) == title_line
          end
          extras[#extras + 1] = cur
        end
      end
    end
    -- (looked for only where the numbers can count: a 1 before the first row, or the header's word)
    if not state and before ~= cur and before and (numbered_rows or #lead == 1 and lead[1].text == "1")
       and not numbered_seen[before.values] then
      local v = before.values[#before.values]
      if v and v.text:match("^%d+$") then numbered[#numbered + 1] = before.values end
      numbered_seen[before.values] = true
    end
    if before ~= cur and before and before.held and not before.taken then unplace(before) end
    -- (the copy's values end at a text, but for the rest of its own label: a
    -- label wrapped in its cell, 一、本年新收政府信 / 息公开申请数量 3001 …)
    if not state and copy == copy_before and not (copy and #copy.values == 0 and label_tail(F, copy.row, text)) then
      copy = nil
    end
  end
  if cur and cur.held and not cur.taken then unplace(cur) end
  if row_numbers(diags, lead, numbered, numbered_rows) and rec then rec.unsafe = true end
  for _, x in ipairs(extras) do
    -- (a caption naming its year is read as such: none of the texts of no row)
    if not x.caption then
      local d = { table = T.id, text = x.label, line = x.block.line, col = x.block.col or 1 }
      if #x.values > 0 then
        local texts = {}
        for i, b in ipairs(x.values) do texts[i] = b.text end
        d.kind, d.values = "extra", table.concat(texts, " ")
      else
        d.kind = "unplaced"
      end
      diags[#diags + 1] = d
    end
  end
  -- a line whose words do not stand left to right is no line of the header
  -- (a page's cells all on one line of its file): each word a line of its own
  local crossed
  for i = 2, #words do
    local a, c = word_tokens[i - 1], word_tokens[i]
    if a ~= c and word_rows[i] == word_rows[i - 1] and not ((a.col or 0) < (c.col or 0)) then
      crossed = crossed or {}
      crossed[word_rows[i]] = true
    end
  end
  if crossed then
    for i = 1, #words do if crossed[word_rows[i]] then word_rows[i] = {} end end
  end
  lead.remarks = remarks
  if last_year then
    local k = 0
    for i, seg in ipairs(segs) do
      while last_year_cols[k + 1] and last_year_cols[k + 1].from <= i do k = k + 1 end
      seg.last_year_cols = last_year_cols[k] and last_year_cols[k].cols
    end
  end
  return segs, header_order(T, words, word_rows), words, lead, copies
end

-- Two values or more on one line, all the same text.
local function one_value(values)
  if #values < 2 then return false end
  for i = 2, #values do
    if values[i].text ~= values[1].text or values[i].line ~= values[1].line then return false end
  end
  return true
end

-- Values on lines of their own: cells printed apart (a PDF's text in its
-- reading order), never digits run together that a cut may part.
local function one_line(values)
  for i = 2, #values do
    if values[i].line ~= values[1].line then return false end
  end
  return true
end

local function digits_only(values)
  for i = 1, #values do
    local b = values[i]
    if not b.glued or not b.text:match("^%-?%d[%d%.]*$") then return false end
  end
  return true
end

-- The cells of a row in the order the page prints them.
local function row_slots(row, order)
  if order and row.by_col then
    local s = {}
    for i = 1, #order do s[i] = row.by_col[order[i]] end
    return s
  end
  return row.cells
end

-- Labels printed after their values (a PDF's text where a row's label cell,
-- set lower in a taller row, comes after the row's numbers): the values
-- before the first label are its row's, each label's are the next row's,
-- and the last label has none. Read so only where every row's count fits
-- that reading exactly ("shifted"); where only the first row's does, which
-- values are whose is not known ("unsure"); else nil.
local function labels_trail(segs, order, lead)
  -- (the last row's label has values of its own in nearly every table: found from the end)
  for i = #segs, 1, -1 do
    if not segs[i].optional then
      if #segs[i].values > 0 then return nil end
      break
    end
  end
  local chain, grouped = {}, false
  for _, seg in ipairs(segs) do
    if not seg.optional then chain[#chain + 1] = seg
    elseif #seg.values > 0 then grouped = true end
  end
  if #chain < 2 or #chain[#chain].values > 0 then return nil end
  if #lead ~= #row_slots(chain[1].row, order) then
    if #lead > 0 then return nil end
    -- none before the first label, yet as many as the rows hold: the first row's
    -- label printed before its values and the others' after theirs reads as well
    local held, fits = 0, true
    for i, seg in ipairs(chain) do
      local n = #row_slots(seg.row, order)
      held = held + #seg.values - n
      fits = fits and (i == #chain or #seg.values == n)
    end
    return (held == 0 and not fits) and "unsure" or nil
  end
  -- (a group's label among them, with values after it: whose they are is not known)
  if grouped then return "unsure" end
  local before = lead
  for _, seg in ipairs(chain) do
    if #before ~= #row_slots(seg.row, order) then return "unsure" end
    before = seg.values
  end
  before = lead
  for _, seg in ipairs(chain) do seg.values, before = before, seg.values end
  return "shifted"
end

-- Set cell id of R (its cells c, its units list) from block b (or from
-- text, a part of b's), the state as value_state gives it: `known` is the
-- format's memo of states (its `of`, or nil), looked up in line, as every
-- cell read comes here. A memo started afresh meanwhile still answers
-- right: what it holds is what value_state says.
local function set_known(c, units, F, known, id, b, text)
  text = text or b.text
  local hit = known and known[text]
  local state, v, unit
  if hit then state, v, unit = hit[1], hit[2], hit[3]
  else state, v, unit = M.value_state(F, text) end
  -- digits past what an exact number holds: set as a text (not a number), not lost
  if state == "number" and v == nil then state = nil end
  local printed = b.unit
  unit = unit or printed
  local full = printed and text .. printed or text
  -- straight into the cells (the binder's report is not frozen): no block copy to build
  c:set(id, state or "text", v, full, b.line, b.col, b.offset)
  if unit then units[#units + 1] = { id = id, unit = unit, text = full, line = b.line, col = b.col or 1 } end
end

local function set_value(R, F, id, b, text)
  local m = state_memo[F]
  set_known(R.c, R.units, F, m and m.of, id, b, text)
end

-- set_value for each value of a row into its slot, in order: the core
-- reads the row's values (the memo of states, then value_state for what
-- it lacks) in one call, as set_known would one by one.
local function set_row(R, F, slots, values)
  local m = state_memo[F]
  R.c:read(slots, values, F, M.value_state, m and m.of, R.units)
end

-- Put candidate reading `cand` into the cells `slots` (for the identities
-- to judge), or take it out again.
local function try(R, slots, cand)
  for i, id in ipairs(slots) do
    if cand then R.c:set(id, "number", (nianbao.number(cand[i])))
    else R.c:set(id, "unknown") end
  end
end

-- The readings of glued digits that a row's own identities allow. Each
-- candidate sets every slot, so the slots are put back to unknown once
-- after the last, not after each; a part's number is parsed once.
local NOT_A_NUMBER = {}
local function readings(R, system, groups, slots)
  local c, k = R.c, #slots
  local number_of, tried = {}, false
  local cands, complete = glued.splits(groups, k, function(parts)
    for i = 1, k do
      local part = parts[i]
      local v = number_of[part]
      if v == nil then
        v = nianbao.number(part)
        number_of[part] = v == nil and NOT_A_NUMBER or v
      elseif v == NOT_A_NUMBER then
        v = nil
      end
      c:set(slots[i], "number", v)
    end
    tried = true
    return system:consistent(c, slots, true)
  end)
  if tried then try(R, slots, nil) end
  return cands, complete
end

--}===

--{=== joint resolution ===

-- Rows whose glued digits allow several readings: keep the one combination
-- under which every identity that involves them holds (in table 3:
-- （七）总计 the sum of the outcomes, and 一+二 = 三+四 in every column).
local function resolve_jointly(R, system, open)
  local all = {}
  for _, o in ipairs(open) do
    for _, id in ipairs(o.slots) do all[#all + 1] = id end
  end
  local found, combos = nil, 0
  local picks = {}
  local function rec(i)
    if combos > 100000 or found == false then return end
    if i > #open then
      combos = combos + 1
      if system:consistent(R.c, all) then
        if found then found = false else
          found = {}
          for k = 1, #open do found[k] = picks[k] end
        end
      end
      return
    end
    for _, cand in ipairs(open[i].candidates) do
      try(R, open[i].slots, cand)
      picks[i] = cand
      rec(i + 1)
      if found == false then break end
    end
    try(R, open[i].slots, nil)
  end
  rec(1)
  if combos > 100000 then return nil end
  return found or nil
end

--}===

-- A row whose values do not fill its cells one for one: which value is
-- whose cannot be told, so its cells stay unknown (never a guess).
local function unsure_row(R, T, seg, slots, values, diags, kind)
  local texts = {}
  for i, b in ipairs(values) do texts[i] = b.text end
  local d = { kind = kind, table = T.id, row = seg.row.id, label = seg.row.shown,
              text = table.concat(texts, " "), count = #values, expected = #slots,
              line = values[1].line, col = values[1].col or 1 }
  diags[#diags + 1] = d
  for _, id in ipairs(slots) do
    R:set(id, "unknown", nil, { text = d.text, line = d.line, col = d.col, offset = values[1].offset })
  end
end

-- The readings of glued digits still open after a table is bound, for the
-- binder's last pass: {diag=, slots=, candidates=, block=}.

-- Whether each value stands apart from the one before it (a space or a tab between, not 2648-18538)
local function parted(values)
  for i = 2, #values do
    local a, b = values[i - 1], values[i]
    if not (a.offset and b.offset) or b.offset <= a.offset + #a.text then return false end
  end
  return true
end

-- (whole: the table's one row, its values read with no label of their own, said short by it)
local function glued_row(R, F, system, T, seg, slots, values, diags, pending, whole)
  local groups = {}
  for i, b in ipairs(values) do groups[i] = b.text end
  local cands, complete = readings(R, system, groups, slots)
  if #cands == 0 and #values > 1 and (seg or whole) then
    -- no cut of them fits the identities: not digits run together, a row short of values
    -- (表四's values scattered among its header's pieces, some printed elsewhere, as well)
    unsure_row(R, T, seg or whole, slots, values, diags, "short")
    return nil
  end
  if #values > 1 and seg and parted(values) and #system:reaching(slots, "inside") == 0 then
    -- values parted by spaces, no sum of the row to test a cut (表二's 8 26): a cell left empty as likely as digits run together
    unsure_row(R, T, seg, slots, values, diags, "short")
    return nil
  end
  local d = { kind = "glued", table = T.id, row = seg and seg.row.id or nil,
              label = seg and seg.row.shown or nil, digits = table.concat(groups, " "),
              ways = #cands, complete = complete, text = table.concat(groups, " "),
              line = values[1].line, col = values[1].col or 1, outcome = "open" }
  diags[#diags + 1] = d
  if #cands == 1 and complete then
    d.outcome = "cut"
    for i, s in ipairs(cands[1]) do set_value(R, F, slots[i], values[1], s) end
    return nil
  end
  for _, id in ipairs(slots) do
    R:set(id, "unknown", nil, { text = d.digits, line = values[1].line, col = values[1].col or 1,
                                offset = values[1].offset })
  end
  local p = { diag = d, slots = slots, candidates = cands, block = values[1], complete = complete }
  if complete and #cands > 0 then pending[#pending + 1] = p end
  return p
end

-- Whether a number's digits are a shorter number's, two digits or more,
-- printed again and again (447228447228447228).
local function repeated_digits(text)
  local n = #text
  if n < 4 or not text:find("^%d+$") then return false end
  for d = 2, n // 2 do
    if n % d == 0 and text == text:sub(1, d):rep(n // d) then return true end
  end
  return false
end

-- The digits of values run together, as one string.
local function digits_of(values)
  local t = {}
  for i, b in ipairs(values) do t[i] = b.text:gsub("[^%d]", "") end
  return table.concat(t)
end

local function digit_count(values)
  local n = 0
  for _, b in ipairs(values) do n = n + #b.text:gsub("[^%d]", "") end
  return n
end

local whole_columns
do
  -- Rows all one value longer than the format's (a column the agency added:
  -- 法人或其他组织's 小计): the value left out of each is the one at the place
  -- whose leaving out lets every row's own sums hold, where no other place
  -- does and some sum holds; else the rows stay unknown (whole_columns says so).
  local function extra_column(R, F, system, T, segs, order, diags)
    -- (a row of two rows' values, its next's label wrapped around them and
    -- not understood, is none of the proof's and stays unknown; a row of
    -- the format's count says the column is not the table's)
    local rows, n, others = {}, nil, 0
    for _, seg in ipairs(segs) do
      if not seg.optional and #seg.values > 0 then
        local slots = row_slots(seg.row, order)
        if #seg.values == #slots or (n and #slots ~= n) then return end
        if #seg.values == #slots + 1 then
          n = #slots
          rows[#rows + 1] = { seg = seg, slots = slots }
        else
          others = others + 1
        end
      end
    end
    if #rows < 3 or n < 2 or others * 2 >= #rows then return end
    local function without(values, k)
      local out = {}
      for i, b in ipairs(values) do if i ~= k then out[#out + 1] = b end end
      return out
    end
    -- (places whose leaving out gives every row the same numbers, a run of
    -- 0s, are one way)
    local function same(a, b)
      for _, r in ipairs(rows) do
        local v = r.seg.values
        for i = math.min(a, b), math.max(a, b) - 1 do
          if v[i].text ~= v[i + 1].text then return false end
        end
      end
      return true
    end
    local found, last, ways = nil, nil, 0
    for k = 1, n + 1 do
      local fails, holds = false, false
      for _, r in ipairs(rows) do
        set_row(R, F, r.slots, without(r.seg.values, k))
        for _, inst in ipairs(system:reaching(r.slots, "inside")) do
          local v = inst.rule.compiled:check(R.c, inst.k)
          if v == "fails" then fails = true; break end
          holds = holds or v == "holds"
        end
        if fails then break end
      end
      if not fails and holds then
        if found and same(found, k) then last = k else found, last, ways = found or k, k, ways + 1 end
      end
    end
    for _, r in ipairs(rows) do try(R, r.slots, nil) end
    if ways ~= 1 then return end
    local mine = {}
    for _, r in ipairs(rows) do
      set_row(R, F, r.slots, without(r.seg.values, found))
      mine[r.seg.row.id] = true
    end
    local first
    for i = #diags, 1, -1 do
      local d = diags[i]
      if d.kind == "long" and d.table == T.id and mine[d.row] then first = d; table.remove(diags, i) end
    end
    if not first then return end
    diags[#diags + 1] = { kind = "col_extra", table = T.id, count = 1, rows = #rows, dropped = found,
                          dropped_to = last, line = first.line, col = first.col, text = first.text }
  end

  -- Rows that are all short (or long) by the same number of values: a column
  -- the page left out (or added), not a row's problem. One diagnostic for the
  -- table instead of one per row; the columns missing are named where the
  -- header read names all but them.
  function whole_columns(T, words, diags, R, F, system, segs, order)
    extra_column(R, F, system, T, segs, order, diags)
    local rows, mine = 0, {}
    for i, d in ipairs(diags) do
      if d.table == T.id and (d.kind == "short" or d.kind == "long") then mine[#mine + 1] = i end
    end
    for _, r in ipairs(T.rows) do if not r.optional then rows = rows + 1 end end
    if #mine < 3 or #mine < 0.8 * rows then return end
    local first = diags[mine[1]]
    local diff = first.count - first.expected
    for _, i in ipairs(mine) do
      local d = diags[i]
      if d.kind ~= first.kind or d.count - d.expected ~= diff then return end
    end
    local seen, missing = {}, {}
    for _, w in ipairs(words or {}) do seen[w] = true end
    for _, c in ipairs(T.columns) do
      if next(seen) and not seen[c.id] then missing[#missing + 1] = c.label end
    end
    for k = #mine, 1, -1 do table.remove(diags, mine[k]) end
    diags[#diags + 1] = { kind = diff < 0 and "col_missing" or "col_extra", table = T.id, count = math.abs(diff),
                          rows = #mine, labels = (diff < 0 and #missing == -diff) and missing or nil,
                          line = first.line, col = first.col, text = first.text }
  end
end

--{=== rows by their order ===

-- The schema index of each cell of a table's rows, in their order: the
-- list the core's pick walks (made once per table).
local row_cells_at = setmetatable({}, { __mode = "k" })
local function cells_at(F, T)
  local at = row_cells_at[T]
  if not at then
    at = {}
    for _, r in ipairs(T.rows) do
      for _, id in ipairs(r.cells) do at[#at + 1] = F.schema:find(id) end
    end
    row_cells_at[T] = at
  end
  return at
end

-- Has every printed cell of the table's rows a value read? (The core
-- answers in one pass.)
local function complete(F, R, T)
  return #R.c:pick(cells_at(F, T), "missing", "unknown") == 0
end

-- The lines of values in the tokens (values printed on one line of the
-- page), by block where captions part the table, each with the count of
-- labels read before it; and the labels read, in order.
local function value_lines(F, T, m, tokens)
  local norm = F.labels.norm
  local blocks, labels = { {} }, {}
  local blk, cur = 1, nil
  for i = 1, #tokens do
    local b = tokens[i]
    local state = M.value_state(F, b.text)
    if state == "number" or state == "marker" or b.misread then
      if not cur or cur.line ~= b.line then
        cur = { line = b.line, values = {}, labels_before = #labels }
        table.insert(blocks[blk], cur)
      end
      cur.values[#cur.values + 1] = b
    elseif not state then
      cur = nil
      local t = norm(b.text)
      local cap = #T.blocks > 1 and caption_block(F, m, T, t)
      if cap then
        blk = cap
        blocks[blk] = blocks[blk] or {}
      else
        local r = find_row(F, T, t, nil)
        if r then labels[#labels + 1] = r end
      end
    end
  end
  return blocks, labels
end

-- Rows whose labels a page lost or set apart from their numbers (above,
-- below, all in a block): when the lines of values are exactly the rows of
-- the format, one for one in each block and each as wide as its row, they
-- are read in the format's order — and kept only if every identity that
-- involves them holds (a table without identities also needs its labels
-- read in that same order). Returns true when it read the table so.
local function bind_by_order(F, system, T, m, tokens, R, diags, scanned)
  -- (an OCR may have lost a value, or read one as a character or a remark's as one: no order is sure)
  if scanned then return false end
  local blocks, labels = value_lines(F, T, m, tokens)
  -- a column the table added, proven (extra_column): each line one value
  -- longer than its row is read without it
  local drop, extra
  for _, d in ipairs(diags) do
    if d.table == T.id and d.kind == "col_extra" and d.dropped then drop, extra = d.dropped, d end
  end
  local dropped = {}    -- the rows read without it (the finding counts them)
  local function of_row(values, r, mark)
    if not drop or #values ~= #r.cells + 1 then return values end
    if mark then dropped[r] = true end
    local out = {}
    for i, v in ipairs(values) do if i ~= drop then out[#out + 1] = v end end
    return out
  end
  -- each block's lines are its rows, one for one; else, where the page put
  -- every value apart (raw PDF text), the block's values in order fill its rows
  local plan, across, straddles = {}, nil, false
  for b, blk in ipairs(T.blocks) do
    local lines = blocks[b] or {}
    local rows, width = {}, 0
    for _, r in ipairs(blk.rows) do
      if not r.optional and #r.cells > 0 then rows[#rows + 1] = r; width = width + #r.cells end
    end
    local fits = #lines == #rows
    for i, r in ipairs(rows) do fits = fits and #of_row(lines[i].values, r) == #r.cells end
    if fits then
      for i, r in ipairs(rows) do plan[#plan + 1] = { row = r, values = of_row(lines[i].values, r, true) } end
    else
      local seq, apart, labels_before = {}, true, {}
      for _, l in ipairs(lines) do
        for _, v in ipairs(l.values) do seq[#seq + 1] = v; labels_before[#seq] = l.labels_before end
        apart = apart and #l.values == 1
      end
      if #seq ~= width then return false end
      local k = 0
      for _, r in ipairs(rows) do
        local vals = {}
        for i = 1, #r.cells do vals[i] = seq[k + i] end
        -- (a row's values on both sides of a label: 26 66 / 行政规范性文件 8)
        straddles = straddles or labels_before[k + 1] ~= labels_before[k + #r.cells]
        k = k + #r.cells
        plan[#plan + 1] = { row = r, values = vals }
      end
      -- rows of several cells each, their values one a line: a PDF may give
      -- them column by column as well as row by row, a reading kept to test
      local w = #rows[1].cells
      if apart and #rows > 1 and w > 1 and w * #rows == width then
        across = across or {}
        for i, r in ipairs(rows) do
          local vals = {}
          for j = 1, w do vals[j] = seq[(j - 1) * #rows + i] end
          across[#across + 1] = { row = r, values = vals }
        end
      end
    end
  end
  if #plan == 0 then return false end
  -- the cells as they are, to go back to
  local before, ids = {}, {}
  for _, p in ipairs(plan) do
    for _, id in ipairs(p.row.cells) do ids[#ids + 1] = id; before[id] = R.c:get(id) end
  end
  for _, p in ipairs(plan) do
    for i, id in ipairs(p.row.cells) do set_value(R, F, id, p.values[i]) end
  end
  -- (checked: an identity the cells enter is evaluated on them; one with a
  -- cell of last year's report, which a report alone has not, checks nothing)
  local checked = false
  for _, inst in ipairs(system:involving(ids)) do
    checked = checked or inst.rule.compiled:check(R.c, inst.k) == "holds"
  end
  local ok = system:consistent(R.c, ids)
  if ok and not checked then
    -- no arithmetic to confirm it: the labels read must be the rows, in
    -- order, and no row's values stand on both sides of a label (pdf.js's
    -- 26 66 a hair above 行政规范性文件's line, 8 on it: in the text's order
    -- the row's 8 26 66 read 26 66 8, and no sum would tell)
    ok = not straddles
    local k = 1
    for _, r in ipairs(labels) do
      if plan[k] and r == plan[k].row then k = k + 1 else ok = false end
    end
    ok = ok and k == #plan + 1
  end
  if across and (ok or checked) then
    -- the values column by column: where both orders read as true, which
    -- number is whose is not known; where only that order does, it is read
    local differs, by_plan = false, {}
    for _, p in ipairs(plan) do
      for i, id in ipairs(p.row.cells) do by_plan[id] = p.values[i] end
    end
    for _, p in ipairs(across) do
      for i, id in ipairs(p.row.cells) do
        differs = differs or p.values[i].text ~= by_plan[id].text
        set_value(R, F, id, p.values[i])
      end
    end
    local also = differs and system:consistent(R.c, ids)
    if ok and also then
      -- nor are the labels' readings of these rows' values: the rows are unread
      for _, p in ipairs(across) do
        for _, id in ipairs(p.row.cells) do
          local b = by_plan[id]
          before[id] = { state = "unknown", text = b.text, line = b.line, col = b.col, offset = b.offset }
        end
      end
      ok = false
    elseif ok then
      for _, p in ipairs(plan) do
        for i, id in ipairs(p.row.cells) do set_value(R, F, id, p.values[i]) end
      end
    elseif also then
      ok, plan = true, across
    end
  end
  if not ok then
    for id, c in pairs(before) do
      R.c:set(id, c.state, c.value, c.text, c.line, c.col, c.offset)
    end
    return false
  end
  -- what the reading by labels said of these rows no longer holds (a row said printed
  -- twice too: a group's label cut by a line break, （六）其他 / 处理, read as its item 3.其他,
  -- where the values read are the format's rows once each)
  for i = #diags, 1, -1 do
    local d = diags[i]
    if d.table == T.id and (d.kind == "short" or d.kind == "long" or d.kind == "apart" or d.kind == "mixed"
                            or d.kind == "order" or d.kind == "duplicate"
                            or d.kind == "extra" or d.kind == "unplaced") then
      table.remove(diags, i)
    end
  end
  if extra then
    local n = 0
    for _, p in ipairs(plan) do if dropped[p.row] then n = n + 1 end end
    if n > extra.rows then extra.rows = n end
  end
  diags[#diags + 1] = { kind = "by_order", table = T.id, rows = #plan, line = plan[1].values[1].line,
                        col = plan[1].values[1].col or 1, checked = checked }
  return true
end

--}===

-- A scan's OCR may read a cell's bar as a 1 glued to its number ("|70|"
-- read "701", "|12|" "1121"). In a report whose tables show OCR's letters
-- or rules, numbers with a 1 at an edge that break a sum they are in, all
-- of which the numbers without those 1s keep (two such may break one sum),
-- cannot be trusted: unknown, never the guess. An empty cell there is a
-- value the OCR lost: unknown too, no blank.
local ocr_read = setmetatable({}, { __mode = "k" })   -- R → true: a table of it showed OCR's letters
local BARED = { "^1(%d+)$", "^(%d+)1$", "^1(%d+)1$" }
local function bars_read_as_one(R, F, system, slots, values)
  local c = R.c
  if #values ~= #slots then return end
  local suspects, lost = {}, {}
  for i, id in ipairs(slots) do
    local text = values[i].text
    if c:state(id) == "blank" then
      lost[#lost + 1] = i
    elseif #text >= 2 and (byte(text, 1) == 49 or byte(text, -1) == 49) and c:state(id) == "number"
       and not text:find("%D") and not system:consistent(c, { slots[i] }) and #suspects < 6 then
      suspects[#suspects + 1] = i
    end
  end
  -- each suspect of some set whose 1s taken off keep every sum they are in
  local cut_any = {}
  for mask = 1, (1 << #suspects) - 1 do
    local picked, ids, cuts = {}, {}, {}
    for k = 1, #suspects do
      if mask & (1 << (k - 1)) ~= 0 then
        local i = suspects[k]
        picked[#picked + 1], ids[#picked + 1], cuts[#picked + 1] = i, slots[i], values[i].text
      end
    end
    -- each number's cuts in turn: one bar at the front, at the end or both
    local function kept_from(j)
      if j > #cuts then return system:consistent(c, ids) end
      for _, bared in ipairs(BARED) do
        local cut = cuts[j]:match(bared)
        if cut then
          c:set(ids[j], "number", (nianbao.number(cut)))
          if kept_from(j + 1) then return true end
        end
      end
      return false
    end
    local kept = kept_from(1)
    for j, i in ipairs(picked) do set_value(R, F, ids[j], values[i]) end
    for _, i in ipairs(kept and picked or {}) do cut_any[i] = true end
  end
  for _, i in ipairs(suspects) do
    if cut_any[i] then lost[#lost + 1] = i end
  end
  for _, i in ipairs(lost) do
    local b = values[i]
    R:set(slots[i], "unknown", nil, { text = b.text, line = b.line, col = b.col, offset = b.offset })
  end
end

-- bind_by_labels(...): the table's rows found by their labels, each row's
-- values set in its cells. rec, when given, is filled with the plan of
-- this binding (see bind_rows).
-- Values printed after the caption of the next block and before its first
-- label (a PDF's text that sets a block's labels lower than its numbers, or
-- a number wrapped round its label) are none of the row's above: they are
-- the next block's, read as printed before its labels where every count
-- fits that; else its first row holds them with its own, apart (unknown).
-- → whether any value was moved
local function values_past_captions(segs, order)
  local before, moved = {}, false        -- seg → the values printed before its label
  local giver = {}                       -- seg → the row above, whose values after the caption they were
  for k = 1, #segs - 1 do
    local seg, nxt = segs[k], segs[k + 1]
    if seg.cut and #seg.values > seg.cut and nxt.row.block ~= seg.row.block and not nxt.optional then
      local carried = {}
      for i = seg.cut + 1, #seg.values do
        -- (an empty cell beside the caption or header pads it: no value)
        if seg.values[i].text ~= "" then carried[#carried + 1] = seg.values[i] end
        seg.values[i] = nil
      end
      if #carried > 0 then before[nxt], giver[nxt], moved = carried, seg, true end
    end
  end
  if not moved then return false end
  for k = 1, #segs do
    local lead = before[segs[k]]
    if lead then
      local chain = { segs[k] }          -- the block's rows from this one
      for j = k + 1, #segs do
        if segs[j].row.block ~= segs[k].row.block or before[segs[j]] then break end
        chain[#chain + 1] = segs[j]
      end
      -- (a row above left with no value of its own printed its value below its label, after the caption)
      local above = giver[segs[k]]
      local fits = #lead == #row_slots(chain[1].row, order) and #chain[#chain].values == 0
                   and (#above.values > 0 or before[above] ~= nil)
      for i = 1, #chain - 1 do
        fits = fits and #chain[i].values == #row_slots(chain[i + 1].row, order)
      end
      if fits then
        for i = #chain, 2, -1 do chain[i].values = chain[i - 1].values end
        chain[1].values = lead
      else
        for _, b in ipairs(chain[1].values) do lead[#lead + 1] = b end
        chain[1].values, chain[1].apart = lead, true
      end
    end
  end
  return true
end

-- A cell read as a in one copy of a table and b in another: unknown where
-- they differ, read as both ("70 | 71"). → whether it was so
local function differ_unknown(R, id, a, b)
  local x, y = M.parse_number(a.text), M.parse_number(b.text)
  if x == y and (x ~= nil or a.text == b.text) then return false end
  R:set(id, "unknown", nil, { text = a.text .. " | " .. b.text, line = a.line, col = a.col, offset = a.offset })
  return true
end

-- A row printed again with other numbers (a table given twice: a draft
-- kept beside the printed one, a copy for print): which was published cannot
-- be told, so each cell the two differ in is unknown, read as both ("70 | 71",
-- val.copies_differ). → whether any cell was so
local function copies_differ(R, segs, copies, order)
  local first, any = {}, false
  for _, seg in ipairs(segs) do first[seg.row] = first[seg.row] or seg end
  for _, copy in ipairs(copies) do
    local seg = first[copy.row]
    local slots = seg and row_slots(seg.row, order)
    if slots and #seg.values == #slots and #copy.values == #slots then
      for i, id in ipairs(slots) do
        any = differ_unknown(R, id, seg.values[i], copy.values[i]) or any
      end
    elseif slots and #slots > 1 and #seg.values > 0 and #copy.values > 0
           and (#seg.values < #slots or #copy.values < #slots)
           -- (more values than cells are no digits run together: a text out of order, the
           -- rows after the copy's label taken with it)
           and #seg.values <= #slots and #copy.values <= #slots
           and digits_only(seg.values) and digits_only(copy.values) then
      -- digits run together in a copy (a page's text with its cells' tags
      -- taken out): which cells the two differ in is not known, so where
      -- the digits differ every cell of the row is
      local a, b = digits_of(seg.values), digits_of(copy.values)
      if a ~= b then
        local at = seg.values[1]
        for _, id in ipairs(slots) do
          R:set(id, "unknown", nil, { text = a .. " | " .. b, line = at.line, col = at.col, offset = at.offset })
        end
        any = true
      end
    end
  end
  return any
end

-- A row one value long beside a row read whole: a number with a thousands
-- space wrapped in its narrow cell (2 / 113) may have put its tail in the
-- long row, or its head there and its tail next, so the whole row's cell
-- that holds the other piece is unknown, not the piece it read.
local function thousands_apart(R, segs, k, order)
  local values = segs[k].values
  local tail = false
  for _, b in ipairs(values) do tail = tail or b.text:find("^%d%d%d$") ~= nil end
  local function doubt(seg, i, piece)
    local slots = seg and row_slots(seg.row, order)
    if not slots or #seg.values ~= #slots or #slots == 0 or seg.row.block ~= segs[k].row.block then return end
    local b = seg.values[i == 1 and 1 or #slots]
    if not b.text:find(piece) then return end
    R:set(slots[i == 1 and 1 or #slots], "unknown", nil,
          { text = b.text, line = b.line, col = b.col, offset = b.offset })
  end
  if tail then doubt(segs[k - 1], 0, "^%d%d?%d?$") end
  doubt(segs[k + 1], 1, "^%d%d%d$")
end

-- Whether two numbers alone on their lines are a wrapped number's head and
-- tail: digits both, the tail within the head's width, a character or two either side.
local function pieces_of_one(head, tail)
  return head.text:find("^%d+$") and tail.text:find("^%d+$") and head.col and tail.col
         and tail.col + #tail.text >= head.col - 2 and tail.col <= head.col + #head.text + 2
end

-- A number a narrow last cell wrapped (1362 as 136 / 2, a Word table in a PDF's
-- text): its head alone on a line between a row and the next, the row a value
-- long; its tail alone on a line below the next row's values, that row whole.
-- → the head, or nil
local function wrapped_apart(values, nxt, next_slots)
  local head, before = values[#values], values[#values - 1]
  local nv = nxt and nxt.values
  if not (head and before and nv and #nv >= 2 and #nv == next_slots) then return nil end
  local tail, above = nv[#nv], nv[#nv - 1]
  if not (head.derived and tail.derived and head.col and tail.col) then return nil end
  -- (each row's other values on one line, the head on the line just above the next row's, the tail just below)
  if not (values[1].line == before.line and nv[1].line == above.line and before.line < head.line
          and head.line == above.line - 1 and tail.line == above.line + 1) then return nil end
  return pieces_of_one(head, tail) and head or nil
end

-- A row's wrapped last number whose head came before any row (above the first
-- row's values, after the header): unplaced, alone on the line above the row's.
-- → the head's diagnostic, or nil
local function unplaced_head(diags, tid, values)
  local tail, above = values[#values], values[#values - 1]
  if not (tail and above and tail.derived and values[1].line == above.line and tail.line == above.line + 1) then
    return nil
  end
  for i = #diags, 1, -1 do
    local d = diags[i]
    if d.kind == "unplaced" and d.table == tid and d.line == above.line - 1 and pieces_of_one(d, tail) then
      return d
    end
  end
  return nil
end

-- A table printed with a group's columns as one (表三's 自然人 | 法人或其他组织
-- | 总计: the organisations' five columns left out, their sum printed): the
-- header's words are a column, the group's word, a column, and the format
-- has two columns beside the group's. → those two and the group's columns
-- ({ first, last, group = ids, labels = }), or nil.
local function collapsed_group(T, words)
  local blk = T.blocks[1]
  if #words ~= 3 or words[2] ~= GROUP_WORD or not blk then return nil end
  local depth = 0
  for _, c in ipairs(blk.printed) do depth = math.max(depth, #(c.over or {})) end
  if depth == 0 then return nil end
  local ends, group, labels = {}, {}, {}
  for _, c in ipairs(blk.printed) do
    if #(c.over or {}) == depth then group[#group + 1], labels[#labels + 1] = c.id, c.label
    else ends[#ends + 1] = c.id end
  end
  if #ends ~= 2 or words[1] ~= ends[1] or words[3] ~= ends[2] then return nil end
  return { ends[1], ends[2], group = group, labels = labels, rows = 0 }
end

-- Whether two lists of values hold the same texts, in order.
local function same_texts(a, b)
  if #a ~= #b then return false end
  for i = 1, #a do
    if a[i].text ~= b[i].text then return false end
  end
  return true
end

-- Values that may stand a line before their labels (a PDF's text items
-- sorted on their baselines: a row's numbers, set a hair higher than its
-- wrapped label, come on the line before it): a whole row's values with no
-- label (before the first row's, or on a line of their own after a row's
-- own line of values, or taken for the rest of a remark after it), then
-- rows in the format's order each holding a line of values below its
-- label, the last of them none or fewer than a row's: a run. Read plainly,
-- each row of a run holds the next row's values; shifted, the row before's.
-- The identities judge the table's runs together, its other rows read: a
-- reading is proved where an identity reaching past the runs' rows holds
-- on a cell the two readings differ in (a column of zeros in both proves
-- nothing); it is kept where it is proved, none of the identities its
-- rows enter fails, and the other reading breaks one; else the rows are
-- unknown. → "shifted", "plain" or "unknown" (the rows' cells set so) and
-- the runs, each {donor= the values with no label, seg= the row they were
-- read with (or nil), rows= the rows in order}; or nil.
local function values_before_labels(R, F, system, T, segs, order, lead)
  -- (most tables: no row after the first without values)
  local bare = false
  for k = 2, #segs do
    local seg = segs[k]
    if not seg.optional and (#seg.values == 0 or seg.row.cells and #seg.values < #seg.row.cells) then
      bare = true; break
    end
  end
  if not bare then return nil end
  -- whether values are n values all on one line of text (no page's grid), a line after `line`
  local function line_of_values(values, n, line)
    if #values ~= n or n == 0 or values[1].grid then return false end
    local at = values[1].line
    if line and at <= line then return false end
    for i = 2, n do
      if values[i].line ~= at then return false end
    end
    return true
  end
  local place                                 -- each row of the format → its place in the format's order
  -- the run whose donor is found at segs[k], if any → the run, the index of its last row
  local function run_at(k)
    local seg, prev = segs[k], segs[k - 1]
    local n = #row_slots(seg.row, order)
    local donor, owner
    if k == 1 and line_of_values(lead, n) and not lead[1].after_word and lead[1].text ~= "1" then
      donor = lead
    elseif prev and not seg.optional and not prev.optional and #prev.values == n and prev.remarked_aside
           and #row_slots(prev.row, order) == n then
      -- the row's own line, then a whole line of values taken for the rest of a remark (the
      -- row's label wrapped below its values read as a remark): no word of the remark on it
      local own, rest = prev.values, prev.remarked_aside.values
      if line_of_values(own, n) and own[1].line >= prev.block.line and line_of_values(rest, n, own[1].line)
         and not prev.remarked_aside.lines[rest[1].line] then
        donor, owner = rest, prev
      end
    elseif prev and not seg.optional and not prev.optional and #prev.values == 2 * n
           and #row_slots(prev.row, order) == n then
      local own, rest = {}, {}
      for i, b in ipairs(prev.values) do
        if i <= n then own[i] = b else rest[i - n] = b end
      end
      if line_of_values(own, n) and own[1].line == prev.block.line and line_of_values(rest, n, own[1].line) then
        donor, owner = rest, prev
      end
    end
    if not donor or #seg.values == 0 then return nil end
    local rows, last = {}, donor[1].line
    for j = k, #segs do
      local s = segs[j]
      if s.optional then
        if #s.values > 0 then return nil end
      elseif #row_slots(s.row, order) ~= n or s.block.line <= last then
        return nil
      elseif #s.values < n then
        -- (the last row: no values of its own, or fewer than a row's, a remark's number
        -- below it, 已于2025 / 年1月办结: no reading gives it them)
        rows[#rows + 1] = s
        if #rows < 2 then return nil end
        if not place then
          place = {}
          for i, r in ipairs(T.rows) do place[r] = i end
        end
        for i = 2, #rows do
          local a, b = place[rows[i - 1].row], place[rows[i].row]
          if not (a and b and b == a + 1) then return nil end
        end
        return { donor = donor, seg = owner, rows = rows }, j
      elseif line_of_values(s.values, n, s.block.line) then
        rows[#rows + 1] = s
        last = s.values[1].line
      else
        return nil
      end
    end
    return nil
  end
  local runs, k = {}, 1
  while k <= #segs do
    local run, to = run_at(k)
    if run then runs[#runs + 1], k = run, to + 1 else k = k + 1 end
  end
  if #runs == 0 then return nil end
  -- the runs' cells, and those whose text the two readings differ in (the last row's: none read plainly)
  local all, among, differ = {}, {}, {}
  for _, run in ipairs(runs) do
    local before = run.donor
    for _, s in ipairs(run.rows) do
      for i, id in ipairs(row_slots(s.row, order)) do
        all[#all + 1], among[id] = id, true
        if not s.values[i] or s.values[i].text ~= before[i].text then differ[id] = true end
      end
      before = s.values
    end
  end
  -- a reading: whether an identity its rows enter fails, and whether it is proved
  local function judged()
    local fails, proved = false, false
    for _, inst in ipairs(system:involving(all)) do
      local v = inst.rule.compiled:check(R.c, inst.k)
      if v == "fails" then fails = true
      elseif v == "holds" and not proved then
        local past, touches = false, false
        for id in pairs(inst.cells) do
          if differ[id] then touches = true end
          if not among[id] then past = true end
        end
        proved = touches and past
      end
    end
    return fails, proved
  end
  for _, run in ipairs(runs) do
    if run.seg then
      run.own = {}
      for i = 1, #run.donor do run.own[i] = run.seg.values[i] end
      set_row(R, F, row_slots(run.seg.row, order), run.own)
    end
  end
  local plain_fails, plain_proved = judged()
  for _, run in ipairs(runs) do
    local before = run.donor
    for _, s in ipairs(run.rows) do
      set_row(R, F, row_slots(s.row, order), before)
      before = s.values
    end
  end
  local shifted_fails, shifted_proved = judged()
  if plain_fails and shifted_proved and not shifted_fails then
    for _, run in ipairs(runs) do
      local before = run.donor
      for _, s in ipairs(run.rows) do s.values, before = before, s.values end
      if run.seg then run.seg.values = run.own end
    end
    return "shifted", runs
  end
  local plain = shifted_fails and plain_proved and not plain_fails
  for _, run in ipairs(runs) do
    for i, s in ipairs(run.rows) do
      if plain and i < #run.rows then set_row(R, F, row_slots(s.row, order), s.values)
      else try(R, row_slots(s.row, order), nil) end
    end
    if run.seg then try(R, row_slots(run.seg.row, order), nil) end
  end
  return plain and "plain" or "unknown", runs
end

-- How many labels holding two rows' values or more, or holding more or
-- fewer than their row's, say a table's text is out of its order (one may
-- be a row whose label was lost, or whose digits ran together).
local RUN_TOGETHER = 3

local function bind_by_labels(F, system, T, m, tokens, R, diags, present, pending, rec)
  local segs, order, words, lead, copies = segment(F, T, m, tokens, diags, present, rec, R.year)
  local trail = labels_trail(segs, order, lead)
  if trail == "shifted" then
    if rec then rec.unsafe = true end
    for i = #diags, 1, -1 do
      for _, d in ipairs(lead.diags) do
        if diags[i] == d then table.remove(diags, i); break end
      end
    end
  elseif trail == "unsure" then
    if rec then rec.unsafe = true end
    for _, seg in ipairs(segs) do
      local b = seg.block
      for _, id in ipairs(row_slots(seg.row, order)) do
        R:set(id, "unknown", nil, { text = b.text, line = b.line, col = b.col, offset = b.offset })
      end
      seg.values = {}
    end
  end
  if not trail and values_past_captions(segs, order) and rec then rec.unsafe = true end
  local open = {}
  -- the printed columns the header names: a row of as many values, fewer than
  -- the format's, lacks the columns the header left out, and its digits are not glued
  local named = named_columns(T, words)
  -- the labels read with no values since the last row that had some: where
  -- a row then holds theirs too (labels printed first, or a table printed
  -- transposed), their cells are unknown, not missing
  local bare, bare_slots = {}, 0
  local empty, read_any = {}, false   -- rows printed as their labels alone; whether any row had values
  local collapsed = collapsed_group(T, words)
  local wrapped = {}       -- rows whose last cell's number was wrapped: the row → the head's token
  -- rows read whole whose values may be another row's (below), and how
  -- many labels held the values of two rows or more (a PDF's text in its
  -- reading order, the cells of rows run together)
  local doubtful, run_together, mismatched = {}, 0, 0
  -- a whole row's values before the first label, and labels that do not
  -- trail their values throughout: values may stand before their label or after it
  local first = segs[1]
  for _, seg in ipairs(segs) do
    if not seg.optional then first = seg; break end
  end
  -- (numbers glued to words, a header's 数据1 数据2 数据3, are no row's values;
  -- nor the columns' numbers, 1 2 3 … 7, a 栏次 row)
  local either_side = not trail and first and #lead > 0 and #lead == #row_slots(first.row, order)
  local numbering = true
  for i, b in ipairs(lead) do
    either_side = either_side and not b.after_word
    numbering = numbering and b.text == tostring(i)
  end
  either_side = either_side and not numbering
  -- the columns' numbers with no 栏次 word before them, one to a column on
  -- one line above the first row (1 2 3 … 7 under 表三's header): no row's
  -- values (no row of the format's adds up so), and nothing unplaced
  if numbering and first and #lead >= 4 and #lead == #row_slots(first.row, order)
     and row_of(lead[1]) == row_of(lead[#lead]) then
    if rec then rec.unsafe = true end
    for _, d in ipairs(lead.diags) do
      for i = #diags, 1, -1 do
        if diags[i] == d then table.remove(diags, i); break end
      end
    end
  end
  -- A group's label set in the middle of its first item's label, wrapped over
  -- three lines (1.本机关不掌握相关政 / （四）无法提供 746 12 … 769 / 府信息):
  -- the values on the group's line opened its subtotal, the item before it,
  -- the group's own, left with none. Where the item before the subtotal is of
  -- its group, began above it and holds no values, and the values stand on
  -- the group label's line, they may be the item's: moved to it (amid), kept
  -- only where an identity past the row confirms them, as a row read apart
  -- from its label is, and none of theirs fails (the group's subtotal, its
  -- items' sum, read as its first item breaks a column's sum where the
  -- others are not all 0: where they are, the two readings are one)
  local amid
  do
    for k = 2, #segs do
      local seg, item = segs[k], segs[k - 1]
      local g = item.row.group
      if seg.optional and g and T.subtotal[g.id] == seg.row and not item.optional and #item.values == 0
         and #seg.values > 0 and seg.values[1].line == seg.block.line and item.block.line < seg.block.line then
        item.values, seg.values = seg.values, {}
        amid = amid or {}
        amid[item] = true
      end
    end
    if amid and rec then rec.unsafe = true end
  end
  local widths = {}        -- each row's count of slots, for the row after it
  for k = 1, #segs do
    local seg = segs[k]
    local slots = row_slots(seg.row, order)
    widths[k] = #slots
    local values = seg.values
    -- blank cells past the row's end only pad it
    while #values > #slots and values[#values].text == "" do values[#values] = nil end
    if drop_column_numbers(values, #slots) and rec then rec.unsafe = true end
    -- the head of the next row's wrapped number is no value of this one
    local nxt = segs[k + 1]
    local head = #values == #slots + 1 and nxt and wrapped_apart(values, nxt, #row_slots(nxt.row, order))
    if head then
      values[#values], wrapped[nxt] = nil, head
      diags[#diags + 1] = { kind = "unplaced", table = T.id, text = head.text, line = head.line, col = head.col or 1 }
      if rec then rec.unsafe = true end
    end
    -- and a row's last cell, empty, past the columns a header with a 备注 names is its remark's
    local tail = values[#values]
    if lead.remarks and tail and tail.text == "" and tail.kind == "cell" and named > 0 and #values > named then
      values[#values] = nil
    end
    if #values == 0 then
      -- (a group's subtotal the page need not print holds no values of theirs)
      if not seg.optional then
        bare[#bare + 1], bare_slots = slots, bare_slots + #slots
        empty[#empty + 1] = seg
      end
    elseif #values > #slots and #bare > 0 and #values >= #slots + bare_slots then
      local b = values[1]
      for _, ids in ipairs(bare) do
        for _, id in ipairs(ids) do
          R:set(id, "unknown", nil, { text = b.text, line = b.line, col = b.col, offset = b.offset })
        end
      end
      bare, bare_slots = {}, 0
    else
      bare, bare_slots = {}, 0
    end
    if #values > 0 then read_any = true end
    local by = seg.row.by_col
    if collapsed and #values == 3 and not seg.apart and by and by[collapsed[1]] and by[collapsed[2]] then
      -- the group's sum is no cell of the format: the group's cells unknown, the two beside it read
      if rec then rec.unsafe = true end
      set_value(R, F, by[collapsed[1]], values[1])
      set_value(R, F, by[collapsed[2]], values[3])
      local b = values[2]
      for _, col in ipairs(collapsed.group) do
        if by[col] then R:set(by[col], "unknown", nil, { text = b.text, line = b.line, col = b.col, offset = b.offset }) end
      end
      if collapsed.rows == 0 then collapsed.line, collapsed.col, collapsed.text = b.line, b.col, b.text end
      collapsed.rows = collapsed.rows + 1
    elseif seg.apart and #values <= #slots then
      unsure_row(R, T, seg, slots, values, diags, "apart")
    elseif #values == #slots and seg.last_year_cols and #values + (seg.last_year or 0)
           + (seg.last_year_tabs or values[#values].tabs or 0) < #slots + seg.last_year_cols then
      -- a row of a table with last year's columns that shows fewer values and empty cells after
      -- them than the header has columns (行政许可, an empty cell, 2293 under 本年 上年数): which
      -- of this year's and last year's are the empty ones cannot be told
      if rec then rec.unsafe = true end
      unsure_row(R, T, seg, slots, values, diags, "short")
      diags[#diags].expected = #slots + seg.last_year_cols
    elseif #slots == 1 and #values == 1 and values[1].glued and repeated_digits(values[1].text) then
      -- a cell spanning the row's places, its value printed again in each and
      -- run together (the page's tags taken out, 447228447228447228): no count
      if rec then rec.unsafe = true end
      unsure_row(R, T, seg, slots, values, diags, "repeated")
    elseif #values == #slots then
      set_row(R, F, slots, values)
      -- (the row before short of values: its missing ones may be these; values
      -- on lines after their label's where values may stand before labels)
      local before = segs[k - 1]
      local after_short = before and #before.values > 0 and #before.values < widths[k - 1]
      local apart = either_side and values[1].line > seg.block.line
      if apart then
        -- (read before its label, the row holds the values the label before it took)
        local earlier = lead
        for j = k - 1, 1, -1 do
          if not segs[j].optional then earlier = segs[j].values; break end
        end
        apart = not same_texts(values, earlier)
      end
      -- (a number led by a 0, 03001: digits of neighbouring cells run together, a cell lost)
      local zero_led = false
      for _, b in ipairs(values) do zero_led = zero_led or byte(b.text, 1) == 48 and is_digit(byte(b.text, 2)) end
      local moved = amid and amid[seg]
      if after_short or apart or zero_led or moved then
        doubtful[#doubtful + 1] = { seg = seg, slots = slots, values = values, after_short = after_short,
                                    apart = apart or moved, zero_led = zero_led, amid = moved }
      end
      local head = wrapped[seg] or unplaced_head(diags, T.id, values)
      if head then
        if rec then rec.unsafe = true end
        -- which digits the wrapped number has, its head's and its tail's, is not read
        local b = values[#values]
        R:set(slots[#slots], "unknown", nil, { text = head.text .. " " .. b.text, line = b.line, col = b.col,
                                               offset = b.offset })
      end
      -- values on both sides of the header's words: in the order read, kept
      -- only where the row's own arithmetic holds
      local mixed = seg.header_at and #values > seg.header_at
      if mixed and rec then rec.unsafe = true end
      if mixed and not system:consistent(R.c, slots, true) then
        unsure_row(R, T, seg, slots, values, diags, "mixed")
      elseif rec then
        local ids, vals = rec.ids, rec.values
        for i = 1, #slots do ids[#ids + 1], vals[#vals + 1] = slots[i], values[i] end
      end
    elseif #values == 0 then
      -- a label with no values: the row is printed, its cells empty or lost (below)
    elseif #slots == 1 and one_value(values) then
      -- a cell spanning the row's places, its value printed again in each (a copy whose merged cells were filled)
      if rec then rec.unsafe = true end
      set_value(R, F, slots[1], values[1])
    elseif #values > #slots then
      if rec then rec.unsafe = true end
      if #slots > 1 and #values >= 2 * #slots then run_together = run_together + 1 end
      mismatched = mismatched + 1
      unsure_row(R, T, seg, slots, values, diags, "long")
      if #values == #slots + 1 then thousands_apart(R, segs, k, order) end
    elseif digits_only(values) and digit_count(values) >= #slots and #values ~= named and one_line(values) then
      if rec then rec.unsafe = true end
      local p = glued_row(R, F, system, T, seg, slots, values, diags, pending)
      if p and #p.candidates > 1 and p.complete then open[#open + 1] = p end
    else
      if rec then rec.unsafe = true end
      mismatched = mismatched + 1
      unsure_row(R, T, seg, slots, values, diags, "short")
    end
  end
  -- rows whose values may stand a line before their labels (the identities judge)
  local how, runs
  if not trail then how, runs = values_before_labels(R, F, system, T, segs, order, lead) end
  for _, run in ipairs(how and runs or {}) do
    if rec then rec.unsafe = true end
    local rows, owner = run.rows, run.seg
    if how ~= "plain" then
      local in_run = {}
      for _, s in ipairs(rows) do in_run[s] = true end
      for j = #doubtful, 1, -1 do
        if in_run[doubtful[j].seg] then table.remove(doubtful, j) end
      end
    end
    if how == "shifted" then
      -- the values with no label are read: no longer unplaced, nor their row's too many
      local drop = {}
      if owner then
        mismatched, run_together = mismatched - 1, run_together - 1
        for _, d in ipairs(diags) do
          if d.kind == "long" and d.table == T.id and d.row == owner.row.id then drop[d] = true end
        end
      else
        for _, d in ipairs(lead.diags) do drop[d] = true end
      end
      for i = #diags, 1, -1 do
        if drop[diags[i]] then table.remove(diags, i) end
      end
    elseif how == "unknown" then
      for i = 1, #rows - 1 do
        unsure_row(R, T, rows[i], row_slots(rows[i].row, order), rows[i].values, diags, "order")
      end
    end
  end
  -- a row printed as its label alone among rows with values (a table laid out
  -- as text, its empty row): the row is there, what its cells hold unknown;
  -- blank where the label's line parts as many empty cells as the row has
  if read_any then
    for _, seg in ipairs(empty) do
      local b = seg.block
      local slots = row_slots(seg.row, order)
      local state = b.tabs == #slots and "blank" or "unknown"
      if state == "blank" and rec then rec.unsafe = true end
      for _, id in ipairs(slots) do
        if R.c:state(id) == "missing" then
          R:set(id, state, nil, { text = state == "blank" and "" or b.text, line = b.line, col = b.col, offset = b.offset })
        end
      end
    end
  end
  if collapsed and collapsed.rows > 0 then
    diags[#diags + 1] = { kind = "col_missing", table = T.id, count = #collapsed.group - 1, rows = collapsed.rows,
                          labels = collapsed.labels, placed = true, line = collapsed.line, col = collapsed.col or 1,
                          text = collapsed.text }
  end
  if #open > 0 then
    local picks = resolve_jointly(R, system, open)
    if picks then
      for k, o in ipairs(open) do
        o.diag.outcome = "cut_jointly"
        for i, s in ipairs(picks[k]) do set_value(R, F, o.slots[i], o.block, s) end
        for j = #pending, 1, -1 do
          if pending[j] == o then table.remove(pending, j) end
        end
      end
    end
  end
  -- rows read whole whose values may be another row's: where one label
  -- held the values of two rows or more, the text is not in the table's
  -- order, and a row after one short of values may hold the values of a
  -- later row (a 总计's after 3.其他, their row's sum holding); where values
  -- stand before their label as well as after, a row's values on the lines
  -- after its label may be the next row's; a row as long as the format's
  -- with a number led by a 0 ran two cells' digits together and lost one.
  -- Each is kept only where an identity past the row confirms it. (An
  -- OCR's 00 is a glyph read twice more often than two cells.)
  if lead.misread or tokens.ruled then ocr_read[R] = true end
  local ocr = ocr_read[R]
  for _, w in ipairs(doubtful) do
    -- (values moved to an item from its group's line: no identity of theirs may fail either)
    if (w.apart or w.zero_led and not ocr or w.after_short and run_together >= RUN_TOGETHER)
       and (not system:confirmed(R.c, w.slots) or w.amid and not system:consistent(R.c, w.slots)) then
      if rec then rec.unsafe = true end
      unsure_row(R, T, w.seg, w.slots, w.values, diags, "order")
    end
  end
  if ocr then
    if rec then rec.unsafe = true end
    for _, seg in ipairs(segs) do bars_read_as_one(R, F, system, row_slots(seg.row, order), seg.values) end
  end
  -- and in a text out of order (so many labels holding more or fewer
  -- values than their rows), a row read whole whose own sums break
  -- (（七）总计's 3050 wrapped, 30 read) says the text's break, not the
  -- report's (an OCR's bars read as 1s already unknown, above)
  if run_together >= RUN_TOGETHER or mismatched >= RUN_TOGETHER then
    for _, seg in ipairs(segs) do
      local slots = row_slots(seg.row, order)
      if #seg.values == #slots and not system:consistent(R.c, slots, true) then
        if rec then rec.unsafe = true end
        unsure_row(R, T, seg, slots, seg.values, diags, "order")
      end
    end
  end
  if #copies > 0 and copies_differ(R, segs, copies, order) and rec then rec.unsafe = true end
  whole_columns(T, words, diags, R, F, system, segs, order)
  -- rows whose labels were lost or set apart: by the format's order, where
  -- the identities agree; digits the labels made look glued were not
  local whole = complete(F, R, T)
  if not whole and bind_by_order(F, system, T, m, tokens, R, diags, ocr_read[R]) then
    for j = #pending, 1, -1 do
      if pending[j].diag.table == T.id then table.remove(pending, j) end
    end
    for i = #diags, 1, -1 do
      if diags[i].table == T.id and diags[i].kind == "glued" then table.remove(diags, i) end
    end
  end
  if rec and not whole then rec.unsafe = true end
end

-- What a plan memo holds for a layout whose binding cannot be taken again.
local NOPLAN = {}

-- plans_of(memos, m) → the lists of m's memo of plans by a layout's length
-- (as memo.long_put keeps them), or nil: what nianbao.stream_read looks a
-- layout up in, as memo.long_get does.
local function plans_of(memos, m)
  local kept = memos[m]
  return kept and kept.of
end

-- The first binding of a table with m keeps no plan at once: a plan serves
-- only the tables bound after it, and making one (the tokens' layout
-- walked, the cells packed) is some 0.3 M instructions a table that a
-- check of one report spends for nothing. It is made, as it would have
-- been, when the next table with m is bound (waiting: memos → m → the
-- making). first_binding(memos, m) → true the first time (m's memo begun).
local waiting = setmetatable({}, { __mode = "k" })

local function first_binding(memos, m)
  if memos[m] then return false end
  memo.of(memos, m, MEMO_BYTES)
  return true
end

-- wait(memos, m, make): make() run when the next table with m is bound.
local function wait(memos, m, make)
  local w = waiting[memos]
  if not w then
    w = setmetatable({}, { __mode = "k" })
    waiting[memos] = w
  end
  w[m] = make
end

-- settle(memos, m): the plan that waits for m made, before a look-up.
local function settle(memos, m)
  local w = waiting[memos]
  local make = w and w[m]
  if make then
    w[m] = nil
    make()
  end
end

-- The tokens as they are now, for a plan made later.
local function kept_tokens(tokens)
  local n = #tokens
  if n <= 100000 then return { table.unpack(tokens, 1, n) } end
  return table.move(tokens, 1, n, 1, {})
end

-- A plan's cells as report:read takes them at once: for each cell set, its
-- place in the schema and its value's place among the tokens (index_of).
-- Packed in one string.pack call (its format made once per count): a call
-- and a string for each pair cost several times what the pairs hold.
local PAIRS_AT_ONCE = 4096               -- more values than this: packed one by one
local pair_formats = {}                  -- "<I4I4I4I4..." by the pairs' count, up to FORMATS_KEPT
local FORMATS_KEPT = 256
local function packed_cells(F, ids, values, index_of)
  local n = #values
  if n > PAIRS_AT_ONCE then
    local pairs_of = {}
    for k = 1, n do
      pairs_of[k] = string.pack("<I4I4", F.schema:find(ids[k]), index_of[values[k]])
    end
    return table.concat(pairs_of)
  end
  local places, flat = F.schema:find_all(ids), {}
  for k = 1, n do
    flat[2 * k - 1], flat[2 * k] = places[k], index_of[values[k]]
  end
  local format = pair_formats[n]
  if not format then
    format = "<" .. string.rep("I4I4", n)
    if n <= FORMATS_KEPT then pair_formats[n] = format end
  end
  return string.pack(format, table.unpack(flat, 1, 2 * n))
end
M.packed_cells = packed_cells

-- How tables of each layout read as a stream (stream_layout: the tokens'
-- lines and texts, less the values' texts) were bound, per table and words
-- of other formats: {present=, cells=, unit_at=, unit_texts=}, the cells
-- set in order and where among the tokens their values are (packed_cells),
-- and the units put after values. NOPLAN where the binding read a value's
-- text (glued digits, a row short or long, the identities asked), made a
-- finding, or did not read every cell of the table.
local stream_plans = memo.keyed()

-- A table's rows printed again after it as lines of text, each a row's label
-- and its numbers, run together ("四、结转下年度继续办理0000000") or one a
-- word ("四、结转下年度继续办理 0 0 0 0 0 0 0"): a page's text that keeps a
-- draft beside the shown table (a script's or a noscript's markup read as
-- the table, the shown one's cells after it). Which copy was published
-- cannot be told, so each row whose numbers differ from the table's is
-- unknown in every cell, read as both ("1111111 | 0000000",
-- val.copies_differ), as copies_differ does for a copy within the table.
-- A row is taken so only where its label is followed by a digit at least
-- for each of its cells (run together) or by as many numbers as it has
-- cells: a sentence's one number is none. A caption naming last year
-- (附：上年度…) before such lines makes them that year's: nothing is done.
function M.rows_again(F, T, blocks, from, to, R, others)
  local norm, words = F.labels.norm, caption_words(F)
  local m, group, done, pending
  -- the row's numbers as the table read them, or nil where one is not a number
  local function own_of(row)
    local own = {}
    for k, id in ipairs(row.cells) do
      local c = R:cell(id)
      if c.state ~= "number" or not c.text or not c.text:find("^%d+$") then return nil end
      own[k] = c.text
    end
    return own
  end
  -- the row printed again with these numbers (a list, or one run of digits) at block b
  local function again(row, numbers, b)
    done[row] = true
    local own = own_of(row)
    if not own then return end
    local same, mine, theirs
    if type(numbers) == "string" then
      mine, theirs = table.concat(own), numbers
      same = mine == theirs
    else
      same = true
      for k = 1, #own do same = same and tonumber(own[k]) == tonumber(numbers[k]) end
      mine, theirs = table.concat(own, " "), table.concat(numbers, " ")
    end
    if same then return end
    local at = { text = mine .. " | " .. theirs, line = b.line, col = b.col, offset = b.offset }
    for _, id in ipairs(row.cells) do R:set(id, "unknown", nil, at) end
  end
  local function settle()
    if pending and #pending.numbers == #pending.row.cells then again(pending.row, pending.numbers, pending.b) end
    pending = nil
  end
  -- the row a label names (a group's label, an item's in the last group named)
  local function row_named(label)
    m = m or prepared(F, T, others)
    local t = norm(label)
    if t == "" then return nil end
    local g = find_group(m, T, t)
    if g then group = g end
    local row = find_row(F, T, t, group)
    if not row and g then
      -- a group's label with its item run on: "（六）其他处理3.其他"
      local _, key = has_key(t, g.keys_norm)
      local e = key and select(2, t:find(key, 1, true))
      if e and e < #t then row = find_row(F, T, t:sub(e + 1), g) end
    end
    if row and row.cells and #row.cells > 1 and not done[row] then return row end
  end
  done = {}
  for i = from, to do
    local b = blocks[i]
    if caption_year(F, words, b.text, R.year) == "last" then return end
    -- (a text's lines are one paragraph, parted by spaces)
    for piece in b.text:gmatch("%S+") do
      if piece:find("^%d+$") then
        if pending then pending.numbers[#pending.numbers + 1] = piece end
      else
        settle()
        local label, run = piece:match("^(.-)(%d+)$")
        if label and label ~= "" and not label:find("%d$") then
          local row = row_named(label)
          if row and #run >= #row.cells then again(row, run, b) end
        elseif not label then
          local row = row_named(piece)
          if row then pending = { row = row, numbers = {}, b = b } end
        end
      end
    end
  end
  settle()
end

-- A grid's rows read as a stream: the empty cells of a row before its
-- label (a Markdown row of a sub-item, `|  |  | 1.属于国家秘密 | 2 |`) pad
-- the label's columns and are no values of the row before. The tokens
-- less those (the same list where there are none). (Asked by the binder of
-- a grid's cells only: a text's tokens have no grid.)
function M.unpadded(F, tokens)
  local out, dropped = nil, 0
  local i, n = 1, #tokens
  while i <= n do
    local b = tokens[i]
    local j = i
    if b.grid and b.text == "" and (i == 1 or tokens[i - 1].row ~= b.row or tokens[i - 1].grid ~= b.grid) then
      -- a row's leading empty cells, then its first cell with a text: a label's, not a number's
      while j <= n and tokens[j].text == "" and tokens[j].grid == b.grid and tokens[j].row == b.row do j = j + 1 end
      local first = tokens[j]
      if not (first and first.grid == b.grid and first.row == b.row and M.value_state(F, first.text) ~= "number") then
        j = i
      end
    end
    if j > i then
      out = out or table.move(tokens, 1, i - 1, 1, {})
      dropped = dropped + (j - i)
      i = j
    else
      if out then out[i - dropped] = b end
      i = i + 1
    end
  end
  return out or tokens
end

-- bind_rows(F, system, T, tokens, R, diags, present, pending, others):
-- fill R's cells of table T from its tokens.
function M.bind_rows(F, system, T, tokens, R, diags, present, pending, others)
  local m = prepared(F, T, others)
  local sm = state_memo[F]
  -- a table already present (an earlier part of it) is bound without a plan:
  -- a plan says whether its own binding found it
  -- the layout, and its plan applied where there is one, in one walk
  local layout, plan
  local first = not present.yes and first_binding(stream_plans, m)
  if not present.yes and not first then
    settle(stream_plans, m)
    layout, plan = nianbao.stream_read(tokens, sm and sm.of, M.value_state, F, true, plans_of(stream_plans, m),
                                       NOPLAN, R.c, R.units)
  end
  if plan and plan ~= NOPLAN then
    if plan.present then present.yes = true end
    return
  end
  local rec = (first or layout and not plan) and { ids = {}, values = {}, units = {}, unit_texts = {} } or nil
  local ndiags, npending = #diags, #pending
  bind_by_labels(F, system, T, m, tokens, R, diags, present, pending, rec)
  if rec then
    if #diags ~= ndiags or #pending ~= npending then rec.unsafe = true end
    local was_present = present.yes
    local function keep(layout, tokens)
      local index_of, unit_at = {}, {}
      for i = 1, #tokens do index_of[tokens[i]] = i end
      for k = 1, #rec.units do unit_at[k] = index_of[rec.units[k]] end
      local cells = packed_cells(F, rec.ids, rec.values, index_of)
      local plan_of = { present = was_present, cells = cells, unit_at = unit_at, unit_texts = rec.unit_texts }
      memo.long_put(stream_plans, m, MEMO_BYTES, layout, rec.unsafe and NOPLAN or plan_of, #layout + #cells + 64)
    end
    if not first then return keep(layout, tokens) end
    local kept = kept_tokens(tokens)
    wait(stream_plans, m, function()
      local sm_now = state_memo[F]
      local layout_then = nianbao.stream_layout(kept, sm_now and sm_now.of, M.value_state, F, true)
      if layout_then then keep(layout_then, kept) end
    end)
  end
end

--{=== tables whose cells have places (HTML, Word, Markdown grids) ===

-- The column groups (table 4) named in a header text, by the last words over them.
local function group_named(F, blk, t)
  for _, g in ipairs(blk.groups) do
    local over = g.over or {}
    if #over > 0 and t:find(F.labels.norm(over[#over]), 1, true) then return g end
  end
end

-- What a header text (folded) names in a block: the column whose key it
-- holds (the longest key), whether it is the labels' header instead, and
-- the column group its words name. Pure in the text, and a batch's headers
-- repeat: each asked once per block (a bounded memo).
local named_memo = memo.keyed()

local function header_named(F, T, blk, text)
  local m = named_memo[blk]
  local hit = m and m.of[text]
  if not hit then
    local best, len
    for _, c in ipairs(blk.columns) do
      for _, kn in ipairs(c.keys_norm) do
        if kn ~= "" and text:find(kn, 1, true) and (not len or #kn > len) then best, len = c, #kn end
      end
    end
    local label_marks = {}
    for _, w in ipairs { blk.head, blk.corner } do if w then label_marks[#label_marks + 1] = F.labels.norm(w) end end
    for _, k in ipairs(T.header_keys) do label_marks[#label_marks + 1] = k end
    local is_label = false
    for _, w in ipairs(label_marks) do is_label = is_label or text:find(w, 1, true) ~= nil end
    hit = { best or false, is_label, #blk.groups > 0 and group_named(F, blk, text) or false }
    memo.put(named_memo, blk, MEMO_BYTES, text, hit, #text + 64)
  end
  return hit[1] or nil, hit[2], hit[3] or nil
end

-- The header rows seen (x → text, folded) → the columns: {xa=, xb=, id=}
-- in left-to-right order, or nil when they do not name every printed
-- column of the block once, in the declared order. `used` counts the
-- groups a column id was already given in this table (split tables);
-- `hint` is a group named by a caption before the header.
-- A block's column ids by group and column ("group.column", or the
-- column's own), and its printed columns' in the declared order: made once
-- per block, where each header map read built every one of them again.
local block_ids = setmetatable({}, { __mode = "k" })
local function ids_of(blk)
  local b = block_ids[blk]
  if not b then
    local by, want = {}, {}
    for _, g in ipairs(#blk.groups > 0 and blk.groups or { false }) do
      local of = by[g] or {}
      by[g] = of
      for _, c in ipairs(blk.columns) do
        local id = g and (g.id .. "." .. c.id) or c.id
        of[c] = of[c] or id
        if c.printed then want[#want + 1] = id end
      end
    end
    -- a column id wanted twice (table 4's columns under each of its
    -- groups) cannot be met by a map, whose ids are each once: no header
    -- maps such a block
    local once, unmappable = {}, false
    for _, id in ipairs(want) do
      if once[id] then unmappable = true end
      once[id] = true
    end
    b = { by = by, want = want, unmappable = unmappable }
    block_ids[blk] = b
  end
  return b
end

local function column_map(F, T, blk, hdr, used, hint)
  local xs = {}
  for x in pairs(hdr) do xs[#xs + 1] = x end
  table.sort(xs)
  -- consecutive places under the same words are one (spanned) column
  local spans = {}
  for _, x in ipairs(xs) do
    local last = spans[#spans]
    if last and last.xb == x - 1 and last.text == hdr[x] then last.xb = x
    else spans[#spans + 1] = { xa = x, xb = x, text = hdr[x] } end
  end
  local out, unknown = {}, {}
  for _, sp in ipairs(spans) do
    local best, is_label, group = header_named(F, T, blk, sp.text)
    if best and not is_label then
      out[#out + 1] = { xa = sp.xa, xb = sp.xb, col = best, group = group, text = sp.text }
    elseif not is_label and sp.text ~= "" and #out > 0 and not word_set(F, "remarks")[sp.text] then
      unknown[#unknown + 1] = sp
    end
  end
  -- groups not named in the header: by the caption before it, else in declared order
  if #blk.groups > 0 then
    for _, e in ipairs(out) do
      if not e.group and hint then e.group = hint end
      if not e.group then
        local k = (used[e.col.id] or 0) + 1
        used[e.col.id] = k
        e.group = blk.groups[k]
      end
      if not e.group then return nil end
    end
  end
  -- a column named twice (合计 beside 总计): the word that is not its label names
  -- the column the grid does not print
  local extra = #blk.groups == 0 and unprinted(blk)
  if extra then
    local named = {}
    for _, e in ipairs(out) do
      local other = named[e.col]
      if other then
        if e.text == F.labels.norm(e.col.label) then other.col = extra else e.col = extra end
        break
      end
      named[e.col] = e
    end
  end
  local known = ids_of(blk)
  local by, seen = known.by, {}
  for _, e in ipairs(out) do
    local of = by[e.group or false]
    e.id = of and of[e.col] or (e.group and (e.group.id .. "." .. e.col.id) or e.col.id)
    if seen[e.id] then return nil end
    seen[e.id] = true
  end
  -- every printed column, once, in the declared order; a header that names
  -- all its other words and leaves printed columns out maps the rest, and
  -- those it left out stay unknown (never a neighbour's value)
  local want = known.want
  -- a header that names each printed column once, the deepest (under a
  -- group) in another order than the format's, maps them by its words
  -- (never read in the format's order); the others keep their places (a
  -- header whose spans put 总计 over 其他 is a page's slip, as its sums say)
  if #out == #want and #unknown == 0 and #blk.groups == 0 then
    local wanted, depth = 0, 0
    for _, c in ipairs(blk.printed) do depth = math.max(depth, #(c.over or {})) end
    for i, c in ipairs(blk.printed) do
      if seen[c.id] and (#(c.over or {}) == depth or out[i].id == c.id) then wanted = wanted + 1 end
    end
    if depth > 0 and wanted == #want then return out end
  end
  local k, missing = 1, nil
  for _, e in ipairs(out) do
    if e.id ~= want[k] and not (e.col.printed == false) and #blk.groups == 0 and #unknown == 0 then
      local j = k
      while want[j] and want[j] ~= e.id do j = j + 1 end
      if want[j] then
        missing = missing or {}
        for i = k, j - 1 do missing[#missing + 1] = want[i] end
        k = j
      end
    end
    if e.id == want[k] then k = k + 1
    elseif not (e.col.printed == false) then return nil end
  end
  if k <= #want then
    if #blk.groups > 0 or #unknown > 0 then return nil end
    missing = missing or {}
    for i = k, #want do missing[#missing + 1] = want[i] end
  end
  -- (a header that names few of the columns is no map of them)
  if missing and (#missing > 2 or 2 * #missing >= #want) then return nil end
  out.missing = missing
  return out
end

-- column_map, its answers kept per block, caption and header cells (a
-- batch's headers repeat from report to report) where the table has no
-- columns counted yet: the map (or false), and the counts it made.
local map_memo = memo.keyed()
local NOHINT = {}

-- Whole numbers as text, each written once: a number put in a string is
-- formatted by the C library at every use.
local digits = setmetatable({}, { __index = function(t, n)
  local s = tostring(n)
  if n >= 0 and n < 4096 then t[n] = s end      -- the few a table's places and texts have
  return s
end })

local function mapped_columns(F, T, blk, hdr, heads, used, hint)
  if next(used) ~= nil then return column_map(F, T, blk, hdr, used, hint) end
  local key = table.concat(heads, "\0")
  local mm = map_memo[blk]
  local by = mm and mm.of[hint or NOHINT]
  local hit = by and by[key]
  if not hit then
    local map = column_map(F, T, blk, hdr, used, hint)
    local counted = {}
    for id, k in pairs(used) do counted[id] = k end
    hit = { map or false, counted }
    mm = memo.of(map_memo, blk, MEMO_BYTES)
    by = mm.of[hint or NOHINT]
    if not by then by = {}; mm.of[hint or NOHINT] = by end
    by[key], mm.size = hit, mm.size + #key + 64 * (1 + (map and #map or 0))
    return map or nil
  end
  for id, k in pairs(hit[2]) do used[id] = k end
  return hit[1] or nil
end

-- The cell of a row under a column: the one cell overlapping its places.
local function cell_under(cells, e)
  local hit
  local xa, xb = e.xa, e.xb
  for i = 1, #cells do
    local c = cells[i]
    if c.x0 <= xb and c.x1 - 1 >= xa then
      if hit then return nil, true end      -- two cells under one column
      hit = c
    end
  end
  return hit
end

-- The cells of a row under the columns of map, into got (got[i] the cell
-- under map[i], or false): how many columns have one, or nil when two
-- cells are under one column. Cells left to right and apart, and columns
-- too (as pages give them; `ordered` says both): one walk of both; else
-- each column against every cell.
-- map_in_order: whether map's columns are left to right and apart (one
-- map serves many rows: asked once).
local function map_in_order(map)
  for i = 2, #map do
    if map[i].xa <= map[i - 1].xb then return false end
  end
  return true
end

local function cells_under(cells, map, got, ordered)
  local found = 0
  if not ordered then
    for i = 1, #map do
      local c, two = cell_under(cells, map[i])
      if two then return nil end
      got[i] = c or false
      if c then found = found + 1 end
    end
    return found
  end
  local j, n = 1, #cells
  for i = 1, #map do
    local e = map[i]
    local xa, xb = e.xa, e.xb
    while j <= n and cells[j].x1 - 1 < xa do j = j + 1 end     -- left of this column and the next
    local c = cells[j]
    if c and c.x0 <= xb then
      local after = cells[j + 1]
      if after and after.x0 <= xb then return nil end
      got[i] = c
      found = found + 1
    else
      got[i] = false
    end
  end
  return found
end

local NO_CELLS = {}

-- bind_by_places(...) → true when the table was bound by the places of its
-- cells: the header rows say which place is which column; each data row's
-- cells left of the columns are its label, those under a column its values.
-- false (nothing set) when the header does not name the columns: the caller
-- reads the table as a stream instead. The rows are the tokens as
-- nianbao.placed_rows reads them (in C: a row of cells together, a token
-- without a place a row alone). rec, when given, is filled with the plan
-- of this binding (see bind_placed).
local function bind_by_places(F, T, m, tokens, R, out_diags, present, settled, rec)
  local diags = {}
  -- the rows, each with its cells' states counted (value_state's answers,
  -- the memo's where it has them) and the texts that are no value
  local sm = state_memo[F]
  local rows, placed = nianbao.placed_rows(tokens, sm and sm.of, M.value_state, F)
  if placed < 3 then return false end
  local ordered_map, map_ordered = nil, false   -- the map last asked, and its answer
  local norm = F.labels.norm
  local blk_i = 1
  local hdr, map, used, hint = {}, nil, {}, nil
  local heads = {}         -- the header cells that made hdr, as text: what column_map's memo is keyed by
  -- what the rows read set: cell ids and their tokens, in order
  local ids, values, nset = {}, {}, 0
  local got = {}           -- the cells of the row at hand under the map's columns
  local group, any, last = nil, false, nil
  local seen = {}
  local left_out           -- printed columns the header left out: {map=, rows=, line=}
  -- texts of no cell (captions) so far, and how many were before each row's first copy;
  -- the cells of rows printed again, each { id =, cell = }
  local loose, loose_at, copied = {}, {}, {}
  for k = 1, #rows do
    local r = rows[k]
    local numbers, texts, joined = r.numbers, r.texts, ""
    local ntexts = texts and #texts or 0
    local cells = r.cells
    -- the row's texts folded and joined: a list only for a row of several
    if ntexts == 1 then joined = norm(texts[1])
    elseif ntexts > 1 then
      local all = {}
      for i = 1, ntexts do all[i] = norm(texts[i]) end
      joined = table.concat(all)
    end
    local cap = #T.blocks > 1 and caption_block(F, m, T, joined)
    if r.loose then
      loose[#loose + 1] = { label = ntexts > 0 and table.concat(texts) or "" }
      -- a caption between tables: a block, or a column group of a split table
      if cap then blk_i, hdr, heads, map = cap, {}, {}, nil end
      local g = #T.blocks[blk_i].groups > 0 and group_named(F, T.blocks[blk_i], joined)
      if g then hint, hdr, heads, map = g, {}, {}, nil end
    elseif numbers == 0 and cap and ntexts <= 2 then
      blk_i, hdr, heads, map, hint = cap, {}, {}, nil, nil
    elseif numbers == 0 and ntexts > 0 and (is_header(m, T, joined) or T.column_words[joined]) then
      if map then hdr, heads, map = {}, {}, nil end
      -- a block no header maps: its header rows are not read for a map
      for _, c in ipairs(ids_of(T.blocks[blk_i]).unmappable and NO_CELLS or r.cells) do
        local t = norm(c.text)
        if t ~= "" then
          local x0, x1 = c.x0, c.x1
          for x = x0, x1 - 1 do hdr[x] = (hdr[x] or "") .. t end
          heads[#heads + 1] = digits[x0] .. ":" .. digits[x1] .. ":" .. digits[#t] .. ":" .. t
        end
      end
      present.yes = true
      if rec then rec.present = true end
      if settled then return false end
    else
      if not map and ids_of(T.blocks[blk_i]).unmappable then return false end   -- as column_map would say
      if not map and next(hdr) then
        map = mapped_columns(F, T, T.blocks[blk_i], hdr, heads, used, hint)
        if not map then return false end
        if map.missing and not left_out then left_out = { map = map, rows = 0, line = r.cells[1].line } end
        hint = nil
      end
      if not map then return false end
      -- the label: the text left of the first column
      local first = map[1].xa
      local t, label = nil, nil            -- a list only for a label of several cells
      local number_left = false            -- a number left of the columns, not the row's first cell
      for i = 1, #cells do
        local c = cells[i]
        if c.x1 - 1 < first and c.text ~= "" then
          -- a value's text is in the layout only for a row's first cell
          local state = i > 1 and M.value_state(F, c.text)
          if state == "number" then number_left = true end
          if rec and (state == "number" or state == "marker") then rec.unsafe = true end
          -- a number after the first cell is no part of the label (a 序号 column after the labels),
          -- nor is a unit alone (a 单位 column: 件)
          local piece = state ~= "number" and norm(c.text)
          if piece and not (i > 1 and is_unit(F, piece)) then
            if not t then t = piece
            else
              label = label or { t }
              label[#label + 1] = piece
            end
          end
        end
      end
      t = label and table.concat(label) or t or ""
      local g = find_group(m, T, t)
      if g then group = g end
      local row
      if T.flat then
        row = T.rows[1]
      elseif t ~= "" then
        row = find_row(F, T, t, group)
        if not row and label then
          -- a group's cell, then its item's, each merged cell's text repeated
          -- ("（六）其他处理" "3.其他"): the item in the last group named
          local named
          for i = #label - 1, 1, -1 do
            named = find_group(m, T, label[i])
            if named then break end
          end
          row = named and find_row(F, T, label[#label], named)
          if row then group = named end
        end
        if not row and g then
          -- a group's label with its item run on in one cell: "（六）其他处理3.其他"
          local _, key = has_key(t, g.keys_norm)
          local e = key and select(2, t:find(key, 1, true))
          if e and e < #t then row = find_row(F, T, t:sub(e + 1), g) end
        end
        if not row and g and T.subtotal[g.id] then row = T.subtotal[g.id] end
        -- a bare 小计 under a group's items: that group's subtotal (its identity checks it)
        if not row and not g and group and t == norm(F.subtotal) and T.subtotal[group.id] then
          row = T.subtotal[group.id]
        end
        if not row and not g then
          row = misspelt_row(F, T, t, group, seen, last)
          if row then
            diags[#diags + 1] = { kind = "misspelt", table = T.id, row = row.id, label = row.shown,
                                  text = t, line = r.cells[1].line, col = r.cells[1].col or 1 }
          end
        end
      end
      if row and row.group then group = row.group end
      if map ~= ordered_map then ordered_map, map_ordered = map, map_in_order(map) end
      local n = cells_under(cells, map, got, map_ordered and r.ordered)
      if not n then return false end
      -- a header that left columns out is trusted only where every number is under it
      if map.missing and numbers > n then return false end
      -- a number left of the columns and a column with no value: a span above ended
      -- early (or a label's is short) and shifted the row's values left
      if number_left then
        for i = 1, #map do
          if not got[i] or got[i].text == "" then return false end
        end
      end
      -- a number right of every column: a span above ran a row too far and shifted the row right
      local last_cell = cells[#cells]
      if last_cell and last_cell.x0 > map[#map].xb and last_cell.text ~= "" then
        local beyond = true
        for i = 1, #map - 1 do beyond = beyond and map[i].xb < last_cell.x0 end
        if beyond and M.value_state(F, last_cell.text) == "number" then return false end
      end
      local by_col = row and row.by_col
      if by_col then
        -- the row's values gathered to set (a row read first), in the same walk that
        -- checks them: a value under a column its row does not have means the places
        -- are not what the header says, and nothing is set
        local take = n > 0 and not seen[row]
        for i = 1, #map do
          local c = got[i]
          if c then
            local id = by_col[map[i].id]
            if not id and c.text ~= "" then return false end
            if id and take then nset = nset + 1; ids[nset], values[nset] = id, c end
          end
        end
      end
      if row and n > 0 and left_out and map == left_out.map then left_out.rows = left_out.rows + 1 end
      if row and n > 0 then
        if seen[row] then
          diags[#diags + 1] = { kind = "duplicate", table = T.id, row = row.id, label = row.shown,
                                text = t, line = r.cells[1].line, col = r.cells[1].col or 1 }
          -- a copy, unless a caption naming last year (附：上年度…对比表) is between the two
          if by_col and not last_year_between(F, loose, loose_at[row], R.year) then
            for i = 1, #map do
              local id = by_col[map[i].id]
              if id and got[i] then copied[#copied + 1] = { id = id, cell = got[i] } end
            end
          end
        else
          seen[row], loose_at[row] = true, #loose
          -- (a group's subtotal is no row of the format's order a misspelt label is looked for after)
          if not row.optional then last = row end
        end
      elseif t ~= "" and numbers > 0 then
        local texts_v = {}
        for i = 1, #map do if got[i] then texts_v[#texts_v + 1] = got[i].text end end
        diags[#diags + 1] = { kind = "extra", table = T.id, text = t, values = table.concat(texts_v, " "),
                              line = r.cells[1].line, col = r.cells[1].col or 1 }
      end
      any = any or n > 0
    end
  end
  if not any then return false end
  present.yes = true
  if left_out then
    local labels, by_id = {}, {}
    for _, c in ipairs(T.blocks[1].columns) do by_id[c.id] = c.label end
    for _, id in ipairs(left_out.map.missing) do labels[#labels + 1] = by_id[id] or id end
    diags[#diags + 1] = { kind = "col_missing", table = T.id, count = #labels, rows = left_out.rows,
                          labels = labels, placed = true, line = left_out.line, col = 1 }
  end
  for _, d in ipairs(diags) do out_diags[#out_diags + 1] = d end
  -- the table's values set in one call, in the order they were read
  sm = state_memo[F]
  R.c:read(ids, values, F, M.value_state, sm and sm.of, R.units)
  if #copied > 0 then
    -- a row printed again with other numbers: which copy was published cannot be told
    local first = {}
    for i = 1, nset do first[ids[i]] = values[i] end
    for _, c in ipairs(copied) do
      if first[c.id] and differ_unknown(R, c.id, first[c.id], c.cell) and rec then rec.unsafe = true end
    end
  end
  if left_out then
    -- the cells of the columns left out are not known, not missing from their rows
    local at = { text = "", line = left_out.line, col = 1 }
    for row in pairs(seen) do
      for _, id in ipairs(left_out.map.missing) do
        if row.by_col[id] then R:set(row.by_col[id], "unknown", nil, at) end
      end
    end
    if rec then rec.unsafe = true end
  end
  if rec then
    -- the plan: the ids set, and where among the tokens their values are
    -- (a finding names a place of this page: no plan holds one)
    local index_of = {}
    for i = 1, #tokens do index_of[tokens[i]] = i end
    rec.present, rec.ok, rec.cells = true, true, packed_cells(F, ids, values, index_of)
    if #diags > 0 then rec.unsafe = true end
  end
  return true
end

-- How tables of each layout (table_layout: the tokens' places and texts, less
-- the values' texts) were bound by places, per table and words of other
-- formats: a batch's pages repeat their tables' layout, and binding one again
-- is taking its values from the same places. {present=, ok=, cells=}: the
-- cells set and where their values are (packed_cells); or NOPLAN where the
-- binding read a value's text or made a finding.
local plan_memo = memo.keyed()

-- bind_placed(...) → bind_by_places(...), by the plan of a table of the
-- same layout bound before where there is one.
function M.bind_placed(F, system, T, tokens, R, out_diags, present, pending, others)
  -- a table of one block that no header maps is never bound by places: its
  -- first row of places says whether it is present (a header), and the rows
  -- after it change nothing
  local settled = #T.blocks == 1 and ids_of(T.blocks[1]).unmappable
  if settled and present.yes then return false end
  local m = prepared(F, T, others)
  local sm = state_memo[F]
  -- the layout, and its plan read where it says (plan.ok), in one walk
  local layout, plan
  local first = first_binding(plan_memo, m)
  if not first then
    settle(plan_memo, m)
    layout, plan = nianbao.placed_read(tokens, sm and sm.of, M.value_state, F, plans_of(plan_memo, m), NOPLAN,
                                       R.c, R.units)
  end
  if plan and plan ~= NOPLAN then
    if plan.present then present.yes = true end
    return plan.ok and true or false
  end
  local rec = (first or layout and not plan) and { present = false, ok = false } or nil
  local ok = bind_by_places(F, T, m, tokens, R, out_diags, present, settled, rec)
  if rec then
    local function keep(layout)
      memo.long_put(plan_memo, m, MEMO_BYTES, layout, rec.unsafe and NOPLAN or rec,
               #layout + 64 + (rec.cells and #rec.cells or 0))
    end
    if not first then
      keep(layout)
    else
      local kept = kept_tokens(tokens)
      wait(plan_memo, m, function()
        local sm_now = state_memo[F]
        local layout_then = nianbao.table_layout(kept, sm_now and sm_now.of, M.value_state, F)
        if layout_then then keep(layout_then) end
      end)
    end
  end
  return ok
end

--}===

-- bind_flat_by(...): a table of one unlabelled row (table 4): header labels,
-- then its values in grid order. rec, when given, is filled with the plan
-- of this binding (see bind_flat).
-- The values of a flat row put in the order of the format's cells, where its
-- header names the columns of each group in another order (总计 first): nil
-- when the header is in the format's order, false when its words are no order
-- of each group's columns (then no value can be placed).
local function header_placed(F, T, heads, values)
  local info, cells = F.info, T.cells
  local same = true
  for i = 1, #cells do same = same and heads[i] == info[cells[i]].column end
  if same then return nil end
  local out, at = {}, {}
  for i = 1, #cells do at[info[cells[i]].row .. "." .. info[cells[i]].column] = i end
  for i = 1, #cells do
    local k = at[info[cells[i]].row .. "." .. heads[i]]
    if not k or out[k] then return false end
    out[k] = values[i]
  end
  return out
end

-- The words over a flat table's column groups, each with its level and its
-- place among the words of that level (行政复议 1, 行政诉讼 2; 未经复议直接起诉 1,
-- 复议后起诉 2), folded: made once per block.
local over_ranks = setmetatable({}, { __mode = "k" })
local function over_rank(F, blk)
  local ranks = over_ranks[blk]
  if not ranks then
    ranks = {}
    local count = {}
    for _, g in ipairs(blk.groups) do
      for level, o in ipairs(g.over or {}) do
        local w = F.labels.norm(o)
        if not ranks[w] then
          count[level] = (count[level] or 0) + 1
          ranks[w] = { level = level, rank = count[level] }
        end
      end
    end
    over_ranks[blk] = ranks
  end
  return ranks
end

-- Values read among a header's words come a line of the page at a time: a run
-- of them begun inside a group of columns (表四's 复议后起诉 read before
-- 未经复议直接起诉) is in an order no sum confirms, for the sums hold in any
-- order of the values they add. breaks: the numbers read before each of the
-- header's words that came after some. → whether every run begins a group
local function runs_at_groups(cells, breaks, values)
  for _, b in ipairs(values) do
    if b.text == "" then return false end
  end
  for _, n in ipairs(breaks) do
    local last, next_cell = cells[n], cells[n + 1]
    if next_cell and last:match("^(.*)%.") == next_cell:match("^(.*)%.") then return false end
  end
  return true
end

local function bind_flat_by(F, system, T, m, tokens, R, diags, present, pending, rec)
  local norm = F.labels.norm
  local values = {}
  local heads = {}            -- the columns the header names, in its order
  local ranks = T.blocks[1] and over_rank(F, T.blocks[1]) or {}
  -- the groups' words met on a header line, per level; whether one came after a later one
  -- (on lines apart their order is the page's layout, not the columns')
  local last_rank, last_row, crossed = {}, {}, false
  local function group_word_at(t, b)
    local r = ranks[t]
    if not r then return end
    local at = row_of(b)
    if last_row[r.level] ~= at then last_rank[r.level], last_row[r.level] = 0, at end
    if r.rank < last_rank[r.level] then crossed = true end
    last_rank[r.level] = math.max(r.rank, last_rank[r.level])
  end
  local remarks = false       -- whether the header names a column of remarks (备注)
  local remark_line           -- the line of the remark after the values
  local sm = state_memo[F]
  local known = sm and sm.of
  local title_line                       -- the line of a running header (the report's title)
  local header_at                        -- the values read before a header's words that came after some
  local breaks = {}                      -- the numbers read before each of the header's words after some
  local numbers = 0                      -- the values read that are not empty cells
  local named, naming = {}, nil          -- the column the word right before each value names
  for i = 1, #tokens do
    local b = tokens[i]
    local hit = known and known[b.text]
    local state
    if hit then state = hit[1] else state, known = state_in(F, known, b.text) end
    if state and title_line == b.line then
      -- the year of the report's title printed again: no value
    elseif remark_line and row_of(b) == remark_line then
      -- the rest of the remark (复议纠正64件均已整改): no value
    elseif state then
      values[#values + 1] = b
      named[#values], naming = naming or false, nil
      if b.text ~= "" then numbers = numbers + 1 end
    else
      local t = norm(b.text)
      naming = nil
      if #values == 0 and word_set(F, "remarks")[t] then
        remarks = true
      elseif is_header(m, T, t) or is_fragment(F, m, t, b.text) then
        present.yes = true
        if rec then rec.present = true end
        if #values == 0 and not remarks then remarks = names_remarks(F, t) end
        -- (values on both sides of the header's words, not its marks: a PDF's reading order;
        -- a Markdown header's empty cells before its words are no values)
        local worded = numbers > 0 and t:find("[^%p%d%s]")
        if worded and not header_at then header_at = #values end
        -- (a word on the line of the values before it is theirs, a unit: 0次 0次)
        if worded and numbers > 0 and numbers ~= breaks[#breaks] and row_of(b) ~= row_of(values[#values]) then
          breaks[#breaks + 1] = numbers
        end
        if T.column_words[t] then heads[#heads + 1], naming = T.column_words[t], T.column_words[t]
        elseif b.text:find("\t", 1, true) then
          -- a header line of cells as one text: its words in order
          for w in b.text:gmatch("[^\t]+") do
            local wt = norm(w)
            heads[#heads + 1] = T.column_words[wt] or nil
            group_word_at(wt, b)
          end
        else
          group_word_at(t, b)
        end
      elseif #values > 0 and #values < #T.cells and b.kind == "cell" and not b.derived then
        values[#values + 1] = b                     -- a cell of the page that holds text
        numbers = numbers + 1
      elseif remarks and #values == #T.cells and row_of(b) == row_of(values[#values]) then
        remark_line = row_of(b)                     -- the remark beside the row's values
      elseif names_part(F, t) then
        -- a table's caption, read with the table's text (an appendix's)
        if b.derived then drop_line_values(values, b); numbers = numbers_in(values) end
      elseif b.derived and names_report(F, t) then
        -- a page's running header: its line's text and values before it were none of the table's
        title_line = b.line
        drop_line_values(values, b)
        numbers = numbers_in(values)
        while diags[#diags] and diags[#diags].kind == "unplaced" and diags[#diags].line == b.line do
          diags[#diags] = nil
        end
      elseif remarks and #values > 0 and b.derived and row_of(b) == row_of(values[#values]) then
        -- a remark's words on the line of a row short of values (pypdf's
        -- 2612 for 26 12, then 20复议纠正 64): the remark begins there, and
        -- its numbers are none of the row's (the digits run together are
        -- cut below only where the identities prove one cut)
        remark_line = row_of(b)
        if rec then rec.unsafe = true end
      else
        diags[#diags + 1] = { kind = "unplaced", table = T.id, text = b.text, line = b.line, col = b.col or 1 }
      end
    end
  end
  if #values > 0 then
    present.yes = true
    if rec then rec.present = true end
  end
  -- empty cells that only pad the page's table: the values without them fill the row
  local filled = {}
  for _, b in ipairs(values) do
    if b.text ~= "" then filled[#filled + 1] = b end
  end
  if #values ~= #T.cells and #filled == #T.cells then values = filled end
  if drop_column_numbers(values, #T.cells) and rec then rec.unsafe = true end
  local row = { row = { id = "", shown = T.title, cells = T.cells } }
  local placed
  if #values == #T.cells and #heads == #T.cells then placed = header_placed(F, T, heads, values) end
  -- (groups named in another order than the format's, 行政诉讼 before 行政复议: none of their values is placed)
  if crossed then placed = false end
  if placed then values = placed end
  if placed == false then
    -- a header in an order of its own that is no order of the columns: nothing placed
    if rec then rec.unsafe = true end
    unsure_row(R, T, row, T.cells, values, diags, "order")
  elseif #values == #T.cells then
    set_row(R, F, T.cells, values)
    -- values on lines apart in a text laid out in columns (pdftotext -layout: a group's
    -- first value set a line above the rest, with its header's first word, where the page
    -- split the header): read left to right where the order read breaks the row's own
    -- sums and that order holds them all, each value in a column of its own
    -- (a value cut from a line with white before its text: its `derived` is that white's columns)
    local laid, apart = true, false
    for _, b in ipairs(values) do
      local indent = b.derived
      laid, apart = laid and indent and indent ~= true, apart or b.line ~= values[1].line
    end
    if laid and apart and not header_at and not system:consistent(R.c, T.cells, true) then
      if rec then rec.unsafe = true end
      -- (its column on the line as laid out, the white before the line's text counted)
      local function laid_column(b) return b.derived + b.col end
      local by_x = table.move(values, 1, #values, 1, {})
      table.sort(by_x, function(p, q) return laid_column(p) < laid_column(q) end)
      local distinct = true
      for i = 2, #by_x do distinct = distinct and laid_column(by_x[i]) > laid_column(by_x[i - 1]) end
      if distinct then
        set_row(R, F, T.cells, by_x)
        if system:consistent(R.c, T.cells, true) then values = by_x
        else set_row(R, F, T.cells, values) end
      end
    end
    -- the same with no white kept before the lines (pdf.js's items on their
    -- baselines: 表四's fifteen values on four lines, 1 / 0 / 0 0 0 1 0 0 0 0 /
    -- 0 1 1 0 2): where the order read breaks the row's own sums and another
    -- order of its lines holds them, which order is the row's no sum tells
    -- (two may hold), so the row is unknown, said. Where no order holds
    -- them, the sums broken are the author's, as printed.
    local lines_unsure = false
    if not laid and apart and not header_at and not system:consistent(R.c, T.cells, true) then
      local lines = {}
      for _, b in ipairs(values) do
        local last = lines[#lines]
        if last and last[#last].line == b.line then last[#last + 1] = b else lines[#lines + 1] = { b } end
      end
      -- (up to five lines: 120 orders; a value on each line of its own is left as read)
      if #lines <= 5 then
        if rec then rec.unsafe = true end
        local used, order = {}, {}
        local function holds_another(k)
          if k > #lines then
            local seq, same = {}, true
            for i, j in ipairs(order) do
              same = same and i == j
              table.move(lines[j], 1, #lines[j], #seq + 1, seq)
            end
            if same then return false end
            set_row(R, F, T.cells, seq)
            return system:consistent(R.c, T.cells, true)
          end
          for j = 1, #lines do
            if not used[j] then
              used[j], order[k] = true, j
              local found = holds_another(k + 1)
              used[j] = false
              if found then return true end
            end
          end
          return false
        end
        lines_unsure = holds_another(1)
        set_row(R, F, T.cells, values)
        if lines_unsure then unsure_row(R, T, row, T.cells, values, diags, "lines") end
      end
    end
    -- values among the header's words: in the order read, kept only where each value comes
    -- right after the word of its own column, in the format's order (a table printed down
    -- the page: 结果维持 72 结果纠正 64 …; the sums then check the values), or where the
    -- row's own sums hold and each run of numbers between the words begins a group
    local mixed = header_at and #values > header_at
    if mixed and rec then rec.unsafe = true end
    local each_named = not crossed
    for i, id in ipairs(T.cells) do
      each_named = each_named and named[i] == F.info[id].column
    end
    if lines_unsure then
      -- (said above)
    elseif mixed and not each_named and not (system:consistent(R.c, T.cells, true)
                                             and (#breaks == 0 or runs_at_groups(T.cells, breaks, values))) then
      unsure_row(R, T, row, T.cells, values, diags, "mixed")
    else
      if rec then rec.values = values end
      if ocr_read[R] or tokens.ruled then
        if rec then rec.unsafe = true end
        bars_read_as_one(R, F, system, T.cells, values)
      end
    end
  elseif #values == 0 then
    -- headers only: the cells are missing, and said so
  elseif #values < #T.cells and digits_only(values) and digit_count(values) >= #T.cells
         -- (a scan's values parted by spaces: one lost or read as a character, no digits run together)
         and not ((ocr_read[R] or tokens.ruled) and parted(values)) then
    if rec then rec.unsafe = true end
    glued_row(R, F, system, T, nil, T.cells, values, diags, pending, row)
  else
    if rec then rec.unsafe = true end
    unsure_row(R, T, row, T.cells, values, diags, #values > #T.cells and "long" or "short")
  end
end

-- How flat tables of each layout (stream_layout, their lines aside) were
-- bound, per table and words of other formats: {present=, cells=} as
-- bind_rows keeps them, or NOPLAN where the binding made a finding or cut
-- glued digits.
local flat_plans = memo.keyed()

function M.bind_flat(F, system, T, tokens, R, diags, present, pending, others)
  local m = prepared(F, T, others)
  local sm = state_memo[F]
  local layout, plan
  local first = first_binding(flat_plans, m)
  if not first then
    settle(flat_plans, m)
    layout, plan = nianbao.stream_read(tokens, sm and sm.of, M.value_state, F, false, plans_of(flat_plans, m),
                                       NOPLAN, R.c, R.units)
  end
  if plan and plan ~= NOPLAN then
    if plan.present then present.yes = true end
    return
  end
  local rec = (first or layout and not plan) and {} or nil
  local ndiags, npending = #diags, #pending
  bind_flat_by(F, system, T, m, tokens, R, diags, present, pending, rec)
  if rec then
    if #diags ~= ndiags or #pending ~= npending then rec.unsafe = true end
    local function keep(layout, tokens)
      local index_of = {}
      for i = 1, #tokens do index_of[tokens[i]] = i end
      local cells = packed_cells(F, T.cells, rec.values or {}, index_of)
      memo.long_put(flat_plans, m, MEMO_BYTES, layout, rec.unsafe and NOPLAN or { present = rec.present, cells = cells },
               #layout + #cells + 64)
    end
    if not first then return keep(layout, tokens) end
    local kept = kept_tokens(tokens)
    wait(flat_plans, m, function()
      local sm_now = state_memo[F]
      local layout_then = nianbao.stream_layout(kept, sm_now and sm_now.of, M.value_state, F, false)
      if layout_then then keep(layout_then, kept) end
    end)
  end
end

return M
