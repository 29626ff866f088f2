-- Limits read once (sandbox.prepare) hold as the table they were read
-- from does: the same budget, cap and failed line, whatever the table
-- becomes afterwards.

local limits = require "nianbao.sandbox"

local LOOP = "local n = 0\nwhile true do\n  n = n + 1\nend\n"

test("sandbox.prepare: an endless loop stops at the budget, its line named, as with the table", function()
  local t = { instructions = 100000, memory = 1 << 20, source = "@loop.lua" }
  local fn = assert(load(LOOP, "@loop.lua", "t", {}))
  local ok, why, line = limits.call(t, fn)
  eq(false, ok, "the table's call")
  eq("instruction budget exceeded", why, "its reason")
  eq(true, line == 2 or line == 3, "its line in the loop: " .. tostring(line))
  local p = limits.prepare(t)
  local ok2, why2, line2 = limits.call(p, fn)
  eq(false, ok2, "the prepared call")
  eq(why, why2, "the same reason")
  eq(line, line2, "the same line")
  eq(false, getmetatable(p), "its metatable is its own")
end)

test("sandbox.prepare: the table read at once, a change to it later changes nothing", function()
  local t = { instructions = 100000, memory = 1 << 20, source = "@loop.lua" }
  local p = limits.prepare(t)
  t.instructions, t.source = 1 << 40, "@other.lua"
  local fn = assert(load(LOOP, "@loop.lua", "t", {}))
  local _, _, want = limits.call({ instructions = 100000, memory = 1 << 20, source = "@loop.lua" }, fn)
  local ok, why, line = limits.call(p, fn)
  eq(false, ok, "still the budget read")
  eq("instruction budget exceeded", why, "its reason")
  eq(want, line, "the line in the file read, as the table read now says it")
  local big = limits.prepare { instructions = 100000, memory = 4096 }
  local ok2, why2, line2 = limits.call(big, function() return string.rep("x", 1 << 20) end)
  eq(false, ok2, "the cap read")
  has(why2, "not enough memory", "its reason")
  eq(nil, line2, "no source: no line")
end)

test("sandbox.prepare: results pass through, nested calls keep the outer budget, bad limits are said at once", function()
  local p = limits.prepare { instructions = 100000, memory = 1 << 20, source = "@x.lua" }
  local r = { limits.call(p, function(a, b) return a + b, "two", nil end, 1, 2) }
  eq(true, r[1], "ok")
  eq(3, r[2], "the first result")
  eq("two", r[3], "the second")
  eq(4, select("#", table.unpack(r, 1, 4)), "the nil counted")
  local inner = limits.prepare { instructions = 1 << 40, memory = 1 << 20 }
  local ok, why = limits.call(p, function()
    return limits.call(inner, function() while true do end end)
  end)
  eq(true, ok, "the outer call returns the inner's failure")
  eq(false, why, "the inner call stopped within the outer's budget")
  local okb, err = pcall(limits.prepare, { instructions = 0, memory = 1 })
  eq(false, okb, "a zero budget")
  has(err, "'instructions' must be a positive integer", "the error")
  local okc, errc = pcall(limits.call, p, "not a function")
  eq(false, okc, "not a function")
  has(errc, "bad argument #2", "the error")
end)
