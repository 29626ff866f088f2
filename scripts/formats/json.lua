-- check: JSON Lines, one object per file (report-schema §2).
-- extract: the canonical report (report-schema §1) as one JSON document.

extension = "json"

function Writer(findings, report, opts)
  if opts.mode == "extract" then
    return json(report:canonical()) .. "\n"
  end
  local list = json_array {}
  local summary = setmetatable({ error = 0, warning = 0, info = 0 },
                               { __order = { "error", "warning", "info" } })
  for _, f in ipairs(findings) do
    local o = setmetatable({
      rule = f.rule, severity = f.severity, message = f.message,
      cells = json_array(f.cells or {}), expected = f.expected, found = f.found,
      line = f.line, column = f.col,
    }, { __order = { "rule", "severity", "message", "cells", "expected", "found", "line", "column" } })
    list[#list + 1] = o
    if opts.status == "checked" then summary[f.severity] = summary[f.severity] + 1 end
  end
  local rec = setmetatable({
    file = opts.file, status = opts.status, findings = list, summary = summary,
  }, { __order = { "file", "format", "agency", "year", "status", "findings", "summary" } })
  if report then
    rec.format, rec.agency, rec.year = report.format, report.agency, report.year
  end
  return json(rec) .. "\n"
end
