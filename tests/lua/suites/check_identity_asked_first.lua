-- An identity rule's failures are asked of the core first, outside the
-- limits: a rule with none is done there, one with some is run under its
-- limits (where they are asked again), and one whose asking fails fails
-- there, a nianbao.internal finding naming it. The failures asked of the
-- same cells before (a text's tails) are not asked again while no cell is
-- set.

local check = require "pipeline.check"

local function run(rule, c)
  return check.check({ rules = { rule }, format = {} }, { sections = {}, c = c },
                     { lang = "en", instructions = 1000000, memory = 1 << 26 })
end

-- an identity rule whose compiled identity answers `answers` in turn
local function identity_rule(id, answers)
  local asked = 0
  local compiled = {}
  function compiled.eval(_, c, names)
    asked = asked + 1
    local a = answers[asked]
    if type(a) == "string" then error(a, 0) end
    return a or {}
  end
  local rule = { enabled = true, id = id, severity = "error", path = id .. ".lua",
                 message = { zh = "{lhs}≠{rhs}", en = "{lhs} is not {rhs}" }, compiled = compiled, names = {} }
  return rule, function() return asked end
end

-- (cells no step sets: their count of sets stays)
local cells = { get = function(_, id) return { line = 7, col = 3, id = id } end, sets = function() return 0 end }

test("identity: none failing is asked once, outside the limits", function()
  -- a second asking would fail: only the one outside the call is made
  local rule, asked = identity_rule("t.holds", { {}, "asked again" })
  local found, failures = run(rule, cells)
  eq(1, asked(), "asked once")
  eq(0, #found:list(), "no finding")
  eq(0, #failures, "no failure")
end)

test("identity: failing instances are asked again under the limits and emitted", function()
  local failing = { instance = 1, values = {}, lhs = "6", rhs = "7", diff = "-1",
                    terms = { { id = "t1.a", side = "lhs", sign = 1 }, { id = "t1.b", side = "rhs", sign = 1 } } }
  local rule, asked = identity_rule("t.fails", { { failing }, { failing } })
  local found, failures = run(rule, cells)
  eq(2, asked(), "asked outside, then within the call")
  eq(0, #failures, "no failure")
  local list = found:list()
  eq(1, #list, "one finding")
  eq("6 is not 7", list[1].message, "its message")
  eq(7, list[1].line, "the place of its first term")
end)

test("identity: an asking that fails becomes the rule's failure", function()
  local rule, asked = identity_rule("t.broken", { "no such schema", "no such schema" })
  local found, failures = run(rule, cells)
  eq(2, asked(), "asked outside, then within the call")
  eq(0, #found:list(), "no finding")
  eq(1, #failures, "one failure")
  has(failures[1].message, "t.broken", "naming the rule")
  has(failures[1].message, "no such schema", "with the reason")
end)

test("identity: the failures asked of cells no step set since are not asked again", function()
  local identities = require "identities"
  local set = 0
  local mine = { get = cells.get, sets = function() return set end }
  local failing = { instance = 1, values = {}, lhs = "6", rhs = "7", diff = "-1",
                    terms = { { id = "t1.a", side = "lhs", sign = 1 }, { id = "t1.b", side = "rhs", sign = 1 } } }
  local rule, asked = identity_rule("t.memo", { {}, { failing }, { failing } })
  function rule.compiled.relation() return "=" end
  -- a text's tails ask the sums' failures first: none
  eq(0, #identities.new({}, { rule }):tails(mine), "no tail")
  eq(1, asked(), "asked for the tails")
  local found, failures = run(rule, mine)
  eq(1, asked(), "the check asks them no more")
  eq(0, #found:list(), "no finding")
  eq(0, #failures, "no failure")
  -- a cell set since (a tail made unknown): asked again, then under the limits
  set = 1
  found, failures = run(rule, mine)
  eq(3, asked(), "asked again once a cell is set")
  eq(1, #found:list(), "its finding")
  eq(0, #failures, "no failure")
end)
