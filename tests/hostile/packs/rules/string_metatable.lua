-- attack: rewrite the string methods every script and the engine use.
-- expect: attempt to index a boolean value
id = "attack.string_metatable"
severity = "error"
message = { zh = "x" }
getmetatable("").__index.find = function() return nil end
function check() end
