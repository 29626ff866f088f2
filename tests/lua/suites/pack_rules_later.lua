-- A pack's rules are loaded when first asked for: a run that never binds a
-- report needs its format alone. What is loaded later is what a build at
-- once loads, and a rule that fails still raises, naming its file.

local packs = require "packs"

-- a home of one national pack (a format of nothing), with a rule, and one that fails if asked
local function home(name, broken)
  local dir = tmp .. "/" .. name
  os.execute("mkdir -p " .. dir .. "/rules/gbl")
  write(name .. "/rules/gbl/pack.lua", 'name = "gbl"\n')
  write(name .. "/rules/gbl/format.lua", "parts = {}\ntables = {}\n")
  write(name .. "/rules/gbl/fine.lua", 'id = "gbl.fine"\nseverity = "info"\nmessage = { zh = "好" }\n' ..
        "check = function() end\n")
  if broken then write(name .. "/rules/gbl/bad.lua", 'error("boom")\n') end
  return dir
end

local PARTS = { "rules", "rule_by_id", "left_out", "broken", "system" }

test("a pack asked for later has its format at once and loads its rules when one is first asked for", function()
  local set = packs.load(".", {}, {})
  local P = set:pack("gb2021", true)
  eq(true, P.format == set:format("gb2021"), "the format compiled")
  for _, k in ipairs(PARTS) do eq(nil, rawget(P, k), k .. " not loaded yet") end
  local rules = P.rules
  for _, k in ipairs(PARTS) do eq(true, rawget(P, k) ~= nil, k .. " loaded with the rules") end
  eq(true, set:pack("gb2021") == P and P.rules == rules, "the same pack, loaded once")
  -- the rules a build at once loads, in the same order, with the same settings
  local whole = packs.load(".", {}, {}):pack("gb2021")
  eq(#whole.rules, #rules, "as many rules")
  for i, r in ipairs(whole.rules) do
    eq(r.id, rules[i].id, "rule " .. i)
    eq(r.severity, rules[i].severity, r.id .. " severity")
    eq(r.enabled, rules[i].enabled, r.id .. " enabled")
  end
  eq(#whole.left_out, #P.left_out, "as many left out")
  eq(#whole.broken, #P.broken, "as many broken")
  eq(nil, P.no_such_part, "another missing field stays missing")
end)

test("a pack's rule that fails raises when its rules are asked for, again, and the collector runs after", function()
  local set = packs.load(home("later_failed", true), {}, {})
  local P = set:pack("gbl", true)
  eq(true, P.format ~= nil, "the format built")
  local ok, why = pcall(function() return P.rules end)
  eq(false, ok, "asking for the rules fails")
  has(why, "bad.lua", "names the file")
  has(why, "boom", "why")
  eq(true, collectgarbage("isrunning"), "running after the failed build")
  ok = pcall(function() return P.system end)
  eq(false, ok, "and fails again")
  ok, why = pcall(set.pack, set, "gbl")
  eq(false, ok, "a build at once fails too")
  local fine = packs.load(home("later_fine"), {}, {}):pack("gbl", true)
  eq("gbl.fine", fine.rule_by_id["gbl.fine"] and fine.rule_by_id["gbl.fine"].id, "the rule loaded when asked")
end)

test("an engine that reads no report loads no rule; binding a report loads them", function()
  local E = require("engine").new({ home = ".", config_file = false })
  local R, why = E:bind_bytes("", "empty.txt")
  eq(nil, R, "an empty file is not read")
  eq(true, type(why) == "string", "said why")
  local P = E:pack(E.base)
  eq(nil, rawget(P, "rules"), "no rule loaded")
  eq(true, E:read("examples/jiuqu-2024.txt") ~= nil, "the example read")
  eq(true, rawget(P, "rules") ~= nil and #P.rules > 0, "the rules loaded to bind it")
end)

test("a pack whose rules are loaded after the config was checked takes its parameters as checked", function()
  local conf = write("later_conf.yaml", "params:\n  gb2021.date.late_gov:\n    gov: \"3-1\"\n  gb2021.qlt.thin:\n    min: 200\n")
  local E = require("engine").new({ home = ".", config_file = conf })
  for _, name in ipairs(E.packs.formats) do
    local P = E:pack(name)
    eq(200, P.rule_by_id["gb2021.qlt.thin"].params.min, name .. ": min")
    eq("03-01", P.rule_by_id["gb2021.date.late_gov"].params.gov, name .. ": a date as checked")
  end
end)
