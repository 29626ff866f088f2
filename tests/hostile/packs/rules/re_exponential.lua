-- attack: the same exponential grammar written for re.
-- expect: instruction budget exceeded | time limit exceeded
id = "attack.re_exponential"
severity = "error"
message = { zh = "x" }
function check(report, emit)
  local g = re.compile [[ S <- 'a' S 'b' / 'a' S 'c' / '' ]]
  g:match(string.rep("a", 60))
  error("the match ended")
end
