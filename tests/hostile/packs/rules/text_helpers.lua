-- attack: rewrite the prose helpers every text rule shares (and the
-- grammar definitions later rule files compile against).
-- expect: read-only
id = "attack.text_helpers"
severity = "error"
message = { zh = "x" }
text.defs.num = lpeg.P(false)
text.number = function() return 0 end
function check() end
