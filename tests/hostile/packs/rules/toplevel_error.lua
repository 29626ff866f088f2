-- attack: a rule file whose top level fails (once it aborted the whole run).
-- expect: fails at its top level
id = "attack.toplevel_error"
severity = "error"
message = { zh = "x" }
error("fails at its top level")
