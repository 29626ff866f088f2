-- attack: rewrite the Report class (its methods) through the report a
-- rule is handed: false findings in later rules and files.
-- expect: read-only
id = "attack.report_class"
severity = "error"
message = { zh = "x" }
function check(report, emit)
  if getmetatable(report) then error("the report's metatable is reachable") end
  local class = report.__index
  if class then class.cell = function() return { state = "missing" } end end
  error("the Report class was not reachable")
end
