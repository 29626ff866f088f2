-- Label folding (spec §9.1): what real pages do to a label is undone
-- before matching. Used for matching only; cells keep the text as printed.
-- Which characters fold to which is the format's (`fold`, `numerals`);
-- this module only applies it.

local lpeg = require "lpeg"
local nianbao = require "nianbao"
local utf8, string = utf8, string
local byte, find = string.byte, string.find
local utf8_invalid = nianbao.utf8_invalid
local M = {}

-- A character as utf8.charpattern matches it, and a continuation byte.
local CONT = lpeg.R "\128\191"
local CHAR = (lpeg.R "\0\127" + lpeg.R "\194\253") * CONT^0
-- the characters of a valid UTF-8 text, as gmatch(utf8.charpattern) gives them, in one pass
local CHARS = lpeg.Ct(lpeg.C(CHAR)^0)

-- The characters that are surely no key of map (whose keys are characters):
-- those whose first byte, or first two bytes, begin none of its keys. Most
-- of a text is such, and passes without a look-up.
local function no_keys(map)
  -- (a lead's second bytes gathered as a set, not a string grown key by key)
  local alone, seconds = {}, {}          -- bytes that begin a key; lead byte → its keys' second bytes
  for k in pairs(map) do
    local a, b = byte(k, 1, 2)
    if a < 0xC2 or #k == 1 then alone[a] = true
    else
      local set = seconds[a]
      if not set then set = {}; seconds[a] = set end
      set[b] = true
    end
  end
  local leads, keyed = {}, {}
  for a in pairs(alone) do leads[#leads + 1] = string.char(a) end
  for a in pairs(seconds) do
    leads[#leads + 1] = string.char(a)
    if not alone[a] then keyed[#keyed + 1] = a end
  end
  table.sort(keyed, function(x, y) return x > y end)   -- the leads of Chinese characters first
  local p
  for _, a in ipairs(keyed) do
    local bs = {}
    for b in pairs(seconds[a]) do bs[#bs + 1] = string.char(b) end
    local q = lpeg.P(string.char(a)) * (CONT - lpeg.S(table.concat(bs)))
    p = p and p + q or q
  end
  local plain = (lpeg.R "\0\127" + lpeg.R "\194\253") - lpeg.S(table.concat(leads))
  return (p and p + plain or plain) * CONT^0
end

-- gsub(s, utf8.charpattern, map) as one LPeg pass that looks up only the
-- characters that may be keys (same result: a character not in map is kept).
local function char_folder(map)
  return lpeg.Cs((no_keys(map)^1 + CHAR / map + 1)^0)
end
M.char_folder = char_folder

-- folder(map) → fold(s) for a valid UTF-8 s: char_folder(map):match(s),
-- in C where the build has it (a look-up a character, where the LPeg pass
-- spends hundreds of instructions a byte and is slow to build).
local function folder(map)
  local made = nianbao.text and nianbao.text.folder
  if made then return made(map) end
  local p = char_folder(map)
  return function(s) return p:match(s) end
end
M.folder = folder

-- White space of every width, dropped from labels; and the bar of a
-- flattened table cell.
local SPACES = { 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C, 0xA0, 0x3000, 0x2002, 0x2003,
                 0x2009, 0x200B, 0xFEFF, 0x22, 0x27, 0x7C }

local SPACE_CHARS = {}
for _, c in ipairs(SPACES) do SPACE_CHARS[c] = utf8.char(c) end
local FULL_WIDTH = {}                 -- each full-width form → its ASCII
for c = 0xFF01, 0xFF5E do FULL_WIDTH[utf8.char(c)] = string.char(c - 0xFEE0) end

-- new(fold, numerals) → a folder with norm(s), bare(t), strip_numeral(t),
-- prefix_end(raw, prefix). fold: {traditional = "繁简…" pairs, punctuation =
-- {char = ascii}, drop = {chars}}; numerals: the characters that number parts.
function M.new(fold, numerals)
  fold = fold or {}
  -- (the characters kept as strings throughout: no code point made and
  -- turned back into a string for each)
  -- each character that folds → what it becomes, one gsub applying them
  -- all: full width to ASCII, then the format's fold over it, each folding
  -- written where it is read, no table of them copied over (commas vary
  -- between renderings: all go, what becomes one too)
  local fold_of = {}
  for k, r in pairs(FULL_WIDTH) do fold_of[k] = r == "," and "" or r end
  for _, c in ipairs(SPACES) do fold_of[SPACE_CHARS[c]] = "" end
  for _, s in ipairs(fold.drop or {}) do fold_of[utf8.char(utf8.codepoint(s))] = "" end
  local traditional = fold.traditional or ""
  if not utf8.len(traditional) then
    for _ in utf8.codes(traditional) do end   -- a text not UTF-8: the error utf8.codes raises
  end
  -- the pairs in order, each traditional character then its simplified
  -- one (a last character alone is no pair): s:gsub("[\228-\233][\128-\191][\128-\191]",
  -- simple) for a valid UTF-8 s is the same look-up of the characters that
  -- pattern can match (a character of three bytes has two continuation
  -- bytes after its lead)
  local chars = CHARS:match(traditional)
  local nc = #chars
  local three = {}
  local twice = false   -- a character given twice, or folded otherwise too: touched asks a set
  for i = 1, nc - 1, 2 do
    local k, v = chars[i], chars[i + 1]
    if fold_of[k] ~= nil then twice = true end
    fold_of[k] = v == "," and "" or v
    local lead = byte(k)
    if #k == 3 and lead >= 228 and lead <= 233 then three[k] = v end
  end
  -- the characters simplifying replaces or yields are the list's own when
  -- it names each once and pairs them all: found in its text, with no set made
  local in_text = not twice and nc % 2 == 0
  local involved                      -- else their set, made when first asked for
  local function involved_set()
    local simple = {}                 -- a character given twice: the last says
    for i = 1, nc - 1, 2 do simple[chars[i]] = chars[i + 1] end
    local set = {}
    for k, v in pairs(simple) do set[k], set[v] = true, true end
    return set
  end
  for from, to in pairs(fold.punctuation or {}) do
    fold_of[utf8.char(utf8.codepoint(from))] = to == "," and "" or to
  end
  -- enumerators printed as one character ("③其他") → as the format numbers its items
  for from, to in pairs(fold.enumerators or {}) do fold_of[from] = to end
  local numeral = {}
  for _, c in utf8.codes(numerals or "") do numeral[c] = true end

  local simplified = folder(three)

  local F = {}

  -- touched(s) → whether simplifying can change or bring about any of the
  -- characters of s: those it neither replaces nor yields are found at the
  -- same places in a text and in its simplified form.
  function F.touched(s)
    if not utf8.len(s) then return true end
    if not in_text then involved = involved or involved_set() end
    for _, c in utf8.codes(s) do
      local ch = utf8.char(c)
      -- (a whole character of valid UTF-8 is found only where one begins)
      if in_text then
        if find(traditional, ch, 1, true) then return true end
      elseif involved[ch] then return true end
    end
    return false
  end

  -- simplify(s) → s with traditional characters simplified, nothing else
  -- changed (the same length, so places in s stay places in the result).
  -- the binder simplifies a paragraph in several passes, and pages repeat
  -- their boilerplate: each text simplified once (a memo of at most
  -- MEMO_BYTES of text, started afresh when full)
  local MEMO_BYTES = 1 << 20
  local plain, plain_size = {}, 0
  function F.simplify(s)
    local hit = plain[s]
    if hit then return hit end
    local r = s
    if utf8_invalid(s) == 0 then r = simplified(s) end
    if plain_size >= MEMO_BYTES then plain, plain_size = {}, 0 end
    plain[s], plain_size = r, plain_size + #s + #r
    return r
  end

  -- the labels of a batch repeat from report to report: each folded once
  -- (a memo of at most MEMO_BYTES of text, as above: a batch's own words,
  -- its names and dates, would otherwise fill it file by file)
  local memo, size = {}, 0

  -- norm(s) → the label as matched: full width folded to ASCII, spaces,
  -- quotes and commas dropped, trailing colons and full stops cut.
  function F.norm(s)
    local hit = memo[s]
    if hit then return hit end
    local r = F.fold(s)
    if size >= MEMO_BYTES then memo, size = {}, 0 end
    memo[s], size = r, size + #s + #r
    return r
  end

  fold_of[","] = ""
  local fold_chars = folder(fold_of)

  function F.fold(s)
    if utf8_invalid(s) ~= 0 then return s end
    local r = fold_chars(s)
    local e = #r
    local b = byte(r, e)
    if b ~= 58 and b ~= 46 then return r end     -- no colon or full stop at the end to cut
    repeat e = e - 1; b = byte(r, e) until b ~= 58 and b ~= 46
    return r:sub(1, e)
  end

  -- A normalised label without its leading enumerator: "3.其他" → "其他",
  -- "(一)予以公开" → "予以公开".
  -- (read byte by byte: t:gsub("^%d+%.?", ""):gsub("^%([^%)]+%)", "")
  -- made two matchers a label, a row of every table each)
  function F.bare(t)
    local i, b = 1, byte(t, 1)
    while b and b >= 48 and b <= 57 do i = i + 1; b = byte(t, i) end
    if i > 1 and b == 46 then i = i + 1; b = byte(t, i) end
    if b == 40 then
      local close = find(t, ")", i + 1, true)
      if close and close > i + 1 then i = close + 1 end
    end
    if i == 1 then return t end
    return t:sub(i)
  end

  -- A label without leading numerals: "一总体情况" → "总体情况".
  function F.strip_numeral(t)
    local cut = 1
    for pos, c in utf8.codes(t) do
      if not numeral[c] then break end
      cut = pos + #utf8.char(c)
    end
    return t:sub(cut)
  end

  function F.is_numeral(ch)
    return numeral[utf8.codepoint(ch)] == true
  end

  -- The byte position in raw just past the characters whose normalised form
  -- is `prefix` (a heading glued to its first sentence); nil when raw does
  -- not start with it.
  function F.prefix_end(raw, prefix)
    if prefix == "" then return 1 end
    for pos, c in utf8.codes(raw) do
      local upto = raw:sub(1, pos - 1 + #utf8.char(c))
      local n = F.norm(upto)
      if n == prefix then return pos + #utf8.char(c) end
      if #n > #prefix then return nil end
    end
    return nil
  end

  return F
end

-- White space of every width, at either end: trim(s) in one pass each way.
local wide = { "\u{3000}", "\u{A0}", "\u{2002}", "\u{2003}", "\u{2009}", "\u{200B}", "\u{FEFF}" }

-- first bytes of the wide spaces (C2 A0, E2 80 8x, E3 80 80, EF BB BF) and
-- their last bytes: any other byte cannot be one, so most calls end at once
local wide_first = { [0xC2] = true, [0xE2] = true, [0xE3] = true, [0xEF] = true }
local wide_last = { [0xA0] = true, [0x80] = true, [0x82] = true, [0x83] = true, [0x89] = true,
                    [0x8B] = true, [0xBF] = true }
local narrow_byte = { [32] = true, [9] = true, [13] = true, [10] = true, [12] = true, [11] = true }

local function space_at(s, i)        -- length of the space starting at i, or 0
  local b = byte(s, i)
  if narrow_byte[b] then return 1 end
  if not wide_first[b] then return 0 end
  for _, w in ipairs(wide) do
    if s:sub(i, i + #w - 1) == w then return #w end
  end
  return 0
end

local function space_before(s, j)    -- length of the space ending at j, or 0
  local b = byte(s, j)
  if narrow_byte[b] then return 1 end
  if not wide_last[b] then return 0 end
  for _, w in ipairs(wide) do
    if j - #w + 1 >= 1 and s:sub(j - #w + 1, j) == w then return #w end
  end
  return 0
end

function M.trim(s)
  local i, j = 1, #s
  while i <= j do
    local k = space_at(s, i)
    if k == 0 then break end
    i = i + k
  end
  while j >= i do
    local k = space_before(s, j)
    if k == 0 then break end
    j = j - k
  end
  return s:sub(i, j)
end

return M
