-- The emitter reads a finding's cell and vars once and asks their type only
-- when they are given (what is no table is passed over, as before), and
-- fills a template it has met without a call of its own: the message of
-- a template's first use, its later uses and a template with no name to
-- fill read the same, whatever the values.

local check = require "pipeline.check"

test("emit: a cell or vars that is no table is passed over; a template reads the same at every use", function()
  local rule = { enabled = true, id = "emit.once", severity = "info", path = "once.lua",
    message = { zh = "[{a}|{b}]" } }
  local plain = { enabled = true, id = "emit.plain", severity = "info", path = "plain.lua",
    message = { zh = "没有名字的模板 {" } }
  local shown = setmetatable({}, { __tostring = function() return "shown" end })
  local asks = {
    { line = 1, vars = { a = 1, b = "x" } },
    { line = 2, vars = { a = 1, b = "x" } },
    { line = 3, cell = 5, vars = { a = 2.5 } },
    { line = 4, cell = "t1.x", vars = "vars" },
    { line = 5, vars = { a = shown, b = true } },
    { line = 6, vars = { a = shown, b = true } },
    { line = 7, cell = false, vars = false },
    { line = 8 },
  }
  function rule.check(report, emit)
    for _, f in ipairs(asks) do emit(f) end
  end
  function plain.check(report, emit)
    emit { line = 1, vars = { a = 1 } }
    emit { line = 2 }
  end
  local P = { rules = { rule, plain }, format = {} }
  for round = 1, 2 do
    local found, failures = check.check(P, { sections = {} }, { lang = "zh", instructions = 1000000, memory = 1 << 26 })
    eq(0, #failures, "no failure")
    local messages = {}
    for _, f in ipairs(found:list()) do messages[#messages + 1] = f.rule .. ":" .. f.line .. ":" .. f.message end
    eq(table.concat({
      "emit.once:1:[1|x]", "emit.plain:1:没有名字的模板 {", "emit.once:2:[1|x]", "emit.plain:2:没有名字的模板 {",
      "emit.once:3:[2.5|{b}]", "emit.once:4:[{a}|{b}]", "emit.once:5:[shown|true]", "emit.once:6:[shown|true]",
      "emit.once:7:[{a}|{b}]", "emit.once:8:[{a}|{b}]" }, "\n"), table.concat(messages, "\n"), "round " .. round)
  end
end)
