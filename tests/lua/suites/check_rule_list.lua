-- The checker walks a pack's rules as ipairs walks a list: in order, up
-- to the first hole, through the list's own __index when it has one.

local check = require "pipeline.check"

local function rule_of(id, ran)
  local rule = { enabled = true, id = id, severity = "info", path = id .. ".lua", message = { zh = id } }
  function rule.check() ran[#ran + 1] = id end
  return rule
end

test("check: rules run in the list's order, none past its first hole, a list's __index read", function()
  local ran = {}
  local a, b, c = rule_of("t.a", ran), rule_of("t.b", ran), rule_of("t.c", ran)
  local off = rule_of("t.off", ran)
  off.enabled = false
  check.check({ rules = { a, off, b, nil, c }, format = {} }, { sections = {} },
              { lang = "zh", instructions = 1000000, memory = 1 << 26 })
  eq("t.a t.b", table.concat(ran, " "), "the rules run")
  for k = #ran, 1, -1 do ran[k] = nil end
  local later = setmetatable({ a }, { __index = function(_, i) if i == 2 then return b end end })
  check.check({ rules = later, format = {} }, { sections = {} }, { lang = "zh", instructions = 1000000, memory = 1 << 26 })
  eq("t.a t.b", table.concat(ran, " "), "the rules of a list with __index")
end)
