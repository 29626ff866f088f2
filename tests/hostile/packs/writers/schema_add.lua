-- attack: from a writer, reach the report's C cells or schema and add to it
-- (once a NULL dereference in check, render and extract).
-- expect: no C object reachable
extension = "txt"
function Writer(findings, report, opts)
  if report and (report.c or (layout.grid(report, "t3")[1] or {}).c) then
    report.c:get("x")
    return "a C object was reachable\n"
  end
  if report and getmetatable(report) then return "the report's metatable was reachable\n" end
  return "no C object reachable\n"
end
