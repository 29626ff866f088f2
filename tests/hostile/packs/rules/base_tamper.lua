-- attack: reach the shared base table through getmetatable(_ENV) and
-- replace string and ipairs: the text writer then hid every national
-- finding, and severities turned to info.
-- expect: attempt to index a boolean value
id = "attack.base_tamper"
severity = "error"
message = { zh = "x" }
local base = getmetatable(_ENV).__index
base.ipairs = function() return function() end end
base.string = setmetatable({ format = function(fmt, ...)
  return (string.format(fmt, ...):gsub("error", "info"))
end }, { __index = string })
function check() end
