-- Label normalisation (spec §9.1): what real pages do to a label is undone
-- before matching. Used for matching only; cells keep the text as printed.

local utf8, string, table = utf8, string, table
local concat = table.concat
local M = {}

-- Characters dropped from labels: white space of every width, quotes,
-- and the separators that vary between renderings of the same label.
local drop = {}
for _, c in ipairs { 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C, 0xA0, 0x3000, 0x2002, 0x2003,
                     0x2009, 0x200B, 0xFEFF, 0x22, 0x27, 0x201C, 0x201D, 0x2018, 0x2019,
                     0x300C, 0x300D, 0x300E, 0x300F, 0x7C } do
  drop[c] = true
end

-- Traditional forms seen in mirrors of the format (spec §9.1.6), to simplified.
local simplified = {}
do
  local pairs_ = "總总計计規规範范會会機机構构業业務务組组織织關关開开轉转結结實实處处則则"
              .. "據据審审稅税對对應应號号與与條条項项資资訊讯際际請请決决辦办報报門门"
              .. "認认為为僅仅舉举齡龄劃划經经費费並并無无過过準准見见錄录統统網网屬属"
              .. "確确復复訴诉維维糾纠類类內内禁禁査查詢询獲获戶户狀状態态濟济"
  local chars = {}
  for _, c in utf8.codes(pairs_) do chars[#chars + 1] = c end
  for i = 1, #chars - 1, 2 do simplified[chars[i]] = chars[i + 1] end
end

-- Chinese numerals used as enumerators, for "( 一 )" → "(一)".
local function fold_char(c)
  if c >= 0xFF01 and c <= 0xFF5E then return c - 0xFEE0 end    -- full width → ASCII
  if c == 0x3001 or c == 0xFF0C then return 0x2C end            -- 、， → ,
  if c == 0x3002 then return 0x2E end                           -- 。 → .
  if c == 0x3014 then return 0x28 end                           -- 〔 → (
  if c == 0x3015 then return 0x29 end                           -- 〕 → )
  return simplified[c] or c
end

-- normalize(s) → the label as matched: folded, without spaces, quotes,
-- commas, trailing colons and full stops, with "1、" and "1." alike.
function M.normalize(s)
  local out, n = {}, 0
  local ok = utf8.len(s)
  if not ok then return s end
  for _, c in utf8.codes(s) do
    if not drop[c] then
      c = fold_char(c)
      if c ~= 0x2C then           -- commas vary: 、，, all go
        n = n + 1
        out[n] = utf8.char(c)
      end
    end
  end
  local t = concat(out, "", 1, n)
  return (t:gsub("[:%.]+$", ""))
end

-- A normalised label without its leading enumerator: "3.其他" → "其他",
-- "(一)予以公开" → "予以公开".
function M.bare(t)
  return (t:gsub("^%d+%.?", "", 1):gsub("^%([^%)]+%)", "", 1))
end

local numerals = {}
for _, c in utf8.codes("一二三四五六七八九十") do numerals[c] = true end

-- A label without a leading Chinese numeral: "一总体情况" → "总体情况".
function M.strip_numeral(t)
  local cut = 1
  for pos, c in utf8.codes(t) do
    if not numerals[c] then break end
    cut = pos + #utf8.char(c)
  end
  return t:sub(cut)
end

-- The byte position in raw just past the characters whose normalised form
-- is the normalised prefix `prefix` (for splitting a heading glued to its
-- first sentence). nil when raw does not start with prefix.
function M.prefix_end(raw, prefix)
  if prefix == "" then return 1 end
  for pos, c in utf8.codes(raw) do
    local upto = raw:sub(1, pos - 1 + #utf8.char(c))
    local n = M.normalize(upto)
    if n == prefix then return pos + #utf8.char(c) end
    if #n > #prefix then return nil end
  end
  return nil
end

-- White space of every width, at either end: trim(s) in one pass each way.
local narrow = { [" "] = true, ["\t"] = true, ["\r"] = true, ["\n"] = true, ["\f"] = true, ["\v"] = true }
local wide = { "\u{3000}", "\u{A0}", "\u{2002}", "\u{2003}", "\u{2009}", "\u{200B}", "\u{FEFF}" }

local function space_at(s, i)        -- length of the space starting at i, or 0
  if narrow[s:sub(i, i)] then return 1 end
  for _, w in ipairs(wide) do
    if s:sub(i, i + #w - 1) == w then return #w end
  end
  return 0
end

local function space_before(s, j)    -- length of the space ending at j, or 0
  if narrow[s:sub(j, j)] then return 1 end
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

-- Does the normalised label contain every word of `words` (normalised)?
function M.contains_all(label, words)
  for _, w in ipairs(words) do
    if not label:find(w, 1, true) then return false end
  end
  return true
end

return M
