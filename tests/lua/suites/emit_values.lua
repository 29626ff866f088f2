-- The emitter keeps a text found or expected as it is when it is short
-- enough, cuts a long one (and a long message) at a character with "…",
-- turns a number into its text and refuses any other value: whichever way
-- it takes, the finding is as the rule's values and the limits make it.

local check = require "pipeline.check"

local LIMITS = { lang = "zh", instructions = 1000000, memory = 1 << 26 }

local function run(emits)
  local rule = { enabled = true, id = "bench.values", severity = "info", path = "values.lua",
    message = { zh = "{m}" } }
  function rule.check(report, emit)
    for _, f in ipairs(emits) do emit(f) end
  end
  local found, failures = check.check({ rules = { rule }, format = {} }, { sections = {} }, LIMITS)
  return found:list(), failures
end

test("emit: found, expected and the message, kept, cut or turned into text", function()
  local long = string.rep("甲", 100)                   -- 300 bytes: past the 256 of a value
  local exact = string.rep("a", 256)
  local huge = string.rep("乙", 2000)                  -- 6000 bytes: past the 4096 of a message
  local list, failures = run {
    { found = "短", expected = exact, vars = { m = "m1" } },
    { found = long, expected = 12, vars = { m = huge } },
    { found = 2.5, vars = { m = "m3" } },
  }
  eq(0, #failures, "no failure")
  eq(3, #list, "three findings")
  local one, two, three = list[1], list[2], list[3]     -- no places: in the order emitted
  eq("短", one.found, "a short text kept")
  eq(exact, one.expected, "a text of the limit kept whole")
  eq(string.rep("甲", 85) .. "…", two.found, "a long text cut at a character")
  eq("12", two.expected, "a number as its text")
  eq(string.rep("乙", 1365) .. "…", two.message, "a long message cut at a character")
  eq("2.5", three.found, "a fraction as its text")
  eq(nil, three.expected, "none given, none kept")
end)

test("emit: a found or expected that is neither text nor number fails the rule", function()
  for _, k in ipairs { "found", "expected" } do
    local _, failures = run { { [k] = {}, vars = { m = "x" } } }
    eq(1, #failures, k .. ": the rule fails")
    has(failures[1].message, "emit: '" .. k .. "' must be a text or a number", k .. ": said why")
  end
end)
