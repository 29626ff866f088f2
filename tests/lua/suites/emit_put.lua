-- The checker's emitter hands a finding to the list as arguments
-- (findings:put), and fills its message from one list of pieces while
-- the values are texts and numbers: the findings are as findings:add and
-- a message of every value made them.

local check = require "pipeline.check"

test("findings:put keeps what findings:add keeps, field for field", function()
  local a, p = nianbao.findings(), nianbao.findings()
  local given = {
    { rule = "r.one", severity = "warning", message = "甲\tb", cells = { "t1.x", "t1.y" }, expected = "1",
      found = "2", quote = "某句", line = 3, col = 4 },
    { rule = "r.two", severity = "info", message = "m" },
    { rule = "r.three", message = 12, found = 3.5, cells = {}, line = 7 },
  }
  for _, f in ipairs(given) do
    a:add(f)
    p:put(f.rule, f.severity, f.message, f.cells, f.expected, f.found, f.quote, f.line, f.col)
  end
  local la, lp = a:list(), p:list()
  eq(#given, #lp, "as many")
  for i = 1, #given do
    for _, k in ipairs { "rule", "severity", "message", "expected", "found", "quote", "line", "col" } do
      eq(la[i][k], lp[i][k], k .. " of " .. i)
    end
    eq(table.concat(la[i].cells, ","), table.concat(lp[i].cells, ","), "cells of " .. i)
  end
  local ok1, why1 = pcall(a.add, a, { severity = "info", message = "m" })
  local ok2, why2 = pcall(p.put, p, nil, "info", "m")
  eq(false, ok1 or ok2, "a finding without a rule is refused")
  eq(why1, why2, "with the same reason")
  ok1, why1 = pcall(a.add, a, { rule = "r", message = "m", severity = "fatal" })
  ok2, why2 = pcall(p.put, p, "r", "fatal", "m")
  eq(why1, why2, "an unknown severity, the same reason")
  ok2, why2 = pcall(p.put, p, "r", "info", "m", nil, nil, nil, nil, -1)
  has(why2, "a finding's line is out of range", "a place out of range")
end)

test("emit: a message is filled alike from texts, numbers, absent names and values that run code", function()
  local rule = { enabled = true, id = "bench.fill", severity = "info", path = "fill.lua",
    message = { zh = "[{a}|{b}|{c}|{d}]" } }
  local shown = setmetatable({}, { __tostring = function() return "shown" end })
  function rule.check(report, emit)
    emit { vars = { a = "text", b = 2, c = 2.5 } }
    emit { vars = { a = true, b = false, d = "x" } }
    -- a value whose tostring emits: the message being filled is not the inner one's
    local nested = setmetatable({}, { __tostring = function()
      emit { vars = { a = "inner", b = 1, c = "c", d = "d" } }
      return "outer"
    end })
    emit { vars = { a = "before", b = nested, c = 3, d = "after" } }
    emit { vars = { a = shown, b = "t", c = "u", d = "v" } }
  end
  local P = { rules = { rule }, format = {} }
  local found, failures = check.check(P, { sections = {} }, { lang = "zh", instructions = 1000000, memory = 1 << 26 })
  eq(0, #failures, "no failure")
  local got = {}
  for _, f in ipairs(found:list()) do got[#got + 1] = f.message end
  table.sort(got)
  eq(table.concat({ "[before|outer|3|after]", "[inner|1|c|d]", "[shown|t|u|v]", "[text|2|2.5|{d}]",
                    "[true|false|{c}|x]" }, " "), table.concat(got, " "), "the messages")
end)
