-- check: JSON Lines, one object per file (report-schema §2). The checker's
-- own failures (a rule or pack that failed: not the report's) are listed
-- apart, under "internal", each with the rule file and line it failed at;
-- a PDF's findings carry their page.
-- extract: the canonical report (report-schema §1) as one JSON document.

extension = "json"

function Writer(findings, report, opts)
  if opts.mode == "extract" then
    return json(report:canonical()) .. "\n"
  end
  local list = json_array {}
  local summary = setmetatable({ error = 0, warning = 0, info = 0 },
                               { __order = { "error", "warning", "info", "internal" } })
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
      cells = json_array(f.cells or {}), expected = f.expected, found = f.found,
      line = f.line, column = f.col, page = page_of(f.line),
    }, { __order = { "rule", "severity", "message", "cells", "expected", "found", "line", "column", "page" } })
    list[#list + 1] = o
    if opts.status == "checked" then summary[f.severity] = summary[f.severity] + 1 end
  end
  local internal
  if opts.internal and #opts.internal > 0 then
    internal = json_array {}
    for _, f in ipairs(opts.internal) do
      internal[#internal + 1] = setmetatable({ rule = f.rule, message = f.message, file = f.file, line = f.line },
                                             { __order = { "rule", "message", "file", "line" } })
    end
    summary.internal = #internal
  end
  local rec = setmetatable({
    file = opts.file, status = opts.status, findings = list, internal = internal, summary = summary,
  }, { __order = { "file", "format", "agency", "year", "status", "findings", "internal", "summary" } })
  if report then
    rec.format, rec.agency, rec.year = report.format, report.agency, report.year
  end
  return json(rec) .. "\n"
end
