-- check: JSON Lines, one object per file (report-schema §2). The checker's
-- own failures (a rule or pack that failed: not the report's) are listed
-- apart, under "internal", each with the rule file and line it failed at;
-- a PDF's findings carry their page.
-- extract: the canonical report (report-schema §1) as one JSON document.

extension = "json"

-- The key orders of the objects written, made once: only the encoder reads them.
local function ordered(...) return { __order = { ... } } end
local FINDING = ordered("rule", "severity", "message", "cells", "expected", "found", "line", "column", "page")
local INTERNAL = ordered("rule", "message", "file", "line")
local SUMMARY = ordered("error", "warning", "info", "internal")
local RECORD = ordered("file", "format", "agency", "year", "status", "previous", "copies", "findings", "internal",
                       "summary")
local PREVIOUS = ordered("file", "agency", "year", "from")
local NONE_BEFORE = ordered("year", "from")
local COPY = ordered("kind", "file", "agency", "year", "share", "passage")
local SKIPPED = ordered("file", "status", "reason")
local ARRAY = { __array = true }
local NO_CELLS = setmetatable({}, ARRAY)   -- of every finding that names none: never written to

function Writer(findings, report, opts)
  if opts.mode == "extract" then
    return json(report:canonical()) .. "\n"
  end
  local list = setmetatable({}, ARRAY)
  local summary = setmetatable({ error = 0, warning = 0, info = 0 }, SUMMARY)
  local pages = report and report.pages
  local function page_of(line)
    if not (pages and line) then return nil end
    local p = nil
    for i, first in ipairs(pages) do
      if first <= line then p = i else break end
    end
    return p
  end
  for _, f in ipairs(findings) do
    local o = setmetatable({
      rule = f.rule, severity = f.severity, message = f.message,
      cells = f.cells and next(f.cells) ~= nil and setmetatable(f.cells, ARRAY) or NO_CELLS, expected = f.expected, found = f.found,
      line = f.line, column = f.col, page = page_of(f.line),
    }, FINDING)
    list[#list + 1] = o
    if opts.status == "checked" then summary[f.severity] = summary[f.severity] + 1 end
  end
  local internal
  if opts.internal and #opts.internal > 0 then
    internal = setmetatable({}, ARRAY)
    for _, f in ipairs(opts.internal) do
      internal[#internal + 1] = setmetatable({ rule = f.rule, message = f.message, file = f.file, line = f.line },
                                             INTERNAL)
    end
    summary.internal = #internal
  end
  local rec = setmetatable({
    file = opts.file, status = opts.status, findings = list, internal = internal, summary = summary,
  }, RECORD)
  if report then
    rec.format, rec.agency, rec.year = report.format, report.agency, report.year
    -- the year before: which report was used, or that none was found
    if report.previous then
      rec.previous = setmetatable({ file = report.previous.path, agency = report.previous.agency,
                                    year = report.previous.year, from = report.previous_from or "previous" },
                                  PREVIOUS)
    elseif report.previous_from and report.year then
      rec.previous = setmetatable({ year = report.year - 1, from = "none" }, NONE_BEFORE)
    end
    if report.copies and #report.copies > 0 then
      rec.copies = setmetatable({}, ARRAY)
      for i, c in ipairs(report.copies) do
        rec.copies[i] = setmetatable({ kind = c.kind, file = c.file, agency = c.agency, year = c.year,
                                       share = math.floor(c.share * 100 + 0.5), passage = c.passage },
                                     COPY)
      end
    end
  end
  return json(rec) .. "\n"
end

-- Files of the folders that were not checked: one line each, status "skipped".
function Summary(totals, opts)
  local out = {}
  for _, k in ipairs(totals.skipped or {}) do
    out[#out + 1] = json(setmetatable({ file = k.path, status = "skipped", reason = k.why }, SKIPPED)) .. "\n"
  end
  return table.concat(out)
end
