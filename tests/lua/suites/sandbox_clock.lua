-- The time limit of a call whose limit is long is kept though the CPU
-- clock (a system call) is read only once the call has run a while:
-- a call that runs past it stops, alone or inside another.

local limits = require "nianbao.sandbox"

local ENDLESS = { instructions = 1 << 50, memory = 1 << 24, seconds = 0.3 }

local function spin_for(seconds)
  local stop = os.clock() + seconds
  while os.clock() < stop do end
end

test("sandbox clock: an endless loop under a long time limit stops at the time limit", function()
  local started = os.clock()
  local ok, why = limits.call(ENDLESS, function() while true do end end)
  eq(false, ok, "the call")
  eq("time limit exceeded", why, "its reason")
  eq(true, os.clock() - started >= 0.28, "not before its limit: " .. (os.clock() - started))
end)

test("sandbox clock: a call looping in C under a long time limit stops at it too", function()
  local ok, why = limits.call(ENDLESS, function()
    string.find(string.rep("a", 4000), "(.-)(.-)(.-)(.-)b")
  end)
  eq(false, ok, "the call")
  eq("time limit exceeded", why, "its reason")
end)

test("sandbox clock: a call inside one gets no more than the outer one has left", function()
  local ok, inner_ok, inner_why = limits.call(ENDLESS, function()
    spin_for(0.1)
    return limits.call({ instructions = 1 << 50, memory = 1 << 24, seconds = 10 }, function() while true do end end)
  end)
  eq(true, ok, "the outer call returns the inner one's end")
  eq(false, inner_ok, "the inner call")
  eq("time limit exceeded", inner_why, "its reason")
end)

test("sandbox clock: a call that ends before its limit ends as it would", function()
  local ok, got = limits.call({ instructions = 1 << 50, memory = 1 << 24, seconds = 5 }, function()
    spin_for(0.05)
    return "done"
  end)
  eq(true, ok, "the call")
  eq("done", got, "its result")
end)

test("sandbox clock: a call that waits for the machine is not charged its wait", function()
  -- (a child process runs while the call waits: wall time passes, the
  -- call's CPU time does not, as when a loaded machine runs others)
  local ok, why = limits.call(ENDLESS, function()
    os.execute("sleep 0.5")
    for _ = 1, 100000 do end
    return "done"
  end)
  eq(true, ok, "the call: " .. tostring(why))
  eq("done", why, "its result")
end)
