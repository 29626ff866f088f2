-- The core fills a message template in one call (nianbao.fill) while the
-- values are texts, numbers and absent names: what the loop in Lua made
-- of them, tostring's digits for every kind of number; for any other
-- value it gives nil, and the emitter fills that message itself.

local check = require "pipeline.check"

-- The loop in Lua the core's fill stands for: nil where it gives up.
local function fill_reference(parts, vars)
  local out = {}
  for i = 1, #parts do
    local p = parts[i]
    if i % 2 == 0 then
      local v = rawget(vars, p)
      local t = type(v)
      if t == "string" then p = v
      elseif t == "number" then p = tostring(v)
      elseif v == nil then p = "{" .. p .. "}"
      else return nil end
    end
    out[i] = p
  end
  return table.concat(out)
end

test("fill: the core's message is the loop's, for texts, numbers of every kind and absent names", function()
  local parts = { "与", "file", "（", "agency", "", "year", "年）占", "share", "%，如“", "passage", "”" }
  local numbers = { 0, -0.0, 1, -7, 2025, 0.5, 1 / 3, 1e15, 1e16, 123456789012345678, math.maxinteger,
                    math.mininteger, 2 ^ 53, 2 ^ 63, -2 ^ 63, 1e300, 1 / 0, -1 / 0, 3.0, -3.0, 100 * 0.95 }
  local n = 0
  for _, x in ipairs(numbers) do
    for _, passage in ipairs { "甲乙丙", "", string.rep("长文", 3000), "a\0b" } do
      local vars = { file = "/work/a.txt", agency = x, year = x, share = tostring(x), passage = passage }
      eq(fill_reference(parts, vars), nianbao.fill(parts, vars), "number " .. tostring(x))
      n = n + 1
    end
  end
  eq(true, n > 50, "cases")
  eq("与{file}（{agency}{year}年）占{share}%，如“{passage}”", nianbao.fill(parts, {}), "every name absent")
  local nan = 0 / 0
  eq(fill_reference(parts, { year = nan }), nianbao.fill(parts, { year = nan }), "not a number")
  eq(nil, nianbao.fill(parts, { year = true }), "a boolean: filled by the emitter")
  eq(nil, nianbao.fill(parts, { share = {} }), "a table: filled by the emitter")
  eq(nil, nianbao.fill(parts, { share = print }), "a function: filled by the emitter")
end)

test("emit: every number a message names reads as tostring reads it; other values as before", function()
  local rule = { enabled = true, id = "fill.core", severity = "info", path = "fill.lua",
    message = { zh = "[{a}|{b}|{c}]" } }
  local values = { 1, 2.5, -0.0, 1e100, 2 ^ 63, math.mininteger, "text", true, false }
  function rule.check(report, emit)
    for i, v in ipairs(values) do
      emit { line = i, vars = { a = v, b = i, c = nil } }
    end
    emit { line = 99, vars = { a = setmetatable({}, { __tostring = function() return "shown" end }), b = 1.5 } }
  end
  local P = { rules = { rule }, format = {} }
  local found, failures = check.check(P, { sections = {} }, { lang = "zh", instructions = 1000000, memory = 1 << 26 })
  eq(0, #failures, "no failure")
  local list = found:list()
  eq(#values + 1, #list, "findings")
  for i, v in ipairs(values) do
    eq("[" .. tostring(v) .. "|" .. i .. "|{c}]", list[i].message, "value " .. i)
  end
  eq("[shown|1.5|{c}]", list[#list].message, "a value with a tostring of its own")
end)
