-- A national pack is built with the collector stopped (what it builds
-- lives as long as the process); the collector runs again once the pack
-- is built, or its build has failed, and a collector stopped before stays
-- stopped.

local packs = require "packs"

-- a home of one national pack (a format of nothing) and, if asked, a rule that fails
local function home(name, broken)
  local dir = tmp .. "/" .. name
  os.execute("mkdir -p " .. dir .. "/rules/gbx")
  write(name .. "/rules/gbx/pack.lua", 'name = "gbx"\n')
  write(name .. "/rules/gbx/format.lua", "parts = {}\ntables = {}\n")
  if broken then write(name .. "/rules/gbx/bad.lua", 'error("boom")\n') end
  return dir
end

test("the collector runs again once a pack is built, or its build has failed", function()
  local set = packs.load(home("collector_ok"), {}, {})
  eq(true, set:pack("gbx") ~= nil, "built")
  eq(true, collectgarbage("isrunning"), "running after the build")
  set = packs.load(home("collector_failed", true), {}, {})
  local ok, why = pcall(set.pack, set, "gbx")
  eq(false, ok, "the build fails")
  has(why, "boom", "why")
  eq(true, collectgarbage("isrunning"), "running after the failed build")
end)

test("a collector stopped before a pack is built stays stopped", function()
  local set = packs.load(home("collector_stopped"), {}, {})
  collectgarbage("stop")
  local ok = pcall(set.pack, set, "gbx")
  local running = collectgarbage("isrunning")
  collectgarbage("restart")
  eq(true, ok, "built")
  eq(false, running, "still stopped")
end)
