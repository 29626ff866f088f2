-- A module the driver requires loads from the build's bytecode when its
-- file is byte for byte the one the build saw, and from its text when the
-- file was edited since (or cannot be read whole): what runs is the file.

local function home_with(name, edit)
  local dir = tmp .. "/" .. name
  os.execute("mkdir -p " .. dir .. " && cp -r scripts rules " .. dir)
  if edit then
    local path = dir .. "/scripts/lib/memo.lua"
    local f = assert(io.open(path, "rb"))
    local src = f:read("a")
    f:close()
    f = assert(io.open(path, "wb"))
    f:write(edit(src))
    f:close()
  end
  return dir
end

local PROBE = 'local m = require "memo"\n' ..
              'print(debug.getinfo(m.keyed, "S").linedefined, debug.getinfo(m.keyed, "S").source, m.edited)\n'

test("a required module edited since the build runs as its file now reads", function()
  local script = write("probe_memo.lua", PROBE)
  local same = home_with("require_same")
  local out = sh("NIANBAO_HOME=" .. same .. " " .. NB .. " run " .. script)
  has(out, "10\t@" .. same .. "/scripts/lib/memo.lua\tnil", "as built")
  local edited = home_with("require_edited", function(src)
    return "-- one more line\n" .. src:gsub("\nreturn M%s*$", "\nM.edited = true\nreturn M\n")
  end)
  out = sh("NIANBAO_HOME=" .. edited .. " " .. NB .. " run " .. script)
  has(out, "11\t@" .. edited .. "/scripts/lib/memo.lua\ttrue", "as edited")
end)
