-- The cells the value rules ask for are picked once a frozen report
-- (Report.pick_ahead: every cell but a whole number of zero or more), and a
-- question of states among theirs is then asked of those alone: the same
-- cells, in the same order, as a walk of every printed cell finds; any
-- other question ("number", a name no state has) walks them all.

local view = require "view"
local Report = require "report"

local function ids_reference(R, F, wanted)
  local out = {}
  for _, id in ipairs(F.cells) do
    local c = R.c:get(id)
    local yes = wanted[c.state]
    if not yes and c.state == "number" then
      local v = tonumber(c.value)
      yes = (wanted.negative and v < 0) or (wanted.fraction and v ~= math.floor(v))
    end
    if yes then out[#out + 1] = id end
  end
  return out
end

test("pick_ahead: each question of a frozen report's odd cells answered as a walk of every cell answers it", function()
  -- numbers below zero and not whole, blanks, markers and texts (each cell on a line of its own: "5 |")
  local text = JIUQU:gsub("\n5 |\n", "\n-5 |\n", 2):gsub("\n6 |\n", "\n6.5 |\n", 2):gsub("\n1 |\n", "\n-1.25 |\n", 1)
                    :gsub("\n0 |\n", "\n |\n", 3):gsub("\n0 |\n", "\n/ |\n", 2):gsub("\n0 |\n", "\n若干 |\n", 1)
  local path = write("pick-ahead.txt", text)
  local asks = {
    { "number" }, { "blank" }, { "marker" }, { "text" }, { "marker", "text" }, { "missing" }, { "missing", "unknown" },
    { "negative" }, { "fraction" }, { "negative", "fraction" }, { "blank", "negative" }, { "number", "fraction" },
    {}, { "nothing" }, { "blank", "nothing" }, { "missing", "blank", "marker", "text", "unknown", "negative", "fraction" },
  }
  local kinds = {}
  for _, ahead in ipairs { false, true } do
    local R = assert(nianbao.engine:read(path))
    local real = view.unwrap(R)
    local F = Report.format_of(real)
    if ahead then Report.pick_ahead(real); Report.pick_ahead(real) end     -- (a second time: kept)
    for _, ask in ipairs(asks) do
      local wanted = {}
      for _, w in ipairs(ask) do wanted[w] = true end
      local want = table.concat(ids_reference(real, F, wanted), ",")
      eq(want, table.concat(real:ids_in(table.unpack(ask)), ","), table.concat(ask, "+") .. (ahead and " ahead" or ""))
      eq(want, table.concat(R:ids_in(table.unpack(ask)), ","), table.concat(ask, "+") .. " through a view")
      local n = 0
      for c in R:cells_in(table.unpack(ask)) do n = n + 1; eq(true, wanted[c.state] or c.state == "number", c.id) end
      eq(#real:ids_in(table.unpack(ask)), n, "cells_in " .. table.concat(ask, "+"))
    end
    for _, s in ipairs { "blank", "marker", "text", "negative", "fraction" } do
      kinds[s] = #real:ids_in(s) > 0
    end
  end
  for _, s in ipairs { "blank", "marker", "text", "negative", "fraction" } do eq(true, kinds[s], "some " .. s) end
end)

test("pick_ahead: a report not frozen is left as it is, and answers as before", function()
  local F = Report.format_of(view.unwrap(assert(nianbao.engine:read("examples/jiuqu-2024.txt"))))
  local R = Report.new(F, "unfrozen.txt")
  Report.pick_ahead(R)
  eq(#F.cells, #R:ids_in("missing"), "every printed cell missing")
end)

test("pick_ahead: a pick that fails ahead fails again in the rule that asks, not the report's check", function()
  local check = require "pipeline.check"
  local R = view.unwrap(assert(nianbao.engine:read("examples/jiuqu-2024.txt")))
  local cells = R.c
  rawset(R, "c", setmetatable({}, { __index = function(_, k)
    if k == "pick" then return function() error("no pick today", 0) end end
    local f = cells[k]
    return type(f) == "function" and function(_, ...) return f(cells, ...) end or f
  end }))
  local asks = { enabled = true, id = "ahead.asks", severity = "info", path = "asks.lua", message = { zh = "{n}" } }
  function asks.check(report, emit) emit { line = 1, vars = { n = #report:ids_in("blank") } } end
  local other = { enabled = true, id = "ahead.other", severity = "info", path = "other.lua", message = { zh = "在" } }
  function other.check(report, emit) emit { line = 2 } end
  local P = { rules = { asks, other }, format = Report.format_of(R) }
  local found, failures = check.check(P, R, { lang = "zh", instructions = 1000000, memory = 1 << 26 })
  rawset(R, "c", cells)
  eq(1, #failures, "the rule that asked failed")
  has(failures[1].message, "no pick today", "its reason")
  eq(1, #found:list(), "the other rule's finding")
  eq("ahead.other", found:list()[1].rule, "the other rule")
end)
