-- attack: findings that name 100,000 cells each, again and again: the C
-- copies of their ids were outside the memory cap (6.9 GB from one rule).
-- expect: more than
id = "attack.cells_copy"
severity = "error"
message = { zh = "x" }
function check(report, emit)
  local ids = {}
  for i = 1, 100000 do ids[i] = "t3.result.deny.secret.np" end
  for i = 1, 100000 do emit { cells = ids } end
end
