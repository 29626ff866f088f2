-- attack: the empty string repeated 2^62 times: one call, a C loop for ever.
-- expect: instruction budget exceeded
id = "attack.rep_empty"
severity = "error"
message = { zh = "x" }
function check(report, emit)
  local s = ("").rep("", 1 << 62)
end
