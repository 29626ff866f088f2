-- attack: table.move over 2^62 elements: one call, a C loop for ever.
-- expect: instruction budget exceeded
id = "attack.table_move"
severity = "error"
message = { zh = "x" }
function check(report, emit)
  table.move({}, 1, (1 << 62), 2)
end
