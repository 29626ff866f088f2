-- The Report: one input file bound to a format. The binder makes it, its
-- last pass (across years) completes it, then it is frozen: rules and
-- writers only read it. Every field is listed here; any may be nil unless
-- it says "always".
--
--   format       always: the format that bound it ("gb2021", "gb2019"), or "legacy"
--   path         always: the input as named on the command line
--   source       always: the input's file name
--   title        the report's title as printed
--   title_year   the year in the title (integer)
--   year         the report year: the title's, else the statistics period's
--   agency       the issuer's name
--   issuer       always: the issuer kind of the format's `issuers` ("unknown" when not named)
--   published    "YYYY-MM-DD", the 发布日期
--   written      "YYYY-MM-DD", the 成文日期
--   index        the 索引号
--   meta         always: field → {text=, line=, col=} of the page's metadata block
--   period       the statistics period stated: {from=, to=, line=, col=}
--   sections     always: the parts in reading order: {id=, heading=, text=, line=,
--                col=, part= (the format's part, nil for the opening), order=, places=,
--                variant= (true when the heading is one of the part's other wordings),
--                points_away= (a part whose table was not read: true when it holds
--                nothing or only points to the table, 详见附表, the binder's)}
--   tables       always: table id → {present = boolean, line=}
--   signatures   always: format name → list of {text=, line=, col=}: labels seen
--                that only that format has
--   diagnostics  always: what the binder could not place or decide, each
--                {kind=, table=, text=, line=, col=, …}:
--                  unplaced   text in a table that fits no cell
--                  duplicate  a row printed twice (row=, label=)
--                  glued      digits of neighbouring cells run together (row=, label=,
--                             digits=, ways= (how many readings fit), complete=,
--                             outcome = "cut" | "cut_jointly" | "cut_across_years" | "open")
--                  twins      a cell printed as two numbers (a value and its revision)
--                             that the sums do not tell apart: unknown (id=, found=,
--                             first=, second=)
--                  twins_chosen  one the sums told apart: read as chosen= (id=, found=,
--                             first=, second=)
--   units        always: values printed with a unit: {id=, unit=, text=, line=, col=}
--   previous     the same issuer's report of the year before (from the batch, the
--                archive or --previous)
--   previous_from  where the year before was sought and found: "batch", "archive",
--                "previous" (--previous), or "none" (sought, not found); nil: not sought
--   copies       narrative shared with other reports: {kind = "peer" | "previous",
--                file=, agency=, year=, share= (0..1), passage=, length=}
--   acknowledged findings the agency reviewed (its YAML): {rule=, cells=, reason=}
--   pages        a PDF's: the first line of each page, in order ({1, 58, …})
--   signature    the signature (落款) ending the last part: {agency=, date=, line=}
--   reader       the name of the reader that read it ("text", "html", "yaml", …)
--
-- Methods: cell(id), cells(tid), cells_in(what...), ids_in(what...),
-- section(id), place(section, pos), locate(text), where(id, lang), canonical().

local nianbao = require "nianbao"
local formatlib = require "format"
local messages = require "messages"
local view = require "view"
local unwrap = view.unwrap
local originals = view.originals         -- (unwrap inline: originals[v] or v)
local chars = nianbao.chars

local Report = {}
Report.__index = Report
-- the cells themselves (a C object) are the engine's; views show them through cell()
Report.__hidden = { c = true }

local M = {}

local format_of = setmetatable({}, { __mode = "k" })   -- report → its compiled format
local frozen = setmetatable({}, { __mode = "k" })

-- new(F, path) → an empty report of format F (every cell missing).
function M.new(F, path)
  local R = setmetatable({
    format = F.name, path = path, source = path and path:match("([^/]+)$") or nil,
    c = nianbao.report(F.schema), issuer = F.unknown_issuer.kind,
    meta = {}, sections = {}, tables = {}, signatures = {}, diagnostics = {}, units = {},
  }, Report)
  format_of[R] = F
  return R
end

function M.format_of(R) return format_of[unwrap(R)] end

-- restored(F, fields) → fields made a report of format F, its cells all
-- missing: a stowed report taken back (fields: every one it had but its
-- cells, a table of its own), without new's empty tables made to be dropped
function M.restored(F, fields)
  fields.c = nianbao.report(F.schema)
  setmetatable(fields, Report)
  format_of[fields] = F
  return fields
end

-- freeze(R): from now on its cells cannot be set, and its texts hold no
-- control characters (the cells' are cleaned as they are set). Control
-- characters of an input (an escape sequence in a page) become '?': what a
-- rule quotes and a writer prints reaches a terminal as text. The core
-- walks the report's tables in one call.
--
-- The format's parts that sections refer to are the format's, shared by
-- every report of it: each is made printable at the first report that
-- refers to it (as the walk of that report did), and the walks of the
-- reports after pass them by (they were a third of a report's tables),
-- the year before's as well as the report's own.
local part_of = setmetatable({}, { __mode = "k" })      -- F → set of its parts
local printable_parts = setmetatable({}, { __mode = "k" })  -- F → parts made printable

-- detach_parts(X, detached): the format's parts taken off report X's
-- sections (made printable first when not yet), each noted in detached
-- as its section and its part, to be put back
local function detach_parts(X, detached)
  local F, sections = format_of[X], rawget(X, "sections")
  if not (F and type(F.parts) == "table" and type(sections) == "table" and getmetatable(sections) == nil) then
    return
  end
  local own, done = part_of[F], printable_parts[F]
  if not own then
    own, done = {}, {}
    for _, part in ipairs(F.parts) do own[part] = true end
    part_of[F], printable_parts[F] = own, done
  end
  for _, s in ipairs(sections) do
    local part = type(s) == "table" and rawget(s, "part")
    if part and own[part] then
      if not done[part] then
        nianbao.printable(part, nianbao.null)
        done[part] = true
      end
      detached[#detached + 1], detached[#detached + 2] = s, part
      rawset(s, "part", nil)
    end
  end
end

function M.freeze(R)
  if frozen[R] then return end
  local detached = {}
  detach_parts(R, detached)
  local previous = rawget(R, "previous")
  if type(previous) == "table" and previous ~= R then detach_parts(previous, detached) end
  local ok, err = pcall(nianbao.printable, R, nianbao.null)
  for k = 1, #detached, 2 do rawset(detached[k], "part", detached[k + 1]) end
  if not ok then error(err, 0) end
  frozen[R] = {}                          -- (what is made once a frozen report: joined_of)
end

-- Set a cell from a document block (its text and place).
function Report:set(id, state, value, block)
  self = unwrap(self)
  if frozen[self] then error("the report is read-only", 2) end
  self.c:set(id, state, value, block and block.text, block and block.line,
             block and block.col, block and block.offset)
end

function Report:add_section(s)
  self = unwrap(self)
  self.sections[#self.sections + 1] = s
end

-- A report's sections by id (the first of each id), made once a report
-- (again when its list has grown or is another): rules ask for parts
-- dozens of times a report, and a walk of the list and a view's look-up
-- each time cost more than the rest of most of them. Kept by what the
-- caller holds, the report or its view, so that a call is one look-up:
-- { list =, n =, real = the report, of = id → the section as the caller
-- sees it (a view for a view) }.
local sections_by_id = setmetatable({}, { __mode = "k" })

local function index_sections(self)
  local real = unwrap(self)
  local list = real.sections
  local by = { list = list, n = #list, of = {}, real = real }
  for _, s in ipairs(list) do
    local k = s.id
    if k ~= nil and by.of[k] == nil then by.of[k] = real ~= self and view.readonly(s) or s end
  end
  sections_by_id[self] = by
  return by
end

function Report:section(id)
  local by = sections_by_id[self]
  if not by or by.n ~= #by.list or by.real.sections ~= by.list then by = index_sections(self) end
  if id == nil then                          -- (a key no table holds)
    local real = by.real
    for _, s in ipairs(by.list) do
      if s.id == nil then return real ~= self and view.readonly(s) or s end
    end
    return nil
  end
  return by.of[id]
end

-- The place in the file of byte `pos` of section s's text: line, col.
-- A view of a section is read through its table: its places, a table
-- each, would otherwise each be given a view of its own.
-- (The places are in the order of the text: the last at or before pos is
-- found by halves, not by walking a long part's paragraphs one by one.)
function Report:place(s, pos)
  s = originals[s] or s
  local places = s.places
  local lo, hi = 1, places and #places or 0          -- places[lo - 1] is at or before pos
  while lo <= hi do
    local mid = (lo + hi) // 2
    if places[mid].at <= pos then lo = mid + 1 else hi = mid - 1 end
  end
  local best = lo > 1 and places[lo - 1]
  if not best then return s.line, s.col end
  -- (counted in C, with no string made for the bytes before; nil for a
  -- text or places that are not a string and integers: then as sub and
  -- utf8.len read them)
  local n = chars(s.text, best.at, pos - 1)
  if n then return best.line, best.col + n end
  local before = s.text:sub(best.at, pos - 1)
  return best.line, best.col + (utf8.len(before) or #before)
end

-- The parts' texts of a frozen report joined in reading order, each
-- after a NUL (which no frozen text holds), made once a report: a
-- passage most often said by no part whole is then looked for in one
-- search, not one a part (a copy rule asks for each of its copies).
-- Kept with the report's mark of frozen (a weak table more would cost the
-- collector a walk of it each cycle): { list =, n =, text = the joined
-- texts, from = list of where each part's text starts in it, breaks =
-- whether a part holds a line break, placed = passage → {line, col} or
-- false, as locate_passage answers, found ahead (place_copies) }; nil
-- while not frozen or a text is not a string.
local function joined_of(R)
  local list, mark = R.sections, frozen[R]
  if not mark then return nil end
  local j = mark.joined
  if j and j.list == list and j.n == #list then return j end
  -- (one concat, "" first for the NUL before the first text: the joined
  -- text is the longest string a report makes, and a copy more of it cost
  -- the collector more than the rest of the join)
  local texts, from, at = { "" }, {}, 2
  for i, s in ipairs(list) do
    local t = s.text
    if type(t) ~= "string" then return nil end
    texts[i + 1], from[i], at = t, at, at + #t + 1
  end
  local text = texts[2] and table.concat(texts, "\0") or "\0"
  j = { list = list, n = #list, text = text, from = from, breaks = text:find("\n", 1, true) ~= nil }
  mark.joined = j
  return j
end

-- The place in the file (line, col) where the report's parts first say
-- `text`, in reading order; nil when none says it whole. (The parts are
-- read as they are: a rule's walk gives each of them a view to read.)
-- A frozen report's parts are searched as one text: the first saying
-- there that lies within one part is the walk's.
function Report:locate(text)
  self = originals[self] or self
  local j = text ~= "" and type(text) == "string" and joined_of(self)
  if j then
    local list, from, joined, n = j.list, j.from, j.text, #text
    local at = joined:find(text, 1, true)
    local k = 1
    while at do
      -- the part it begins in: the last whose start is at or before it
      -- (halving: a report has scores of parts, and a rule's steps are metered)
      local hi = #from
      while k < hi do
        local mid = (k + hi + 1) // 2
        if from[mid] <= at then k = mid else hi = mid - 1 end
      end
      local start = from[k]
      if at >= start and at + n <= start + #list[k].text then return self:place(list[k], at - start + 1) end
      at = joined:find(text, at + 1, true)
    end
    return nil
  end
  for _, s in ipairs(self.sections) do
    local at = s.text:find(text, 1, true)
    if at then return self:place(s, at) end
  end
  return nil
end

-- A piece of a passage this short may be said anywhere: it is not placed.
-- (A piece of PIECE_BYTES bytes or more is long enough uncounted: no
-- character is longer than four bytes, and chars counts bytes in a text
-- that is not UTF-8.)
local PIECE_CHARS = 10
local PIECE_BYTES = 4 * PIECE_CHARS
local CUT = "…"                                  -- where a copy's passage was cut

-- The place (line, col) of a passage the report shares with another text
-- (a copy's, perhaps ending in "…" where it was cut): where the parts say
-- it whole, else where they say its first line of PIECE_CHARS characters
-- or more. The narrative joins its parts with a line break, so a passage
-- may run over two of them. nil when no line long enough is said.
-- (Plain finds and a count in C: a rule's call runs under its meter.)
-- A passage over a line break is not said whole when no part of a frozen
-- report holds one (the parts joined over one, as most copies are): it
-- is not searched for.
function Report:locate_passage(passage)
  local R = originals[self] or self
  -- a passage placed ahead (its parts as they were then): no search, no call
  local mark = frozen[R]
  local j = mark and mark.joined
  local placed = j and j.placed
  if placed and j.list == R.sections and j.n == #j.list then
    local p = placed[passage]
    if p then return p[1], p[2] elseif p == false then return nil end
  end
  if type(passage) ~= "string" then return nil end
  j = joined_of(R)
  placed = j and j.placed
  if placed then
    local p = placed[passage]
    if p then return p[1], p[2] elseif p == false then return nil end
  end
  if passage:sub(-#CUT) == CUT then passage = passage:sub(1, -#CUT - 1) end
  local stop = passage:find("\n", 1, true)
  if not (stop and j and not j.breaks) then
    local line, col = self:locate(passage)
    if line or not stop then return line, col end
  end
  local n, from = #passage, 1
  while from <= n do
    stop = stop or passage:find("\n", from, true) or n + 1
    local bytes = stop - from
    if bytes < n and (bytes >= PIECE_BYTES or (chars(passage, from, stop - 1) or bytes) >= PIECE_CHARS) then
      local line, col = self:locate(passage:sub(from, stop - 1))
      if line then return line, col end
    end
    from, stop = stop + 1, nil
  end
  return nil
end

-- joined_text(R): frozen report R's parts' texts joined in reading order,
-- each after a NUL, made once a report (nil while not frozen or a text is
-- not a string): the claims' quick look for a rule's words reads it too.
function M.joined_text(R)
  local j = joined_of(R)
  return j and j.text
end

-- place_copies(R): the places of frozen report R's copies' passages found
-- ahead, as locate_passage finds them, and kept with its joined parts: the
-- copy rules ask for each, under their count hook, where every step of the
-- search costs several times what it costs here. (Their passages only: a
-- place a rule asks for another text is found when asked.)
function M.place_copies(R)
  local j, copies = joined_of(R), rawget(R, "copies")
  if not j or type(copies) ~= "table" or getmetatable(copies) ~= nil then return end
  local placed = j.placed or {}
  j.placed = placed
  for _, c in ipairs(copies) do
    local passage = type(c) == "table" and getmetatable(c) == nil and rawget(c, "passage")
    if type(passage) == "string" and placed[passage] == nil then
      local ok, line, col = pcall(Report.locate_passage, R, passage)
      if ok then placed[passage] = line and { line, col } or false end
    end
  end
end

-- A cell with everything a rule may want: state, value, text, place and
-- what it is (table, row, column, labels).
function Report:cell(id)
  self = originals[self] or self
  local c = self.c:get(id)
  local info = format_of[self].info[id]
  c.id = id
  if info then
    c.table, c.row, c.column, c.kind = info.table, info.row, info.column, info.kind
    c.row_label, c.col_label, c.optional = info.row_label, info.col_label, info.optional
  end
  return c
end

-- Iterate over the format's printed cells (of one table when tid is given).
function Report:cells(tid)
  self = originals[self] or self
  local F = format_of[self]
  local ids, i = F.cells, 0
  return function()
    while true do
      i = i + 1
      local id = ids[i]
      if not id then return nil end
      if not tid or F.info[id].table == tid then return self:cell(id) end
    end
  end
end

-- The schema index of each of a format's printed cells, in their order:
-- the list the core's pick walks (made once per format).
local printed_at = setmetatable({}, { __mode = "k" })
local schema_at = setmetatable({}, { __mode = "k" })     -- F → the same indexes, a list
local function printed(F)
  local at = printed_at[F]
  if not at then
    at = F.schema:find_all(F.cells)       -- one call, not a find a cell
    schema_at[F] = at
    at = nianbao.positions(at)            -- held in C: read without a look-up a cell
    printed_at[F] = at
  end
  return at
end

-- What a rule may ask of the cells but "number": every cell such a
-- question finds is one of those these find together.
local ODD = { "missing", "blank", "marker", "text", "unknown", "negative", "fraction" }
local odd_state = {}
for _, s in ipairs(ODD) do odd_state[s] = true end

-- pick_ahead(R): the printed cells of frozen report R that are no whole
-- number of zero or more (most reports: a few), picked once for the rules
-- that ask for some of them (a blank, a marker, a text...), outside their
-- count hooks; each of them then asks the core of these alone, where it
-- walked every printed cell. Kept with its mark of frozen: { at = their
-- schema indexes (held in C), k = their places in the format's list }.
function M.pick_ahead(R)
  local mark, F = frozen[R], format_of[R]
  if not (mark and F) or mark.odd then return end
  local ks = R.c:pick(printed(F), table.unpack(ODD))
  local list, at = schema_at[F], {}
  for i, k in ipairs(ks) do at[i] = list[k] end
  mark.odd = { at = nianbao.positions(at), k = ks }
end

-- The ids of the format's printed cells, in their order, that are any of
-- `...`: a state ("blank", "marker", ...), or "negative" / "fraction" (a
-- number below zero, or not whole), or "halves" (a number whose digits'
-- halves read as a value and its revision, twins.lua's). The core answers in one pass (of the
-- cells picked ahead when every question is one of theirs).
function Report:ids_in(...)
  self = originals[self] or self
  local F = format_of[self]
  local ids, out = F.cells, {}
  local mark = frozen[self]
  local odd = mark and mark.odd
  if odd then
    for i = 1, select("#", ...) do
      if not odd_state[(select(i, ...))] then odd = nil; break end
    end
  end
  if odd then
    local back = odd.k
    for i, k in ipairs(self.c:pick(odd.at, ...)) do out[i] = ids[back[k]] end
    return out
  end
  for i, k in ipairs(self.c:pick(printed(F), ...)) do out[i] = ids[k] end
  return out
end

-- Iterate over the format's printed cells that are any of `...` (as
-- ids_in): the cells not wanted are never built.
function Report:cells_in(...)
  self = originals[self] or self
  local ids, i = self:ids_in(...), 0
  return function()
    i = i + 1
    local id = ids[i]
    if id then return self:cell(id) end
  end
end

function Report:where(id, lang)
  self = originals[self] or self
  return formatlib.where(format_of[self], id, lang, messages)
end

-- The report in the canonical shape of report-schema §1, keys in the
-- format's order (for writers).
function Report:canonical()
  self = originals[self] or self
  local F = format_of[self]
  local null = nianbao.null
  local function ordered(keys, flow)
    return setmetatable({}, { __order = keys, __flow = flow })
  end
  local out = ordered { "format", "agency", "year", "published", "written", "index",
                        "source", "sections" }
  out.format = self.format
  out.agency, out.year, out.published, out.written = self.agency, self.year, self.published, self.written
  out.index = self.index
  out.source = self.source
  local keys = { F.opening }
  for _, p in ipairs(F.parts) do keys[#keys + 1] = p.id end
  local secs = ordered(keys)
  for _, s in ipairs(self.sections) do
    if s.text ~= "" or s.id ~= F.opening then secs[s.id] = s.text end   -- a part present, even empty
  end
  if next(secs) then out.sections = secs end
  local order = getmetatable(out).__order
  for _, T in ipairs(F.tables) do
    local seen = false
    for _, k in ipairs(order) do seen = seen or k == T.id end
    if not seen then order[#order + 1] = T.id end
    local root
    for _, r in ipairs(T.rows) do
      for _, id in ipairs(r.cells) do
        local c = self.c:get(id)
        if c.state ~= "missing" and c.state ~= "unknown" then
          local value
          if c.state == "number" then value = c.value
          elseif c.state == "blank" then value = null
          else value = c.text end
          root = root or ordered({})
          local node, parts = root, {}
          for p in id:gmatch("[^.]+") do parts[#parts + 1] = p end
          for k = 2, #parts - 1 do
            if not node[parts[k]] then
              node[parts[k]] = ordered({}, k == #parts - 1)
              local o = getmetatable(node).__order
              o[#o + 1] = parts[k]
            end
            node = node[parts[k]]
          end
          local o = getmetatable(node).__order
          o[#o + 1] = parts[#parts]
          node[parts[#parts]] = value
        end
      end
    end
    out[T.id] = root
  end
  return out
end

return M
