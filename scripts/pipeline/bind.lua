-- Binding: a reader's document (blocks with places) → a Report of one
-- format. The parts are found by their headings, the metadata and the
-- report's identity in the opening, each table in its part by its labels
-- (lib/tables.lua). What the binder cannot place it reports as a
-- diagnostic; it never fills a cell it did not read. Readings of glued
-- digits it cannot decide alone are handed on (`pending`) to its last
-- pass, across years (years.lua).

local lpeg = require "lpeg"
local memo = require "memo"
local nianbao = require "nianbao"
local Report = require "report"
local tables = require "tables"
local formatlib = require "format"

local M = {}

local new_table = nianbao.new_table
local byte = string.byte

-- search(p) → a pattern that finds p anywhere: position, then p's captures.
local searchers = setmetatable({}, { __mode = "k" })
local function search(p)
  local s = searchers[p]
  if not s then
    s = lpeg.P { lpeg.Cp() * p + 1 * lpeg.V(1) }
    searchers[p] = s
  end
  return s
end

-- A digit anywhere in a text (%d: the C locale's, 0-9), found by LPeg's
-- span rather than a pattern tried at every byte.
local DIGIT = lpeg.R "09"
local has_digit = (1 - DIGIT)^0 * DIGIT
-- or a full-width one (０-９): a table's values may be typed so (looked for
-- only in a text as short as a row's, with no ASCII digit)
local WIDE_DIGIT = lpeg.P "\xEF\xBC" * lpeg.R "\x90\x99"
local has_wide_digit = (1 - WIDE_DIGIT)^0 * WIDE_DIGIT
local function has_value_digit(text)
  return has_digit:match(text) or #text <= 300 and text:find("\xEF\xBC", 1, true) and has_wide_digit:match(text)
end

-- Whether a part whose table was not read points to it, published as a
-- picture or an attachment: nothing under its heading, or a clause of at
-- most the pack's table_pointer_chars characters holding one of its
-- table_pointers and no count (详见下表, 具体见附件, 表格附后, [图片]; a
-- number right after a pointer numbers the picture or the attachment,
-- 详见图1, 见附件2, and a year, 2024年, counts nothing). The part may say
-- more around it, no count (本年度依法依规开展…，情况见下表). A clause is short for a
-- long one's word (…可在附件中下载…) not to be taken for a pointer; a
-- part that points nowhere and counts (本年制发3件) has its table missing.
local CLAUSE_ENDS = { "\xE3\x80\x82", "\xEF\xBC\x9B", "\xEF\xBC\x81", "\xEF\xBC\x9F",
                      "\xEF\xBC\x8C", "\xEF\xBC\x9A" }   -- 。；！？，：
local function points_away(F, text)
  if not text:gsub("\xE3\x80\x80", ""):find("%S") then return true end
  local pointers, most = F.decl.table_pointers, F.decl.table_pointer_chars
  if not pointers or not most then return false end
  -- (most such parts hold their table's unread text, long, and no pointer)
  local any = false
  for _, w in ipairs(pointers) do any = any or text:find(w, 1, true) ~= nil end
  if not any then return false end
  -- (full-width digits as ASCII ones: a pointer's number may be typed so)
  local plain = text:gsub("\xEF\xBC([\x90-\x99])", function(d) return string.char(d:byte() - 0x60) end)
  -- whether s counts something: a digit not a pointer's number nor a year's (年)
  local function counts(s)
    if not s:find("%d") then return false end
    for _, p in ipairs(pointers) do s = s:gsub(p:gsub("%p", "%%%0") .. "%d+", p) end
    return s:gsub("%d%d%d%d\xE5\xB9\xB4", ""):find("%d") ~= nil
  end
  -- (a count anywhere in the part, 本年主动公开政府信息412条，详见下表: its
  -- own figures, and its table missing)
  if counts(plain) then return false end
  for _, e in ipairs(CLAUSE_ENDS) do plain = plain:gsub(e, "\n") end
  for clause in plain:gmatch("[^\n;,]+") do
    if #clause <= 4 * most and (utf8.len(clause) or most + 1) <= most then
      for _, w in ipairs(pointers) do
        if clause:find(w, 1, true) then return true end
      end
    end
  end
  return false
end

-- A counted number of a language anywhere: a digit, spaces (%s: the C
-- locale's), a unit ("351 件"). One LPeg search for all its units, made
-- once per language; a unit that a pattern would read otherwise than as
-- written (a magic character, or a space first) is left to string.find.
local counted_of = setmetatable({}, { __mode = "k" })
local function counted(L)
  local c = counted_of[L]
  if c then return c end
  c = { by_pattern = {} }
  local units
  for _, u in ipairs(L.units or {}) do
    if u:find("[%^%$%*%+%?%.%(%)%[%]%%%-]") or u:find("^%s") then
      c.by_pattern[#c.by_pattern + 1] = "%d%s*" .. u
    else
      units = units and units + lpeg.P(u) or lpeg.P(u)
    end
  end
  c.search = units and search(DIGIT * lpeg.S " \t\n\v\f\r"^0 * units)
  counted_of[L] = c
  return c
end

-- first_of(s, words) → where the first of the words in s begins (each
-- found as string.find(s, w, 1, true) finds it), or nil: in one core call
-- where the build has it, for a search a list of words made word by word.
local first_of = nianbao.text and nianbao.text.first_of or function(s, words)
  local first
  for _, w in ipairs(words) do
    local at = s:find(w, 1, true)
    if at and (not first or at < first) then first = at end
  end
  return first
end
M.first_of = first_of

-- A language's sentence marks, and its clause marks of more than a byte:
-- the lists prose_of looks for, made once per language.
local prose_marks_of = setmetatable({}, { __mode = "k" })
local function prose_marks(L)
  local m = prose_marks_of[L]
  if m then return m end
  m = { sentence = {}, clause = {} }
  for _, s in ipairs(L.sentence_end or {}) do m.sentence[#m.sentence + 1] = s end
  for _, c in ipairs(L.clause_end or {}) do
    if #c > 1 then m.clause[#m.clause + 1] = c end
  end
  prose_marks_of[L] = m
  return m
end

-- Is this paragraph prose rather than a piece of a table? A sentence mark,
-- or a clause mark with a counted number ("共发生行政复议 351 件，…"): a
-- table's cells hold neither. Numbers come only from table cells. But a
-- run of three numbers parted by spaces alone is a row's values, whatever
-- its label's clause marks ("一、" "（区分处理的，只计…）") and a unit in a
-- cell or a remark after them ("… 3001 53 0 0 61 4 3119 其中网上申请2816件",
-- as a text browser prints a table with no borders, cells parted by a space).
local VALUE_RUN = "%d[%d,%.]*[ \t]+%d[%d,%.]*[ \t]+%d"
local function prose_of(L, text)
  local marks = prose_marks(L)
  if first_of(text, marks.sentence) then return true end
  if not first_of(text, marks.clause) then return false end
  if text:find(VALUE_RUN) then return false end
  local c = counted(L)
  if c.search and c.search:match(text) then return true end
  for _, p in ipairs(c.by_pattern) do
    if text:find(p) then return true end
  end
  return false
end

-- Each text asked once per language (a bounded memo): a table's lines are
-- asked of twice in one bind, and again in another format's bind. Bounded
-- by the bytes of the texts held, so long prose cannot fill memory.
local PROSE_MEMO_BYTES = 4 * 1048576
local prose_memo = memo.keyed()
local function is_prose(F, text)
  local L = F.language
  local m = prose_memo[L]
  local hit = m and m.of[text]
  if hit == nil then
    hit = prose_of(L, text)
    memo.put(prose_memo, L, PROSE_MEMO_BYTES, text, hit, #text)
  end
  return hit
end
M.is_prose = is_prose

--{=== parts and metadata ===

-- The headings of a format's parts, indexed (format.lua, heading_index:
-- made with the format, taken from the build's image of it where there is
-- one), with the look for a contents line after a heading, a pattern no
-- image holds.
local heading_index = setmetatable({}, { __mode = "k" })
local function first_char(s)      -- by its lead byte: s may not be UTF-8
  local c = s:byte(1) or 0
  return s:sub(1, c >= 0xF0 and 4 or c >= 0xE0 and 3 or c >= 0xC0 and 2 or 1)
end
local function headings_of(F)
  local ix = heading_index[F]
  if ix then return ix end
  ix = F.heading_index or formatlib.heading_index(F, F.decl, F.labels.norm)
  -- a contents line after a heading: dot leaders, or a space or tab alone (a
  -- converter's text of a Word file's contents: 一、总体情况<TAB>1), then a page number
  local leader, space = lpeg.P(false), lpeg.S " \t"
  for _, l in ipairs(F.decl.contents_leaders or {}) do leader = leader + l end
  for _, s in ipairs(F.language.spaces or {}) do space = space + s end
  ix.contents = (space^0 * leader * (leader + space)^0 + space^1) * DIGIT^1 * space^0 * -1
  heading_index[F] = ix
  return ix
end

-- The numbers that number a part alone ("第五部分", "第五部分：", "第五章"),
-- by their first character, longest first, each with its part: a title
-- worded otherwise may follow. Listed the first time a text begins so.
local function part_numbers(F, ix)
  if ix.part_numbers then return ix.part_numbers end
  local by = {}
  for _, form in ipairs(ix.part_forms) do
    for _, p in ipairs(F.parts) do
      local number = F.labels.norm(formatlib.fill(form, p.numbers))
      if number ~= "" then
        local list = by[first_char(number)] or {}
        by[first_char(number)] = list
        list[#list + 1] = { number = number, p = p }
      end
    end
  end
  for _, list in pairs(by) do
    table.sort(list, function(a, b)
      if #a.number ~= #b.number then return #a.number > #b.number end
      return a.p.index < b.p.index
    end)
  end
  ix.part_numbers = by
  return by
end

-- Is this paragraph a part heading? The part, and the text glued after the
-- heading when the page ran them together.
local function heading_of(F, block, t, renumbered)
  t = t or F.labels.norm(block.text)
  -- the first heading, in the format's order, that the text is or begins
  -- with: found by the index, then (from there on) as the order has it
  local ix = headings_of(F)
  -- (a text longer than every heading is none of them: not looked up, so
  -- that a paragraph's normal form is not hashed for it)
  local first = #t <= ix.longest and ix.exact[t] or nil
  local c = first_char(t)
  for _, n in ipairs(ix.lengths[c] or {}) do
    if n <= #t then
      local e = ix.prefix[n][t:sub(1, n)]
      if e and (not first or e.order < first.order) then first = e end
    end
  end
  local from = first and first.order or #ix.list + 1
  for i = from, #ix.list do
    local e = ix.list[i]
    local p, k, numbered = e.p, e.k, e.numbered
    if t == numbered or t == e.h then return p, "", k > 1 end
    if t:sub(1, #numbered) == numbered then
      local cut = F.labels.prefix_end(block.text, numbered)
      if cut and ix.contents:match(block.text, cut) then return nil end   -- a contents line
      if cut then return p, block.text:sub(cut), k > 1 end
    end
  end
  -- a numbered heading worded a little otherwise ("…被申请行政复议提起行政诉讼情况"):
  -- the one part whose numeral it has and whose title it is clearly like,
  -- holds, or is held in ("五、主要问题及改进情况"; four characters at least),
  -- or, short, holds one of the part's words
  -- (a character is four bytes at most: a longer text is not measured)
  if block.kind == "para" and #t <= 4 * 40 and (not ix.numeral_firsts or ix.numeral_firsts[c])
     and (utf8.len(t) or 99) <= 40 then
    for _, p in ipairs(F.parts) do
      if p.numbered ~= "" and t:sub(1, #p.numbered) == p.numbered then
        local rest = t:sub(#p.numbered + 1)
        -- (held or holding, a word of the part's: only as the format prints a
        -- part's numeral, "六、" — not "（六）", a row's or an item's, which
        -- the normal form does not tell apart, nor one renumbered so)
        local chars = utf8.len(rest) or 99
        local printed = renumbered ~= true and chars <= 40 and block.text:match("^%s*(.*)"):sub(1, #p.lead) == p.lead
        for k, h in ipairs(p.heads) do
          -- (held: in the title, not a variant, which may hold another part's: "…及其他需要报告的事项";
          -- nor at its start: a heading's first words wrapped, or another's beginning so)
          local held = printed and chars >= 4 and k == 1 and h:find(rest, 1, true)
          if tables.alike(rest, h, 0.8) or held and held > 1 or printed and chars >= 4 and rest:find(h, 1, true) then
            return p, "", true
          end
        end
        if printed and chars <= 16 then
          for _, w in ipairs(p.words) do
            if rest:find(w, 1, true) then return p, "", "words" end
          end
        end
      end
    end
  end
  -- a part under another's numeral (the parts after two printed as one
  -- renumbered, "五、其他需要报告的事项"; a part added before it, "七、…"):
  -- the part whose whole title follows
  local lead = #t <= ix.longest and ix.leads[c]
  if lead and t:sub(1, #lead) == lead then
    local rest = t:sub(#lead + 1)
    local e = ix.exact[rest]
    if e and e.h == rest then return e.p, "", true end
  end
  -- a part numbered otherwise ("第二部分"): its heading with its own numeral,
  -- which must then name that part
  local b1, b2 = byte(t, 1, 2)
  local renumbers = not renumbered and ix.numbers[b1]
  renumbers = renumbers and renumbers[b2]
  if renumbers then
    for _, leads in ipairs(renumbers) do
      local n = leads.n
      local e = leads.of[t:sub(1, n)]
      local cut = e and F.labels.prefix_end(block.text, t:sub(1, n))
      if cut then
        local from = cut - #e.title             -- where the title starts
        local p, glued, variant = heading_of(F, { kind = block.kind,
          text = formatlib.fill(F.heading, { n = e.p.n, title = "" }) .. block.text:sub(from) }, nil, true)
        if p == e.p then return p, glued, variant end
      end
    end
  end
  -- a number that numbers a part alone, then a title worded otherwise: read
  -- as after the part's own numeral, as the format prints it
  if not renumbered and block.kind == "para" and #t <= 4 * 40 and ix.part_firsts[c] then
    for _, e in ipairs(part_numbers(F, ix)[c] or {}) do
      local cut = t:sub(1, #e.number) == e.number and F.labels.prefix_end(block.text, e.number)
      if cut then
        local p, glued, variant = heading_of(F, { kind = block.kind,
          text = formatlib.fill(F.heading, { n = e.p.n, title = "" }) .. block.text:sub(cut) }, nil, "numbered")
        if p == e.p then return p, glued, variant end
        return nil
      end
    end
  end
  return nil
end

-- heading_of depends on the block's text and kind only, and a batch's
-- labels and numbers repeat from report to report: each answered once (a
-- memo per format of at most HEADING_MEMO_BYTES of text, its keys whole
-- paragraphs: it starts afresh when full). The answer keeps the text as
-- normalised too, for the binder's later pass over the same blocks: a
-- text that is no heading (most) is kept as that alone, under PLAIN[kind],
-- a heading as its answer {part, glued, variant, normalised} under kind.
-- Paragraphs have a memo of their own: most are a report's own prose, and
-- would start the cells' memo afresh every hundred reports or so.
local HEADING_MEMO_BYTES = 1 << 18
local heading_memo = memo.keyed()
local para_memo = memo.keyed()
local memo_of_kind = { para = para_memo, cell = heading_memo }
local NO_ANSWERS = {}       -- a kind with no answers yet: looked up, never written to
local PLAIN = { para = "plain para", cell = "plain cell" }
local function match_heading(F, block)
  local kind, text = block.kind, block.text
  if kind ~= "para" and kind ~= "cell" then
    local t = F.labels.norm(text)
    local p, glued, variant = heading_of(F, block, t)
    return p, glued, variant, t
  end
  local memos = memo_of_kind[kind]
  local m = memos[F]
  local was = m
  if m then
    local plain = m.of[PLAIN[kind]]
    local t = plain and plain[text]
    if t then return nil, nil, nil, t end
    local by = m.of[kind]
    local hit = by and by[text]
    if hit then return hit[1], hit[2], hit[3], hit[4] end
  end
  local t = F.labels.norm(text)
  local p, glued, variant = heading_of(F, block, t)
  m = memo.of(memos, F, HEADING_MEMO_BYTES)
  local fresh = m ~= was
  local key = p and kind or PLAIN[kind]
  local by = m.of[key]
  if not by then by = {}; m.of[key] = by; fresh = true end
  by[text] = p and { p, glued, variant, t } or t
  m.size = m.size + #text + #t + 64           -- the text and its normal form
  return p, glued, variant, t, fresh
end
M.match_heading = match_heading

-- The numbered part headings of a format as printed, by their first two
-- characters ("一、"): a paragraph without those holds none of them. Made
-- once per format.
local marks_index = setmetatable({}, { __mode = "k" })
-- The bytes of one character (four at most) as one number.
local function bytes_key(a, b, c, d)
  return ((a * 256 + (b or 0)) * 256 + (c or 0)) * 256 + (d or 0)
end
local function marks_of(F)
  local ix = marks_index[F]
  if ix then return ix end
  ix = { starts = {}, by_start = {} }
  for _, p in ipairs(F.parts) do
    for _, h in ipairs(p.raw_heads) do
      local one = first_char(h)
      local start = one .. first_char(h:sub(#one + 1))
      local list = ix.by_start[start]
      if not list then
        list = {}
        ix.by_start[start] = list
        ix.starts[#ix.starts + 1] = start
      end
      list[#list + 1] = h
    end
  end
  -- the starts by their second character ("、"): a text holds a start only
  -- where that character follows the start's first. The firsts by their
  -- length, each as the number its bytes make: looked up without cutting
  -- the text.
  ix.firsts_of = {}
  for _, start in ipairs(ix.starts) do
    local one = first_char(start)
    local two = start:sub(#one + 1)
    local firsts = ix.firsts_of[two]
    if not firsts then
      firsts = { lengths = {} }
      ix.firsts_of[two] = firsts
    end
    local n = #one
    if not firsts[n] then
      firsts[n] = {}
      firsts.lengths[#firsts.lengths + 1] = n
    end
    firsts[n][bytes_key(one:byte(1, n))] = true
  end
  -- no character of the starts is one simplifying replaces or yields: a
  -- text holds a start just when its simplified form does
  ix.raw = true
  for _, start in ipairs(ix.starts) do
    if F.labels.touched(start) then ix.raw = false end
  end
  marks_index[F] = ix
  return ix
end

-- Does the text hold any of the starts after its first byte (a start
-- that begins the text cuts nothing off: a table's row "一、本年新收…")?
-- Looked for by their second characters, which are few and rare in prose,
-- not start by start.
local function holds_start(marks, text)
  for two, firsts in pairs(marks.firsts_of) do
    local at = 1
    while true do
      local s = text:find(two, at, true)
      if not s then break end
      local lengths = firsts.lengths
      for i = 1, #lengths do
        local n = lengths[i]
        if s > n + 1 and firsts[n][bytes_key(text:byte(s - n, s - 1))] then return true end
      end
      at = s + 1
    end
  end
  return false
end

-- The reader's list made anew at its size, in one step where it is not
-- too long to unpack: most blocks pass as they are, and a list grown block
-- by block is made anew at every doubling.
local UNPACK_MAX = 100000
local function copy_list(blocks, count)
  if count <= UNPACK_MAX then return { table.unpack(blocks, 1, count) } end
  local out = {}
  for i = 1, count do out[i] = blocks[i] end
  return out
end

-- Does a paragraph hold a part heading after its start? Its text
-- simplified where it may, else nil (most paragraphs, seen without
-- simplifying them first).
local function heading_inside(F, marks, text)
  local simplify = F.labels.simplify
  if (marks.raw and not holds_start(marks, text)) or not holds_start(marks, simplify(text)) then return nil end
  return simplify(text)
end

-- A paragraph that holds a part heading after its start (plain: its text
-- simplified), put at out[n + 1] on as a piece before each heading it
-- holds. → the last place filled.
local function cut_para(b, plain, marks, out, n)
  local cuts = {}
  for _, start in ipairs(marks.starts) do
    if plain:find(start, 1, true) then
      for _, m in ipairs(marks.by_start[start]) do
        local at = 1
        while true do
          local s = plain:find(m, at, true)
          if not s then break end
          if s > 1 then cuts[#cuts + 1] = s end
          at = s + #m
        end
      end
    end
  end
  table.sort(cuts)
  local prev = 1
  local function piece(from, to)
    -- a paragraph with no heading inside after all is one piece: itself
    if from == 1 and to == #b.text then return b end
    return { kind = "para", text = b.text:sub(from, to), line = b.line,
             col = (b.col or 1) + (from == 1 and 0 or utf8.len(b.text:sub(1, from - 1)) or 0),
             offset = (b.offset or 0) + from - 1 }
  end
  for _, c in ipairs(cuts) do
    if c > prev then
      n = n + 1
      out[n] = piece(prev, c - 1)
      prev = c
    end
  end
  n = n + 1
  out[n] = piece(prev, #b.text)
  return n
end

-- A paragraph of 60 bytes or more, put at out[n + 1] on: the paragraph
-- itself where it holds no part heading after its start, else its pieces.
-- → the last place filled.
local function split_para(F, marks, b, out, n)
  local plain = heading_inside(F, marks, b.text)
  if not plain then
    n = n + 1
    out[n] = b
    return n
  end
  return cut_para(b, plain, marks, out, n)
end

-- Crawled pages run the parts together on one line ("…联系。一、总体情况2021年，…").
-- Cut paragraphs before every numbered part heading they hold. And drop
-- the paragraphs that are a page's furniture (its number), which print
-- and PDF text leave among the prose and inside tables. One pass over the
-- blocks for both: most are cells, passed on as they are. (The binder's
-- walk below cuts them so in its own pass.)
local function split_headings(F, blocks)
  local marks = marks_of(F)
  local furniture = F.grammars.page_number
  local count = #blocks
  local out = copy_list(blocks, count)
  local n = 0
  for i = 1, count do
    local b = blocks[i]
    if b.kind ~= "para" then
      -- (in its place already until a block is left out or cut)
      n = n + 1
      if n ~= i then out[n] = b end
    elseif furniture and furniture:match(b.text) then
      -- a page number: left out
    elseif #b.text < 60 then
      n = n + 1
      out[n] = b
    else
      n = split_para(F, marks, b, out, n)
    end
  end
  for k = n + 1, count do out[k] = nil end     -- the places the blocks left out had
  return out
end
M.split_headings = split_headings

-- The header cells of a table as printed: the texts that name one of its
-- columns (for the rules on a header's wording, 万元 or 元).
local header_memo = memo.keyed()

-- A table's column words as a list, with their lengths in characters and
-- the set of their characters: made once per table, for one search of
-- them all in a text, and a short text measured for likeness only against
-- the words near its length that share enough of its characters.
local column_list_of = setmetatable({}, { __mode = "k" })
local function column_list(T)
  local c = column_list_of[T]
  if c then return c end
  c = { words = {}, lengths = {}, chars = {} }
  for w in pairs(T.column_words) do
    c.words[#c.words + 1] = w
    local n = utf8.len(w) or false
    c.lengths[#c.words] = n
    local set = false
    if n then
      set = {}
      for _, code in utf8.codes(w) do set[code] = true end
    end
    c.chars[#c.words] = set
  end
  column_list_of[T] = c
  return c
end

-- A text names a column when it holds one of the words, or, short, is
-- like one of them (tables.alike, whose first test, of the two lengths,
-- is made here before a call).
local function names_column(F, T, text)
  if tables.value_state(F, text) then return false end
  local t = F.labels.norm(text)
  local c = column_list(T)
  if first_of(t, c.words) then return true end
  -- (a character is four bytes at most: a longer text is not measured)
  local m = #t <= 4 * 20 and utf8.len(t)
  if not m or m > 20 then return false end
  local lengths, chars = c.lengths, c.chars
  local codes
  for i, w in ipairs(c.words) do
    local n = lengths[i]
    local short, long = m, n
    if n and n < m then short, long = n, m end
    if not n or short + 1e-9 >= 0.7 * long then
      -- likeness is at most the share of characters the two have in
      -- common: fewer of t's characters in w than 0.7 of the longer, and
      -- the pair is not measured
      local set, near = chars[i], true
      if set then
        if not codes then
          codes = {}
          for _, code in utf8.codes(t) do codes[#codes + 1] = code end
        end
        local held = 0
        for k = 1, #codes do
          if set[codes[k]] then held = held + 1 end
        end
        near = held + 1e-9 >= 0.7 * long
      end
      if near and tables.alike(t, w, 0.7) then return true end
    end
  end
  return false
end

-- Whether text names a column of table T: names_column's answer, each
-- text asked once per table (a memo of at most HEADING_MEMO_BYTES of
-- text: the labels repeat).
local function names_column_of(F, T, text)
  local m = header_memo[T]
  local yes = m and m.of[text]
  if yes == nil then
    yes = names_column(F, T, text)
    memo.put(header_memo, T, HEADING_MEMO_BYTES, text, yes, #text + 64)
  end
  return yes
end

-- Whether one of the texts holds one of the words, as the texts joined by
-- line breaks would: each text asked once per list of words (a memo of at
-- most SIGNED_MEMO_BYTES of text: a batch's labels repeat), where joining
-- a report's texts to search them cost more than the search. nil where a
-- word is empty or holds a line break (found only in the texts joined).
local SIGNED_MEMO_BYTES = 1 << 18
local signed_memo = memo.keyed()
local plain_words = setmetatable({}, { __mode = "k" })
local function words_plain(words)
  local plain = plain_words[words]
  if plain == nil then
    plain = true
    for _, w in ipairs(words) do
      if w == "" or w:find("\n", 1, true) then plain = false end
    end
    plain_words[words] = plain
  end
  return plain
end

-- Whether the one text t holds one of the (plain) words, from the memo.
-- A long text (a paragraph: most are a report's own) is searched, not
-- kept: the search costs less than hashing it for the memo.
local SIGNED_MEMO_LONGEST = 120
local function holds_one(t, words)
  if #t > SIGNED_MEMO_LONGEST then return first_of(t, words) ~= nil end
  local m = signed_memo[words]
  local yes = m and m.of[t]
  if yes == nil then
    yes = first_of(t, words) ~= nil
    memo.put(signed_memo, words, SIGNED_MEMO_BYTES, t, yes, #t + 64)
  end
  return yes
end

local function holds_any(texts, words)
  if not words_plain(words) then return nil end
  for i = 1, #texts do
    if holds_one(texts[i], words) then return true end
  end
  return false
end
M.holds_any = holds_any

-- The key of the memo's cells that pass the walk in one look-up, by the
-- signature words asked (or none) and the table of the part (or none):
-- nil for neither, where the plain cells are those. The cells that are
-- alike but name a column of T pass so too, by key.named.
local NO_WORDS, NO_TABLE = {}, {}
local quiet_keys = setmetatable({}, { __mode = "k" })
local function quiet_key(words, T)
  if not words and not T then return nil end
  local by = quiet_keys[words or NO_WORDS]
  if not by then
    by = setmetatable({}, { __mode = "k" })
    quiet_keys[words or NO_WORDS] = by
  end
  local key = by[T or NO_TABLE]
  if not key then
    key = { named = T and {} }         -- (and the key of T's cells that name a column)
    by[T or NO_TABLE] = key
  end
  return key
end

-- The key of the memo's paragraphs that the walk passed whole (neither page
-- number nor heading, nothing to cut, none of the words), by the signature
-- words asked (or none).
local walked_keys = setmetatable({}, { __mode = "k" })
local function walked_key(words)
  local key = walked_keys[words or NO_WORDS]
  if not key then
    key = {}
    walked_keys[words or NO_WORDS] = key
  end
  return key
end

-- The cells each part had in the report walked last: its list is made at
-- that size, where a list grown cell by cell was made anew at every
-- doubling (a batch's reports have much the same tables). A size only,
-- held to 1,024 (a part of the format's has some 200): one report's huge
-- table does not make every later report's lists huge.
local cells_seen = setmetatable({}, { __mode = "k" })
local CELLS_SEEN_MAX = 1024
local function seen_cells(part, n) cells_seen[part] = n < CELLS_SEEN_MAX and n or CELLS_SEEN_MAX end

-- gather(F, blocks, words) → the blocks as split_headings gives them, the
-- parts' starts, and where the paragraphs are. One pass for all: the
-- blocks cut and left out, each asked whether it is a part heading
-- (match_heading's memo looked up in line: most blocks are a batch's
-- labels, answered before), and the cells after each start gathered for
-- its tables as they come, with the last cell's place, whether any is
-- placed in a grid and where the first paragraph is (the short way of
-- table_tokens needs no other pass).
-- With a list of words (another format's signature), also whether any
-- normalised text holds one of them, as holds_any(normed, words) would
-- say (nil: not asked). And each part's header texts for its table
-- (st.heads, as header_texts(F, T, st.cells) gives them; st.heads_of: T).
-- A cell known to be no heading, to hold none of the words and to name
-- no column of its part's table is kept so in the memo (by the words and
-- the table: quiet_key), and passes the walk as one look-up; the others
-- are asked one by one. Each block's text normalised is not kept: a
-- report that needs them (few) has them from norm (see walk).
-- grid_last: the last block with a grid, as the reader says (no block
-- after it is asked for one); nil: any.
local function gather(F, src, words, grid_last)
  if words and not words_plain(words) then words = nil end
  local signed = words and false
  local quiet, heads, nheads, table_now = quiet_key(words, nil), nil, 0, nil
  local marks = marks_of(F)
  local furniture = F.grammars.page_number
  local norm = F.labels.norm
  local count = #src
  grid_last = grid_last or count
  -- the reader's list itself (each block put back in its own place) until a
  -- block is left out or cut, then a copy: most reports have neither
  local blocks = src
  local starts, found = {}, {}
  local paras, nparas = {}, 0
  local answered = heading_memo[F] and heading_memo[F].of or NO_ANSWERS
  local para_answered = para_memo[F] and para_memo[F].of or NO_ANSWERS
  local by_para, by_cell = para_answered.para or NO_ANSWERS, answered.cell or NO_ANSWERS
  local plain_para = para_answered[PLAIN.para] or NO_ANSWERS
  local plain_cell = answered[PLAIN.cell] or NO_ANSWERS
  local walked = walked_key(words)
  local walked_para = para_answered[walked] or NO_ANSWERS
  -- the cells that pass in one look-up (with no words and no table, the plain ones)
  local quiet_cell = quiet and (answered[quiet] or NO_ANSWERS) or plain_cell
  local named_cell = NO_ANSWERS
  -- the cells of the part begun last; before the first start (st nil) a
  -- list let go at it, so that a cell is gathered with no test of a part
  local st, cells, ncells, last, placed, para_at = nil, {}, 0, 0, false, nil
  local n, from, empty = 0, nil, nil
  for i = 1, count do
    local b = src[i]
    local kind = b.kind
    if kind == "cell" then
      n = n + 1
      blocks[n] = b
      local text = b.text
      if quiet_cell[text] then
        -- most blocks: a cell answered before, and no heading
        ncells = ncells + 1
        cells[ncells] = b
        last = n
        if not placed and i <= grid_last and b.grid and b.x0 then placed = true end
        goto next_block
      end
      if named_cell[text] then
        -- a cell answered before that names a column of the part's table
        ncells = ncells + 1
        cells[ncells] = b
        last = n
        if not placed and i <= grid_last and b.grid and b.x0 then placed = true end
        nheads = nheads + 1
        heads[nheads] = text
        goto next_block
      end
      from = n
    elseif kind == "para" then
      local text = b.text
      if walked_para[text] then
        -- a paragraph walked whole before, no heading and none of the
        -- words: no page number and nothing to cut, asked no more (a
        -- batch's boilerplate)
        n = n + 1
        blocks[n] = b
        nparas = nparas + 1
        paras[nparas] = n
        if st and not para_at then para_at = n end
        goto next_block
      end
      if furniture and furniture:match(text) then
        -- a page number: left out
        if blocks == src then blocks = copy_list(src, count) end
        goto next_block
      end
      from = n + 1
      local plain = #text >= 60 and heading_inside(F, marks, text)
      if not plain then
        n = from
        blocks[n] = b
      else
        if blocks == src then blocks = copy_list(src, count) end
        n = cut_para(b, plain, marks, blocks, n)
      end
    else
      n = n + 1
      blocks[n] = b
      -- (a break's text is most often empty: normalised once a walk, and holding no word)
      if words and not signed then
        local text = b.text
        local t
        if text == "" then
          t = empty or norm(text)
          empty = t
        else
          t = norm(text)
        end
        if t ~= "" then signed = holds_one(t, words) end
      end
      goto next_block
    end
    -- the blocks from..n (a paragraph's pieces, or one cell): asked, and
    -- a part started or the part's cells gathered
    for k = from, n do
      local bk = blocks[k]
      local text = bk.text
      local t, hit
      if kind == "cell" then
        t = plain_cell[text]
        hit = not t and by_cell[text]
      else
        t = plain_para[text]
        hit = not t and by_para[text]
        nparas = nparas + 1
        paras[nparas] = k
      end
      local p, glued, variant, fresh
      if not t and hit then
        t = hit[4]
        p, glued, variant = hit[1], hit[2], hit[3]
      elseif not t then
        p, glued, variant, t, fresh = match_heading(F, bk)
      end
      if fresh then
        -- the memo begun afresh, or a list of its answers begun: looked up again
        answered = heading_memo[F] and heading_memo[F].of or NO_ANSWERS
        para_answered = para_memo[F] and para_memo[F].of or NO_ANSWERS
        by_para, by_cell = para_answered.para or NO_ANSWERS, answered.cell or NO_ANSWERS
        plain_para, plain_cell = para_answered[PLAIN.para] or NO_ANSWERS, answered[PLAIN.cell] or NO_ANSWERS
        walked_para = para_answered[walked] or NO_ANSWERS
        quiet_cell = quiet and (answered[quiet] or NO_ANSWERS) or plain_cell
        named_cell = quiet and quiet.named and answered[quiet.named] or NO_ANSWERS
      end
      local loud, named = p ~= nil, false    -- a heading or a signature word; a column's name
      if words and holds_one(t, words) then signed, loud = true, true end
      if p and kind == "cell" and glued ~= "" then p = nil end
      if p and not found[p.id] then
        found[p.id] = true
        if st then
          st.cells, st.last, st.placed, st.para_at, st.heads = cells, last, placed, para_at, heads
          seen_cells(st.part, ncells)
        end
        st = { index = k, part = p, glued = glued, block = bk, variant = variant }
        starts[#starts + 1] = st
        cells, ncells, last, placed, para_at = new_table(cells_seen[p] or 0, 0), 0, k, false, nil
        table_now = p.table and F.table_by_id[p.table]
        heads, nheads, st.heads_of = {}, 0, table_now
        quiet = quiet_key(words, table_now)
        quiet_cell = quiet and (answered[quiet] or NO_ANSWERS) or plain_cell
        named_cell = quiet and quiet.named and answered[quiet.named] or NO_ANSWERS
      elseif not st then
        -- (before the first part)
      elseif kind == "cell" then
        ncells = ncells + 1
        cells[ncells] = bk
        last = k
        if not placed and i <= grid_last and bk.grid and bk.x0 then placed = true end   -- (bk: src[i])
        if table_now then
          if names_column_of(F, table_now, text) then
            nheads = nheads + 1
            heads[nheads] = text
            named = true
          end
        end
      elseif not para_at then
        para_at = k
      end
      if not loud and bk == b and kind == "para" then
        -- the paragraph whole, no page number, no heading and none of the
        -- words: the next time one look-up
        if walked_para == NO_ANSWERS then
          walked_para = {}
          para_memo[F].of[walked] = walked_para
        end
        walked_para[text] = true
        local m = para_memo[F]
        m.size = m.size + #text + 32
      end
      if kind == "cell" and not loud and quiet then
        -- the next time one look-up
        if named then
          if named_cell == NO_ANSWERS then
            named_cell = {}
            answered[quiet.named] = named_cell
          end
          named_cell[text] = t
        else
          if quiet_cell == NO_ANSWERS then
            quiet_cell = {}
            answered[quiet] = quiet_cell
          end
          quiet_cell[text] = t
        end
        local m = heading_memo[F]
        m.size = m.size + #text + 64
      end
    end
    ::next_block::
  end
  if st then
    st.cells, st.last, st.placed, st.para_at, st.heads = cells, last, placed, para_at, heads
    seen_cells(st.part, ncells)
  end
  if blocks ~= src then
    for k = n + 1, count do blocks[k] = nil end     -- the places the blocks left out had
  end
  return blocks, starts, paras, nparas, found, signed
end

-- normed_of(F, blocks) → each block's text normalised, as the walk asked them.
local function normed_of(F, blocks)
  local norm, normed = F.labels.norm, {}
  for i = 1, #blocks do normed[i] = norm(blocks[i].text) end
  return normed
end

-- walk(F, blocks, words, grid_last) → gather's answers, and (third) each
-- block's text normalised (for detect).
local function walk(F, src, words, grid_last)
  local blocks, starts, paras, nparas, found, signed = gather(F, src, words, grid_last)
  return blocks, starts, normed_of(F, blocks), paras, nparas, found, signed
end
M.walk = walk

-- A date in numerals (二〇二五年一月二十日, 二○二五年元月) with its
-- digits: each run of numerals before a year's or a date's mark made a
-- number (a year digit by digit, a month or day as counted), the rest
-- left as it is; the same text where there is none (a pattern per format).
-- A year in numerals holds a zero (二〇二四): a text with none is returned
-- as it is, found by one search for the zeros.
local in_digits_of = setmetatable({}, { __mode = "k" })
local function in_digits(F, s)
  local p = in_digits_of[F]
  if p == nil then
    local L = F.language or {}
    local digits, multiples = {}, L.multiples or {}
    for w, v in pairs(L.digits or {}) do digits[w] = v end
    for w, v in pairs(type(F.decl.date_digits) == "table" and F.decl.date_digits or {}) do digits[w] = v end
    local zeros = {}
    for w, v in pairs(digits) do if v == 0 then zeros[#zeros + 1] = w end end
    table.sort(zeros)                             -- (the same order in every run)
    local numeral, mark = lpeg.P(false), lpeg.P(false)
    for w in pairs(digits) do numeral = numeral + w end
    for w in pairs(multiples) do numeral = numeral + w end
    for _, w in ipairs(L.year_mark or {}) do mark = mark + w end
    for _, w in ipairs(L.date_mark or {}) do mark = mark + w end
    local function number(run)
      local out, total, now, counted = {}, 0, 0, false
      for _, c in utf8.codes(run) do
        local ch = utf8.char(c)
        if multiples[ch] then
          total, now, counted = total + math.max(now, 1) * multiples[ch], 0, true
        else
          now = digits[ch]; out[#out + 1] = tostring(now)
        end
      end
      return counted and tostring(total + now) or table.concat(out)
    end
    p = { zeros = zeros, cs = lpeg.Cs(((numeral^1 / number) * #mark + numeral^1 + 1)^0) }
    in_digits_of[F] = p
  end
  for _, z in ipairs(p.zeros) do
    if s:find(z, 1, true) then return p.cs:match(s) end
  end
  return s
end

-- A date as printed → "YYYY-MM-DD", or nil.
local function date_of(F, s)
  local g = F.grammars.date
  if not g or not s then return nil end
  local _, y, m, d = search(g):match(F.labels.simplify(s))
  if not y then return nil end
  m, d = tonumber(m), tonumber(d)
  if m < 1 or m > 12 or d < 1 or d > 31 then return nil end
  return string.format("%s-%02d-%02d", y, m, d)
end

-- A batch's reports are published and written on a few days: each date
-- as printed read once per format (a bounded memo; false: no date).
local DATE_MEMO_BYTES = 1 << 16
local date_memo = memo.keyed()
function M.parse_date(F, s)
  if not s then return nil end
  local m = date_memo[F]
  local hit = m and m.of[s]
  if hit == nil then
    hit = date_of(F, s) or false
    memo.put(date_memo, F, DATE_MEMO_BYTES, s, hit, #s + 64)
  end
  return hit or nil
end

-- A statistics period stated in text → {from=, to=, line=, col=} or nil.
-- The opening's lines are asked in turn until one states it, and a batch's
-- pages share most of them (a site's menu): each text's answer is kept
-- (a bounded memo by format; false: no period).
local PERIOD_MEMO_BYTES = 1 << 16
local period_memo = memo.keyed()
function M.parse_period(F, text, block)
  local g = F.grammars.period
  if not g or not text then return nil end
  local m = period_memo[F]
  local hit = m and m.of[text]
  if hit == nil then
    hit = false
    -- (folded, as labels are: a period in full-width digits is stated too)
    local folded = F.labels.norm(F.labels.simplify(text))
    local _, p = search(g):match(folded)
    -- (a period in numerals, 二〇二四年一月一日至十二月三十一日, is stated too:
    -- searched again only where there are numerals to make digits)
    if not p then
      local digits = in_digits(F, folded)
      if digits ~= folded then _, p = search(g):match(digits) end
    end
    if p then
      local y2 = p.y2 or p.y1
      hit = { string.format("%s-%02d-%02d", p.y1, tonumber(p.m1), tonumber(p.d1)),
              string.format("%s-%02d-%02d", y2, tonumber(p.m2), tonumber(p.d2)) }
    end
    memo.put(period_memo, F, PERIOD_MEMO_BYTES, text, hit, #text + 64)
  end
  if not hit then return nil end
  return { from = hit[1], to = hit[2], line = block and block.line, col = block and (block.col or 1) }
end

-- Whether a line is a caption of a table in an appendix after the last
-- part ("表一　主动公开政府信息情况"): short, and naming the title of a part
-- that has a table.
local function appendix_caption(F, line)
  return #line <= 160 and tables.names_part(F, F.labels.norm(line))
end

-- A line of a site's footer, as a page's text keeps it after a report:
-- short, and no sentence (none of the language's sentence marks), so a
-- part's own prose stops the look.
local FOOTER_LINES, FOOTER_CHARS = 8, 80
local function footer_line(F, line)
  return #line <= FOOTER_CHARS * 3 and (utf8.len(line) or FOOTER_CHARS + 1) <= FOOTER_CHARS
         and not first_of(line, prose_marks(F.language).sentence)
end

-- signed_date(F, line) → the year, month and day of a signature's date
-- line, printed in ASCII or full-width digits (２０２５年１月２４日)
local function signed_date(F, line)
  local g = F.grammars.signed
  local y, m, d = g:match(line)
  if not y and line:find("\xEF\xBC[\x90-\x99]") then y, m, d = g:match(F.labels.norm(line)) end
  -- (in numerals: 二〇二五年一月二十日; no line of digits and marks alone is long)
  if not y and #line <= 60 and not has_digit:match(line) then y, m, d = g:match(in_digits(F, line)) end
  return y, m, d
end

-- The signature (落款) that ends a report: the issuer's name on a line,
-- then a date alone on the last line of the last part. It is no text of
-- that part: it leaves it, and gives the date written (成文日期) where the
-- page's metadata did not, and the issuer where nothing else did but a
-- bare line of the opening (loose: a banner may be the site's, not the issuer's).
-- Where the tables follow it in an appendix (appendix: some were found
-- there), their captions stay after it in the part: it is read above
-- them, and left in place; so it is above a site's footer.
local function strip_signature(F, R, loose, appendix)
  local s = R.sections[#R.sections]
  local g = F.grammars.signed
  if not (s and s.part and g and s.places and #s.places >= 2) then return end
  local n = #s.places
  local lines = {}
  for i = 1, n do
    local from = s.places[i].at
    local to = (s.places[i + 1] and s.places[i + 1].at - 1 or #s.text + 1) - 1
    lines[i] = s.text:sub(from, to)
  end
  local last = n
  if appendix then
    while last > 2 and not signed_date(F, lines[last]) and appendix_caption(F, lines[last]) do last = last - 1 end
    if last == n then return end                            -- (read before, as any signature)
  else
    -- a scraped page's footer after it (相关附件, 打印本页, 网站地图, 备案号…):
    -- a few short lines, none a sentence, looked over for the date above them
    local k = n
    while k > 2 and n - k < FOOTER_LINES and not signed_date(F, lines[k]) and footer_line(F, lines[k]) do k = k - 1 end
    if k < n and signed_date(F, lines[k]) then last = k end
    -- (but a date over the name, as some sign: the name is no footer)
    if last == n - 1 and not signed_date(F, lines[n]) and (utf8.len(lines[n]) or 99) <= 40 then
      local name = require("labels").trim(lines[n])
      for _, e in ipairs(F.agency_endings) do
        if name:sub(-#e) == e and #name > #e then last = n; break end
      end
    end
  end
  local y, m, d = signed_date(F, lines[last])
  local name, top = lines[last - 1], last - 1     -- the name's line, and the signature's first
  local moved = not y                             -- the name not on the line over the date
  if not y and #lines[last] <= FOOTER_CHARS * 3 then     -- (a short line: a name and a date)
    -- the name and the date on one line, the date first or last; or the
    -- date on the line over the name: read where the line is a name
    local line = lines[last]:gsub("\u{3000}", " ")
    local a, b = line:match("^%s*(.-)%s+(%S+)%s*$")
    if a and a ~= "" then y, m, d = signed_date(F, b) end
    if not y then
      b, a = line:match("^%s*(%S+)%s+(.-)%s*$")
      if a and a ~= "" then y, m, d = signed_date(F, b) end
    end
    if y then name, top = a, last
    else
      y, m, d = signed_date(F, lines[last - 1])
      name = lines[last]
    end
  end
  if not y then return end
  name = require("labels").trim(name)
  local norm = F.labels.norm
  -- a joint name's second name in brackets on a line of its own, under the
  -- first (a name too: not a seal's mark, （盖章）)
  local second = top == last - 1 and last > 2 and norm(name):match("^%((.*)%)$")
  if second then
    local named = false
    for _, e in ipairs(F.agency_endings) do named = named or second:sub(-#e) == e end
    second = named
  end
  local first = second and require("labels").trim(lines[last - 2]) or name
  if second then name = first .. name end
  local is_name = R.agency and norm(name) == norm(R.agency)
  if not is_name and (utf8.len(first) or 99) <= 40 then
    for _, e in ipairs(F.agency_endings) do is_name = is_name or first:sub(-#e) == e end
  end
  m, d = tonumber(m), tonumber(d)
  if m < 1 or m > 12 or d < 1 or d > 31 then return end
  local date = string.format("%s-%02d-%02d", y, m, d)
  if not is_name then
    -- a date alone ends the report (its issuer named in the title only): the date written
    if last < n or R.written or moved then return end
    R.written = date
    s.text = s.text:sub(1, math.max(0, s.places[n].at - 2))
    s.places[n] = nil
    return
  end
  if second then top = last - 2 end                -- the name's first line
  R.signature = { agency = name, date = date, line = s.places[top].line }
  if not R.written then R.written = date end
  if not R.agency or loose then R.agency = name
  else
    -- the title's name the end of the signed one (a unit's own name, or with
    -- a note in brackets: "桐江分局（…派出机构）" signed "青岚市生态环境局桐江分局"),
    -- or the signed one with spaces in it (a PDF's runs, "青原县水 利局"): the signed
    local short, full = norm(R.agency):gsub("%(.*%)$", ""):gsub("%s", ""), norm(name):gsub("%s", "")
    if short ~= "" and full:sub(-#short) == short and (#full > #short or R.agency:find("%s") and not name:find("%s")) then
      R.agency = name
    end
  end
  if last < n then return end
  s.text = s.text:sub(1, math.max(0, s.places[top].at - 2))
  for k = top, n do s.places[k] = nil end
end

-- key_and_value(t) → t:match("^([^:]+):(.*)$"): the text before its first
-- colon (not empty), and after it; found with one search for the colon,
-- where the pattern ran to the end of a long line and back a byte a step.
local function key_and_value(t)
  local colon = t:find(":", 1, true)
  if colon and colon > 1 then return t:sub(1, colon - 1), t:sub(colon + 1) end
  return nil
end
M.key_and_value = key_and_value

-- A page's line of several fields, each "key：value", parted by wide
-- spaces ("来源：市医保局　发布日期：2025-01-24　浏览次数：1024"): each
-- field the format declares is read as if it stood on a line of its own.
-- (or each in lenticular brackets: "【发布时间：2025-01-24】【来源：市医保局】")
local FIELD_GAPS = { "\u{3000}", "\u{A0}", "\t", "  ", "\u{3010}", "\u{3011}" }

-- The first gap of s at or after from: each kind's next place kept in
-- next_at and searched for again only once passed (false: none left), so
-- a line is searched once for each kind, not once a piece.
local function next_gap(s, from, next_at)
  local at, last
  for i = 1, #FIELD_GAPS do
    local a = next_at[i]
    if a == nil or a and a < from then
      a = s:find(FIELD_GAPS[i], from, true) or false
      next_at[i] = a
    end
    if a and (not at or a < at) then at, last = a, a + #FIELD_GAPS[i] - 1 end
  end
  return at, last
end

-- A date field run on after another field's value with no gap between
-- (spans side by side: "来源：市医保局发布时间：2025-01-24 09:30浏览次数：9"):
-- read up to the next colon, when what it holds there is a date.
local date_keys_of = setmetatable({}, { __mode = "k" })
local function run_on_date(F, piece, meta, b, col)
  local keys = date_keys_of[F]
  if not keys then
    keys = {}
    for _, field in ipairs { "published", "written" } do
      for _, label in ipairs(F.decl and F.decl.metadata and F.decl.metadata[field] or {}) do
        keys[#keys + 1] = { field = field, label = F.labels.norm(label) }
      end
    end
    date_keys_of[F] = keys
  end
  local raw
  for _, k in ipairs(keys) do
    local field = k.field
    -- (most lines name no date field: a plain search for its key, then the colon)
    if not meta[field] and piece:find(k.label, 2, true) then
      raw = raw or piece:gsub("\u{FF1A}", ":")
      local at = raw:find(k.label .. ":", 2, true)
      local value = at and raw:sub(at):match("^[^:]*:%s*([^:]*)")
      local date = value and value:match("^(.*%d)")
      if date and M.parse_date(F, date) then
        meta[field] = { text = date, line = b.line, col = col + (utf8.len(raw, 1, at - 1) or 0) }
        return k.label
      end
    end
  end
  return false
end

local function read_fields(F, b, meta)
  local text, from, read, next_at = b.text, 1, false, {}
  while from <= #text do
    local gap, last = next_gap(text, from, next_at)
    local piece = text:sub(from, (gap or #text + 1) - 1)
    local key, rest = key_and_value(F.labels.norm(piece))
    local field = key and F.meta_keys[key]
    if not field and rest and run_on_date(F, piece, meta, b, (b.col or 1) + (utf8.len(text, 1, from - 1) or 0)) then
      read = true
    elseif field and not meta[field] and rest ~= "" then
      local value = piece:gsub("\u{FF1A}", ":"):match(":%s*(.-)%s*$")
      -- (a date field run on after this one's value: "发布机构：某局发布日期：2025-01-20")
      local dated = value and value:find(":", 1, true)
                    and run_on_date(F, piece, meta, b, (b.col or 1) + (utf8.len(text, 1, from - 1) or 0))
      if dated then value = value:sub(1, (value:find(dated, 1, true) or #value + 1) - 1) end
      if value and value ~= "" then
        meta[field] = { text = value, line = b.line, col = (b.col or 1) + (utf8.len(text, 1, from - 1) or 0) }
        read = true
      end
    end
    if not gap then break end
    from = last + 1
  end
  if read then b.meta = true end                -- metadata, not the opening's text
end

local function read_meta(F, blocks, stop, meta)
  local norm = F.labels.norm
  local i = 1
  while i < stop do
    local b = blocks[i]
    if b.kind ~= "break" then
      local t = norm(b.text)
      local key, rest = key_and_value(t)
      key = key or t
      local field = F.meta_keys[key]
      -- (a line of several fields may begin with one the format declares: a
      -- date's own value is read as before, the date at its head)
      if rest and (not field and (rest:find(":", 1, true) or t:sub(1, 3) == "\u{3010}")
                   or field and field ~= "published" and field ~= "written" and rest:find(":", 1, true)) then
        read_fields(F, b, meta)
      elseif field and not meta[field] then
        local value, at = rest, b
        if (value == nil or value == "") and blocks[i + 1] and blocks[i + 1].kind == "cell" then
          at = blocks[i + 1]
          value = at.text
          i = i + 1
        elseif value and value ~= "" then
          -- the value as printed: after the first colon, of either width
          local raw = b.text:gsub("\u{FF1A}", ":")
          value = raw:match(":%s*(.-)%s*$") or value
        end
        if value and value ~= "" then
          meta[field] = { text = value, line = at.line, col = at.col or 1 }
          b.meta, at.meta = true, true          -- metadata, not the opening's text
        end
      end
    end
    i = i + 1
  end
end

local function starts_with_any(s, list)
  for _, w in ipairs(list) do
    if s:sub(1, #w) == w then return true end
  end
  return false
end

local function contains_any(s, list)
  return first_of(s, list) ~= nil
end

-- The lines a wrapped sentence takes: block i's text with the lines after
-- it joined (at most WRAP_LINES in all) while the one before ends in no
-- sentence mark and the next is a paragraph on the very next line, no
-- heading; and how many lines it took. nil when block i runs on into none.
-- A break inside PDF text's prose is no space: nothing between the lines.
local WRAP_LINES = 3
local function wrapped_on(F, blocks, i, last)
  local ends = F.language.break_after or F.language.sentence_end or {}
  local b = blocks[i]
  local out = { b.text }
  while #out < WRAP_LINES and i < last do
    local prev, nxt = blocks[i], blocks[i + 1]
    if nxt.kind ~= "para" or nxt.line ~= prev.line + 1 or heading_of(F, nxt) then break end
    local t = prev.text:gsub("[ \t]+$", "")
    local closed = t == ""
    for _, e in ipairs(ends) do closed = closed or t:sub(-#e) == e end
    if closed then break end
    out[#out + 1] = require("labels").trim(nxt.text)
    i = i + 1
  end
  if #out == 1 then return nil end
  return table.concat(out), #out
end

-- The statistics period read in block i and the lines it runs on into,
-- placed at the first of those lines that still holds it with the lines
-- after it: the line it starts on. nil when there is none.
local function wrapped_period(F, blocks, i, last)
  local joined, lines = wrapped_on(F, blocks, i, last)
  local p = joined and M.parse_period(F, joined, blocks[i])
  while p and lines > 1 do
    local later = wrapped_on(F, blocks, i + 1, last) or blocks[i + 1].text
    local q = M.parse_period(F, later, blocks[i + 1])
    if not q or q.from ~= p.from or q.to ~= p.to then break end
    p, i, lines = q, i + 1, lines - 1
  end
  return p
end

-- A title printed on two lines, the issuer's name on the first and the
-- year on the second ("凤栖区石桥镇" / "2021年政府信息公开工作年度报告"):
-- that name, or nil. The line right above the title's, only characters of
-- a name (ideographs), ending as an issuer's name does (镇, 街道 too).
local function title_named(F, blocks, title_at)
  local b, title = blocks[title_at - 1], blocks[title_at]
  if not (b and b.kind == "para" and b.line == title.line - 1) then return nil end
  local name = F.labels.simplify(b.text):gsub("%s", "")
  local n = utf8.len(name)
  if not n or n < 2 or n > 30 then return nil end
  for _, c in utf8.codes(name) do
    if c < 0x4E00 or c > 0x9FFF then return nil end      -- a CJK ideograph each: no mark, digit or letter
  end
  if is_prose(F, name) then return nil end
  for _, e in ipairs(F.agency_endings) do
    if name:sub(-#e) == e then return name end
  end
  for _, k in ipairs(F.issuers) do
    for _, e in ipairs(k.endings or {}) do
      if name:sub(-#e) == e then return name end
    end
  end
  return nil
end

-- The issuer a joint file's first report names for itself: its own title
-- in the opening under the file's (a part's number before it, "第一部分 …"),
-- else the first of the file title's names, where each is an issuer's name.
local function own_agency(F, blocks, title_at, first, year_of, agency)
  local simplify = F.labels.simplify
  local function issuer_name(name)
    local n = utf8.len(name)
    if not n or n < 2 or n > 30 then return nil end
    for _, c in utf8.codes(name) do
      if c < 0x4E00 or c > 0x9FFF then return nil end      -- ideographs only: no mark, digit or letter
    end
    for _, e in ipairs(F.agency_endings) do
      if #name > #e and name:sub(-#e) == e then return name end
    end
    return nil
  end
  for i = first - 1, (title_at or 0) + 1, -1 do
    local b = blocks[i]
    local plain = b.kind == "para" and simplify(b.text)
    local at = plain and #b.text < 200 and contains_any(plain, F.report_words)
               and not starts_with_any(plain, F.title_not) and year_of:match(plain)
    -- (a title, ending with the report's words: no contents line's page number after them)
    local bare = at and plain:gsub("%s+$", "")
    local ends = false
    for _, w in ipairs(at and F.report_words or {}) do ends = ends or bare:sub(-#w) == w end
    if ends then
      local name = plain:sub(1, at - 1)
      for _, form in ipairs(F.decl.heading_numbers or {}) do
        for _, p in ipairs(F.parts) do
          local lead = formatlib.fill(form, p.numbers)
          if name:sub(1, #lead) == lead then name = name:sub(#lead + 1) end
        end
      end
      name = issuer_name((name:gsub("%s", "")))
      if name then return name end
    end
  end
  local names = {}
  for w in agency:gmatch("%S+") do
    if not issuer_name(w) then return nil end
    names[#names + 1] = w
  end
  return #names > 1 and names[1] or nil
end

-- A name a notice's title frames (关于印发《…, …关于): the name without its frame
local function unframed(F, name)
  for _, w in ipairs(F.agency_frame or {}) do
    if name:sub(1, #w) == w then name = name:sub(#w + 1) end
    if name:sub(-#w) == w then name = name:sub(1, -#w - 1) end
  end
  return name
end

-- Title, report year, agency and statistics period from the opening text.
local function read_identity(F, R, blocks, first, joint)
  local year_of = F.grammars.report_year and search(F.grammars.report_year)
  local simplify = F.labels.simplify
  local head, title_at = {}, nil
  for i = 1, first - 1 do
    local b = blocks[i]
    if b.kind == "para" and not b.meta then       -- (a field's line names no agency: 发布日期：… 来源：…)
      local plain = simplify(b.text)
      head[#head + 1] = plain
      local named = not R.title and contains_any(plain, F.report_words)
      -- a title a narrow page wrapped before its last characters ("…年度报" / "告"): the two lines
      local c = not R.title and not named and blocks[i + 1]
      local wrapped = c and #c.text <= 24 and i + 1 < first and c.kind == "para" and c.line == b.line + 1
                      and (utf8.len(require("labels").trim(c.text)) or 9) <= 3
                      and b.text:gsub("%s+$", "") .. require("labels").trim(c.text)
      if wrapped and contains_any(simplify(wrapped), F.report_words) then
        b, plain, named = { text = wrapped }, simplify(wrapped), true
      end
      if not R.title and #b.text < 200 and named
         and not starts_with_any(plain, F.title_not) and not b.text:find(":", 1, true)
         and not b.text:find("\u{FF1A}", 1, true) then
        R.title, title_at = b.text, i
      end
    end
  end
  if R.meta.title and year_of and year_of:match(simplify(R.meta.title.text)) then   -- the page's 标题 field
    R.title, title_at = R.meta.title.text, nil
  end
  local opening = table.concat(head, "\n")
  local agency_at
  if year_of then
    local at, y
    if R.title then
      at, y = year_of:match(simplify(R.title))
      -- (a year in numerals, 二〇二四年度: the name before it is the same)
      if not at then at, y = year_of:match(in_digits(F, simplify(R.title))) end
    end
    if at then
      R.title_year = tonumber(y)
      agency_at = at
    else
      _, y = year_of:match(opening)
      R.title_year = tonumber(y)
    end
  end
  if R.title and agency_at then
    -- (a scan's title line may hold a site's menu apart by a wide gap: "信息公开      某局2024年…")
    local agency = unframed(F, (R.title:sub(1, agency_at - 1):gsub("%s+$", ""):gsub("^.*%S%s%s%s+", "")))
    if agency ~= "" then R.agency = agency end
  elseif R.title then
    -- a title with no year ("某县审计局政府信息公开工作年度报告"): the name
    -- before the report's words, where it ends as an issuer's name does
    local plain = simplify(R.title)
    local at = first_of(plain, F.report_words)
    local name = at and plain:sub(1, at - 1):gsub("%s+$", "")
    if name and not name:find("%d") then
      for _, e in ipairs(F.agency_endings) do
        if name:sub(-#e) == e and #name > #e then R.agency = name; break end
      end
    end
  end
  if not R.agency and R.meta.publisher then R.agency = R.meta.publisher.text end
  if not R.agency and agency_at == 1 and title_at then R.agency = title_named(F, blocks, title_at) end
  if joint and R.agency and year_of then
    R.agency = own_agency(F, blocks, title_at, first, year_of, R.agency) or R.agency
  end
  if not R.agency and F.grammars.agency then
    local _, a = search(F.grammars.agency):match(opening)
    if a and a ~= "" then R.agency = a end
  end
  local loose
  if not R.agency then
    -- a line of the opening that is only a name: the issuer's, or the
    -- site's banner ("江苏省人民政府" over a department's report): a
    -- signature at the end, where there is one, names the issuer instead
    for i = 1, first - 1 do
      local b = blocks[i]
      local t = b.kind == "para" and F.labels.simplify(b.text):gsub("%s", "")
      if t and (utf8.len(t) or 99) <= 30 and not t:find("%d") and not is_prose(F, t) then
        for _, e in ipairs(F.agency_endings) do
          if t:sub(-#e) == e then R.agency, loose = t, true; break end
        end
      end
      if R.agency then break end
    end
  end
  for i = 1, first - 1 do
    local b = blocks[i]
    if b.kind == "para" and not R.period then R.period = M.parse_period(F, b.text, b) end
  end
  -- some reports state it in the first part instead ("本报告所列数据的统计期限为…")
  for i = first, #blocks do
    local b = blocks[i]
    if R.period then break end
    if b.kind == "para" and contains_any(simplify(b.text), F.period_words) then R.period = M.parse_period(F, b.text, b) end
  end
  -- PDF text wraps it over lines ("…自2024年1月1日起至2024年12" / "月31日止"):
  -- each line with the lines it runs on into, read only where no line held it
  if not R.period then
    for i = 1, first - 1 do
      if R.period then break end
      if blocks[i].kind == "para" then R.period = wrapped_period(F, blocks, i, first - 1) end
    end
    for i = first, #blocks do
      if R.period then break end
      local joined = blocks[i].kind == "para" and wrapped_on(F, blocks, i, #blocks)
      if joined and contains_any(simplify(joined), F.period_words) then R.period = wrapped_period(F, blocks, i, #blocks) end
    end
  end
  R.year = R.title_year or (R.period and tonumber(R.period.to:sub(1, 4)))
  return loose
end

-- Labels of other formats seen (signatures), and whether the text is in
-- the structure of before 2019 (numbered part headings of that time, and
-- not the parts of this format). Each block's text normalised is made
-- only where it is asked (most reports: never).
-- (signed: whether a text holds one of the words `one`, where the walk said.)
local function detect(F, R, blocks, found, others, one, signed)
  local normed
  local function normed_texts()
    normed = normed or normed_of(F, blocks)
    return normed
  end
  -- the texts joined, made only where a word is found in them or the old
  -- headings are sought (most reports: neither)
  local text
  local function joined()
    text = text or table.concat(normed_texts(), "\n")
    return text
  end
  for _, o in ipairs(others) do
    -- the signatures in the text at all (most reports: none), then the
    -- blocks that hold them
    local sigs = {}
    local any
    if o.signature == one and signed ~= nil then any = signed else any = holds_any(normed_texts(), o.signature) end
    if any == nil then any = first_of(joined(), o.signature) end
    if any then
      joined()
      for _, sig in ipairs(o.signature) do
        if text:find(sig, 1, true) then sigs[#sigs + 1] = sig end
      end
    end
    local seen, list = {}, {}
    for i, b in ipairs(#sigs > 0 and blocks or {}) do
      for _, sig in ipairs(sigs) do
        if not seen[sig] and normed_texts()[i]:find(sig, 1, true) then
          seen[sig] = true
          list[#list + 1] = { text = b.text, line = b.line, col = b.col or 1 }
        end
      end
    end
    if #list > 0 then R.signatures[o.name] = list end
  end
  local nfound = 0
  for _ in pairs(found) do nfound = nfound + 1 end
  if nfound >= 4 then return false end     -- the answer is known: no need to seek the old headings
  local legacy = 0
  joined()
  for _, h in ipairs(F.legacy.headings) do
    for _, n in utf8.codes(F.decl.numerals or "") do
      if text:find(utf8.char(n) .. h, 1, true) then legacy = legacy + 1; break end
    end
  end
  return nfound < 4 and legacy >= F.legacy.at_least
end

--}===

--{=== tables ===

-- A line this short inside a table's part is a label, not prose.
local SHORT = 40

-- The tokens of one table: the cells of its part, and its short lines. A
-- part with no cells at all (crawled text) is cut into tokens from the
-- first word of its table on. Then whether any token has a place in a
-- grid (only a reader's own blocks can: without, the table is no placed one),
-- and, where the tokens are the part's cells alone, their header texts.
-- Does any of the first n blocks hold a value (a number or a marker)?
local function any_value(F, blocks, n)
  for k = 1, n do
    local state = tables.value_state(F, blocks[k].text)
    if state == "number" or state == "marker" then return true end
  end
  return false
end

-- Whether a line is a table's row of tab-separated cells, most of them numbers:
-- a remark beside its values (其中网上申请2816件) does not make it prose.
-- The format's units as a set, made once per format.
local unit_sets = setmetatable({}, { __mode = "k" })
local function unit_set(F)
  local set = unit_sets[F]
  if not set then
    set = {}
    for _, u in ipairs(F.units or {}) do set[u] = true end
    unit_sets[F] = set
  end
  return set
end

local function number_cells(text, units)
  if not text:find("\t", 1, true) then return false end
  local cells, numbers = 0, 0
  for c in text:gmatch("[^\t]+") do
    cells = cells + 1
    -- (a number with its unit, 64件, is a cell's too)
    local unit = c:match("^%s*[%d,%.]+(%S*)%s*$")
    if unit and (unit == "" or units and units[unit]) then numbers = numbers + 1 end
  end
  return numbers >= 3 and 2 * numbers >= cells
end
M.number_cells = number_cells

-- The format's table_notes as one pattern, past a line's white (spaces,
-- tabs, ideographic spaces, in any mix): a table's lines are many, each
-- asked with one match in C, where a search for the first byte that is
-- not white and a string made of the three bytes there were a look-up's
-- price every line. A word shorter than three bytes opens a note only
-- where it ends the line (as when it was looked up by three bytes).
local note_opening = setmetatable({}, { __mode = "k" })
local LINE_WHITE = (lpeg.S " \t" + lpeg.P "\u{3000}")^0
-- Whether a line opens a note printed under a table (the format's table_notes).
local function opens_note(F, text)
  local opening = note_opening[F]
  if not opening then
    local words = lpeg.P(false)
    for _, w in ipairs(F.decl.table_notes or {}) do
      if w ~= "" then words = words + (#w < 3 and lpeg.P(w) * -1 or lpeg.P(w)) end
    end
    opening = LINE_WHITE * words
    note_opening[F] = opening
  end
  return opening:match(text) ~= nil
end
M.opens_note = opens_note

-- Whether a line leads to the table printed after it (…情况如下：): a
-- colon at its end, outside brackets. A table's header wrapped at a colon
-- is inside one (本年收费金额（单位：, （本列数据的勾稽关系为：).
local function introduces(text)
  local stop = #text
  while stop > 0 and (text:byte(stop) == 32 or text:byte(stop) == 9) do stop = stop - 1 end
  if text:sub(stop - 2, stop) ~= "\u{FF1A}" and text:sub(stop, stop) ~= ":" then return false end
  local _, wide_open = text:gsub("\u{FF08}", "")
  local _, wide_closed = text:gsub("\u{FF09}", "")
  local _, opened = text:gsub("%(", "")
  local _, closed = text:gsub("%)", "")
  return wide_open + opened <= wide_closed + closed
end
M.introduces = introduces

-- Whether line i after table T's lines leads to another table: a sentence
-- of ten characters at least ending in a colon (introduces), holding none
-- of T's start words and naming none of its rows (续表：, a caption's
-- 第二十条第（五）项： is T's own), nor do the three lines after it (a
-- corrected copy of T after 上表…有误，现更正如下： is T again).
local function names_table(F, T, text)
  return first_of(F.labels.simplify(text), T.starts) ~= nil or names_column_of(F, T, text)
         or tables.find_row_of(F, T, F.labels.norm(text)) ~= nil
end
local function leads_to_another(F, T, blocks, i, to)
  local text = blocks[i].text
  -- (a note ending in a colon, 注：…现更正如下：, leads to the table again: opens_note's)
  if not introduces(text) or (utf8.len(text) or 0) < 10 or opens_note(F, text) or names_table(F, T, text) then
    return false
  end
  local seen = 0
  for j = i + 1, to do
    local b = blocks[j]
    if (b.kind == "para" or b.kind == "cell") and b.text ~= "" then
      if names_table(F, T, b.text) then return false end
      seen = seen + 1
      if seen == 3 then break end
    end
  end
  return true
end

M.leads_to_another = leads_to_another

-- The format's table_captions (表, 附表) with a number after them, past a
-- line's white: a caption numbering a table (表5 本年度…统计表). With the
-- set of the words' first bytes: a table's lines are many, and most are
-- let go by their first byte.
local caption_opening = setmetatable({}, { __mode = "k" })
local function captions_of(F)
  local c = caption_opening[F]
  if not c then
    local words, first = lpeg.P(false), {}
    for _, w in ipairs(F.decl.table_captions or {}) do
      if w ~= "" then
        words = words + lpeg.P(w)
        first[byte(w)] = true
      end
    end
    c = { opening = LINE_WHITE * words * LINE_WHITE * (lpeg.R "09" + WIDE_DIGIT), first = first }
    caption_opening[F] = c
  end
  return c
end

-- Whether line i after table T's lines is a caption numbering another
-- table (表5 …统计表) with no sentence leading to it: naming none of T's
-- rows, columns or start words, nor do the three lines after it (表3（续）
-- is followed by T's header or rows). Most lines are let go by their
-- first byte. (A header of another table's words alone, with no caption,
-- is not looked for: T's lines are many, and rows after a label wrapped
-- in pieces name nothing of T either.)
local function heads_another(F, T, blocks, i, to)
  local text = blocks[i].text
  local captions = captions_of(F)
  if not (captions.first[byte(text)] and captions.opening:match(text)) then return false end
  if opens_note(F, text) or is_prose(F, text) or names_table(F, T, text) then return false end
  local seen = 0
  for j = i + 1, to do
    local b = blocks[j]
    if (b.kind == "para" or b.kind == "cell") and b.text ~= "" then
      if names_table(F, T, b.text) or opens_note(F, b.text) then return false end
      seen = seen + 1
      if seen == 3 then break end
    end
  end
  return seen > 0
end
M.heads_another = heads_another

-- Whether a line holds a comma outside brackets, every bracket on it
-- closed on it: a sentence's clause. A table's header wrapped inside a
-- bracket (（区分处理的，只计 / 主要情况，重复的申请…）) has its commas within
-- one, and a number's thousands (3,119) part no clause. Its marks found by
-- their bytes (a full-width form's lead byte, an ASCII mark's): a table's
-- lines are many.
local WIDE_OPEN, WIDE_CLOSE, WIDE_COMMA = "\u{FF08}", "\u{FF09}", "\u{FF0C}"
local function clause_outside_brackets(text)
  local depth, comma, at = 0, false, 1
  while true do
    local s = text:find("[%(%),\xEF]", at)
    if not s then break end
    local c, mark = text:byte(s), nil
    if c == 0xEF then
      local wide = text:sub(s, s + 2)
      mark = wide == WIDE_OPEN and "(" or wide == WIDE_CLOSE and ")" or wide == WIDE_COMMA and "," or nil
      at = s + 3
    else
      mark = string.char(c)
      if mark == "," and (text:find("^%d", s + 1) and text:find("^%d", s - 1)) then mark = nil end
      at = s + 1
    end
    if mark == "(" then depth = depth + 1
    elseif mark == ")" then
      depth = depth - 1
      if depth < 0 then return false end
    elseif mark == "," and depth == 0 then comma = true end
  end
  return comma and depth == 0
end

-- Where a paragraph wrapped over the page's lines ends (the index of its
-- last line before the line holding its sentence mark), when block i opens
-- one: a clause outside brackets and no row's values on each of its lines,
-- then a line of prose. Such a paragraph after a table's rows (…有所上升，
-- 主要集中在…、 / …予以答复。) is the part's prose: its first line, with no
-- sentence mark, was taken for a line of the table (unplaced, and left out
-- of the published page).
local WRAPPED_LINES = 4
local function wrapped_prose(F, blocks, i, to)
  local b = blocks[i]
  -- (most of a table's lines hold no comma: asked by one look each)
  if not (b.text:find(WIDE_COMMA, 1, true) or b.text:find(",", 1, true)) then return nil end
  if not clause_outside_brackets(b.text) then return nil end
  -- (a few lines: a cell's number alone on a line is a table's, not a clause's)
  for j = i, math.min(to, i + WRAPPED_LINES) do
    local c = blocks[j]
    local text = c.text
    if c.kind ~= "para" or text:find(VALUE_RUN) or text:match("^%s*[%d,%.]+%s*$")
       or number_cells(text, unit_set(F)) then return nil end
    if j > i and is_prose(F, text) then return j - 1 end
  end
  return nil
end
M.wrapped_prose = wrapped_prose

-- Where a line's text begins, past its white (an ideographic space too).
local function text_start(text)
  local at = text:find("[^ \t]")
  while at and text:sub(at, at + 2) == "\u{3000}" do at = text:find("[^ \t]", at + 3) end
  return at
end

-- Where in a line a table's start word begins that the line wraps on to
-- the next (its first characters end the line or its label, the rest open
-- the next), or nil. A line leading to the table, or prose, wraps no start word.
local function start_across(F, T, text, next_block)
  if next_block.kind ~= "para" then return nil end
  -- (a row's label wraps so around its values: 一、本年新  3001 … / 收政府信息)
  local tail = F.labels.simplify(text):gsub("[%s%d,%.]+$", "")
  local head = F.labels.simplify(next_block.text)
  local at = text_start(head)
  -- (a line of columns: its last piece is no label the next line goes on)
  if not at or #tail == 0 or tail:find("%S[ \t][ \t]+%S") then return nil end
  head = head:sub(at)
  for _, w in ipairs(T.starts) do
    -- each cut of the word between two of its characters
    for cut in utf8.codes(w) do
      if cut > 1 and tail:sub(-(cut - 1)) == w:sub(1, cut - 1) and head:sub(1, #w - cut + 1) == w:sub(cut) then
        if introduces(next_block.text) or is_prose(F, next_block.text) then return nil end
        return #tail - (cut - 1) + 1
      end
    end
  end
  return nil
end
M.start_across = start_across

local function table_tokens(F, T, blocks, from, to, lead, gaps)
  local tokens, cells, last, placed = {}, 0, from - 1, false
  -- a table has numbers: a part whose prose only names the table's words
  -- has none. The first paragraph with numbers that is not prose, found in
  -- the pass that counts the cells; it counts up to the last cell.
  -- The same pass gathers the cells as tokens: where no paragraph comes
  -- before the last cell (and no text glued to the heading), they are all
  -- the tokens, and the pass below is not needed.
  -- The header texts among those tokens (header_texts) are found in that
  -- pass too, each text asked once per table (its memo looked up in line).
  local digits_at, para_at
  local answered = header_memo[T]
  local heads, nheads = {}, 0
  local of = answered and answered.of
  for i = from, to do
    local b = blocks[i]
    local kind = b.kind
    if gaps and gaps[i] then
      -- (a grid of the part's own between two of the table's, and what stands with it)
    elseif kind == "cell" then
      cells, last = cells + 1, i
      tokens[cells] = b
      if not placed and b.grid and b.x0 then placed = true end
      local text = b.text
      local yes
      if of then yes = of[text] end
      if yes == nil then
        yes = names_column(F, T, text)
        memo.put(header_memo, T, HEADING_MEMO_BYTES, text, yes, #text + 64)
        of = header_memo[T].of          -- a full memo starts afresh
      end
      if yes then
        nheads = nheads + 1
        heads[nheads] = text
      end
    elseif kind == "para" then
      para_at = para_at or i
      if not digits_at and has_value_digit(b.text) and not is_prose(F, b.text) then digits_at = i end
    end
  end
  -- cells with no value, and lines with numbers after them: a page kept the
  -- header as a table and flattened the rows, which are read as crawled text's
  local rows_after = cells > 0 and digits_at ~= nil and digits_at > last and not any_value(F, tokens, cells)
  -- (the lines after the last cell, where they are left out: the caller looks there for the table's rows again)
  local cut = cells > 0 and not rows_after and last < to and last or nil
  if cells > 0 and not rows_after and not lead and not (para_at and para_at < last) then return tokens, placed, heads, cut end
  tokens, placed = {}, false
  -- the paragraphs read as the table's lines (a writer leaves them out of the part's prose)
  local read = {}
  local noted = false   -- within a note under the table
  local prose_to        -- the last line of a wrapped paragraph among the table's lines
  if cells > 0 and not rows_after then to = last end      -- prose after the last cell is not the table's
  local has_digits = digits_at ~= nil and digits_at <= to
  if lead and has_value_digit(lead.text) then has_digits = true end
  for i = lead and from - 1 or from, to do
    local b = (lead and i == from - 1) and lead or blocks[i]
    if gaps and gaps[i] then
      -- (left out above)
    elseif b.kind == "cell" then
      tokens[#tokens + 1] = b
      if not placed and b.grid and b.x0 then placed = true end
    elseif b.kind == "para" and is_prose(F, b.text) and not number_cells(b.text, unit_set(F)) then
      -- prose inside a table's part: its numbers are the text's, not the table's
    elseif b.kind == "para" then
      -- (a sentence leading to the table, before its first token, is the
      -- part's prose: its words no label, …行政复议、行政诉讼情况如下： was
      -- unplaced, nor left out of the published part with the table's lines)
      if cells > 0 and not rows_after then
        if (utf8.len(b.text) or SHORT + 1) <= SHORT and not (#tokens == 0 and introduces(b.text)) then
          tokens[#tokens + 1] = b
          read[i] = true
          if not placed and b.grid and b.x0 then placed = true end
        end
      else
        local text = b.text
        -- a sentence leading to a table of the part's own after this one's
        -- lines (…分类统计如下：): what follows is not this table's (its rows
        -- were said extra, its header unplaced)
        -- (asked only of a line ending in a colon or a space: most end in a digit or a word)
        local tail = byte(text, -1)
        if (tail == 0x9A or tail == 0x3A or tail == 32 or tail == 9) and #tokens > 0 and b ~= lead
           and leads_to_another(F, T, blocks, i, to) then
          break
        end
        -- (and a caption numbering another table, with no sentence before it)
        if #tokens > 0 and b ~= lead and heads_another(F, T, blocks, i, to) then break end
        local start = first_of(F.labels.simplify(text), T.starts)
        -- a line of numbers alone (a table whose header a page lost)
        if not start and #tokens == 0 and text:match("^[%d%s%.%-]+$") and text:find("%d%s+%d") then start = 1 end
        -- a start word wrapped over two lines (a narrow caption's 第二十 /
        -- 条第（一）项): the table starts on the first of them, its rows
        -- after were left out (表二's 规章 said missing)
        if not start and #tokens == 0 and b ~= lead and i < to then
          start = start_across(F, T, text, blocks[i + 1])
        end
        if start and #tokens == 0 and introduces(text) then start = nil end
        -- a note under the table, and the lines it wraps on to up to a run
        -- of values, is none of its rows: its dates (统计期限为2024年1月1日
        -- 至…) were read as the last row's values, the row refused. A note
        -- ending with a colon (…现更正如下：) leads to what follows, a
        -- corrected table's header and rows: it wraps on to none of them
        -- (the corrected table's first label was left out, its values given
        -- to the row above)
        local note = #tokens > 0 and opens_note(F, text)
        if note then
          noted = not introduces(text)
        elseif noted and text:find(VALUE_RUN) then
          noted = false
        end
        -- a paragraph wrapped over the page's lines, its first line with
        -- no sentence mark, is the part's prose too
        if #tokens > 0 and not noted and not note and b ~= lead and not (prose_to and i <= prose_to) then
          prose_to = wrapped_prose(F, blocks, i, to) or prose_to
        end
        if (start or #tokens > 0) and has_digits and not noted and not note and not (prose_to and i <= prose_to) then
          start = start or 1
          tables.tokenize_into(tokens, start == 1 and text or text:sub(start), b.line,
                               (b.col or 1) + (start == 1 and 0 or utf8.len(text:sub(1, start - 1)) or 0),
                               (b.offset or 0) + start - 1, F.enumerator_marks, b.tabs, b.indent)
          if b.ruled then tokens.ruled = true end   -- (an OCR's rules: a 1 at a number's edge may be one)
          if b ~= lead then read[i] = true end
        end
      end
    end
  end
  return tokens, placed, nil, cut, read
end
M.table_tokens = table_tokens

--}===

local function header_texts(F, T, tokens)
  local out, n = {}, 0
  -- (the memo looked up in line: a table's tokens are mostly answered before)
  local m = header_memo[T]
  local of = m and m.of
  for i = 1, #tokens do
    local text = tokens[i].text
    local yes
    if of then yes = of[text] end
    if yes == nil then
      yes = names_column_of(F, T, text)
      of = header_memo[T].of          -- a full memo starts afresh
    end
    if yes then
      n = n + 1
      out[n] = text
    end
  end
  return out
end
M.header_texts = header_texts

-- Where a table that is not in its part starts and ends: from the first
-- line (not prose, short, or a cell) that holds one of its start words,
-- to before a part heading or the start of another table.
local function starts_table(F, T, b)
  if b.kind ~= "para" and b.kind ~= "cell" then return false end
  if is_prose(F, b.text) or (b.kind == "para" and (utf8.len(b.text) or 0) > 60) then return false end
  local t = F.labels.norm(b.text)
  for _, w in ipairs(T.starts) do
    if t:find(F.labels.norm(w), 1, true) then return true end
  end
  return false
end

-- A table's rows laid out by their cells' columns (x0) where the reader
-- gives them: a place no cell starts at nor a rowspan above covers (a
-- merged cell whose span the reader does not say) is an empty cell.
local function placed_in_columns(t)
  local covered, first, wide = {}, math.huge, 0
  for _, row in ipairs(t.rows) do
    for _, c in ipairs(row) do
      if not c.x0 then return end
      if c.x0 < first then first = c.x0 end
    end
  end
  -- (columns counted from 1, whatever the reader counts from)
  for _, row in ipairs(t.rows) do
    for _, c in ipairs(row) do
      c.x0 = c.x0 - first + 1
      if c.x0 + c.colspan - 1 > wide then wide = c.x0 + c.colspan - 1 end
    end
  end
  for r, row in ipairs(t.rows) do
    local out, k = {}, 1
    local x = 1
    while x <= wide do
      local c = row[k]
      if c and c.x0 <= x then
        k = k + 1
        if c.x0 == x then
          out[#out + 1] = c
          for dr = 1, c.rowspan - 1 do
            covered[r + dr] = covered[r + dr] or {}
            for dc = 0, c.colspan - 1 do covered[r + dr][x + dc] = true end
          end
          x = x + c.colspan
        end
      elseif covered[r] and covered[r][x] then
        x = x + 1
      else
        out[#out + 1] = { text = "", rowspan = 1, colspan = 1 }
        x = x + 1
      end
    end
    for _, c in ipairs(out) do c.x0 = nil end
    t.rows[r] = out
  end
end

-- The cells of one grid's run from..to (breaks between them) as a table
-- of its own: {block =, line =, rows =} | nil where it has fewer than two
-- rows or no row of two cells.
local function run_table(blocks, from, to, taken)
  local nrows, wide, width, key_of = 0, 0, 0, nil
  for i = from, to do
    local b = blocks[i]
    if b.kind == "cell" and not taken[i] then
      local key = b.row or b.line
      if key ~= key_of then nrows, width, key_of = nrows + 1, 0, key end
      width = width + 1
      if width > wide then wide = width end
    end
  end
  if nrows < 2 or wide < 2 then return nil end
  local t = { block = from, line = blocks[from].line, rows = {} }
  local row
  key_of = nil
  for i = from, to do
    local b = blocks[i]
    if b.kind == "cell" and not taken[i] then
      local key = b.row or b.line
      if key ~= key_of then
        row = {}
        t.rows[#t.rows + 1] = row
        key_of = key
      end
      local x0, x1 = math.tointeger(b.x0), math.tointeger(b.x1)
      row[#row + 1] = { text = b.text, rowspan = math.tointeger(b.rowspan) or 1,
                        colspan = math.tointeger(b.colspan) or x0 and x1 and x1 > x0 and x1 - x0 or 1, x0 = x0 }
    end
  end
  placed_in_columns(t)
  return t
end

-- A part's own tables, not the format's (a city's count of what it
-- published, by kind, in part 一): each run of one grid's cells among the
-- part's blocks from..to, as rows of {text, rowspan, colspan}, kept so a
-- published page prints them where they stood. Only a grid of two rows
-- and two columns at least, in a part with no table of the format's, none
-- of whose cells a format table was read from (an appendix's, `taken`),
-- and in the last part only with the part's prose after it (a site's
-- footer laid out in a table comes after the report).
local function tables_of_its_own(blocks, from, to, taken, last, places)
  -- (in the last part, nothing after its last paragraph: a page's chrome)
  if last then
    local final = from - 1
    for _, p in ipairs(places or {}) do
      if p.block and p.block > final then final = p.block end
    end
    if final < to then to = final end
  end
  -- the runs of one grid's cells, each {from, to} (a line of bars under a
  -- header row goes on); only the cells of a run kept are made anew
  local out, run_from, run_grid = {}, nil, nil
  local function close(i)
    if run_from then
      local t = run_table(blocks, run_from, i - 1, taken)
      if t then out[#out + 1] = t end
    end
    run_from = nil
  end
  for i = from, to do
    local b = blocks[i]
    local kind = b.kind
    if kind == "cell" and not taken[i] then
      local grid = b.grid or false
      if run_from and run_grid ~= grid then close(i) end
      if not run_from then run_from, run_grid = i, grid end
    elseif kind ~= "cell" and kind ~= "break" then
      close(i)
    elseif kind == "cell" then
      close(i)
    end
  end
  close(to + 1)
  return out
end

-- A grid of the part's own among its table's cells (an agency's count of
-- what it published by kind after 表二, of requests by channel after
-- 表三): a page's table of two rows at least, two of whose cells hold
-- words, none naming a row of table T nor two naming its columns. Those
-- before the first grid that names the table and after the last are cut
-- off its blocks from..to (and what stands between the last and them);
-- those between two grids naming it (an agency's count of 行政许可 by
-- channel between 表二's 第二十条 grids) are left out of its blocks with
-- what stands between the two: → the table's from and to, the set of
-- blocks left out between (or nil), and the last block of the last grid
-- naming it | nil where none is (one grid, a text's cells, or no grid
-- naming the table: left as it was).
local function grids_apart(F, T, blocks, from, to, cells)
  -- (a grid's cells stand together: the part's first and last of one grid
  -- are all of one, the most of pages, known at once)
  local n = #cells
  if n < 2 or not cells[1].grid or cells[1].grid == cells[n].grid then return nil end
  local grids, of = {}, {}
  for i = from, to do
    local b = blocks[i]
    if b.kind == "cell" and b.grid then
      local g = of[b.grid]
      if not g then
        g = { from = i, rows = {}, nrows = 0, words = 0, named = false, columns = 0 }
        of[b.grid] = g
        grids[#grids + 1] = g
      end
      g.to = i
      local row = b.row or b.line
      if not g.rows[row] then g.rows[row], g.nrows = true, g.nrows + 1 end
      if not g.named and b.text ~= "" then
        if tables.value_state(F, b.text) == nil then g.words = g.words + 1 end
        -- (a row's label names the table; a column's word alone may be any table's: 合计)
        if names_column_of(F, T, b.text) then g.columns = g.columns + 1 end
        g.named = g.columns >= 2 or tables.find_row_of(F, T, F.labels.norm(b.text)) ~= nil
      end
    end
  end
  local lo, hi = 1, #grids
  local function apart(g) return not g.named and g.nrows >= 2 and g.words >= 2 end
  while lo <= hi and apart(grids[lo]) do lo = lo + 1 end
  while hi >= lo and apart(grids[hi]) do hi = hi - 1 end
  if lo > hi then return nil end
  local gaps, named = nil, lo
  for k = lo + 1, hi do
    if not apart(grids[k]) then
      if k > named + 1 then
        gaps = gaps or {}
        for i = grids[named].to + 1, grids[k].from - 1 do gaps[i] = true end
      end
      named = k
    end
  end
  if lo == 1 and hi == #grids and not gaps then return nil end
  return lo > 1 and grids[lo - 1].to + 1 or from, hi < #grids and grids[hi].to or to, gaps, grids[hi].to
end

-- Whether a part whose table was not read holds it printed all the same
-- (a page squeezed so narrow that a text's columns break its words into a
-- character a line, 行/政/复/议): numbers on lines of their own, as many as
-- a third of the table's cells, and three of its words (a column's, a
-- group's, a row's label) in the part's text run together. Such a table
-- is not missing: its cells are unknown.
local function printed_unread(F, T, text)
  local values = 0
  for line in text:gmatch("[^\n]+") do
    if not line:find("[^%s%d%.,]") then
      for _ in line:gmatch("%d+") do values = values + 1 end
    end
  end
  if values < math.max(3, #T.cells // 3) then return false end
  local joined, words = F.labels.norm((text:gsub("%s+", ""))), 0
  for _, w in ipairs(T.headers) do
    if w ~= "" and joined:find(w, 1, true) then words = words + 1 end
  end
  for _, r in ipairs(T.rows) do
    for _, k in ipairs(r.keys_norm or {}) do
      if k ~= "" and joined:find(k, 1, true) then words = words + 1; break end
    end
  end
  return words >= 3
end

local function table_elsewhere(F, T, blocks, starts)
  local heading_at = {}
  for _, st in ipairs(starts) do heading_at[st.index] = true end
  local from
  for i, b in ipairs(blocks) do
    if not heading_at[i] and starts_table(F, T, b) then from = i; break end
  end
  if not from then return nil end
  for j = from + 1, #blocks do
    if heading_at[j] then return from, j - 1 end
    for _, O in ipairs(F.tables) do
      if O ~= T and starts_table(F, O, blocks[j]) then return from, j - 1 end
    end
  end
  return from, #blocks
end

-- The kind of issuer a name ends as (formatlib.issuer): the first kind in
-- the format's order that has an ending the name has, or that has no
-- endings at all. The name's last bytes are looked up once for each
-- length an ending has, not ending by ending (the kinds indexed once per
-- format).
local issuer_index = setmetatable({}, { __mode = "k" })
local function issuer_of(F, name)
  if not name then return formatlib.issuer(F, name) end
  local first, second = formatlib.names_apart(name)
  if first then
    local kind = issuer_of(F, first)
    return kind == issuer_of(F, second) and kind or F.unknown_issuer.kind
  end
  local ix = issuer_index[F]
  if not ix then
    ix = { kinds = {}, order_of = {}, lengths = {}, open = nil }
    local seen = {}
    for order, k in ipairs(F.issuers) do
      ix.kinds[order] = k.kind
      local n = 0
      for _, e in ipairs(k.endings or {}) do
        n = n + 1
        if not ix.order_of[e] then ix.order_of[e] = order end
        if not seen[#e] then
          seen[#e] = true
          ix.lengths[#ix.lengths + 1] = #e
        end
      end
      if n == 0 and not ix.open then ix.open = order end
    end
    issuer_index[F] = ix
  end
  local best, order_of, lengths, sub = ix.open, ix.order_of, ix.lengths, string.sub
  for i = 1, #lengths do
    local order = order_of[sub(name, -lengths[i])]
    if order and (not best or order < best) then best = order end
  end
  if best then return ix.kinds[best] end
  return F.unknown_issuer.kind
end
M.issuer_of = issuer_of

-- The other formats' signature words in one list, for the tables. Where
-- there is one other format (most binds) its list is made once per
-- signature and given again, which the tables know by itself.
local words_by_signature = setmetatable({}, { __mode = "k" })
local function words_of(others)
  local one = #others == 1 and others[1].signature
  local words = one and words_by_signature[one]
  if words then return words end
  words = {}
  for _, o in ipairs(others) do
    for _, w in ipairs(o.signature) do words[#words + 1] = w end
  end
  if one then words_by_signature[one] = words end
  return words
end
M.words_of = words_of

-- The fewest part headings in a row, nothing under them, that are a contents page.
local CONTENTS_LEAST = 3

-- The last part under the numeral after the parts' last ("七、其他需要报告的事项"):
-- a part was added before it ("六、政务公开工作要点落实情况"), whose text is
-- of the last part too. The block of that added part's heading, or nil.
local function added_before_last(F, blocks, starts)
  local last, before = starts[#starts], starts[#starts - 1]
  if not (last and before and last.part.index == #F.parts and last.variant) then return nil end
  local lead_at = headings_of(F).lead_at
  local after, own = lead_at[#F.parts + 1], lead_at[#F.parts]
  if not (after and own) then return nil end
  local t = F.labels.norm(last.block.text)
  if t:sub(1, #after) ~= after then return nil end
  for k = last.index - 1, before.index + 1, -1 do
    local b = blocks[k]
    if b.kind == "para" and F.labels.norm(b.text):sub(1, #own) == own then return k end
  end
  return nil
end

-- A missing part's heading wrapped onto the next line, as a narrow print
-- breaks it ("四、政府信息公开行政复议、行政" / "诉讼情况"): the blocks
-- with each such pair joined into one, and how many were joined before
-- each place; nil when there is none. A line joined is no heading itself
-- (or its part's found only as a title worded otherwise), holds more than
-- the numeral and, with the next, begins the heading whole.
local function join_wrapped_headings(F, blocks, found, starts)
  local ix, norm = headings_of(F), F.labels.norm
  local out, n, k, joins = nil, 0, 1, 0
  local before, worded = {}, {}
  for _, st in ipairs(starts) do
    if st.variant and st.glued == "" then worded[st.index] = st.part end
  end
  while k <= #blocks do
    local b, c = blocks[k], blocks[k + 1]
    local joined
    if c and b.kind == "para" and c.kind == "para" and b.line and c.line == b.line + 1 then
      local t1, own = norm(b.text), worded[k]
      for _, e in ipairs(ix.list) do
        local h = e.numbered
        if (own == e.p or not (own or found[e.p.id])) and e.p.numbered ~= "" and #t1 > #e.p.numbered
           and #t1 < #h and h:sub(1, #t1) == t1 and (own or not heading_of(F, b, t1)) then
          local t2 = norm(c.text)
          if (t1 .. t2):sub(1, #h) == h then
            joined = {}
            for key, v in pairs(b) do joined[key] = v end
            joined.text = b.text:gsub("[ \t]+$", "") .. c.text:gsub("^[ \t]+", "")
            break
          end
        end
      end
    end
    if joined and not out then out = copy_list(blocks, k - 1); n = k - 1 end
    if out then
      n = n + 1
      out[n] = joined or b
    end
    before[k] = joins
    if joined then joins = joins + 1; before[k + 1] = joins; k = k + 2 else k = k + 1 end
  end
  return out, before
end

-- bind(F, system, doc, path, others) → report, pending. others: the other
-- formats {name=, signature=} whose labels to look for (and not report as
-- unplaced).
function M.bind(F, system, doc, path, others)
  others = others or {}
  -- the signatures looked for: where there is one, the walk answers for it
  local sigs = { table.unpack(others) }
  if #F.signature > 0 then sigs[#sigs + 1] = { name = F.name, signature = F.signature } end
  local one = #sigs == 1 and sigs[1].signature or nil
  local blocks, starts, paras, nparas, found, signed = gather(F, doc.blocks, one, math.type(doc.grid_last) == "integer" and doc.grid_last or nil)
  -- a contents page with no leaders: the first parts' headings one after
  -- another, nothing under them; where the parts are found again without
  -- those lines, they are the report's
  local listed = 0
  while starts[listed + 2] and starts[listed + 2].index == starts[listed + 1].index + 1
        and starts[listed + 1].glued == "" do
    listed = listed + 1
  end
  if listed >= CONTENTS_LEAST then
    local rest, skip = {}, {}
    for k = 1, listed + 1 do skip[starts[k].index] = true end
    for k, b in ipairs(blocks) do if not skip[k] then rest[#rest + 1] = b end end
    local again = { gather(F, rest, one, nil) }
    if #again[2] >= listed + 1 then blocks, starts, paras, nparas, found, signed = table.unpack(again, 1, 6) end
  end
  local worded = false
  for _, st in ipairs(starts) do worded = worded or st.variant end
  if #starts < #F.parts or worded then
    local joined, before = join_wrapped_headings(F, blocks, found, starts)
    if joined then
      local grid_last = math.type(doc.grid_last) == "integer" and doc.grid_last or nil
      if grid_last then grid_last = grid_last - (before[grid_last] or 0) end
      blocks, starts, paras, nparas, found, signed = gather(F, joined, one, grid_last)
    end
  end
  local added = added_before_last(F, blocks, starts)
  if added then
    local last = starts[#starts]
    last.index, last.block, last.glued = added, blocks[added], ""
  end
  -- the first part's heading again under the last part's text (the parts
  -- holding text, no contents list): another report follows (a joint
  -- report's next), none of this one's text: said so, where it begins
  -- (a part's text glued into its heading's block, as gather joins a part's
  -- paragraphs: the part holds text, and the next block may be the next report's)
  local final, another = starts[#starts], nil
  local function holds_text(st, next_index) return next_index > st.index + 1 or (st.glued or "") ~= "" end
  if final and final.part.index == #F.parts and starts[2] and holds_text(starts[1], starts[2].index) then
    for k = final.index + ((final.glued or "") ~= "" and 1 or 2), #blocks do
      local p, glued
      if blocks[k].kind == "para" then p, glued = match_heading(F, blocks[k]) end
      if p and p.index == 1 then
        -- (this report again, a print copy, opening its part 一 as this one does: nothing unchecked)
        local own, again = blocks[starts[1].index + 1], blocks[k + 1]
        if (starts[1].glued or "") ~= "" then own, again = blocks[starts[1].index], blocks[k] end
        if not (own and again and own.text == again.text) then another = blocks[k] end
        -- (said by its heading alone, its text glued after it left out)
        local text = blocks[k].text
        if another and glued and glued ~= "" and #glued < #text and text:sub(-#glued) == glued then
          another = { text = (text:sub(1, #text - #glued):gsub("%s+$", "")), line = another.line, col = another.col }
        end
        if blocks == doc.blocks then blocks = copy_list(blocks, #blocks) end
        for j = #blocks, k, -1 do blocks[j] = nil end
        -- a cell a page's reader gave as two copies' ("1 | 0"), the other one
        -- the next report's: this report's own number (the block itself: the
        -- parts hold it)
        for j = 1, another and k - 1 or 0 do
          local b = blocks[j]
          if b.copy_line and b.copy_line >= another.line then b.text, b.copy_line = b.own, nil end
        end
        while nparas > 0 and paras[nparas] >= k do paras[nparas], nparas = nil, nparas - 1 end
        break
      end
    end
  end
  -- the next report's title and opening glued into the last part's text (gather
  -- joins a part's paragraphs): cut at the paragraph holding the report's words,
  -- so that no sentence of the next report is read as this one's
  if another and (final.glued or "") ~= "" then
    local g, at = final.glued, nil
    for _, w in ipairs(F.report_words or {}) do
      local i = g:find(w, 1, true)
      if i and (at == nil or i < at) then at = i end
    end
    local cut = at and g:sub(1, at - 1):match(".*() ")
    if cut then
      local b, own = blocks[final.index], {}
      for key, v in pairs(b) do own[key] = v end
      own.text = b.text:sub(1, #b.text - #g) .. g:sub(1, cut - 1)
      blocks[final.index], final.block, final.glued = own, own, g:sub(1, cut - 1)
    end
  end
  local R = Report.new(F, path)
  local diags, pending = R.diagnostics, {}
  if another then
    diags[#diags + 1] = { kind = "another_report", text = another.text, line = another.line, col = another.col or 1 }
  end

  local first = starts[1] and starts[1].index or (#blocks + 1)
  read_meta(F, blocks, first, R.meta)
  -- the date the page's data or head gives (a CMS's publishDate, <meta
  -- name="PubDate">), where the page prints none
  if not R.meta.published and type(doc.published) == "string" then
    R.meta.published = { text = doc.published, line = math.tointeger(doc.published_line) or 1, col = 1 }
  end
  local loose_agency = read_identity(F, R, blocks, first, another ~= nil)
  if R.meta.published then R.published = M.parse_date(F, R.meta.published.text) end
  if R.meta.written then R.written = M.parse_date(F, R.meta.written.text) end
  if R.meta.index then R.index = R.meta.index.text end

  -- the parts' prose, and where each of its paragraphs starts: the
  -- paragraphs from..to, found among the paragraphs' places (a part of a
  -- table's cells has few)
  local function prose(from, to, lead, skip)
    local out, places, at, n = {}, {}, 1, 0
    local function add(text, line, col, index)
      n = n + 1
      out[n] = text
      places[n] = { at = at, line = line, col = col, block = index }
      at = at + #text + 1
    end
    if lead then add(lead.text, lead.line, lead.col) end
    local lo, hi = 1, nparas + 1             -- the first paragraph at or after from
    while lo < hi do
      local mid = (lo + hi) // 2
      if paras[mid] < from then lo = mid + 1 else hi = mid end
    end
    for k = lo, nparas do
      local i = paras[k]
      if i > to then break end
      local b = blocks[i]
      if not (skip and skip(b)) then add(b.text, b.line, b.col or 1, i) end
    end
    return table.concat(out, "\n"), places
  end
  -- the opening: its prose, not the title above it (a page prints it twice)
  local text0, places0 = prose(1, first - 1, nil, function(b) return b.meta or (R.title ~= nil and b.text == R.title) end)
  R:add_section { id = F.opening, heading = "", text = text0, line = blocks[1] and blocks[1].line or 1,
                  col = 1, order = 0, places = places0 }
  -- a table's row of tab-parted numbers (64件 among them) is no sentence of its part
  local units = unit_set(F)
  local function row_of_cells(b) return b.text:find("\t", 1, true) and number_cells(b.text, units) end
  for k, st in ipairs(starts) do
    local stop = starts[k + 1] and starts[k + 1].index - 1 or #blocks
    local lead
    if st.glued ~= "" then
      lead = { kind = "para", text = st.glued, line = st.block.line,
               col = (st.block.col or 1) + (utf8.len(st.block.text) - utf8.len(st.glued)),
               offset = (st.block.offset or 0) + #st.block.text - #st.glued }
    end
    st.lead, st.stop = lead, stop
    local text, places = prose(st.index + 1, stop, lead, row_of_cells)
    R:add_section { id = st.part.id, heading = st.block.text:sub(1, #st.block.text - #st.glued),
                    text = text, line = st.block.line, col = st.block.col or 1, part = st.part,
                    order = k, places = places, variant = st.variant }
  end

  strip_signature(F, R, loose_agency)
  R.issuer = issuer_of(F, R.agency)       -- (the signature may name the issuer)

  -- the tables, each in its part; a legacy report has none of them
  local legacy = detect(F, R, blocks, found, sigs, one, signed)
  if legacy then R.format = "legacy" end
  local words = words_of(others)
  for _, T in ipairs(F.tables) do
    local present = { yes = false }
    R.tables[T.id] = { present = false }
    for _, st in ipairs(legacy and {} or starts) do
      if st.part.id == T.part then
        local tokens, placed, heads, cut, read
        -- (a grid of the part's own before or after the table's: the table's blocks cut to from..to)
        local from, to, gaps, ends = grids_apart(F, T, blocks, st.index + 1, st.stop, st.cells)
        if from then st.table_from, st.table_to, st.table_gaps, st.table_ends = from, to, gaps, ends end
        local cells_alone = not from and #st.cells > 0 and not st.lead and not (st.para_at and st.para_at < st.last)
        -- lines after cells none of which holds a value (a header kept as a
        -- table): table_tokens looks whether those lines are its rows
        if cells_alone and st.para_at and not any_value(F, st.cells, #st.cells) then cells_alone = false end
        if cells_alone then
          -- the part's cells alone, gathered in the walk (each table its own list)
          tokens, placed = st.given and copy_list(st.cells, #st.cells) or st.cells, st.placed
          -- (the walk asked each cell whether it names a column of the part's table)
          heads = st.heads_of == T and st.heads or header_texts(F, T, tokens)
          st.given = true
          cut = st.para_at and st.last < st.stop and st.last or nil
        else
          tokens, placed, heads, cut, read = table_tokens(F, T, blocks, from or st.index + 1, to or st.stop,
                                                          (not from or from == st.index + 1) and st.lead or nil, gaps)
        end
        R.tables[T.id].line = tokens[1] and tokens[1].line or st.block.line
        -- (a part headed twice reads its table's lines under each heading)
        local had = R.tables[T.id].text_blocks
        if had and read then
          for i in pairs(read) do had[i] = true end
        else
          R.tables[T.id].text_blocks = had or read
        end
        R.tables[T.id].headers = heads or header_texts(F, T, tokens)
        -- by the places of its cells where the page gives them, else as a stream
        if not (placed and tables.bind_placed(F, system, T, tokens, R, diags, present, pending, words)) then
          local bind_table = T.flat and tables.bind_flat or tables.bind_rows
          bind_table(F, system, T, placed and tables.unpadded(F, tokens) or tokens, R, diags, present, pending, words)
        end
        -- the table's rows printed again in the lines after it (a draft kept beside it)
        if cut and present.yes then tables.rows_again(F, T, blocks, cut + 1, to or st.stop, R, words) end
      end
    end
    R.tables[T.id].present = present.yes
  end
  -- a table not in its part may be elsewhere: an appendix after part 六
  -- (附表1, 表一), or a page whose part headings were lost
  local appendix, taken = false, {}
  for _, T in ipairs(legacy and {} or F.tables) do
    if not R.tables[T.id].present then
      local from, to = table_elsewhere(F, T, blocks, starts)
      if from then
        local present = { yes = false }
        local tokens, placed, _, _, read = table_tokens(F, T, blocks, from, to)
        if not (placed and tables.bind_placed(F, system, T, tokens, R, diags, present, pending, words)) then
          local bind_table = T.flat and tables.bind_flat or tables.bind_rows
          bind_table(F, system, T, placed and tables.unpadded(F, tokens) or tokens, R, diags, present, pending, words)
        end
        if present.yes then
          R.tables[T.id] = { present = true, line = blocks[from].line, elsewhere = true,
                             headers = header_texts(F, T, tokens), text_blocks = read }
          appendix = true
          for i = from, to do taken[i] = true end
        end
      end
    end
  end
  -- each part whose table was not read: does it only point to it (the
  -- rules and the engine read this mark)
  for _, s in ipairs(legacy and {} or R.sections) do
    local T = s.part and s.part.table and R.tables[s.part.table]
    if T and not T.present then
      s.points_away = points_away(F, s.text or "")
      s.table_unread = not s.points_away and printed_unread(F, F.table_by_id[s.part.table], s.text or "") or nil
    end
  end
  -- the tables of a part with none of the format's: its own, to publish
  -- (and of a part with one, its own grids cut off the table's blocks)
  for _, s in ipairs(legacy and {} or R.sections) do
    local st = s.part and starts[s.order]
    if st and st.part == s.part and #st.cells > 0 and (not s.part.table or st.table_from) then
      local own
      if st.table_from then
        local of_table = setmetatable({}, { __index = taken })
        for i = st.table_from, st.table_to do of_table[i] = not (st.table_gaps and st.table_gaps[i]) or nil end
        own = tables_of_its_own(blocks, st.index + 1, st.stop, of_table, false, s.places)
        s.table_ends = st.table_ends
      else
        own = tables_of_its_own(blocks, st.index + 1, st.stop, taken, starts[s.order + 1] == nil, s.places)
      end
      if #own > 0 then s.tables = own end
    end
  end
  if appendix and not R.signature then
    strip_signature(F, R, loose_agency, true)
    R.issuer = issuer_of(F, R.agency)
  end
  return R, pending
end

-- How well a binding fits its format: the share of the tables' cells
-- read, less a little for each thing that found no place.
function M.fit(R)
  local F = Report.format_of(R)
  local found = 0
  for _, id in ipairs(F.cells) do
    if R.c:state(id) ~= "missing" then found = found + 1 end
  end
  return (#F.cells > 0 and found / #F.cells or 0) - 0.001 * #R.diagnostics
end

-- The lines of a text whose cells are parted by tabs or bars (a table typed
-- or saved from Word, a page's cells): each number there is its cell's whole.
local function parted_lines(blocks)
  local parted = {}
  for _, b in ipairs(blocks or {}) do
    if b.kind == "cell" or b.kind == "para" and b.text:find("\t", 1, true) then parted[b.line] = true end
  end
  return parted
end

-- A text's number that breaks a sum of the format's and would hold it with
-- its last digits cut (a narrow cell's 3119 wrapped, 31 read) or with one
-- or two digits fewer (a footnote's mark run into it, 741 for 74): unknown, said as
-- such with both numbers (an author's slip would be said the same way).
-- A number on a line parted by tabs or bars was cut by no wrap: a sum it
-- breaks is the author's, and which of its cells slipped is not for its
-- digits to say (a total typed 30 for 20 beside two 1s made each 1 a cut
-- 11), so the sum's own rule says it.
-- (tails: those System:tails gave of the cells as they are, when asked already)
function M.doubt_tails(R, system, blocks, tails)
  local parted
  for _, t in ipairs(tails or system:tails(R.c)) do
    local cell = R.c:get(t.id)
    if t.how == "cut" then parted = parted or parted_lines(blocks) end
    if t.how == "cut" and parted[cell.line] then goto next_tail end
    R:set(t.id, "unknown", nil, cell)
    R.diagnostics[#R.diagnostics + 1] = { kind = "tail", table = t.id:match("^[^.]+"), id = t.id,
                                          found = t.found, expected = t.expected, how = t.how,
                                          line = cell.line, col = cell.col or 1 }
    ::next_tail::
  end
end

--{=== the canonical report (YAML) ===

-- A value of the canonical YAML → state, value, text.
local function canonical_value(F, v)
  if v == nil then return "missing" end
  if v == nianbao.null then return "blank", nil, "" end
  if math.type(v) == "integer" then return "number", v, tostring(v) end
  if type(v) ~= "string" then return "text", nil, tostring(v) end
  local state, value = tables.value_state(F, v)
  return state or "text", value, v
end

-- bind_canonical(F, doc, lines, path) → report, pending (none). The YAML
-- names every cell by its id already; keys the format does not know are
-- reported.
function M.bind_canonical(F, doc, lines, path)
  local R = Report.new(F, path)
  local function at(key) return lines[key] end
  R.agency = type(doc.agency) == "string" and doc.agency or nil
  R.year = math.tointeger(doc.year)
  R.title_year = R.year
  local kind = type(doc.kind) == "string" and F.issuer_by_kind[doc.kind] and doc.kind
  R.issuer = kind or formatlib.issuer(F, R.agency)
  for _, k in ipairs { "published", "written" } do
    local v = doc[k]
    if type(v) == "string" then
      R[k] = M.parse_date(F, v)
      R.meta[k] = { text = v, line = at(k), col = 1 }
    end
  end
  if type(doc.index) == "string" then
    R.index = doc.index
    R.meta.index = { text = doc.index, line = at("index"), col = 1 }
  end
  -- findings the agency has reviewed: {rule, cells, reason} (baseline.lua)
  if type(doc.acknowledged) == "table" then
    R.acknowledged = {}
    for _, a in ipairs(doc.acknowledged) do
      if type(a) == "table" and type(a.rule) == "string" then
        local cells = {}
        for _, c in ipairs(type(a.cells) == "table" and a.cells or {}) do
          if type(c) == "string" then cells[#cells + 1] = c end
        end
        R.acknowledged[#R.acknowledged + 1] = { rule = a.rule, cells = cells,
          reason = type(a.reason) == "string" and a.reason or "" }
      end
    end
  end
  local secs = type(doc.sections) == "table" and doc.sections or {}
  local s0 = type(secs[F.opening]) == "string" and secs[F.opening] or ""
  local l0 = at("sections." .. F.opening)
  R:add_section { id = F.opening, heading = "", text = s0, line = l0 or 1, col = 1, order = 0,
                  places = { { at = 1, line = (l0 or 0) + 1, col = 1 } } }
  for k, p in ipairs(F.parts) do
    local text = secs[p.id]
    if type(text) == "string" then
      local line = at("sections." .. p.id) or 1
      R:add_section { id = p.id, heading = p.heading, text = text, line = line, col = 1, part = p,
                      order = k, places = { { at = 1, line = line + (text:find("\n") and 1 or 0), col = 1 } } }
    end
  end
  R.period = M.parse_period(F, s0, { line = l0, col = 1 })
  for _, T in ipairs(F.tables) do
    R.tables[T.id] = { present = type(doc[T.id]) == "table", line = at(T.id) }
  end
  local function walk(node, path_)
    for k, v in pairs(node) do
      local p = path_ .. "." .. k
      local id = p:sub(2)
      if type(v) == "table" and v ~= nianbao.null then
        walk(v, p)
      elseif F.info[id] then
        local state, value, text = canonical_value(F, v)
        R:set(id, state, value, { text = text, line = at(id), col = 1 })
      else
        R.diagnostics[#R.diagnostics + 1] = { kind = "unplaced", table = id:match("^([^.]+)"),
                                              text = id .. ": " .. tostring(v), line = at(id), col = 1 }
      end
    end
  end
  for _, T in ipairs(F.tables) do
    if type(doc[T.id]) == "table" then walk(doc[T.id], "." .. T.id) end
  end
  return R, {}
end

--}===

return M
