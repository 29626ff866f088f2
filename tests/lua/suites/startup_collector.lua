-- Start-up runs with the collector stopped (main.c): what it builds lives
-- as long as the process. It runs again once a check's engine is built,
-- when any other command starts, and before a script of the user's (a
-- pack, a reader) is loaded.

local engine = require "engine"

local function user_pack(name)
  local dir = tmp .. "/" .. name
  os.execute("mkdir -p " .. dir)
  write(name .. "/pack.lua", 'name = "' .. name .. '"\n')
  return dir
end

test("a command other than check runs with the collector (run is one)", function()
  eq(true, collectgarbage("isrunning"), "running in a script of nianbao run")
end)

test("collector_on restarts a stopped collector and leaves a running one as it is", function()
  collectgarbage("stop")
  engine.collector_on()
  eq(true, collectgarbage("isrunning"), "restarted")
  engine.collector_on()
  eq(true, collectgarbage("isrunning"), "still running")
end)

local function user_reader()
  os.execute("mkdir -p " .. tmp .. "/gcreader")
  return write("gcreader/lines.lua", 'name = "lines"\nextensions = { "lines" }\n'
                                   .. 'function Reader(text) return { blocks = {} } end\n')
end

test("an engine turns the collector on before a user's pack or reader is loaded, and only then", function()
  local cases = {
    { opts = { home = ".", config_file = false }, running = false, what = "the home's packs alone" },
    { opts = { home = ".", config_file = false, rules = { user_pack("gcpack") } }, running = true, what = "a user pack" },
    { opts = { home = ".", config_file = false, reader = user_reader() }, running = true,
      what = "a reader of the user's" },
  }
  for _, c in ipairs(cases) do
    collectgarbage("stop")
    local ok, E = pcall(engine.new, c.opts)
    local running = collectgarbage("isrunning")
    collectgarbage("restart")
    eq(true, ok, c.what .. ": " .. tostring(E))
    eq(c.running, running, c.what)
  end
end)

test("a check without the collector at start writes what it always did, with -j1 and -j2", function()
  local files = "examples/jiuqu-2024.txt examples/broken examples/previous"
  local one = sh(NB .. " check -j1 --format json " .. files)
  local two = sh(NB .. " check -j2 --format json " .. files)
  eq(one, two, "-j2 as -j1")
  has(one, '"file":"examples/jiuqu-2024.txt"')
end)
