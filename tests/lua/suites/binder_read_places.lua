-- report:read takes a token's places as report:set does (a whole number,
-- an integral float, a numeric string, none), and stream_layout tells a
-- derived cell from a cell and the memo's named states from other texts
-- whatever way it compares them.

local tables = require "tables"
local core = require "nianbao"

local F = nianbao.engine:pack("gb2021").format

local function ne(a, b, what)
  if a == b then error((what or "value") .. ": both " .. tostring(a), 2) end
end

test("report:read takes a token's places as report:set does", function()
  local schema = nianbao.schema()
  schema:add("a")
  local places = { { 3, 4, 50 }, { 3.0, 4.0, 50.0 }, { "3", "4", "50" }, { nil, nil, nil }, { 7, nil, 0 } }
  for k, p in ipairs(places) do
    local read, set = nianbao.report(schema), nianbao.report(schema)
    read:read({ "a" }, { { text = "12", line = p[1], col = p[2], offset = p[3] } }, F, tables.value_state, nil, {})
    set:set("a", "number", 12, "12", p[1], p[2], p[3])
    eq(set:dump(), read:dump(), "places " .. k)
  end
  -- a token with no col (a reader leaves out a col of 1) is at its line's first column
  local read = nianbao.report(schema)
  read:read({ "a" }, { { text = "12", line = 7, offset = 0 } }, F, tables.value_state, nil, {})
  eq(1, read:get("a").col, "no col: 1")
  local r = nianbao.report(schema)
  local ok = pcall(r.read, r, { "a" }, { { text = "12", line = -1 } }, F, tables.value_state, nil, {})
  eq(false, ok, "a negative line is refused")
end)

test("stream_layout: derived tells only of cells, states named by the memo count as values", function()
  local function layout(tokens, known, by_lines)
    if by_lines == nil then return core.stream_layout(tokens, known, tables.value_state, F) end
    return core.stream_layout(tokens, known, tables.value_state, F, by_lines)
  end
  local function one(t) t.text = t.text or "规章"; t.line = t.line or 1; return { t } end
  local cell, derived = layout(one { kind = "cell" }), layout(one { kind = "cell", derived = true })
  ne(cell, derived, "a derived cell is not a cell")
  eq(cell, layout(one { kind = "cell", derived = false }), "derived false: a cell")
  eq(layout(one { kind = "para" }), layout(one { kind = "para", derived = true }), "derived of no cell: not read")
  ne(cell, layout(one { kind = "para" }), "a paragraph is not a cell")
  eq(nil, layout(one { kind = "cell", line = 1.0 }), "a float line: no layout")
  eq(nil, layout(one { kind = "cell", grid = "t1" }), "a grid's token: no layout by lines")
  eq("string", type(layout(one { kind = "cell", grid = "t1" }, nil, false)), "read alone: its grid not asked")
  -- the memo's states: a number or marker is a value, a blank a state, nil a label
  local known = { ["甲"] = { "number", 1 }, ["乙"] = { "marker" }, ["丙"] = { "blank" }, ["丁"] = { false } }
  local function of(text) return layout(one { kind = "cell", text = text }, known) end
  eq(of("甲"), of("乙"), "number and marker: values alike")
  eq(of("甲"), layout(one { kind = "cell", text = "7" }), "a memo's number reads as digits do")
  ne(of("甲"), of("丙"), "a blank is no value")
  ne(of("丙"), of("丁"), "a blank has a state, a label none")
end)

test("report:read of digits alone sets what value_state says of them, with or without the memo", function()
  local schema = nianbao.schema()
  schema:add("a")
  local texts = { "0", "7", "007", "12", "9223372036854775807", "9223372036854775808",
                  "12345678901234567890123", "0000000000000000000000042", "-5", "1a", "12万元", "", "—" }
  for _, text in ipairs(texts) do
    for _, printed in ipairs { false, "万元" } do
      local state, v, unit = tables.value_state(F, text)
      if state == "number" and v == nil then state = nil end
      local full = printed and text .. printed or text
      local want = nianbao.report(schema)
      want:set("a", state or "text", v, full, 2, 3, 40)
      local known = { [text] = { tables.value_state(F, text) } }
      for _, memo in ipairs { false, true } do
        local got, units = nianbao.report(schema), {}
        got:read({ "a" }, { { text = text, unit = printed or nil, line = 2, col = 3, offset = 40 } }, F,
                 tables.value_state, memo and known or nil, units)
        local what = text .. (printed or "") .. (memo and " (memo)" or "")
        eq(want:dump(), got:dump(), what)
        eq((unit or printed) and 1 or 0, #units, what .. ": units")
        if units[1] then
          eq(unit or printed, units[1].unit, what .. ": unit")
          eq(full, units[1].text, what .. ": unit's text")
        end
      end
    end
  end
end)
