-- The rules of one report share one table of what their emitters need
-- (the format, the report, the findings, the language), set once a
-- report; each rule keeps its own count of findings, and its limits are
-- made again when the caller's change. An emit kept past its rule's call
-- fails, in whichever rule calls it, and adds nothing.

local check = require "pipeline.check"

local function run(rules, instructions)
  return check.check({ rules = rules, format = {} }, { sections = {} },
                     { lang = "en", instructions = instructions or 1000000, memory = 1 << 26 })
end

test("emit: counts are each rule's, an emit kept past its call fails and adds nothing", function()
  local kept
  local first = { enabled = true, id = "t.first", severity = "info", path = "first.lua", message = { zh = "一{n}" } }
  function first.check(report, emit)
    for i = 1, 1500 do emit { vars = { n = i } } end
    kept = emit
  end
  local second = { enabled = true, id = "t.second", severity = "warning", path = "second.lua", message = { zh = "二" } }
  function second.check(report, emit)
    for _ = 1, 1500 do emit {} end       -- 3000 with the first's: a count of the report would stop here
    kept { vars = { n = 0 } }
  end
  local found, failures = run { first, second }
  local by = {}
  for _, f in ipairs(found:list()) do by[f.rule] = (by[f.rule] or 0) + 1 end
  eq(1500, by["t.first"], "the first rule's findings, none added by the kept emit")
  eq(1500, by["t.second"], "the second rule's findings, up to its failure")
  eq(1, #failures, "one failure")
  has(failures[1].message, "t.second", "the rule that called the kept emit")
  has(failures[1].message, "call is over", "the reason")
  -- the next report: the first rule's emitter works again, the kept one is its own
  kept = nil
  found, failures = run { first }
  eq(1500, #found:list(), "a new report, the same emitter")
  eq(0, #failures, "no failure")
end)

test("emit: a rule's limits follow the caller's from one report to the next", function()
  local rule = { enabled = true, id = "t.loop", severity = "info", path = "loop.lua", message = { zh = "完" } }
  function rule.check(report, emit)
    local n = 0
    for i = 1, 200000 do n = n + i end
    emit { found = n }
  end
  local found, failures = run({ rule }, 10000000)
  eq(1, #found:list(), "within a large budget")
  eq(0, #failures, "no failure")
  found, failures = run({ rule }, 50000)
  eq(0, #found:list(), "a small budget stops it")
  has(failures[1].message, "instruction budget exceeded", "the reason")
  found, failures = run({ rule }, 10000000)
  eq(1, #found:list(), "the large budget again")
end)
