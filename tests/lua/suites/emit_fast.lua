-- The emitter's common finding is put by the core in one call (emit_fast),
-- outside the rule's count of instructions: it puts exactly what the Lua
-- emitter would, and anything it does not take whole it leaves untouched
-- for the emitter, which says what is wrong.

local nianbao = require "nianbao"
local check = require "pipeline.check"

local LIMITS = { lang = "zh", instructions = 1000000, memory = 1 << 26 }

local function state()
  local findings = nianbao.findings()
  return { rule = { id = "fast.rule", severity = "warning", message = { zh = "<{a}|{b}>", en = "[{a}]" } },
           count = 0, bytes = 0, at = { findings = findings, lang = "zh" } }, findings
end

test("emit_fast: the common finding put whole, counted; any other left as it was", function()
  local fast = nianbao.emitter_fast(3, 100, 20, 8, 2, 4)
  local templates = { ["<{a}|{b}>"] = { "<", "a", "|", "b", ">" } }
  local st, findings = state()
  eq(true, fast(st, { vars = { a = "x", b = 2 }, line = 3, col = 4, found = "f", quote = "q" }, templates), "common")
  eq(1, st.count, "counted")
  eq(#"<x|2>" + 2, st.bytes, "its bytes")
  local f = findings:list()[1]
  eq("<x|2>", f.message, "message filled")
  eq("fast.rule", f.rule, "rule")
  eq(3, f.line, "line")
  eq("q", f.quote, "quote")
  eq(true, fast(st, { cells = { "t1.a", "t1.b" }, line = 1 }, templates), "cells with a line")
  eq(nil, differ({ "t1.a", "t1.b" }, findings:list()[2].cells, "cells"), "cells kept")
  eq("<{a}|{b}>", findings:list()[2].message, "no vars: names kept")
  local before = { count = st.count, bytes = st.bytes, n = #findings:list() }
  local others = {
    { cell = { id = "t1.a" }, line = 1 },                        -- a cell: its place and labels
    { vars = setmetatable({}, {}), line = 1 },                   -- vars read through a metatable
    { cells = { "t1.a" } },                                      -- cells and no line: their line looked for
    { cells = { "t1.a", "t1.b", "t1.c" }, line = 1 },            -- more cells than the limit
    { cells = { "t1.long" }, line = 1 },                         -- an id past its limit
    { cells = "t1.a", line = 1 },                                -- not a list
    { line = 2.0 },                                              -- a float place
    { line = -1 },                                               -- out of range
    { found = "123456789" },                                     -- a value past its limit
    { found = 5 },                                               -- a value not a text
    { quote = {} },                                              -- a quote not a text
    { vars = { a = string.rep("x", 30) } },                      -- a message past its limit
    { vars = { a = true } },                                     -- a value fill leaves to the emitter
    setmetatable({ line = 1 }, {}),                              -- a finding with a metatable
    "not a table",
  }
  for i, o in ipairs(others) do
    eq(false, fast(st, o, templates), "other " .. i)
  end
  eq(false, fast(st, { line = 1 }, {}), "a template not yet cut")
  eq(nil, differ(before, { count = st.count, bytes = st.bytes, n = #findings:list() }, "state"), "nothing changed")
  eq(true, fast(st, { line = 1 }, templates), "the third")
  eq(false, fast(st, { line = 1 }, templates), "past the findings' limit")
  st.at = nil
  eq(false, fast(st, { line = 1 }, templates), "the call over")
end)

test("emit_fast: a rule's findings the same whether the core or the emitter puts them", function()
  local emits = {
    { vars = { a = "x", b = 1 }, line = 2, col = 3, found = "f", expected = "e", quote = "q" },
    { vars = { a = 1.5 }, cells = { "t1.a", "t2.b" }, line = 7 },
    { cells = {}, found = "" },
    {},
    { vars = { a = "y" }, line = 0 },
  }
  local function run(wrap)
    local rule = { enabled = true, id = "fast.same", severity = "info", path = "same.lua",
                   message = { zh = "<{a}|{b}>" } }
    function rule.check(_, emit)
      for _, f in ipairs(emits) do emit(wrap(f)) end
    end
    local found, failures = check.check({ rules = { rule }, format = {} }, { sections = {} }, LIMITS)
    eq(0, #failures, "no failure")
    return found:list()
  end
  -- (a finding with a metatable is the emitter's alone)
  local by_emitter = run(function(f) return setmetatable(f, {}) end)
  local by_core = run(function(f) return setmetatable(f, nil) end)
  eq(#emits, #by_core, "every finding")
  eq(nil, differ(by_emitter, by_core, "findings"), "the same findings")
end)

test("emit_fast: a rule's common findings cost its count of instructions no step each", function()
  local rule = { enabled = true, id = "fast.count", severity = "info", path = "count.lua",
                 message = { zh = "{a}" } }
  function rule.check(_, emit)
    for i = 1, 1500 do emit { vars = { a = i }, line = i } end
  end
  -- (the emitter's own steps took over 60 instructions a finding; now some 15 a finding are the rule's)
  local found, failures = check.check({ rules = { rule }, format = {} }, { sections = {} },
                                      { lang = "zh", instructions = 40000, memory = 1 << 26 })
  eq(0, #failures, "within the count")
  eq(1500, #found:list(), "every finding")
end)
