-- attack: an LPeg grammar that backtracks exponentially, in one match.
-- expect: instruction budget exceeded | time limit exceeded
id = "attack.lpeg_exponential"
severity = "error"
message = { zh = "x" }
function check(report, emit)
  local P, V = lpeg.P, lpeg.V
  local g = P { "S", S = P"a" * V"S" * P"b" + P"a" * V"S" * P"c" + P"" }
  g:match(string.rep("a", 60))
  error("the match ended")
end
