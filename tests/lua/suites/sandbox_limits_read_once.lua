-- sandbox.limits(lim, untrusted) reads a caller's limits once for each
-- table and trust: the same limits while the table's numbers stay, new
-- ones when they change, its fields as the table's would read, and limits
-- that cannot be read refused by the call as a table of them was.

local sandbox = require "sandbox"
local limits = require "nianbao.sandbox"

test("sandbox.limits: read once a table and trust, again when its numbers change", function()
  local lim = { instructions = 100000, memory = 1 << 20 }
  local a, b = sandbox.limits(lim, true), sandbox.limits(lim, true)
  eq(a, b, "the same limits for the same table and trust")
  local c = sandbox.limits(lim)
  eq(false, a == c, "others for the home's code")
  eq(true, a.untrusted, "untrusted")
  eq(nil, c.untrusted, "trusted: none")
  eq(100000, a.instructions, "its budget")
  eq(1 << 20, a.memory, "its cap")
  eq(nil, a.seconds, "no time named")
  eq(nil, a.source, "no source")
  eq(nil, a.other, "nothing else")
  local loop = function() while true do end end
  eq("instruction budget exceeded", select(2, limits.call(a, loop)), "the budget holds")
  lim.instructions = 1 << 40
  lim.seconds = 0.05
  local d = sandbox.limits(lim, true)
  eq(false, a == d, "new limits once the table changed")
  eq(1 << 40, d.instructions, "its new budget")
  eq(0.05, d.seconds, "its time")
  eq("time limit exceeded", select(2, limits.call(d, loop)), "the new limits hold")
  eq(d, sandbox.limits(lim, true), "and are kept")
  eq("instruction budget exceeded", select(2, limits.call(a, loop)), "the old ones are as they were")
end)

test("sandbox.limits: limits that cannot be read are refused by the call, as before", function()
  local bad = { instructions = 0, memory = 1 << 20 }
  local got = sandbox.limits(bad, true)
  eq("table", type(got), "given as a table")
  local ok, err = pcall(limits.call, got, function() end)
  eq(false, ok, "the call refuses them")
  has(err, "'instructions' must be a positive integer", "saying why")
  bad.instructions = 1000
  local fixed = sandbox.limits(bad, true)
  eq("userdata", type(fixed), "read once they can be")
  eq(true, (limits.call(fixed, function() end)), "and a call runs")
end)
