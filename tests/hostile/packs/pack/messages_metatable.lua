-- attack: messages whose pairs loop for ever (the loader walks them
-- outside the file's limits).
-- expect: cannot be loaded
name = "messages"
messages = setmetatable({}, { __pairs = function() return function() while true do end end end })
params = setmetatable({}, { __index = function() while true do end end })
error("cannot be loaded: and that is the point")
