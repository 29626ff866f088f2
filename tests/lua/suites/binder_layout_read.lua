-- nianbao.stream_read (placed_read) walks a table's tokens once for the
-- layout and, where a plan is kept for that layout, for its read: what it
-- gives and sets is what stream_layout (table_layout), the plan's look-up
-- (memo.long_get), its units put on the tokens and report:read gave and set
-- one after the other.

local tables = require "tables"
local memo = require "memo"
local core = require "nianbao"

local F = nianbao.engine:pack("gb2021").format
local NOPLAN = {}

local function tokens_of()
  return {
    { kind = "cell", text = "规章", line = 3, col = 1, offset = 10 },
    { kind = "cell", text = "12", line = 3, col = 5, offset = 20 },
    { kind = "cell", text = "007", line = 4, col = 5, offset = 30 },
    { kind = "cell", text = "—", line = 4, col = 8, offset = 34 },
    { kind = "cell", text = "25元", line = 5, col = 1, offset = 40 },
    { kind = "cell", text = "738028", line = 5, col = 4, offset = 44 },
    { kind = "cell", text = "12345678901234567890123", line = 6, col = 1, offset = 50 },
    { kind = "cell", text = "9", line = 7, col = "2", offset = 60 },
    { kind = "para", text = "3", line = 8, col = 1, offset = 70, unit = "件" },
  }
end

local ids = { "a", "b", "c", "d", "e", "f", "g" }
local function schema_of()
  local s = nianbao.schema()
  for _, id in ipairs(ids) do s:add(id) end
  return s
end

-- the plan: cell ids[k] from token ats[k]; a unit put after token 6
local function plan_of(schema, present)
  local ats, cells = { 2, 3, 4, 5, 6, 7, 9 }, {}
  for k, id in ipairs(ids) do cells[k] = string.pack("<I4I4", schema:find(id), ats[k]) end
  return { present = present, cells = table.concat(cells), unit_at = { 6 }, unit_texts = { "万元" } }
end

local function the_old_way(by_lines, known, plans, report, units)
  local tokens = tokens_of()
  local layout = core.stream_layout(tokens, known, tables.value_state, F, by_lines)
  local plan = layout and memo.long_get(plans, "m", layout)
  if plan and plan ~= NOPLAN then
    for k = 1, #(plan.unit_at or {}) do tokens[plan.unit_at[k]].unit = plan.unit_texts[k] end
    report:read(plan.cells, tokens, F, tables.value_state, known, units)
  end
  return layout, plan, tokens
end

local function the_one_walk(by_lines, known, plans, report, units)
  local tokens = tokens_of()
  local kept = plans["m"]
  local layout, plan = core.stream_read(tokens, known, tables.value_state, F, by_lines, kept and kept.of,
                                        NOPLAN, report, units)
  return layout, plan, tokens
end

test("stream_read: the layout, its plan and the plan's read as the steps one after the other", function()
  for _, by_lines in ipairs { true, false } do
    for _, with_memo in ipairs { false, true } do
      local schema = schema_of()
      local plans = memo.keyed()
      local layout = core.stream_layout(tokens_of(), nil, tables.value_state, F, by_lines)
      local plan = plan_of(schema, true)
      memo.long_put(plans, "m", 1 << 20, layout, plan, 64)
      local known = with_memo and { ["12"] = { "number", 12 }, ["—"] = { "marker" } } or nil
      local want, got = nianbao.report(schema), nianbao.report(schema)
      local want_units, got_units = {}, {}
      local l1, p1, t1 = the_old_way(by_lines, known, plans, want, want_units)
      local l2, p2, t2 = the_one_walk(by_lines, known, plans, got, got_units)
      local what = (by_lines and "by lines" or "alone") .. (with_memo and ", memo" or "")
      eq(l1, l2, what .. ": layout")
      eq(p1, p2, what .. ": plan")
      eq(want:dump(), got:dump(), what .. ": cells")
      eq(#want_units, #got_units, what .. ": units")
      for i = 1, #want_units do
        for _, k in ipairs { "id", "unit", "text", "line", "col" } do
          eq(want_units[i][k], got_units[i][k], what .. ": unit " .. i .. " " .. k)
        end
      end
      for i = 1, #t1 do eq(t1[i].unit, t2[i].unit, what .. ": token " .. i .. "'s unit") end
      eq("738028万元", got:get("e").text, what .. ": a unit put after a value")
      eq("text", got:get("f").state, what .. ": too many digits: a text")
      eq(12, got:get("a").value, what .. ": digits alone: a number")
      eq(5, got:get("b").col, what .. ": its place")
    end
  end
end)

test("stream_read: no plan, a plan of none, no layout: nothing read", function()
  local schema = schema_of()
  local empty = nianbao.report(schema):dump()
  local plans = memo.keyed()
  local r = nianbao.report(schema)
  local layout, plan = the_one_walk(true, nil, plans, r, {})
  eq(core.stream_layout(tokens_of(), nil, tables.value_state, F), layout, "the layout, no plan kept")
  eq(nil, plan, "no plan")
  memo.long_put(plans, "m", 1 << 20, layout, NOPLAN, 64)
  layout, plan = the_one_walk(true, nil, plans, r, {})
  eq(NOPLAN, plan, "a plan of none given back")
  eq(empty, r:dump(), "nothing read")
  local grid = tokens_of()
  grid[2].grid = "t1"
  eq(nil, core.stream_read(grid, nil, tables.value_state, F, true, nil, NOPLAN, r, {}), "a grid's token: no layout")
end)

-- a table bound by places: nianbao.placed_read, as table_layout, the plan's
-- look-up and report:read where the plan says its binding read (plan.ok)
local function placed_tokens()
  local out = {}
  local rows = { { "规章", "0", "3" }, { "行政许可", "296", "—" }, { "其他", "12345678901234567890123", "7" } }
  for r, row in ipairs(rows) do
    for x, text in ipairs(row) do
      out[#out + 1] = { kind = "cell", text = text, grid = "t1", row = r, x0 = x - 1, x1 = x,
                        line = 10 + r, col = 4 * x, offset = 100 * r + x }
    end
  end
  return out
end

test("placed_read: the layout by places, its plan and the plan's read as the steps one after the other", function()
  local ats = { 2, 3, 5, 6, 8, 9 }
  for _, ok in ipairs { true, false } do
    for _, with_memo in ipairs { false, true } do
      local schema = schema_of()
      local cells = {}
      for k, at in ipairs(ats) do cells[k] = string.pack("<I4I4", schema:find(ids[k]), at) end
      local plans = memo.keyed()
      local layout = core.table_layout(placed_tokens(), nil, tables.value_state, F)
      local plan = { present = true, ok = ok, cells = table.concat(cells) }
      memo.long_put(plans, "m", 1 << 20, layout, plan, 64)
      local known = with_memo and { ["0"] = { "number", 0 }, ["—"] = { "marker" } } or nil
      local want, got = nianbao.report(schema), nianbao.report(schema)
      local want_units, got_units = {}, {}
      local tokens = placed_tokens()
      local l1 = core.table_layout(tokens, known, tables.value_state, F)
      local p1 = memo.long_get(plans, "m", l1)
      if p1.ok then want:read(p1.cells, tokens, F, tables.value_state, known, want_units) end
      local kept = plans["m"]
      local l2, p2 = core.placed_read(placed_tokens(), known, tables.value_state, F, kept.of, NOPLAN, got, got_units)
      local what = (ok and "read" or "not read") .. (with_memo and ", memo" or "")
      eq(l1, l2, what .. ": layout")
      eq(p1, p2, what .. ": plan")
      eq(want:dump(), got:dump(), what .. ": cells")
      eq(#want_units, #got_units, what .. ": units")
      if ok then
        eq(296, got:get("c").value, what .. ": digits alone: a number")
        eq(12, got:get("c").line, what .. ": its line")
        eq("text", got:get("e").state, what .. ": too many digits: a text")
      end
    end
  end
end)

-- a value of digits alone whose unit and places the walk reads: set from what
-- the walk saw where they are plain, else read from its token as before
test("stream_read: a value's unit and places as report:read reads them", function()
  local function odd_tokens()
    return {
      { kind = "cell", text = "规章", line = 3, col = 1, offset = 10 },
      { kind = "cell", text = "12", line = 3, col = 5, offset = 20, unit = "件" },  -- a unit it had before
      { kind = "cell", text = "13", line = 3, col = 5.0, offset = 24 },             -- a whole float
      { kind = "cell", text = "14", line = 4, col = "7" },                           -- a string; no offset
      { kind = "cell", text = "15", line = 4 },                                      -- no places
      { kind = "cell", text = "16", line = 4, col = 9, offset = 30 },                -- plain: unit given below
      { kind = "cell", text = "17", line = 5, col = 2, offset = 33 },
    }
  end
  for _, by_lines in ipairs { true, false } do
    local schema = schema_of()
    local cells = {}
    for k = 1, 6 do cells[k] = string.pack("<I4I4", schema:find(ids[k]), k + 1) end
    local plan = { present = true, cells = table.concat(cells), unit_at = { 6 }, unit_texts = { "万元" } }
    local plans = memo.keyed()
    memo.long_put(plans, "m", 1 << 20, core.stream_layout(odd_tokens(), nil, tables.value_state, F, by_lines), plan, 64)
    local want, got = nianbao.report(schema), nianbao.report(schema)
    local want_units, got_units = {}, {}
    local tokens = odd_tokens()
    tokens[6].unit = "万元"
    want:read(plan.cells, tokens, F, tables.value_state, nil, want_units)
    local _, p = core.stream_read(odd_tokens(), nil, tables.value_state, F, by_lines, plans["m"].of, NOPLAN, got,
                                  got_units)
    local what = by_lines and "by lines" or "alone"
    eq(plan, p, what .. ": the plan")
    eq(want:dump(), got:dump(), what .. ": cells")
    eq(#want_units, #got_units, what .. ": units")
    eq("12件", got:get("a").text, what .. ": a unit the token had")
    eq(7, got:get("c").col, what .. ": a place of a string")
    eq(1, got:get("d").col, what .. ": no col, its line's first")
    eq("16万元", got:get("e").text, what .. ": a unit the plan gave")
    eq(33, got:get("f").offset, what .. ": a plain value's offset")
  end
  -- a place out of range: an error still, as report:read says
  local bad = { { kind = "cell", text = "1", line = 3, col = 1, offset = -1 } }
  local schema = schema_of()
  local plan = { present = true, cells = string.pack("<I4I4", schema:find("a"), 1) }
  local plans = memo.keyed()
  memo.long_put(plans, "m", 1 << 20, core.stream_layout(bad, nil, tables.value_state, F, true), plan, 64)
  local ok, err = pcall(core.stream_read, bad, nil, tables.value_state, F, true, plans["m"].of, NOPLAN,
                        nianbao.report(schema), {})
  eq(false, ok, "an offset below 0: an error")
  eq(true, tostring(err):find("place out of range", 1, true) ~= nil, "which says so")
end)
