-- HTML, one self-contained page per report.
--   render: the publishable report — title, the page's metadata (索引号,
--           发布机构, 成文日期, 发布日期), opening, six parts, the three tables
--           in the official grid, the signature (落款); prints on A4, the
--           tables' headers repeated on every page. A draft (render --draft
--           of a report with errors) is marked as one on every page and
--           lists its errors.
--   check:  the review page, for people — a summary, the findings, each
--           pointing at what it is about as the report shows it: the cells
--           by their labels, the sentence quoted and marked in the report's
--           text below, the page of a PDF; then the tables in the report's
--           own grid with every cell a finding involves marked, and the text.

extension = "html"
per_file  = true       -- several reports: one page each (-o names a folder)

-- the fonts are the format's (layout.typography); a generic family last
local function fonts(list)
  local out = {}
  for i, f in ipairs(list or {}) do
    out[i] = (f == "serif" or f == "sans-serif") and f or ('"' .. f .. '"')
  end
  return table.concat(out, ",")
end

local function css_fonts(report)
  local t = layout.typography(report)
  return "body{font-family:" .. fonts(t.body) .. ";\n     line-height:1.7;margin:0 auto;max-width:52em;padding:1em;color:#111}\n"
      .. "h1{font-family:" .. fonts(t.heading) .. ";text-align:center;font-size:1.5em;margin:1em 0}\n"
      .. "h2{font-family:" .. fonts(t.heading) .. ";font-size:1.15em;margin:1.4em 0 .6em}\n"
end

local css_common = [[
p{text-indent:2em;margin:.4em 0}
.table-wrap{overflow-x:auto;margin:.8em 0}
table{border-collapse:collapse;width:100%;font-size:.9em}
td,th{border:1px solid #000;padding:.25em .35em;text-align:center;vertical-align:middle}
th{font-weight:normal}
td.label,th.label{text-align:left}
]]

-- The publishable page: metadata above, signature below; on paper A4,
-- tables break between rows (never inside one) with their header rows on
-- every page, headings stay with what follows, no page is forced.
local css_render = [[
table.meta{border:none;font-size:.85em;margin:0 0 1.2em}
table.meta th,table.meta td{border:none;text-align:left;padding:.1em .4em}
table.meta th{white-space:nowrap;color:#333}
.signature{text-align:right;text-indent:0;margin:0}
.signature.first{margin-top:2em}
.draft-mark{position:fixed;top:40%;left:0;right:0;text-align:center;font-size:8em;color:rgba(200,0,0,.12);
  transform:rotate(-30deg);pointer-events:none;z-index:10}
.draft-note{border:2px solid #d93025;background:#fde2e1;padding:.6em 1em;margin:1em 0}
.draft-note p{text-indent:0}
@page{size:A4;margin:2.5cm 2cm}
@media print{
  body{max-width:none;padding:0;font-size:12pt}
  .table-wrap{overflow:visible}
  table{break-inside:auto;page-break-inside:auto}
  thead{display:table-header-group}
  tr,th,td{break-inside:avoid;page-break-inside:avoid}
  h1,h2{break-after:avoid;page-break-after:avoid}
  p{orphans:2;widows:2}
}
]]

local css_review = [[
.summary{display:flex;gap:.6em;flex-wrap:wrap;margin:1em 0}
.summary span{padding:.3em .8em;border-radius:1em;background:#eee}
.summary .error{background:#fde2e1;color:#a50e0e}.summary .warning{background:#fff4ce;color:#7a5b00}
.summary .info{background:#e3f1fd;color:#0b5394}.summary .internal{background:#f3e8fd;color:#5b2a86}
td.bad-error{background:#fde2e1;outline:2px solid #d93025}
td.bad-warning{background:#fff4ce;outline:2px solid #e6a700}
td.bad-info{background:#e3f1fd}
td.missing{background:repeating-linear-gradient(45deg,#fff,#fff 4px,#eee 4px,#eee 8px)}
ol.findings{padding-left:1.4em}ol.findings li{margin:.5em 0}
.sev{font-size:.8em;padding:.05em .45em;border-radius:.3em;margin-right:.4em}
.sev.error{background:#d93025;color:#fff}.sev.warning{background:#e6a700;color:#fff}.sev.info{background:#1a73e8;color:#fff}
.sev.internal{background:#7b3fb0;color:#fff}
.rule{color:#666;font-size:.85em}.where{color:#444;font-size:.85em}
blockquote.quote{margin:.3em 0 .3em 1em;padding:.2em .6em;border-left:3px solid #bbb;color:#333}
mark{padding:0 .1em}mark.error{background:#fbc9c6}mark.warning{background:#ffe9a8}mark.info{background:#cfe5fb}
section.text p{text-indent:0}
@media (max-width:600px){body{padding:.5em}table{font-size:.75em}}
]]

local function esc(s) return escape_html(s or "") end

local function paragraphs(text, out, class)
  for line in (text or ""):gmatch("[^\n]+") do
    out[#out + 1] = "<p" .. (class and (' class="' .. class .. '"') or "") .. ">" .. esc(line) .. "</p>"
  end
end

-- The table of one part in its official grid; marks: cell id → severity.
-- The leading rows with no data cell are its header: <thead>, which print
-- repeats on every page the table runs onto.
local function draw(report, tid, out, marks)
  out[#out + 1] = '<div class="table-wrap"><table id="' .. tid .. '">'
  local rows = layout.grid(report, tid)
  local head = 0
  for _, row in ipairs(rows) do
    local data = false
    for _, c in ipairs(row) do data = data or c.id ~= nil end
    if data then break end
    head = head + 1
  end
  for r, row in ipairs(rows) do
    if r == 1 and head > 0 then out[#out + 1] = "<thead>" end
    if r == head + 1 then out[#out + 1] = "<tbody>" end
    out[#out + 1] = "<tr>"
    for _, c in ipairs(row) do
      local attrs = {}
      if c.rowspan > 1 then attrs[#attrs + 1] = 'rowspan="' .. c.rowspan .. '"' end
      if c.colspan > 1 then attrs[#attrs + 1] = 'colspan="' .. c.colspan .. '"' end
      local classes = {}
      if c.role == "label" or c.role == "corner" then classes[#classes + 1] = "label" end
      if c.id then
        attrs[#attrs + 1] = 'id="cell-' .. c.id .. '" data-cell="' .. c.id .. '"'
        if marks and marks[c.id] then classes[#classes + 1] = "bad-" .. marks[c.id] end
        if marks and c.state == "missing" then classes[#classes + 1] = "missing" end
      end
      if #classes > 0 then attrs[#attrs + 1] = 'class="' .. table.concat(classes, " ") .. '"' end
      local tag = c.header and "th" or "td"
      out[#out + 1] = "<" .. tag .. (#attrs > 0 and " " .. table.concat(attrs, " ") or "") .. ">"
                      .. esc(c.text) .. "</" .. tag .. ">"
    end
    out[#out + 1] = "</tr>"
    if r == head and head > 0 then out[#out + 1] = "</thead>" end
  end
  if #rows > head then out[#out + 1] = "</tbody>" end
  out[#out + 1] = "</table></div>"
end

-- A part's own table (not the format's), as it stood among its paragraphs.
local function own_table(rows, out)
  out[#out + 1] = '<div class="table-wrap"><table class="own">'
  for _, row in ipairs(rows) do
    local cells = {}
    for _, c in ipairs(row) do
      local attrs = ""
      if c.rowspan > 1 then attrs = attrs .. ' rowspan="' .. c.rowspan .. '"' end
      if c.colspan > 1 then attrs = attrs .. ' colspan="' .. c.colspan .. '"' end
      cells[#cells + 1] = "<td" .. attrs .. ">" .. esc(c.text) .. "</td>"
    end
    out[#out + 1] = "<tr>" .. table.concat(cells) .. "</tr>"
  end
  out[#out + 1] = "</table></div>"
end

local function page(title, css, body)
  return table.concat({
    "<!DOCTYPE html>", '<html lang="zh-CN"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    "<title>" .. esc(title) .. "</title>", "<style>" .. css .. "</style></head><body>",
    body, "</body></html>", "" }, "\n")
end

--{=== render ===

local function meta_table(report, out)
  local m = layout.meta(report)
  if #m == 0 then return end
  out[#out + 1] = '<table class="meta">'
  for i = 1, #m, 2 do
    local a, b = m[i], m[i + 1]
    out[#out + 1] = "<tr><th>" .. esc(a.label) .. "</th><td>" .. esc(a.value) .. "</td>"
                    .. (b and ("<th>" .. esc(b.label) .. "</th><td>" .. esc(b.value) .. "</td>") or "") .. "</tr>"
  end
  out[#out + 1] = "</table>"
end

local function draft_note(findings, opts, out)
  local lang = opts.lang
  out[#out + 1] = '<div class="draft-mark" aria-hidden="true">' .. esc(message("draft", lang)) .. "</div>"
  out[#out + 1] = '<div class="draft-note" id="draft"><strong>' .. esc(message("draft", lang)) .. "</strong> "
                  .. esc(message("draft_note", lang, #findings + #(opts.internal or {}))) .. '<ol class="findings">'
  for i, f in ipairs(findings) do
    out[#out + 1] = string.format('<li id="finding-%d" data-rule="%s">%s <span class="rule">[%s]</span></li>',
                                  i, esc(f.rule), esc(f.message), esc(f.rule))
  end
  for _, f in ipairs(opts.internal or {}) do
    out[#out + 1] = string.format('<li data-rule="%s">%s <span class="rule">[%s]</span></li>',
                                  esc(f.rule), esc(f.message), esc(f.rule))
  end
  out[#out + 1] = "</ol></div>"
end

local function render(findings, report, opts)
  local title = layout.title(report)
  local out = { "<h1>" .. esc(title) .. "</h1>" }
  meta_table(report, out)
  if opts.draft then draft_note(findings, opts, out) end
  local s0 = report.sections[1]
  if s0 and not s0.part then
    local text, after = layout.prose(report, s0.id)
    paragraphs(text, out)
    if after ~= "" then paragraphs(after, out) end
  end
  local placeholder = layout.placeholders(report).table
  for _, p in ipairs(layout.parts(report)) do
    out[#out + 1] = "<h2>" .. esc(p.heading) .. "</h2>"
    local text, after, own, own_after = layout.prose(report, p.id)
    if (text ~= "" or #own > 0) and not (p.table and placeholder and text:sub(1, #placeholder) == placeholder) then
      -- (the part's own tables where they stood among its paragraphs)
      for _, piece in ipairs(layout.pieces(text, own)) do
        if piece.rows then own_table(piece.rows, out) else paragraphs(piece.text, out) end
      end
    end
    if p.table then draw(report, p.table, out) end
    -- (the prose printed under the table's lines: a note on it)
    for _, piece in ipairs(layout.pieces(after, own_after)) do
      if piece.rows then own_table(piece.rows, out) else paragraphs(piece.text, out) end
    end
  end
  local sig = layout.signature(report)
  if sig then
    out[#out + 1] = '<p class="signature first">' .. esc(sig[1]) .. "</p>"
    out[#out + 1] = '<p class="signature">' .. esc(sig[2]) .. "</p>"
  end
  if opts.draft then title = message("draft", opts.lang) .. " " .. title end
  return page(title, css_fonts(report) .. css_common .. css_render, table.concat(out, "\n"))
end

--}===

--{=== the review page ===

-- The page a line of a PDF's text is on, or nil.
local function page_of(report, line)
  local pages = report and report.pages
  if not (pages and line) then return nil end
  local p
  for i, first in ipairs(pages) do
    if first <= line then p = i else break end
  end
  return p
end

-- Where quote q is in text t, ignoring white space (a sentence read across
-- wrapped lines): the first and last byte of it in t, or nil.
local function locate(t, q)
  local chars, at = {}, {}
  local i = 1
  while i <= #t do
    local c = t:byte(i)
    local len = c < 0x80 and 1 or c >= 0xF0 and 4 or c >= 0xE0 and 3 or c >= 0xC0 and 2 or 1
    local ch = t:sub(i, i + len - 1)
    if not ch:match("^%s$") then chars[#chars + 1] = ch; at[#at + 1] = { i, i + len - 1 } end
    i = i + len
  end
  local flat = table.concat(chars)
  local fq = q:gsub("%s+", "")
  if fq == "" then return nil end
  local s, e = flat:find(fq, 1, true)
  if not s then return nil end
  -- from byte offsets of the flat text back to characters
  local pos, first, last = 0, nil, nil
  for k, ch in ipairs(chars) do
    local from = pos + 1
    pos = pos + #ch
    if not first and from >= s then first = k end
    if pos >= e then last = k; break end
  end
  if not (first and last) then return nil end
  return at[first][1], at[last][2]
end

-- The sentences findings quote, placed in the report's parts: for each
-- finding index, {section=, from=, to=, id=} (one mark per place: two
-- findings of the same words share it).
local function place_quotes(report, findings)
  local marks, by_section, seen = {}, {}, {}
  for i, f in ipairs(findings) do
    if f.quote and f.quote ~= "" then
      for _, s in ipairs(report.sections) do
        local from, to = locate(s.text or "", f.quote)
        if from then
          local key = s.id .. ":" .. from .. ":" .. to
          local m = seen[key]
          if not m then
            m = { section = s.id, from = from, to = to, id = "q-" .. i, severity = f.severity }
            seen[key] = m
            by_section[s.id] = by_section[s.id] or {}
            table.insert(by_section[s.id], m)
          end
          marks[i] = m
          break
        end
      end
    end
  end
  for _, list in pairs(by_section) do
    table.sort(list, function(a, b) return a.from < b.from end)
  end
  return marks, by_section
end

-- A part's own tables (not the format's) placed in its text: each
-- {at =, rows =}, printed before the line at byte `at` (the first of the
-- part's lines after the table's cells), or at the end.
local function own_tables_at(s)
  local list, places, k = {}, s.places or {}, 1
  for _, t in ipairs(s.tables or {}) do
    while places[k] and not (places[k].block and places[k].block > t.block) do k = k + 1 end
    list[#list + 1] = { at = places[k] and places[k].at or math.huge, rows = t.rows }
  end
  return list
end

-- A part's text as paragraphs, with the marked sentences (and its own
-- tables where they stood).
local function marked_text(text, list, out, tables)
  local pos, k, j = 1, 1, 1
  for line in (text .. "\n"):gmatch("([^\n]*)\n") do
    while tables and tables[j] and tables[j].at <= pos do
      own_table(tables[j].rows, out)
      j = j + 1
    end
    local from, to = pos, pos + #line - 1
    local parts, at = {}, from
    while list and list[k] and list[k].from <= to do
      local m = list[k]
      local a, b = math.max(m.from, at), math.min(m.to, to)
      if a > at then parts[#parts + 1] = esc(text:sub(at, a - 1)) end
      if b >= a then
        parts[#parts + 1] = '<mark class="' .. m.severity .. '"' .. (m.opened and "" or (' id="' .. m.id .. '"'))
                            .. ">" .. esc(text:sub(a, b)) .. "</mark>"
        m.opened = true
        at = b + 1
      end
      if m.to <= to then k = k + 1 else break end
    end
    if at <= to then parts[#parts + 1] = esc(text:sub(at, to)) end
    if line ~= "" then out[#out + 1] = "<p>" .. table.concat(parts) .. "</p>" end
    pos = to + 2
  end
  while tables and tables[j] do
    own_table(tables[j].rows, out)
    j = j + 1
  end
end

-- The part a place of the input is in (for a finding with a line only).
local function section_at(report, line)
  local best
  for _, s in ipairs(report.sections) do
    if s.line and line and s.line <= line and (not best or s.line >= best.line) then best = s end
  end
  return best
end

local function review(findings, report, opts)
  local lang = opts.lang
  local internal = opts.internal or {}
  -- the agency in the title whenever it is known, else the file
  local title = report and report.agency and layout.title(report) or opts.file
  local out = { "<h1>" .. esc(message("review_of", lang, title)) .. "</h1>" }
  local tally = { error = 0, warning = 0, info = 0 }
  local marks, rank = {}, { error = 3, warning = 2, info = 1 }
  for _, f in ipairs(findings) do
    tally[f.severity] = tally[f.severity] + 1
    for _, id in ipairs(f.cells or {}) do
      if not marks[id] or rank[f.severity] > rank[marks[id]] then marks[id] = f.severity end
    end
  end
  local where = { esc(opts.file) }
  if report and report.published then where[#where + 1] = esc(message("published_on", lang, report.published)) end
  if opts.config then where[#where + 1] = esc(message("config_used", lang, opts.config,
                                                       table.concat(opts.packs or {}, message("list_sep", lang)))) end
  out[#out + 1] = '<p class="where">' .. table.concat(where, "\u{3000}") .. "</p>"
  -- the year before: which report the checks across years used, or none
  if report and report.previous then
    out[#out + 1] = '<p class="where" id="previous">' .. esc(message("previous_used", lang, report.previous.path,
      tostring(report.previous.year), message("from_" .. (report.previous_from or "previous"), lang))) .. "</p>"
  elseif report and report.previous_from and report.year then
    out[#out + 1] = '<p class="where" id="previous">' .. esc(message("previous_none", lang, tostring(report.year - 1)))
                    .. "</p>"
  end
  out[#out + 1] = '<div class="summary" id="summary">'
  for _, sev in ipairs { "error", "warning", "info" } do
    out[#out + 1] = string.format('<span class="%s">%s %d</span>', sev, message(sev, lang), tally[sev])
  end
  if #internal > 0 then
    out[#out + 1] = string.format('<span class="internal">%s %d</span>', message("internal_word", lang), #internal)
  end
  out[#out + 1] = "</div>"
  out[#out + 1] = "<h2>" .. esc(message("findings", lang)) .. "</h2>"
  local quotes, by_section = {}, {}
  if report then quotes, by_section = place_quotes(report, findings) end
  -- a line number is shown where the input's lines are what people read
  -- (text, YAML); an HTML page's line is a place in its source, not on screen
  local show_line = report and report.reader ~= "html" and not report.pages
  if #findings == 0 then
    out[#out + 1] = "<p>" .. esc(message("no_findings", lang)) .. "</p>"
  else
    out[#out + 1] = '<ol class="findings" id="findings">'
    for i, f in ipairs(findings) do
      local places = {}
      local pg = page_of(report, f.line)
      if pg then places[#places + 1] = esc(message("at_page", lang, pg))
      elseif f.line and (show_line or not report) then places[#places + 1] = esc(message("at_line", lang, f.line)) end
      for _, id in ipairs(f.cells or {}) do
        places[#places + 1] = '<a href="#cell-' .. esc(id) .. '" data-cell="' .. esc(id) .. '">'
                              .. esc(report and layout.label(report, id, lang) or id) .. "</a>"
      end
      local q = quotes[i]
      if q then
        places[#places + 1] = '<a href="#' .. q.id .. '">' .. esc(message("in_text", lang)) .. "</a>"
      elseif report and f.line and #(f.cells or {}) == 0 and not f.quote then
        local s = section_at(report, f.line)
        if s and s.heading and s.heading ~= "" then
          places[#places + 1] = '<a href="#part-' .. esc(s.id) .. '">' .. esc(s.heading) .. "</a>"
        end
      end
      out[#out + 1] = string.format('<li id="finding-%d" data-rule="%s" data-severity="%s">'
        .. '<span class="sev %s">%s</span>%s <span class="rule">[%s]</span>%s'
        .. '<div class="where">%s</div></li>', i, esc(f.rule), f.severity, f.severity,
        message(f.severity, lang), esc(f.message), esc(f.rule),
        f.quote and ('<blockquote class="quote">' .. esc(f.quote) .. "</blockquote>") or "",
        table.concat(places, "\u{3000}"))
    end
    out[#out + 1] = "</ol>"
  end
  if #internal > 0 then
    out[#out + 1] = '<h2>' .. esc(message("internal_word", lang)) .. "</h2>"
    out[#out + 1] = '<ol class="findings internal" id="internal">'
    for _, f in ipairs(internal) do
      out[#out + 1] = string.format('<li data-rule="%s"><span class="sev internal">%s</span>%s'
        .. '<div class="where">%s</div></li>', esc(f.rule), esc(message("internal_word", lang)), esc(f.message),
        esc((f.file or "") .. (f.line and (":" .. f.line) or "")))
    end
    out[#out + 1] = "</ol>"
  end
  if report and report.format ~= "legacy" then
    for _, t in ipairs(layout.tables(report)) do
      out[#out + 1] = "<h2>" .. esc(t.heading) .. "</h2>"
      draw(report, t.id, out, marks)
    end
  end
  if report and #report.sections > 0 then
    out[#out + 1] = '<h2 id="text">' .. esc(message("report_text", lang)) .. '</h2><section class="text">'
    for _, s in ipairs(report.sections) do
      if s.heading and s.heading ~= "" then
        out[#out + 1] = '<h3 id="part-' .. esc(s.id) .. '">' .. esc(s.heading) .. "</h3>"
      end
      marked_text(s.text or "", by_section[s.id], out, s.tables and own_tables_at(s))
    end
    out[#out + 1] = "</section>"
  end
  return page(message("review_of", lang, title), css_fonts(report) .. css_common .. css_review,
              table.concat(out, "\n"))
end

--}===

function Writer(findings, report, opts)
  if opts.mode == "render" or opts.mode == "extract" then return render(findings, report, opts) end
  return review(findings, report, opts)
end
