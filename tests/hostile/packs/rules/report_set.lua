-- attack: change the report a rule is handed: a cell, the C cells, a section.
-- expect: read-only
id = "attack.report_set"
severity = "error"
message = { zh = "x" }
function check(report, emit)
  local tried = {}
  tried[#tried + 1] = pcall(report.set, report, "t3.new.np", "number", 999)
  if report.c then tried[#tried + 1] = pcall(report.c.set, report.c, "t3.new.np", "number", 999) end
  local s = report:section("s1") or report.sections[1]
  if s then s.text = "篡改" end
  report.year = 1900
  error("the report took every change")
end
