-- A limited call saves and restores the sandbox's state around it (not
-- the allocator's): after a call, nested or not, the ceiling and budget
-- are the caller's again; a prepared limits' source names the failed line
-- while the limits live, whatever became of the table it was read from.

local limits = require "nianbao.sandbox"

test("sandbox.call: the memory ceiling is the caller's again after a call, a failed one and a nested one", function()
  local _, before = limits.memory()
  local p = limits.prepare { instructions = 100000, memory = 1 << 20 }
  local seen
  eq(true, (limits.call(p, function() local _, cap = limits.memory(); seen = cap end)), "a call")
  eq(true, seen > 0, "a ceiling inside")
  local _, after = limits.memory()
  eq(before, after, "the ceiling after it")
  eq(false, (limits.call(p, function() return string.rep("x", 4 << 20) end)), "a call over its cap")
  local _, after2 = limits.memory()
  eq(before, after2, "the ceiling after a failed call")
  local inner_cap, outer_cap, back
  eq(true, (limits.call(p, function()
    _, outer_cap = limits.memory()
    limits.call({ instructions = 1000, memory = 1 << 30 }, function() _, inner_cap = limits.memory() end)
    _, back = limits.memory()
  end)), "a nested call")
  eq(true, inner_cap <= outer_cap, "the inner call gets no more than the outer has")
  eq(outer_cap, back, "the outer's ceiling after the inner call")
  -- a cycle of the collector ending inside the call would free the garbage
  -- made so far and hide what the call kept: none is left to free
  collectgarbage()
  local used = limits.memory()
  local keep = {}
  limits.call(p, function() for i = 1, 1000 do keep[i] = { i } end end)
  eq(true, limits.memory() > used, "what a call allocated and kept is counted after it")
end)

test("sandbox.call: a prepared source names the failed line after the table and string it was read from are gone", function()
  local p = limits.prepare { instructions = 100000, memory = 1 << 20, source = "@" .. ("gone"):rep(2) .. ".lua" }
  collectgarbage()
  collectgarbage()
  local fn = assert(load("local n = 0\nn = n + 1\nerror('no')\n", "@gonegone.lua", "t", { error = error }))
  local ok, why, line = limits.call(p, fn)
  eq(false, ok, "failed")
  has(why, "no", "its reason")
  eq(3, line, "its line")
  local ok2, _, line2 = limits.call(p, function() error("x") end)
  eq(false, ok2, "another failure")
  eq(nil, line2, "outside the file: no line")
  local ok3, budget = limits.call(p, function()
    local a, b = limits.call(p, function() while true do end end)
    return a == false and b
  end)
  eq(true, ok3, "a nested call of the same limits")
  eq("instruction budget exceeded", budget, "the inner one stopped")
end)
