-- attack: keep state in a global from one file to the next (the second
-- file's findings then depend on the first).
-- expect: fresh globals
id = "attack.globals_persist"
severity = "error"
message = { zh = "x" }
function check(report, emit)
  if seen then error("globals persisted from " .. seen) end
  seen = report.source
  error("fresh globals")
end
