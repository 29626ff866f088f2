-- The commands other than check live in commands.lua, loaded only when a
-- run names one of them: a check loads none of their code, and each of
-- them (and --list-readers, --list-formats) still works as it did.

test("a check never loads commands.lua; the other commands and the lists do", function()
  local home = tmp .. "/home-without-commands"
  os.execute("rm -rf '" .. home .. "' && mkdir -p '" .. home .. "' && cp -r scripts rules '" .. home .. "/'")
  local f = assert(io.open(home .. "/scripts/lib/commands.lua", "w"))
  f:write('error("commands.lua loaded")\n')
  f:close()
  local env = "NIANBAO_HOME='" .. home .. "' "
  local want, want_st = sh(NB .. " check --format json examples/jiuqu-2024.txt examples/broken/t3-balance.txt")
  local got, st = sh(env .. NB .. " check --format json examples/jiuqu-2024.txt examples/broken/t3-balance.txt")
  eq(want_st, st, "exit status of a check")
  eq(want, got, "a check's output")
  for _, cmd in ipairs { "rules", "extract examples/jiuqu-2024.txt", "help", "--list-readers", "--list-formats" } do
    local out, cst = sh(env .. NB .. " " .. cmd)
    eq(2, cst, cmd .. ": exit status without commands.lua")
    has(out, "commands.lua loaded", cmd)
    local real, rst = sh(NB .. " " .. cmd)
    eq(0, rst, cmd .. ": exit status")
    assert(#real > 20, cmd .. " writes")
  end
  -- an unknown command is still named as such, with the list of commands
  local out, ust = sh(NB .. " chekc examples/jiuqu-2024.txt")
  eq(2, ust, "an unknown command")
  has(out, "是否要写“check”")
end)
