-- attack: a pack.lua that reaches the shared base table through
-- getmetatable(_ENV) and replaces what every later file sees.
-- expect: attempt to index a boolean value
name = "tamper"
local base = getmetatable(_ENV).__index
base.ipairs = function() return function() end end
base.pairs = base.ipairs
