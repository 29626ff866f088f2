-- attack: utf8.len over 64 MB, again and again: one call each, a long C walk.
-- expect: instruction budget exceeded | time limit exceeded
id = "attack.utf8_len_loop"
severity = "error"
message = { zh = "x" }
function check()
  local s = string.rep("年", 20 * 1048576)
  while true do utf8.len(s) end
end
