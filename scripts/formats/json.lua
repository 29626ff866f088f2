-- check: JSON Lines, one object per file (report-schema §2). The checker's
-- own failures (a rule or pack that failed: not the report's) are listed
-- apart, under "internal", each with the rule file and line it failed at;
-- a PDF's findings carry their page.
-- extract: the canonical report (report-schema §1) as one JSON document.

extension = "json"

-- The key orders of the objects written, made once: only the encoder reads
-- them. Each object holds the keys of its order alone (__exact).
local function ordered(...) return { __order = { ... }, __exact = true } end
local FINDING = ordered("rule", "severity", "message", "cells", "expected", "found", "line", "column", "page")
local INTERNAL = ordered("rule", "message", "file", "line")
local SUMMARY = ordered("error", "warning", "info", "internal")
local RECORD = ordered("file", "format", "agency", "year", "status", "previous", "copies", "findings", "internal",
                       "summary")
-- a record's keys before its findings and after them, when the findings are written apart
local BEFORE_FINDINGS = ordered("file", "format", "agency", "year", "status", "previous", "copies")
local AFTER_FINDINGS = ordered("internal", "summary")
local PREVIOUS = ordered("file", "agency", "year", "from")
local NONE_BEFORE = ordered("year", "from")
local COPY = ordered("kind", "file", "agency", "year", "share", "passage")
local SKIPPED = ordered("file", "status", "reason")
local ARRAY = { __array = true }
local NO_CELLS = setmetatable({}, ARRAY)   -- of every finding that names none: never written to

-- read once at load: a global is a look-up in the sandbox's table, and
-- math a read-only view
local setmetatable, next, ipairs, floor = setmetatable, next, ipairs, math.floor
-- the core's writing of the findings as the loop below writes them (nil
-- when the writer is not ours, or it leaves them to the loop)
local json_findings = json_findings

-- The page (1-based) of line: the last whose first line is not past it.
local function page_in(firsts, line)
  local p = nil
  for i = 1, #firsts do
    if firsts[i] <= line then p = i else break end
  end
  return p
end

function Writer(findings, report, opts)
  if opts.mode == "extract" then
    return json(report:canonical()) .. "\n"
  end
  local list = setmetatable({}, ARRAY)
  local summary = setmetatable({ error = 0, warning = 0, info = 0 }, SUMMARY)
  local checked = opts.status == "checked"
  -- the pages' first lines read once through the report's view, for every
  -- finding that asks
  local pages = report and report.pages
  local firsts
  -- the findings' list written by the core in one call, else by this loop
  local written, errors, warnings, infos
  if json_findings then written, errors, warnings, infos = json_findings(findings, pages) end
  if written and checked then summary.error, summary.warning, summary.info = errors, warnings, infos end
  if not written then
    for i, f in ipairs(findings) do
      local cells, line, page = f.cells, f.line, nil
      if pages and line then
        if not firsts then
          firsts = {}
          for k, first in ipairs(pages) do firsts[k] = first end
        end
        page = page_in(firsts, line)
      end
      list[i] = setmetatable({
        rule = f.rule, severity = f.severity, message = f.message,
        cells = cells and next(cells) ~= nil and setmetatable(cells, ARRAY) or NO_CELLS, expected = f.expected, found = f.found,
        line = line, column = f.col, page = page,
      }, FINDING)
      if checked then summary[f.severity] = summary[f.severity] + 1 end
    end
  end
  local internal
  if opts.internal and #opts.internal > 0 then
    internal = setmetatable({}, ARRAY)
    for i, f in ipairs(opts.internal) do
      internal[i] = setmetatable({ rule = f.rule, message = f.message, file = f.file, line = f.line }, INTERNAL)
    end
    summary.internal = #internal
  end
  local rec = setmetatable({
    file = opts.file, status = opts.status, findings = list, internal = internal, summary = summary,
  }, RECORD)
  if report then
    rec.format, rec.agency, rec.year = report.format, report.agency, report.year
    -- the year before: which report was used, or that none was found
    local previous = report.previous
    if previous then
      rec.previous = setmetatable({ file = previous.path, agency = previous.agency,
                                    year = previous.year, from = report.previous_from or "previous" },
                                  PREVIOUS)
    elseif report.previous_from and report.year then
      rec.previous = setmetatable({ year = report.year - 1, from = "none" }, NONE_BEFORE)
    end
    local copies = report.copies
    if copies and #copies > 0 then
      local said = setmetatable({}, ARRAY)
      for i, c in ipairs(copies) do
        said[i] = setmetatable({ kind = c.kind, file = c.file, agency = c.agency, year = c.year,
                                 share = floor(c.share * 100 + 0.5), passage = c.passage },
                               COPY)
      end
      rec.copies = said
    end
  end
  if written then
    -- the findings' text between the keys before them and those after
    local before = json(setmetatable(rec, BEFORE_FINDINGS))
    local after = json(setmetatable({ internal = internal, summary = summary }, AFTER_FINDINGS))
    before = before == "{}" and "{" or before:sub(1, -2) .. ","
    after = after == "{}" and "}" or "," .. after:sub(2)
    return before .. '"findings":' .. written .. after .. "\n"
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
