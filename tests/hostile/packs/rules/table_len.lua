-- attack: a table whose __len says 2^62, handed to table.insert and
-- table.sort (C loops over #t).
-- expect: instruction budget exceeded
id = "attack.table_len"
severity = "error"
message = { zh = "x" }
function check(report, emit)
  local t = setmetatable({}, { __len = function() return 1 << 62 end })
  table.insert(t, 1, "x")
end
