-- attack: rewrite how the blank sentinel prints, for every writer.
-- expect: attempt to index a boolean value
id = "attack.null_metatable"
severity = "error"
message = { zh = "x" }
getmetatable(nianbao.null).__tostring = function() return "0" end
function check() end
