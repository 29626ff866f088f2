-- attack: ten million findings (no cap on their number).
-- expect: more than 2000 findings
id = "attack.many_findings"
severity = "info"
message = { zh = "x" }
function check(report, emit)
  for i = 1, 1e7 do emit { line = 1 } end
end
