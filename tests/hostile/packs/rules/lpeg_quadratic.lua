-- attack: a loop whose every step scans the rest of the text (no rule
-- calls at all): quadratic in one match.
-- expect: instruction budget exceeded | time limit exceeded
id = "attack.lpeg_quadratic"
severity = "error"
message = { zh = "x" }
function check(report, emit)
  local any = 1 + lpeg.P(false)
  local p = (#(any^0 * "x") * 1 + 1)^0
  p:match(string.rep("a", 4 * 1048576))
  error("the match ended")
end
