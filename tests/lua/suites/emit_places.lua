-- The emitter takes a line or column a rule gives as place reads it: an
-- integer from 0 to 2^31 - 1 as it is, a float or a text that is one as
-- that integer, anything else refused naming the field; none given (or
-- line 0), the finding has none (a line with no col: col 0).

local check = require "pipeline.check"

local LIMITS = { lang = "zh", instructions = 1000000, memory = 1 << 26 }

local function run(emits)
  local rule = { enabled = true, id = "bench.places", severity = "info", path = "places.lua",
    message = { zh = "{m}" } }
  function rule.check(report, emit)
    for _, f in ipairs(emits) do emit(f) end
  end
  local found, failures = check.check({ rules = { rule }, format = {} }, { sections = {} }, LIMITS)
  return found:list(), failures
end

test("emit: a line and col given as integers, floats or texts of an integer in range, kept as integers", function()
  local cases = {
    { 1, 1 }, { 5, 0 }, { 0x7FFFFFFF, 0x7FFFFFFF }, { 3.0, 4.0 }, { "7", "8" }, { 12, nil }, { " 9 ", "0x10" },
  }
  for _, c in ipairs(cases) do
    local list, failures = run { { line = c[1], col = c[2], vars = { m = "m" } } }
    eq(0, #failures, "no failure for " .. tostring(c[1]) .. ", " .. tostring(c[2]))
    eq(math.tointeger(c[1]), list[1].line, "line of " .. tostring(c[1]))
    eq(c[2] ~= nil and math.tointeger(c[2]) or 0, list[1].col, "col of " .. tostring(c[2]))
    eq("integer", math.type(list[1].line), "an integer line")
  end
  local list = run { { vars = { m = "m" } }, { line = 0, col = 0, vars = { m = "m" } } }
  for i = 1, 2 do
    eq(nil, list[i].line, "no line given, or 0: none")
    eq(nil, list[i].col, "no col given, or line 0: none")
  end
end)

test("emit: a line or col out of range, not whole or not a number fails the rule, naming it", function()
  local bad = { -1, 0x80000000, 2.5, "x", {}, true, 0 / 0, math.huge, -0x7FFFFFFF }
  for _, k in ipairs { "line", "col" } do
    for _, v in ipairs(bad) do
      local f = { line = 1, vars = { m = "m" } }
      f[k] = v
      local _, failures = run { f }
      eq(1, #failures, k .. " " .. tostring(v) .. ": the rule fails")
      has(failures[1].message, "emit: '" .. k .. "' must be a line or column number", k .. ": said why")
    end
  end
end)
