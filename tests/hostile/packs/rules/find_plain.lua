-- attack: a plain search whose every candidate place almost matches.
-- expect: instruction budget exceeded
id = "attack.find_plain"
severity = "error"
message = { zh = "x" }
function check(report, emit)
  local hay, needle = string.rep("a", 16 * 1048576), string.rep("a", 1048576) .. "b"
  hay:find(needle, 1, true)
  error("the search ended")
end
