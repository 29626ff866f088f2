-- A pack's rules are in the order of their ids, whatever order its folder
-- lists its files in: sorted when a layer adds a rule, the parent's order
-- kept when a layer only replaces some of the parent's rules.

local packs = require "packs"

local function ids_of(entries)
  local ids = {}
  for i, e in ipairs(entries) do ids[i] = e.id end
  return ids
end

local function sorted(list)
  local copy = {}
  for i, v in ipairs(list) do copy[i] = v end
  table.sort(copy)
  return copy
end

local RULE = 'id = "%s"\nseverity = "info"\nmessage = { zh = "规则" }\ncheck = function() end\n'

-- a home of national pack base (rules named `base_rules`) and aa, which
-- extends it with rule files `child_rules` (an inherited name replaces)
local function home(name, base_rules, child_rules)
  local dir = tmp .. "/" .. name
  os.execute("mkdir -p " .. dir .. "/rules/base " .. dir .. "/rules/aa")
  write(name .. "/rules/base/pack.lua", 'name = "base"\n')
  write(name .. "/rules/base/format.lua", "parts = {}\ntables = {}\n")
  for _, r in ipairs(base_rules) do write(name .. "/rules/base/" .. r .. ".lua", RULE:format("base." .. r)) end
  write(name .. "/rules/aa/pack.lua", 'name = "aa"\nextends = "base"\n')
  for _, r in ipairs(child_rules) do write(name .. "/rules/aa/" .. r .. ".lua", RULE:format("base." .. r)) end
  return dir
end

test("the national packs' rules are in the order of their ids", function()
  local set = packs.load(".", {}, {})
  for _, name in ipairs { "gb2021", "gb2019" } do
    local ids = ids_of(set:declaration(name).entries)
    eq(true, #ids > 50, name .. ": its rules")
    eq(table.concat(sorted(ids), " "), table.concat(ids, " "), name .. ": in order")
  end
  -- gb2019 replaces one of gb2021's rules and adds none: the same ids in the same places
  eq(table.concat(ids_of(set:declaration("gb2021").entries), " "),
     table.concat(ids_of(set:declaration("gb2019").entries), " "), "gb2019 keeps gb2021's order")
  local replaced
  for _, e in ipairs(set:declaration("gb2019").entries) do
    if e.pack == "gb2019" then replaced = e end
  end
  eq("gb2021.t3.result_total", replaced and replaced.replaces, "gb2019's own file replaces its rule")
end)

test("a layer that only replaces keeps the parent's order; one that adds is sorted", function()
  local names = { "zeta", "alpha", "mid.b", "mid.a", "beta" }
  local dir = home("order_replace", names, { "mid.a", "alpha" })
  local set = packs.load(dir, {}, {})
  local base = ids_of(set:declaration("base").entries)
  eq("base.alpha base.beta base.mid.a base.mid.b base.zeta", table.concat(base, " "), "the base's, sorted")
  local child = set:declaration("aa").entries
  eq(table.concat(base, " "), table.concat(ids_of(child), " "), "the child's, in the base's places")
  eq("aa", child[1].pack, "alpha replaced")
  eq("aa", child[3].pack, "mid.a replaced")
  eq("base", child[2].pack, "beta inherited")
  -- a user pack adding rules of its own: sorted in among them (its ids and
  -- aa's come before the base's)
  os.execute("mkdir -p " .. tmp .. "/a_user")
  write("a_user/zz.lua", RULE:format("a_user.zz"))
  write("a_user/aa.lua", RULE:format("a_user.aa"))
  write("a_user/beta.lua", RULE:format("base.beta"))
  local with_user = packs.load(home("order_add", names, { "zeta", "new" }), { tmp .. "/a_user" }, {})
  local ids = ids_of(with_user:declaration("base").entries)
  eq(table.concat(sorted(ids), " "), table.concat(ids, " "), "base with the user pack: in order")
  eq(7, #ids, "five and the user's two")
  ids = ids_of(with_user:declaration("aa").entries)
  eq(table.concat(sorted(ids), " "), table.concat(ids, " "), "child with its own rule: in order")
  eq(true, table.concat(ids, " "):find("aa.new", 1, true) ~= nil, "child's new rule among them")
end)

test("a pack's rule files are its files named *.lua, but format.lua (and pack.lua)", function()
  os.execute("mkdir -p " .. tmp .. "/names_user/sub.lua")
  for _, n in ipairs { "one.lua", "two.d.lua", "..lua", ".lua", "x.lua.txt", "y.LUA", "z.lu", "lua",
                       "format.lua", "format.lua.lua" } do
    write("names_user/" .. n, "-- not loaded here\n")
  end
  local set = packs.load(".", { tmp .. "/names_user" }, {})
  local bases = {}
  for _, e in ipairs(set:declaration("gb2021").entries) do
    if e.pack == "names_user" then bases[#bases + 1] = e.base end
  end
  table.sort(bases)
  eq(". format.lua one sub two.d", table.concat(bases, " "), "the rule files' names")
end)
