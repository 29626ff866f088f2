-- HTML, one self-contained page per report.
--   render: the publishable report — title, opening, six parts, the three
--           tables in the official grid; prints on A4.
--   check:  the review page — a summary, the tables with every cell that a
--           finding involves marked, and the findings linked to their cells.

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

local css_print = [[
@page{size:A4;margin:2.5cm 2cm}
@media print{body{max-width:none;padding:0}.table-wrap{overflow:visible}table{page-break-inside:auto}
tr{page-break-inside:avoid}}
]]

local css_review = [[
.summary{display:flex;gap:.6em;flex-wrap:wrap;margin:1em 0}
.summary span{padding:.3em .8em;border-radius:1em;background:#eee}
.summary .error{background:#fde2e1;color:#a50e0e}.summary .warning{background:#fff4ce;color:#7a5b00}
.summary .info{background:#e3f1fd;color:#0b5394}
td.bad-error{background:#fde2e1;outline:2px solid #d93025}
td.bad-warning{background:#fff4ce;outline:2px solid #e6a700}
td.bad-info{background:#e3f1fd}
td.missing{background:repeating-linear-gradient(45deg,#fff,#fff 4px,#eee 4px,#eee 8px)}
ol.findings{padding-left:1.4em}ol.findings li{margin:.5em 0}
.sev{font-size:.8em;padding:.05em .45em;border-radius:.3em;margin-right:.4em}
.sev.error{background:#d93025;color:#fff}.sev.warning{background:#e6a700;color:#fff}.sev.info{background:#1a73e8;color:#fff}
.rule{color:#666;font-size:.85em}.where{color:#444;font-size:.85em}
@media (max-width:600px){body{padding:.5em}table{font-size:.75em}}
]]

local function esc(s) return escape_html(s or "") end

local function paragraphs(text, out)
  for line in (text or ""):gmatch("[^\n]+") do out[#out + 1] = "<p>" .. esc(line) .. "</p>" end
end

-- The table of one part in its official grid; marks: cell id → severity.
local function draw(report, tid, out, marks)
  out[#out + 1] = '<div class="table-wrap"><table id="' .. tid .. '">'
  for _, row in ipairs(layout.grid(report, tid)) do
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
  end
  out[#out + 1] = "</table></div>"
end

local function title_of(report)
  return layout.title(report)
end

local function page(title, css, body)
  return table.concat({
    "<!DOCTYPE html>", '<html lang="zh-CN"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    "<title>" .. esc(title) .. "</title>", "<style>" .. css .. "</style></head><body>",
    body, "</body></html>", "" }, "\n")
end

local function render(report)
  local out = { "<h1>" .. esc(title_of(report)) .. "</h1>" }
  local s0 = report.sections[1]
  if s0 and not s0.part then paragraphs(s0.text, out) end
  local placeholder = layout.placeholders(report).table
  for _, p in ipairs(layout.parts(report)) do
    out[#out + 1] = "<h2>" .. esc(p.heading) .. "</h2>"
    local sec = report:section(p.id)
    if sec and sec.text ~= "" and not (p.table and placeholder and sec.text:sub(1, #placeholder) == placeholder) then
      paragraphs(sec.text, out)
    end
    if p.table then draw(report, p.table, out) end
  end
  return page(title_of(report), css_fonts(report) .. css_common .. css_print, table.concat(out, "\n"))
end

local function review(findings, report, opts)
  local out = { "<h1>" .. esc(report and title_of(report) or opts.file) .. "</h1>" }
  local tally = { error = 0, warning = 0, info = 0 }
  local marks, rank = {}, { error = 3, warning = 2, info = 1 }
  for _, f in ipairs(findings) do
    tally[f.severity] = tally[f.severity] + 1
    for _, id in ipairs(f.cells or {}) do
      if not marks[id] or rank[f.severity] > rank[marks[id]] then marks[id] = f.severity end
    end
  end
  local lang = opts.lang
  out[#out + 1] = '<p class="where">' .. esc(opts.file) .. (report and report.published and
                  ("\u{3000}" .. esc(message("published_on", lang, report.published))) or "") .. "</p>"
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
  out[#out + 1] = "</div>"
  out[#out + 1] = "<h2>" .. esc(message("findings", lang)) .. "</h2>"
  if #findings == 0 then
    out[#out + 1] = "<p>" .. esc(message("no_findings", lang)) .. "</p>"
  else
    out[#out + 1] = '<ol class="findings" id="findings">'
    for i, f in ipairs(findings) do
      local links = {}
      for _, id in ipairs(f.cells or {}) do
        links[#links + 1] = '<a href="#cell-' .. esc(id) .. '">' .. esc(id) .. "</a>"
      end
      out[#out + 1] = string.format('<li id="finding-%d" data-rule="%s" data-severity="%s">'
        .. '<span class="sev %s">%s</span>%s <span class="rule">[%s]</span>'
        .. '<div class="where">%s%s</div></li>', i, esc(f.rule), f.severity, f.severity,
        message(f.severity, lang), esc(f.message), esc(f.rule),
        f.line and message("at_line", lang, f.line) or "", #links > 0 and ("\u{3000}" .. table.concat(links, " ")) or "")
    end
    out[#out + 1] = "</ol>"
  end
  if report and report.format ~= "legacy" then
    for _, t in ipairs(layout.tables(report)) do
      out[#out + 1] = "<h2>" .. esc(t.heading) .. "</h2>"
      draw(report, t.id, out, marks)
    end
  end
  return page(message("review_of", lang, report and title_of(report) or opts.file),
              css_fonts(report) .. css_common .. css_review,
              table.concat(out, "\n"))
end

function Writer(findings, report, opts)
  if opts.mode == "render" then return render(report) end
  if opts.mode == "extract" then return render(report) end
  return review(findings, report, opts)
end
