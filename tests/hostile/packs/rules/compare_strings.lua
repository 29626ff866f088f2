-- attack: compare two 32 MB strings over and over: one VM instruction a
-- comparison, each a long memcmp.
-- expect: time limit exceeded
id = "attack.compare_strings"
severity = "error"
message = { zh = "x" }
function check(report, emit)
  local a = string.rep("a", 32 * 1048576)
  local b, c = a .. "b", a .. "c"
  local n = 0
  while true do
    if b < c then n = n + 1 end
  end
end
