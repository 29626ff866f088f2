-- attack: a `.-`-heavy pattern that string.find tries at every place.
-- expect: instruction budget exceeded
id = "attack.find_backtrack"
severity = "error"
message = { zh = "x" }
function check(report, emit)
  string.find(string.rep("a", 20000), "(.-)(.-)(.-)(.-)b")
  error("the search ended")
end
