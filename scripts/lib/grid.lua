-- A report's tables as writers draw them: the official grid of its format
-- (spec §5, compiled from the format's declaration) with the report's
-- values in the data cells, and flatter shapes for formats without
-- merged cells.

local Report = require "report"
local messages = require "messages"
local view = require "view"

local M = {}

-- The widest line of a text wrapped at a page (columns): an A4 page's
-- line is some 60, a text browser's 80 to 120.
local WRAP_WIDEST = 160

local function value_text(report, id)
  local state, v = view.unwrap(report).c:state(id)
  if state == "number" then return tostring(v), state end
  local c = view.unwrap(report).c:get(id)
  if state == "missing" or state == "blank" or state == "unknown" then return "", state end
  return c.text or "", state
end

-- table(report, tid) → rows of cells {text=, rowspan=, colspan=, header=,
-- role=, id=}; data cells carry `id`, and from the report `text` (as
-- printed: the number, "" for blank or missing, a marker's text), `state`,
-- `line` and `col`.
function M.table(report, tid)
  local F = Report.format_of(report)
  local T = F.table_by_id[tid]
  local rows = {}
  for i, row in ipairs(T and T.grid or {}) do
    local out = {}
    for j, c in ipairs(row) do
      local cell = { text = c.text, rowspan = c.rowspan, colspan = c.colspan, header = c.header,
                     role = c.role, id = c.id }
      if c.id then
        local full = view.unwrap(report).c:get(c.id)
        cell.text, cell.state = value_text(report, c.id)
        cell.line, cell.col = full.line, full.col
      end
      out[j] = cell
    end
    rows[i] = out
  end
  return rows
end

-- The tables of the report's format, in the order of their parts:
-- {id=, title=, part=, heading= (the part's heading)}.
function M.tables(report)
  local F = Report.format_of(report)
  local out = {}
  for _, T in ipairs(F.tables) do
    out[#out + 1] = { id = T.id, title = T.title, part = T.part, heading = F.part_by_id[T.part].heading }
  end
  return out
end

-- The report's title as its format writes it.
function M.title(report)
  local F = Report.format_of(report)
  return require("format").fill(F.title, { agency = report.agency or "", year = report.year or "" })
end

-- The parts of the report's format: {id=, n=, title=, heading=, table=}.
function M.parts(report)
  local F = Report.format_of(report)
  local out = {}
  for i, p in ipairs(F.parts) do
    out[i] = { id = p.id, n = p.n, title = p.title, heading = p.heading, table = p.table }
  end
  return out
end

-- The key figures of a report (its format's `key_figures`): {label=, en=,
-- value=} with value "" where a cell is not a number. With no report, the
-- figures of `F` (the base format) with no values.
function M.figures(report, F)
  F = report and Report.format_of(report) or F
  local out = {}
  local c = report and view.unwrap(report).c
  for i, k in ipairs(F.key_figures) do
    local sum = report and 0 or nil
    for term in k.cells:gmatch("[^%s+]+") do
      if sum then
        local ok, state, v = pcall(c.state, c, term)
        if ok and state == "number" and math.type(v) == "integer" then sum = sum + v else sum = nil end
      end
    end
    out[i] = { label = k.label, en = k.en, value = sum and tostring(sum) or "" }
  end
  return out
end

-- The fonts of the report's format: {body = {…}, heading = {…}}.
function M.typography(report)
  return Report.format_of(report).typography
end

-- The metadata a published page prints before the report, as the format
-- labels it (each field's first label): {field=, label=, value=} for
-- 索引号, 发布机构, 成文日期, 发布日期 where the report has them.
function M.meta(report)
  local F = Report.format_of(report)
  local labels = (F.decl and F.decl.metadata) or {}
  local out = {}
  for _, field in ipairs { "index", "publisher", "written", "published" } do
    local value = field == "publisher" and report.agency or report[field]
    local label = labels[field] and labels[field][1]
    if value and label then out[#out + 1] = { field = field, label = label, value = value } end
  end
  return out
end

-- A date "YYYY-MM-DD" as the format writes it in a text (its
-- authoring.date: "{y}年{m}月{d}日"), or nil.
function M.date(report, iso)
  local F = Report.format_of(report)
  local y, m, d = tostring(iso or ""):match("^(%d%d%d%d)%-(%d%d)%-(%d%d)$")
  if not y or not F.authoring.date then return nil end
  return require("format").fill(F.authoring.date, { y = y, m = tonumber(m), d = tonumber(d) })
end

-- The signature (落款) that ends a published report: the issuer and the
-- date it was written (成文日期), as lines; nil when either is unknown.
function M.signature(report)
  local date = M.date(report, report.written)
  if not (report.agency and date) then return nil end
  return { report.agency, date }
end

-- A cell's place for people: table, row and column labels ("表三
-- 一、本年新收政府信息公开申请数量·自然人").
function M.label(report, id, lang)
  local F = Report.format_of(report)
  local info = F.info[id]
  if not info then return id end
  local T = F.table_by_id[info.table]
  return messages.text(lang or "zh", "cell_label", T and T.title or info.table, info.row_label or info.row,
                       info.col_label or info.column)
end

-- Whether every cell of table `tid` was read (a value, a blank or a mark).
local function all_read(report, tid)
  local F, c = Report.format_of(report), view.unwrap(report).c
  for _, id in ipairs(F.table_by_id[tid] and F.table_by_id[tid].cells or {}) do
    local state = c:state(id)
    if state == "missing" or state == "unknown" then return false end
  end
  return true
end

-- A line's width in columns: a wide character (CJK) two.
local function width(line)
  local w = 0
  for _, c in utf8.codes(line, true) do w = w + (c >= 0x1100 and 2 or 1) end
  return w
end

-- Where a sentence or a clause ends: a line ending so is a paragraph's end.
local ENDS = { ["\u{3002}"] = true, ["\u{FF01}"] = true, ["\u{FF1F}"] = true, ["\u{FF1B}"] = true,
               ["\u{FF1A}"] = true, ["."] = true, ["!"] = true, ["?"] = true, [";"] = true, [":"] = true }

-- Whether a line opens an item of a list: (一), 1., 一、 and the like.
local function opens_item(F, line)
  line = line:gsub("^[ \t\u{3000}]+", "")
  if line:find("^[%(\u{FF08}]") or line:find("^%d+[%.\u{FF0E}\u{3001}]") then return true end
  local first = line:match("^[\xE0-\xEF][\x80-\xBF][\x80-\xBF]")
  return first ~= nil and (F.decl.numerals or ""):find(first, 1, true) ~= nil
         and line:sub(#first + 1, #first + 3) == "\u{3001}"
end

-- Whether a line lays out columns (a tab, or a run of spaces inside it):
-- a table's line, not prose.
local function columned(line)
  return line:find("\t", 1, true) or line:gsub("^%s+", ""):gsub("%s+$", ""):find("  ", 1, true)
end

-- The page's width a report's text was wrapped at, over all its parts:
-- the widest line of prose (a line of columns is a table's, one wider
-- than any page's no wrapped line) that a tenth of them, and three at
-- least, are as wide as within a fifth (a site's footer of one wider line
-- is not the page's). nil where none is. Found once a report.
local page_of = setmetatable({}, { __mode = "k" })
local function page_width(report)
  local page = page_of[report]
  if page then return page.widest end
  local widths = {}
  for _, sec in ipairs(report.sections or {}) do
    for line in (sec.text or ""):gmatch("[^\n]+") do
      local w = not columned(line) and width(line)
      if w and w > 0 and w <= WRAP_WIDEST then widths[#widths + 1] = w end
    end
  end
  table.sort(widths, function(x, y) return x > y end)
  local need, widest = math.max(3, #widths // 10), nil
  local j = 1
  for i, w in ipairs(widths) do
    -- (widths[i..j-1] are those within a fifth of w)
    if j < i then j = i end
    while widths[j] and widths[j] * 5 >= w * 4 do j = j + 1 end
    if j - i >= need then widest = w; break end
  end
  page_of[report] = { widest = widest }
  return widest
end

-- The width a part's lines were wrapped at (a PDF's, a text browser's):
-- its widest, where three lines at least are that wide (within a fifth);
-- nil where its widest line is longer than any page's. A part with fewer
-- lines that wide of its own (a note of two lines under a table drawn) is
-- wrapped at its page's width.
local function wrap_width(report, part)
  local widest, widths, full = 0, {}, 0
  for i, line in ipairs(part) do
    widths[i] = width(line)
    if widths[i] > widest then widest = widths[i] end
  end
  for i = 1, #part do
    if widths[i] * 5 >= widest * 4 then full = full + 1 end
  end
  if widest > WRAP_WIDEST then return nil end
  if full < 3 then
    local page = page_width(report)
    if not page or widest > page then return nil end
    widest = page
  end
  return widest
end

-- Lines wrapped at `widest` (nil: not wrapped) as their paragraphs: a
-- line as wide as the widest (within a fifth), not ending a sentence, goes
-- on in the next unless that opens an item; a line of columns does not.
local function unwrapped(report, lines, widest)
  if not widest then return lines end
  local widths = {}
  for i, line in ipairs(lines) do widths[i] = width(line) end
  local F = Report.format_of(report)
  local out, n = {}, 0
  local going = false
  for i, line in ipairs(lines) do
    if going then
      local prev, next_ = out[n]:gsub("[ \t]+$", ""), line:gsub("^[ \t\u{3000}]+", "")
      local space = prev:find("[%w]$") and next_:find("^[%w]") and " " or ""
      out[n] = prev .. space .. next_
    else
      n = n + 1
      out[n] = line
    end
    local last = line:gsub("[ \t]+$", ""):match("[%z\1-\127\xC2-\xF4][\x80-\xBF]*$")
    going = widths[i] * 5 >= widest * 4 and not (last and ENDS[last]) and not columned(line)
            and lines[i + 1] ~= nil and not opens_item(F, lines[i + 1]) and not columned(lines[i + 1])
  end
  return out
end

-- Lines with the part's own tables among them ({block =, rows =} each,
-- before the line at whose block it stood) as one text, unwrapped at
-- `widest` between two tables (no line runs on across a table), and the
-- tables each {at =, rows =}: after the text's first `at` bytes.
local function with_tables(report, lines, own, widest)
  if #own == 0 then return table.concat(unwrapped(report, lines, widest), "\n"), own end
  local pieces, tables, from, size = {}, {}, 1, 0
  for k, t in ipairs(own) do
    local piece = table.concat(unwrapped(report, table.move(lines, from, t.before, 1, {}), widest), "\n")
    if piece ~= "" then
      pieces[#pieces + 1] = piece
      size = size + #piece + (#pieces > 1 and 1 or 0)
    end
    tables[k] = { at = size, rows = t.rows }
    from = t.before + 1
  end
  pieces[#pieces + 1] = table.concat(unwrapped(report, table.move(lines, from, #lines, 1, {}), widest), "\n")
  if pieces[#pieces] == "" then pieces[#pieces] = nil end
  return table.concat(pieces, "\n"), tables
end

-- A part's prose as it is published: its section's text less the lines a
-- table was read from (a PDF's or a scraped page's table is printed in
-- the part's lines, and a writer draws it as the table), in two: the
-- prose before the table's lines, and the prose among and after them (a
-- note under the table, 注：…, or between its rows), which a writer prints
-- after the table it draws. A
-- table not read whole keeps its lines: a draft shows what was printed.
-- Third and fourth: the part's own tables (not the format's) among the
-- prose before and after, each {at =, rows =}: printed after the first
-- `at` bytes of that prose (a line's end).
function M.prose(report, id)
  local sec = report:section(id)
  if not sec then return "", "", {}, {} end
  local text, places = sec.text or "", sec.places
  local read = {}
  for tid, t in pairs(report.tables or {}) do
    if t.text_blocks and all_read(report, tid) then read[#read + 1] = t.text_blocks end
  end
  local out, after = {}, {}
  -- the part's own tables, each placed before the first line after it
  local own = places and sec.tables or {}
  local own_out, own_after, k = {}, {}, 1
  local function place_tables(block, into)
    while own[k] and (not block or own[k].block < block) do
      local list = into == after and own_after or own_out
      list[#list + 1] = { before = #into, rows = own[k].rows }
      k = k + 1
    end
  end
  if #read == 0 and #own == 0 or not places then
    for line in text:gmatch("[^\n]+") do out[#out + 1] = line end
  else
    -- the first of the part's lines a table was read from: what is printed
    -- after it, among the table's lines or under them (a note between its
    -- rows, a page's footnote between its two pages), is printed after the
    -- table drawn, not above it
    -- (or after its cells, where a grid of the part's own was cut off after them)
    local first = sec.table_ends
    for _, p in ipairs(places) do
      for _, set in ipairs(read) do
        if p.block and set[p.block] and (not first or p.block < first) then first = p.block end
      end
    end
    for n, p in ipairs(places) do
      local stop = places[n + 1] and places[n + 1].at - 2 or #text
      local of_table = false
      for _, set in ipairs(read) do
        if p.block and set[p.block] then of_table = true; break end
      end
      if not of_table and p.at <= #text then
        local into = (first and p.block and p.block > first) and after or out
        if p.block then place_tables(p.block, into) end
        into[#into + 1] = text:sub(p.at, stop)
      end
    end
    place_tables(nil, first and own[k] and own[k].block > first and after or out)
  end
  -- (the part's lines together tell the width they were wrapped at)
  local all = table.move(after, 1, #after, #out + 1, table.move(out, 1, #out, 1, {}))
  local widest = wrap_width(report, all)
  local text_out, tables_out = with_tables(report, out, own_out, widest)
  local text_after, tables_after = with_tables(report, after, own_after, widest)
  return text_out, text_after, tables_out, tables_after
end

-- A part's prose and its own tables in order (M.prose's first and third, or second and fourth):
-- a list of {text =} and {rows =} (each row a list of {text, rowspan, colspan}).
function M.pieces(text, tables)
  local out, from = {}, 1
  for _, t in ipairs(tables or {}) do
    if t.at >= from then out[#out + 1] = { text = text:sub(from, t.at) } end
    out[#out + 1] = { rows = t.rows }
    from = t.at + (t.at > 0 and 2 or 1)        -- (past the line end before the next prose)
  end
  if from <= #text then out[#out + 1] = { text = text:sub(from) } end
  return out
end

-- What the blank report of `new` writes in a part still to be filled.
function M.placeholders(report)
  local F = Report.format_of(report)
  return { text = F.authoring.text, table = F.authoring.table }
end

return M
