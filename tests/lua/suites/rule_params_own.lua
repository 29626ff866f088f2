-- A rule's params and messages are its own tables: a config's params for
-- one rule reach that rule alone, and a rule without params of its own or
-- from the config gets an empty table no other rule shares.

local packs = require "packs"

test("a config's params reach their rule alone; each rule's params are its own table", function()
  local set = packs.load(".", {}, { params = { ["gb2021.qlt.thin"] = { min = 7 } } })
  local P = set:pack("gb2021")
  local thin = P.rule_by_id["gb2021.qlt.thin"]
  eq(7, thin.params.min, "the config's value")
  eq(100, thin.defaults.min, "the rule's own default kept apart")
  local seen, without = {}, 0
  for _, r in ipairs(P.rules) do
    eq(nil, seen[r.params], r.id .. ": params of its own")
    seen[r.params] = true
    eq(nil, seen[r.message], r.id .. ": a message of its own")
    seen[r.message] = true
    if next(r.params) == nil then without = without + 1 end
    if r.id ~= thin.id then eq(nil, rawget(r.params, "min") == 7 and r.id or nil, "no other rule given min = 7") end
  end
  eq(true, without > 10, "rules without params: each an empty table")
  -- a rule's params can still be written by the engine (a config read later)
  local r = P.rules[1]
  r.params.extra = 1
  eq(1, r.params.extra, "written")
  eq(nil, P.rules[2].params.extra, "and no other rule's")
end)

test("a rule's defaults are its params before the config's, a table apart, empty where it has none", function()
  local P = packs.load(".", {}, { params = { ["gb2021.qlt.thin"] = { min = 7 }, ["gb2021.txt.none"] = { x = 1 } } })
              :pack("gb2021")
  local empty = 0
  for _, r in ipairs(P.rules) do
    eq(true, r.defaults ~= r.params, r.id .. ": defaults apart from params")
    if next(r.defaults) == nil then empty = empty + 1 end
    for k, v in pairs(r.defaults) do eq(true, v ~= nil and r.params[k] ~= nil, r.id .. ": default " .. k .. " is a param") end
  end
  eq(true, empty > 10, "rules without params: empty defaults")
  local none = P.rule_by_id["gb2021.txt.none"]
  eq(1, none.params.x, "the config's param")
  eq(nil, none.defaults.x, "not among the defaults")
  none.params.y = 2
  eq(nil, none.defaults.y, "a param set later is not a default")
end)
