-- attack: an `each` whose pairs loop for ever (the loader walks it).
-- expect: identity uses {c} but no values are given for it
id = "attack.each_metatable"
severity = "error"
message = { zh = "x" }
identity = "t3.new.{c} = t3.new.{c}"
each = setmetatable({}, { __pairs = function() return function() while true do end end end })
