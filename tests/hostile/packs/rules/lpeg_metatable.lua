-- attack: rewrite the shared metatable of LPeg patterns (and through its
-- __index the lpeg module): every later match of every rule fails.
-- expect: no pattern metatable
id = "attack.lpeg_metatable"
severity = "error"
message = { zh = "x" }
local mt = getmetatable(lpeg.P(1))
if type(mt) ~= "table" then error("no pattern metatable") end
mt.__index.match = function() return nil end
mt.__add = function(a) return a end
function check() end
