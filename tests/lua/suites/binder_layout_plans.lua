-- A table whose cells have places is read in one walk of its tokens (its
-- rows, each cell's state, in C), and a table of a layout bound before is
-- bound by the plan that binding left: the same cells set from the same
-- places, each page's values its own.

local tables = require "tables"
local core = require "nianbao"

local HEAD = "<html><body><p>某市统计局2024年政府信息公开工作年度报告</p><p>一、总体情况</p><p>本年度工作。</p>"
          .. "<p>二、主动公开政府信息情况</p>"
local TAIL = "<p>三、收到和处理政府信息公开申请情况</p></body></html>"

local function cell(R, id) local c = R.c:get(id); return c.state .. ":" .. (c.text or "") end

local function t2(values, label2)
  return "<table>"
    .. "<tr><td colspan=\"4\">第二十条第（一）项</td></tr>"
    .. "<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>"
    .. "<tr><td>规章</td><td>" .. values[1] .. "</td><td>" .. values[2] .. "</td><td>" .. values[3] .. "</td></tr>"
    .. "<tr><td>" .. (label2 or "行政规范性文件") .. "</td><td>" .. values[4] .. "</td><td>" .. values[5]
    .. "</td><td>" .. values[6] .. "</td></tr>"
    .. "</table>"
end

local IDS = { "t2.reg.made", "t2.reg.repealed", "t2.reg.valid", "t2.nrm.made", "t2.nrm.repealed", "t2.nrm.valid" }

-- The rows as the binder read them in Lua before the walk was one call:
-- the reference the walk is held to.
local function rows_in_lua(tokens, state_of)
  local rows, cur = {}, nil
  local cells, n, grid, row, right
  local placed = 0
  for i = 1, #tokens do
    local b = tokens[i]
    local g = b.grid
    local x0 = g and b.x0
    if x0 then
      local r = b.row
      if not cur or grid ~= g or row ~= r then
        cells, n, grid, row = {}, 0, g, r
        cur = { cells = cells, ordered = true }
        rows[#rows + 1] = cur
      end
      n = n + 1
      cells[n] = b
      local x1 = b.x1
      if x0 >= x1 or (n > 1 and right > x0) then cur.ordered = false end
      right = x1
      if n == 3 then placed = placed + 1 end
    else
      cur = nil
      rows[#rows + 1] = { loose = true, cells = { b } }
    end
  end
  for _, r in ipairs(rows) do
    r.numbers = 0
    for _, c in ipairs(r.cells) do
      local state = state_of(c.text)
      if state == "number" or state == "marker" then r.numbers = r.numbers + 1
      elseif not state then
        r.texts = r.texts or {}
        r.texts[#r.texts + 1] = c.text
      end
    end
  end
  return rows, placed
end

local TEXTS = { "1", "23", "1,024", "", "—", "-", "规章", "3.其他", "本年制发件数", "12件", "a b", "０" }

local function random_tokens(rnd)
  local tokens = {}
  for i = 1, rnd(0, 30) do
    local b = { kind = "cell", text = TEXTS[rnd(1, #TEXTS)], line = i, col = 1 }
    if rnd(1, 6) > 1 then
      b.grid = ({ 1, 2, "w1" })[rnd(1, 3)]
      b.row = rnd(1, 3)
      b.x0 = rnd(0, 6)
      b.x1 = b.x0 + rnd(0, 2)
    end
    tokens[i] = b
  end
  return tokens
end

test("the rows of a table's tokens, read in one walk, are the rows a walk in Lua read", function()
  local F = nianbao.engine:pack("gb2021").format
  local function state_of(text) return (tables.value_state(F, text)) end
  local seed = 20261204
  local function rnd(a, b)
    seed = (seed * 1103515245 + 12345) % 2147483648
    return a + seed % (b - a + 1)
  end
  for round = 1, 300 do
    local tokens = random_tokens(rnd)
    local want, want_placed = rows_in_lua(tokens, state_of)
    -- half the rounds with no memo at hand: every state asked of value_state
    local known = round % 2 == 0 and {} or nil
    local got, got_placed = core.placed_rows(tokens, known, tables.value_state, F)
    eq(want_placed, got_placed, "rows of three cells, round " .. round)
    eq(#want, #got, "rows, round " .. round)
    for k, w in ipairs(want) do
      local g = got[k]
      local what = " of row " .. k .. ", round " .. round
      eq(w.loose or false, g.loose or false, "loose" .. what)
      eq(w.ordered or false, g.ordered or false, "ordered" .. what)
      eq(w.numbers, g.numbers, "numbers" .. what)
      eq(#w.cells, #g.cells, "cells" .. what)
      for i = 1, #w.cells do eq(w.cells[i], g.cells[i], "cell " .. i .. what) end
      eq(w.texts and #w.texts or 0, g.texts and #g.texts or 0, "texts" .. what)
      for i = 1, w.texts and #w.texts or 0 do eq(w.texts[i], g.texts[i], "text " .. i .. what) end
    end
  end
end)

test("a table's layout holds its places and its texts but not its values' texts, save a row's first cell's", function()
  local F = nianbao.engine:pack("gb2021").format
  local function tokens(label, v1, v2, x)
    return {
      { text = "信息内容", grid = 1, row = 1, x0 = 0, x1 = 1 }, { text = "本年制发件数", grid = 1, row = 1, x0 = 1, x1 = 2 },
      { text = label, grid = 1, row = 2, x0 = 0, x1 = 1 }, { text = v1, grid = 1, row = 2, x0 = 1, x1 = x or 2 },
      { text = v2, grid = 1, row = 2, x0 = x or 2, x1 = (x or 2) + 1 }, { text = "注", line = 3 },
    }
  end
  local function layout(t) return core.table_layout(t, nil, tables.value_state, F) end
  local a = layout(tokens("规章", "1", "2"))
  eq("string", type(a), "a layout")
  eq(a, layout(tokens("规章", "17", "—")), "other values, the same layout")
  eq(false, a == layout(tokens("规范性文件", "1", "2")), "another label, another layout")
  eq(false, a == layout(tokens("规章", "1", "2", 3)), "other places, another layout")
  eq(false, a == layout(tokens("7", "1", "2")), "a number first in its row: its text is the layout's")
  eq(false, a == layout(tokens("规章", "", "2")), "a blank where a value was: another layout")
  local t = tokens("规章", "1", "2")
  t[2].x1 = 2.5
  eq(nil, layout(t), "a place not a whole number: no layout")
end)

test("pages of one layout are each bound to their own values, and as the first was", function()
  local first = nianbao.engine:bind_bytes(HEAD .. t2 { 1, "", 11, 8, 26, 66 } .. TAIL, "first.html")
  eq("number:66", cell(first, "t2.nrm.valid"), "the first page's value")
  local seed = 7
  for round = 1, 20 do
    local values = {}
    for i = 1, 6 do
      seed = (seed * 1103515245 + 12345) % 2147483648
      values[i] = tostring(seed % 5000)
    end
    local R = nianbao.engine:bind_bytes(HEAD .. t2(values) .. TAIL, "page" .. round .. ".html")
    for i, id in ipairs(IDS) do eq("number:" .. values[i], cell(R, id), id .. ", round " .. round) end
  end
  local again = nianbao.engine:bind_bytes(HEAD .. t2 { 1, "", 11, 8, 26, 66 } .. TAIL, "again.html")
  for _, id in ipairs(IDS) do eq(cell(first, id), cell(again, id), id .. " bound again") end
  eq(#first.diagnostics, #again.diagnostics, "findings bound again")
end)

test("a table whose binding made a finding makes it at every page of its layout", function()
  local function duplicates(R)
    local n = 0
    for _, d in ipairs(R.diagnostics) do if d.kind == "duplicate" then n = n + 1 end end
    return n
  end
  for round = 1, 3 do
    local R = nianbao.engine:bind_bytes(HEAD .. t2({ 1, 2, 3, 4, 5, round }, "规章") .. TAIL, "dup" .. round .. ".html")
    eq(1, duplicates(R), "the repeated row, round " .. round)
    -- (printed again with other numbers: a copy, the cells the two differ in unknown)
    eq("unknown:1 | 4", cell(R, "t2.reg.made"), "the row's two copies, round " .. round)
    eq("unknown:2 | 5", cell(R, "t2.reg.repealed"), "the row's two copies, round " .. round)
    eq(round == 3 and "number:3" or "unknown:3 | " .. round, cell(R, "t2.reg.valid"), "a cell they agree in is read, round " .. round)
  end
end)

-- the same table printed as text: a stream of labels and values
local HEADT = "某市统计局2024年政府信息公开工作年度报告\n一、总体情况\n本年度工作。\n二、主动公开政府信息情况\n"
local TAILT = "三、收到和处理政府信息公开申请情况\n"
local function text_page(v, unit, before)
  return HEADT .. (before or "") .. "第二十条第（一）项\n信息内容  本年制发件数  本年废止件数  现行有效件数\n"
    .. "规章  " .. v[1] .. (unit or "") .. "  " .. v[2] .. "  " .. v[3]
    .. "\n行政规范性文件  " .. v[4] .. "  " .. (v[5] or "") .. "  " .. (v[6] or "") .. "\n"
    .. "第二十条第（五）项\n信息内容  本年处理决定数量\n行政许可  296\n"
    .. "第二十条第（六）项\n信息内容  本年处理决定数量\n行政处罚  17\n行政强制  1\n"
    .. "第二十条第（八）项\n信息内容  本年收费金额（单位：万元）\n行政事业性收费  0\n" .. TAILT
end

test("a table's layout as a stream holds its labels and lines, from its first, but not its values' texts", function()
  local F = nianbao.engine:pack("gb2021").format
  local function tokens(line, label, v)
    return {
      { kind = "cell", text = label, line = line, col = 1 },
      { kind = "cell", text = v, line = line, col = 5, derived = true },
      { kind = "cell", text = "件", line = line + 1, col = 1, derived = true },
    }
  end
  local function layout(t) return core.stream_layout(t, nil, tables.value_state, F) end
  local a = layout(tokens(3, "规章", "12"))
  eq("string", type(a), "a layout")
  eq(a, layout(tokens(3, "规章", "7")), "another value, the same layout")
  eq(a, layout(tokens(40, "规章", "7")), "the table lines further down, the same layout")
  eq(false, a == layout(tokens(3, "规范性文件", "12")), "another label, another layout")
  eq(false, a == layout(tokens(3, "规章", "十二")), "a text where a value was, another layout")
  local t = tokens(3, "规章", "12")
  t[3].line = 3
  eq(false, a == layout(t), "the unit on the value's line: another layout")
  t = tokens(3, "规章", "12")
  t[2].derived = nil
  eq(false, a == layout(t), "a cell of the page for one cut from a line: another layout")
  t = tokens(3, "规章", "12")
  t[1].grid, t[1].row = 1, 1
  eq(nil, layout(t), "a token of a grid: no layout")
end)

test("text pages of one layout are each bound to their own values and units", function()
  local seed = 11
  for round = 1, 12 do
    local values = {}
    for i = 1, 6 do
      seed = (seed * 1103515245 + 12345) % 2147483648
      values[i] = tostring(seed % 5000)
    end
    local unit = round % 2 == 0 and " 件" or nil
    -- the table a few lines further down every third page
    local before = round % 3 == 0 and "本年度工作。\n本年度工作。\n" or nil
    local R = nianbao.engine:bind_bytes(text_page(values, unit, before), "page" .. round .. ".txt")
    for i, id in ipairs(IDS) do
      local want = "number:" .. values[i] .. (i == 1 and unit and "件" or "")
      eq(want, cell(R, id), id .. ", round " .. round)
    end
    eq(unit and 1 or 0, #R.units, "the unit read, round " .. round)
  end
end)

test("a row read short makes its finding at every page of its layout, with that page's values", function()
  for round = 1, 3 do
    local R = nianbao.engine:bind_bytes(text_page { 1, 2, 3, round * 10 }, "short" .. round .. ".txt")
    local found
    for _, d in ipairs(R.diagnostics) do if d.kind == "short" then found = d end end
    eq(true, found ~= nil, "the short row said, round " .. round)
    has(found.text, tostring(round * 10), "the page's own value, round " .. round)
    eq("number:1", cell(R, "t2.reg.made"), "the whole row, round " .. round)
  end
end)

test("report:read of a plan's packed cells sets each cell as from its ids and the tokens gathered in order", function()
  local F = nianbao.engine:pack("gb2021").format
  local ids = { "a", "b", "c", "d" }
  local schema = nianbao.schema()
  for _, id in ipairs(ids) do schema:add(id) end
  local function fresh() return nianbao.report(schema) end
  local tokens = {
    { text = "表头", line = 1, col = 1 }, { text = "12", line = 2, col = 3, offset = 40 },
    { text = "3.5", line = 2, col = 7, unit = "万元" }, { text = "—", line = 3, col = 2 },
    { text = "", line = 3, col = 9 }, { text = "12345678901234567890123", line = 4, col = 1 },
  }
  local at = { 6, 2, 4, 3 }
  local gathered, packed = {}, {}
  for k, i in ipairs(at) do
    gathered[k] = tokens[i]
    packed[k] = string.pack("<I4I4", schema:find(ids[k]), i)
  end
  local a, d = fresh(), fresh()
  local units_a, units_d = {}, {}
  a:read(ids, gathered, F, tables.value_state, nil, units_a)
  d:read(table.concat(packed), tokens, F, tables.value_state, nil, units_d)
  for _, id in ipairs(ids) do
    local x, y = a:get(id), d:get(id)
    for _, k in ipairs { "state", "value", "text", "line", "col", "offset" } do eq(x[k], y[k], id .. " " .. k) end
  end
  eq(1, #units_d, "the unit listed")
  eq(units_a[1].id, units_d[1].id, "its cell named by its id")
  eq(units_a[1].text, units_d[1].text, "its text")
  eq(false, pcall(d.read, d, "1234567", tokens, F, tables.value_state, nil, {}), "a pair cut short")
  eq(false, pcall(d.read, d, string.pack("<I4I4", 9, 1), tokens, F, tables.value_state, nil, {}), "a place past the schema's")
  eq(false, pcall(d.read, d, string.pack("<I4I4", 1, 99), tokens, F, tables.value_state, nil, {}), "a token past the list's")
end)

test("flat tables of one layout are each bound to their own values, and a short one said short at every page", function()
  local t4 = JIUQU:find("|||||\n0 |\n", 1, true)
  assert(t4, "the example's table 4 row")
  local before = JIUQU:sub(1, t4 + #"|||||\n" - 1)
  local after = JIUQU:sub(t4 + #"|||||\n" + 15 * #"0 |\n")
  local function page(values)
    local lines = {}
    for i, v in ipairs(values) do lines[i] = v .. " |\n" end
    return before .. table.concat(lines) .. after
  end
  local seed = 5
  for round = 1, 6 do
    local values = {}
    for i = 1, 15 do
      seed = (seed * 1103515245 + 12345) % 2147483648
      values[i] = tostring(seed % 900)
    end
    local R = nianbao.engine:bind_bytes(page(values), "flat" .. round .. ".txt")
    local F = require("report").format_of(R)
    local T
    for _, x in ipairs(F.tables) do if x.flat then T = x end end
    for i = 1, 15 do eq("number:" .. values[i], cell(R, T.cells[i]), "value " .. i .. ", round " .. round) end
  end
  for round = 1, 3 do
    local values = {}
    for i = 1, 14 do values[i] = tostring(round * 100 + i) end
    local R = nianbao.engine:bind_bytes(page(values), "flatshort" .. round .. ".txt")
    local short
    for _, d in ipairs(R.diagnostics) do if d.kind == "short" and d.text:find(tostring(round * 100 + 1), 1, true) then short = d end end
    eq(true, short ~= nil, "the short row said with its own values, round " .. round)
  end
end)

test("digits alone are a value in a layout, as value_state says, with a memo of states or without", function()
  local F = nianbao.engine:pack("gb2021").format
  local function tokens(v) return { { kind = "cell", text = "规章", line = 1 }, { kind = "cell", text = v, line = 1, derived = true } } end
  for _, digits in ipairs { "0", "12", "007", "12345678901234567890123" } do
    eq("number", (tables.value_state(F, digits)), digits .. " a number")
    for _, known in ipairs { false, true } do
      local memo = known and {} or nil
      eq(core.stream_layout(tokens("5"), memo, tables.value_state, F),
         core.stream_layout(tokens(digits), memo, tables.value_state, F), digits .. " as any number")
    end
  end
  local text = core.stream_layout(tokens("5"), nil, tables.value_state, F)
  eq(false, text == core.stream_layout(tokens("5a"), nil, tables.value_state, F), "digits and a letter: no number")
  eq(false, text == core.stream_layout(tokens(""), nil, tables.value_state, F), "no digits: a blank")
end)
