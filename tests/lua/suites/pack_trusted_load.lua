-- The files of a national pack (the home's, trusted) load outside the
-- limits, as plain Lua in their sandboxed globals; a user pack's files
-- load inside them, so one that loops is stopped and named.

local packs = require "packs"

-- a home of one national pack whose rule file spends `spin` loop turns as it loads
local function home(name, spin, body)
  local dir = tmp .. "/" .. name
  os.execute("mkdir -p " .. dir .. "/rules/gbt")
  write(name .. "/rules/gbt/pack.lua", 'name = "gbt"\n')
  write(name .. "/rules/gbt/format.lua", "parts = {}\ntables = {}\n")
  write(name .. "/rules/gbt/slow.lua", "local n = 0\nfor i = 1, " .. spin .. " do n = n + i end\n" ..
        (body or "") .. 'id = "gbt.slow"\nseverity = "info"\nmessage = { zh = "慢" }\n' ..
        "check = function() end\n")
  return dir
end

local TINY = { instructions = 2000, memory = 64 * 1048576 }

test("a national pack's files load whatever instructions the limits allow a script", function()
  local set = packs.load(home("trusted_spin", 100000), {}, {}, TINY)
  local P = set:pack("gbt")
  eq("gbt.slow", P.rules[1] and P.rules[1].id, "the rule loaded")
  eq(0, #P.broken, "nothing broken")
end)

test("a national rule file that fails names its file, as under the limits", function()
  local set = packs.load(home("trusted_fails", 1, 'error("boom")\n'), {}, {}, TINY)
  local ok, why = pcall(set.pack, set, "gbt")
  eq(false, ok, "the build fails")
  has(why, tmp .. "/trusted_fails/rules/gbt/slow.lua:3: boom", "why")
  set = packs.load(home("trusted_fails_table", 1, "error({})\n"), {}, {}, TINY)
  ok, why = pcall(set.pack, set, "gbt")
  eq(false, ok, "the build fails")
  has(why, tmp .. "/trusted_fails_table/rules/gbt/slow.lua: (error object is a table value)", "why")
end)

test("a user pack's rule file that loops as it loads is stopped and named", function()
  local dir = home("untrusted_spin", 1)
  os.execute("mkdir -p " .. tmp .. "/untrusted_spin_user")
  write("untrusted_spin_user/spin.lua", "while true do end\n")
  local set = packs.load(dir, { tmp .. "/untrusted_spin_user" }, {}, TINY)
  local P = set:pack("gbt")
  eq("gbt.slow", P.rules[1] and P.rules[1].id, "the national rule loaded")
  local broken = P.broken[1]
  eq("untrusted_spin_user.spin", broken and broken.id, "the user rule is broken")
  has(broken.why, "instruction budget exceeded", "why")
end)
