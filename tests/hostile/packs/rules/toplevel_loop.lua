-- attack: the top level of a rule file loops (once run without limits).
-- expect: instruction budget exceeded
id = "attack.toplevel_loop"
severity = "error"
message = { zh = "x" }
while true do end
