-- attack: a finalizer that loops for ever, run whenever the collector
-- gets to it: inside other rules, or at exit, with no hook.
-- expect: cannot set __gc
id = "attack.gc_finalizer"
severity = "error"
message = { zh = "x" }
local function forever() while true do end end
function check(report, emit)
  for i = 1, 100 do setmetatable({}, { __gc = forever }) end
end
