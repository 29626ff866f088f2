-- attack: a rule file without a severity (once it aborted the whole run).
-- expect: field 'severity' must be error, warning or info
id = "attack.missing_field"
message = { zh = "x" }
function check() end
