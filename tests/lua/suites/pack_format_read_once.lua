-- A national format.lua that a format built on it runs again (gb2019 over
-- gb2021) is read once: run again from the text read the first time, the
-- declarations are those the files gave when each was read for each run.

local packs = require "packs"

-- the paths io.readfile is asked for while fn runs, and how often
local function reads_during(fn)
  local real, count = nbio.readfile, {}
  nbio.readfile = function(path, ...)
    count[path] = (count[path] or 0) + 1
    return real(path, ...)
  end
  local ok, err = pcall(fn)
  nbio.readfile = real
  assert(ok, err)
  return count
end

test("a start reads each national pack.lua and format.lua once, gb2021's format.lua included", function()
  local set
  local count = reads_during(function()
    set = packs.load(".", {}, {})
    set:pack("gb2021")
    set:pack("gb2019")
  end)
  eq(1, count["./rules/gb2021/format.lua"], "gb2021's format.lua")
  eq(1, count["./rules/gb2019/format.lua"], "gb2019's format.lua")
  for path, n in pairs(count) do
    if path:match("/pack%.lua$") or path:match("/format%.lua$") then eq(1, n, path) end
  end
  -- run twice from one reading: the declarations are each file's, and share no table
  local d21, d19 = set:declaration("gb2021").decl, set:declaration("gb2019").decl
  eq(nil, differ(set:replay("gb2021"), d21, "gb2021", true), "gb2021 run again from its text")
  eq(true, d21.tables ~= d19.tables and d21.tables.t3 ~= d19.tables.t3, "no table shared")
  eq(true, d19.signature ~= nil and d21.signature ~= d19.signature, "gb2019's signature is its own")
end)

test("a national format.lua that fails names its file, each time it is run", function()
  local home = tmp .. "/format_once"
  os.execute("mkdir -p " .. home .. "/rules/base " .. home .. "/rules/child")
  write("format_once/rules/base/pack.lua", 'name = "base"\n')
  write("format_once/rules/base/format.lua", "parts = {}\ntables = {}\nsignature = { \"甲\" }\n")
  write("format_once/rules/child/pack.lua", 'name = "child"\nextends = "base"\n')
  write("format_once/rules/child/format.lua", 'signature = { "乙" }\nerror("child fails")\n')
  local ok, why = pcall(packs.load, home, {}, {})
  eq(false, ok, "the load fails")
  has(why, home .. "/rules/child/format.lua:2: child fails", "why")
end)

-- the chunk names nianbao.chunks.load is asked for while fn runs, and how often
local function loads_during(fn)
  local chunks = require "nianbao.chunks"
  local real, count = chunks.load, {}
  chunks.load = function(src, name, ...)
    count[name] = (count[name] or 0) + 1
    return real(src, name, ...)
  end
  local ok, err = pcall(fn)
  chunks.load = real
  assert(ok, err)
  return count
end

test("gb2021's format.lua, run again for gb2019, is loaded once", function()
  local count = loads_during(function()
    local set = packs.load(".", {}, {})
    set:pack("gb2021")
    set:pack("gb2019")
  end)
  eq(1, count["@./rules/gb2021/format.lua"], "gb2021's format.lua")
  eq(1, count["@./rules/gb2019/format.lua"], "gb2019's format.lua")
end)

test("a national format.lua run again keeps each run's globals to that run's functions", function()
  local home = tmp .. "/format_again"
  os.execute("mkdir -p " .. home .. "/rules/base " .. home .. "/rules/child")
  write("format_again/rules/base/pack.lua", 'name = "base"\n')
  write("format_again/rules/base/format.lua",
        "parts = {}\ntables = {}\nsignature = { \"甲\" }\nfunction own_tables() return tables end\n")
  write("format_again/rules/child/pack.lua", 'name = "child"\nextends = "base"\n')
  write("format_again/rules/child/format.lua", 'signature = { "乙" }\ntables = { extra = {} }\n')
  local count
  local set
  count = loads_during(function()
    set = packs.load(home, {}, {})
    set:declaration("child")
  end)
  eq(1, count["@" .. home .. "/rules/base/format.lua"], "the base's format.lua loaded once")
  local base, child = set:declaration("base").decl, set:declaration("child").decl
  eq(true, base.own_tables ~= child.own_tables, "each run made its own function")
  eq(true, base.own_tables() == base.tables, "the first run's function reads the first run's globals")
  eq(nil, base.tables.extra, "and none of the child's")
  local again = set:replay("base")
  eq(true, again.own_tables() == again.tables and again.tables ~= base.tables, "a third run reads its own")
  eq(true, base.own_tables() == base.tables, "the first still reads its own")
end)
