-- The dashboard: index.html beside the review pages of -o FOLDER. Every
-- report with its agency, year, errors, warnings and publication date
-- against its deadline, in a table that sorts by any column (a click, or
-- #sort=COLUMN in the address) and links to each review page; inline SVG
-- charts of findings by rule, outcomes by kind across the region and
-- publication dates against deadlines; copied narrative and skipped files.
-- One self-contained page: no script or style from elsewhere.

local nbio = require "nianbao.io"
local messages = require "messages"
local rollup = require "rollup"

local M = {}

local escapes = { ["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;", ['"'] = "&quot;", ["'"] = "&#39;" }
local function esc(s) return (tostring(s == nil and "" or s):gsub("[&<>\"']", escapes)) end

-- A page-relative link to a page of the same folder (each path segment escaped).
local function href(page)
  return (page:gsub("[^%w/._-]", function(c) return string.format("%%%02X", c:byte()) end))
end

local CSS = [[
body{font-family:"WenQuanYi Micro Hei","Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:0 auto;max-width:72em;padding:1em;color:#111}
h1{font-size:1.5em}h2{font-size:1.15em;margin-top:1.6em}
.cards{display:flex;gap:.6em;flex-wrap:wrap}.cards div{background:#f3f3f3;border-radius:.4em;padding:.5em 1em}
.cards b{display:block;font-size:1.4em}
.charts{display:flex;gap:1.2em;flex-wrap:wrap}.charts figure{margin:0;flex:1 1 22em}
figcaption{font-weight:bold;margin:.4em 0}
table{border-collapse:collapse;width:100%;font-size:.9em}
th,td{border:1px solid #ccc;padding:.25em .45em;text-align:left}
th{background:#f3f3f3;cursor:pointer;user-select:none}th[aria-sort=ascending]::after{content:" ▲"}
th[aria-sort=descending]::after{content:" ▼"}
td.n{text-align:right}.late{color:#a50e0e;font-weight:bold}.err{background:#fde2e1}
.passage{color:#444;font-size:.85em}
]]

-- Sorting: a click on a header sorts by it (again: the other way);
-- #sort=NAME or #sort=-NAME in the address sorts when the page opens.
local JS = [[
(function(){
var table=document.getElementById("reports");if(!table)return;
var heads=table.tHead.rows[0].cells;
function key(td){var v=td.getAttribute("data-v");if(v===null)v=td.textContent;
 var n=parseFloat(v);return isNaN(n)?v:n;}
function sort(col,desc){var body=table.tBodies[0],rows=Array.prototype.slice.call(body.rows);
 rows.sort(function(a,b){var x=key(a.cells[col]),y=key(b.cells[col]);
  if(typeof x!==typeof y){x=String(x);y=String(y);}
  var c=x<y?-1:x>y?1:0;return desc?-c:c;});
 rows.forEach(function(r){body.appendChild(r);});
 for(var i=0;i<heads.length;i++)heads[i].removeAttribute("aria-sort");
 heads[col].setAttribute("aria-sort",desc?"descending":"ascending");}
for(var i=0;i<heads.length;i++)(function(i){heads[i].addEventListener("click",function(){
 sort(i,heads[i].getAttribute("aria-sort")==="ascending");});})(i);
var m=/sort=(-?)([\w-]+)/.exec(location.hash);
if(m)for(var j=0;j<heads.length;j++)if(heads[j].getAttribute("data-col")===m[2])
 sort(j,m[1]==="-"||heads[j].getAttribute("data-desc")==="1");
})();
]]

--{=== charts ===

-- Horizontal bars: items {label =, value =, title =}, largest first.
local function bars(items, color, unit)
  local max = 0
  for _, it in ipairs(items) do max = math.max(max, it.value) end
  local h, lw, bw = 22, 250, 300
  local out = { string.format('<svg xmlns="http://www.w3.org/2000/svg" role="img" width="%d" height="%d" '
                              .. 'viewBox="0 0 %d %d" font-size="12">', lw + bw + 60, #items * h + 4,
                              lw + bw + 60, #items * h + 4) }
  for i, it in ipairs(items) do
    local y = (i - 1) * h + 2
    local w = max > 0 and math.max(1, math.floor(it.value * bw / max + 0.5)) or 0
    local label = it.label
    if utf8.len(label) and utf8.len(label) > 16 then label = label:sub(1, utf8.offset(label, 16) - 1) .. "…" end
    out[#out + 1] = string.format('<text x="%d" y="%d" text-anchor="end">%s</text>', lw - 6, y + 15, esc(label))
    out[#out + 1] = string.format('<rect class="bar" x="%d" y="%d" width="%d" height="%d" fill="%s">'
                                  .. '<title>%s</title></rect>', lw, y + 3, w, h - 6, color, esc(it.title or it.label))
    out[#out + 1] = string.format('<text x="%d" y="%d">%s%s</text>', lw + w + 4, y + 15, esc(it.value), unit or "")
  end
  out[#out + 1] = "</svg>"
  return table.concat(out)
end

-- Publication against the deadline: one dot per report at its days from
-- the deadline (cut to -90 … +120), late ones red.
local function dates(rows, lang)
  local pts = {}
  for _, r in ipairs(rows) do
    if r.days then pts[#pts + 1] = r end
  end
  local W, H, lo, hi = 620, 120, -90, 120
  local function x(d) return 30 + (math.max(lo, math.min(hi, d)) - lo) * (W - 60) / (hi - lo) end
  local out = { string.format('<svg xmlns="http://www.w3.org/2000/svg" role="img" width="%d" height="%d" '
                              .. 'viewBox="0 0 %d %d" font-size="11">', W, H, W, H) }
  out[#out + 1] = string.format('<line x1="30" y1="%d" x2="%d" y2="%d" stroke="#888"/>', H - 30, W - 30, H - 30)
  for _, d in ipairs { -90, -60, -30, 0, 30, 60, 90, 120 } do
    out[#out + 1] = string.format('<text x="%.1f" y="%d" text-anchor="middle">%+d</text>', x(d), H - 14, d)
  end
  out[#out + 1] = string.format('<line id="deadline" x1="%.1f" y1="8" x2="%.1f" y2="%d" stroke="#d93025" '
                                .. 'stroke-dasharray="4 3"/><text x="%.1f" y="10" fill="#d93025">%s</text>',
                                x(0), x(0), H - 30, x(0) + 4, esc(messages.text(lang, "dash_deadline")))
  for i, r in ipairs(pts) do
    local y = 18 + (i * 37) % (H - 56)
    out[#out + 1] = string.format('<circle class="pub%s" cx="%.1f" cy="%d" r="4" fill="%s"><title>%s %s %s</title></circle>',
                                  r.late and " late" or "", x(r.days), y, r.late and "#d93025" or "#1a73e8",
                                  esc(r.agency or r.file), esc(r.published), esc(r.days))
  end
  out[#out + 1] = "</svg>"
  return table.concat(out)
end

--}===

-- page(F, rows, extra) → the dashboard's HTML. extra: skipped, copies, lang.
function M.page(F, rows, extra)
  local lang = extra.lang or "zh"
  local t = function(k, ...) return messages.text(lang, k, ...) end
  local out = {}
  local function add(s) out[#out + 1] = s end
  -- the figures
  local agencies, late, errors, warnings = {}, 0, 0, 0
  local by_rule, outcomes = {}, {}
  for _, r in ipairs(rows) do
    if r.key then agencies[r.key] = true end
    if r.late then late = late + 1 end
    errors, warnings = errors + r.error, warnings + r.warning
    for id, n in pairs(r.rules) do by_rule[id] = (by_rule[id] or 0) + n end
    for k, v in pairs(r.outcomes) do outcomes[k] = (outcomes[k] or 0) + v end
  end
  local n_agencies = 0
  for _ in pairs(agencies) do n_agencies = n_agencies + 1 end
  add('<h1>' .. esc(t("dash_title")) .. '</h1>')
  add('<div class="cards" id="cards">')
  for _, c in ipairs { { "dash_reports", #rows }, { "dash_agencies", n_agencies }, { "error", errors },
                       { "warning", warnings }, { "dash_late", late }, { "dash_skipped", #(extra.skipped or {}) },
                       { "dash_copies", #(extra.copies or {}) } } do
    add(string.format('<div data-card="%s"><b>%d</b>%s</div>', c[1], c[2], esc(t(c[1]))))
  end
  add('</div>')
  -- the charts
  local rules = {}
  for id, n in pairs(by_rule) do rules[#rules + 1] = { label = id, value = n } end
  table.sort(rules, function(a, b) if a.value ~= b.value then return a.value > b.value end return a.label < b.label end)
  while #rules > 20 do table.remove(rules) end
  local kinds = {}
  local total = 0
  for _, k in ipairs(rollup.outcome_kinds(F)) do total = total + (outcomes[k.id] or 0) end
  for _, k in ipairs(rollup.outcome_kinds(F)) do
    local v = outcomes[k.id] or 0
    kinds[#kinds + 1] = { label = lang == "en" and k.id or k.label, value = v,
                          title = total > 0 and string.format("%.1f%%", v * 100 / total) or nil }
  end
  add('<div class="charts">')
  add('<figure id="chart-rules"><figcaption>' .. esc(t("dash_by_rule")) .. '</figcaption>'
      .. (#rules > 0 and bars(rules, "#d93025") or "<p>" .. esc(t("no_findings")) .. "</p>") .. '</figure>')
  add('<figure id="chart-outcomes"><figcaption>' .. esc(t("dash_outcomes")) .. '</figcaption>'
      .. bars(kinds, "#1a73e8") .. '</figure>')
  add('<figure id="chart-dates"><figcaption>' .. esc(t("dash_dates")) .. '</figcaption>' .. dates(rows, lang)
      .. '</figure>')
  add('</div>')
  -- the reports
  add('<h2>' .. esc(t("dash_list")) .. '</h2>')
  add('<table id="reports"><thead><tr>')
  for _, c in ipairs { { "agency", "col_agency" }, { "year", "col_year", true }, { "errors", "error", true },
                       { "warnings", "warning", true }, { "info", "info", true }, { "published", "col_published" },
                       { "deadline", "col_deadline" }, { "days", "dash_days", true },
                       { "previous", "col_previous" }, { "page", "dash_page" } } do
    add(string.format('<th data-col="%s"%s>%s</th>', c[1], c[3] and ' data-desc="1"' or "", esc(t(c[2]))))
  end
  add('</tr></thead><tbody>')
  for _, r in ipairs(rows) do
    local prev = r.previous and r.previous.file and t("previous_from", r.previous.file, t("from_" .. r.previous.from))
                 or t("from_none")
    add(string.format('<tr data-agency="%s" data-errors="%d"%s>', esc(r.agency or ""), r.error,
                      r.error > 0 and ' class="err"' or ""))
    add(string.format('<td>%s</td><td class="n">%s</td><td class="n">%d</td><td class="n">%d</td><td class="n">%d</td>',
                      esc(r.agency or r.file), esc(r.year), r.error, r.warning, r.info))
    add(string.format('<td>%s</td><td>%s</td><td class="n%s" data-v="%s">%s</td><td>%s</td>',
                      esc(r.published), esc(r.deadline), r.late and " late" or "", esc(r.days or ""),
                      r.days and string.format("%+d", r.days) or "", esc(prev)))
    add(string.format('<td>%s</td></tr>', r.page and ('<a href="' .. esc(href(r.page)) .. '">' .. esc(r.page) .. '</a>')
                                          or esc(r.file)))
  end
  add('</tbody></table>')
  -- copied narrative
  if #(extra.copies or {}) > 0 then
    add('<h2>' .. esc(t("dash_copied")) .. '</h2><table id="copies"><thead><tr><th>'
        .. esc(t("col_file")) .. '</th><th>' .. esc(t("col_file")) .. '</th><th>' .. esc(t("dash_share"))
        .. '</th><th>' .. esc(t("dash_passage")) .. '</th></tr></thead><tbody>')
    for _, p in ipairs(extra.copies) do
      add(string.format('<tr><td>%s</td><td>%s</td><td class="n">%.0f%%</td><td class="passage">%s</td></tr>',
                        esc(p.a.path), esc(p.b.path), p.share * 100, esc(p.passage)))
    end
    add('</tbody></table>')
  end
  if #(extra.skipped or {}) > 0 then
    add('<h2>' .. esc(t("dash_skipped_h")) .. '</h2><ul id="skipped">')
    for _, s in ipairs(extra.skipped) do add('<li>' .. esc(t("skipped_line", s.path, s.why)) .. '</li>') end
    add('</ul>')
  end
  return table.concat({
    "<!DOCTYPE html>", '<html lang="' .. (lang == "en" and "en" or "zh-CN") .. '"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    "<title>" .. esc(t("dash_title")) .. "</title><style>" .. CSS .. "</style></head><body>",
    table.concat(out, "\n"), "<script>" .. JS .. "</script>", "</body></html>", "" }, "\n")
end

-- write(F, rows, extra, path): the page, through a temporary file.
function M.write(F, rows, extra, path)
  local f, err = nbio.tempfile(path)
  if not f then error(messages.text(extra.lang, "cannot_write", path, err), 0) end
  f:write(M.page(F, rows, extra))
  local ok, cerr = nbio.commit(f, path)
  if not ok then error(messages.text(extra.lang, "cannot_write", path, cerr), 0) end
end

return M
