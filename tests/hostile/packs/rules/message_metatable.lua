-- attack: a message table whose fields loop when read (the loader reads
-- them outside the rule's limits).
-- expect: needs a Chinese text
id = "attack.message_metatable"
severity = "error"
message = setmetatable({}, { __index = function() while true do end end })
function check() end
