-- A call stopped by its instruction budget names the line it was on, every
-- time: the error it is stopped with needs no memory (the call gets none
-- once over but a little to unwind), so the handler that finds the line
-- runs even when the state has just been collected and has no frame to spare.

local limits = require "nianbao.sandbox"

test("a call over its instruction budget names its line, first call and after a collection too", function()
  local src = "local x = 0\nwhile true do\n  x = x + 1\nend\n"
  local named = 0
  for pass = 1, 3 do
    local f = assert(load(src, "@loop.lua"))
    local lim = limits.prepare { instructions = 100000, memory = 1048576, source = "@loop.lua" }
    for i = 1, 3 do
      local ok, why, line = limits.call(lim, f)
      eq(false, ok, "pass " .. pass .. " call " .. i .. " stopped")
      has(why, "instruction budget", "pass " .. pass .. " call " .. i .. " reason")
      eq(3, line, "pass " .. pass .. " call " .. i .. " line")
      named = named + 1
    end
    collectgarbage()
  end
  eq(9, named, "calls")
end)

test("a call over its budget still gets no more memory than a small reserve to unwind", function()
  -- a loop that allocates as it goes: stopped by the budget, with what it kept counted
  local f = assert(load("local t = {}\nwhile true do\n  t[#t + 1] = {}\nend\n", "@grow.lua"))
  local lim = limits.prepare { instructions = 200000, memory = 64 * 1048576, source = "@grow.lua" }
  local ok, why, line = limits.call(lim, f)
  eq(false, ok, "stopped")
  has(why, "instruction budget", "reason")
  eq(3, line, "line")
  -- the state works on after it: a fresh call under the same limits runs to its end
  local ok2, v = limits.call(lim, function() local s = 0; for i = 1, 100 do s = s + i end; return s end)
  eq(true, ok2, "a later call")
  eq(5050, v, "its result")
end)
