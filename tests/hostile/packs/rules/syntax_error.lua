-- attack: a rule file that does not compile (once it aborted the whole run).
-- expect: syntax_error.lua:6:
id = "attack.syntax_error"
severity = "error"
message = { zh = "x" }
function check(report, emit) emit { = } end
