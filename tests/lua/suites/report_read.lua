-- report:read sets a row of cells from the binder's tokens in one call:
-- each cell as the binder set it one by one with report:set (the state
-- the memo holds, else value_state's; digits too long for a number kept
-- as a text; a unit printed after a value added to its text and listed).

local function fresh(ids)
  local s = nianbao.schema()
  for _, id in ipairs(ids) do s:add(id) end
  return nianbao.report(s)
end

-- the binder's way before report:read: one report:set a cell
local function set_one_by_one(r, units, F, value_state, known, id, b)
  local text = b.text
  local hit = known and known[text]
  local state, v, unit
  if hit then state, v, unit = hit[1], hit[2], hit[3]
  else state, v, unit = value_state(F, text) end
  if state == "number" and v == nil then state = nil end
  local printed = b.unit
  unit = unit or printed
  local full = printed and text .. printed or text
  r:set(id, state or "text", v, full, b.line, b.col, b.offset)
  if unit then units[#units + 1] = { id = id, unit = unit, text = full, line = b.line, col = b.col } end
end

local function same_cells(ids, a, b)
  for _, id in ipairs(ids) do
    local x, y = a:get(id), b:get(id)
    for _, k in ipairs { "state", "value", "text", "line", "col", "offset" } do
      eq(x[k], y[k], id .. " " .. k)
    end
  end
end

local function same_units(a, b)
  eq(#a, #b, "units listed")
  for i = 1, #a do
    for _, k in ipairs { "id", "unit", "text", "line", "col" } do eq(a[i][k], b[i][k], "unit " .. i .. " " .. k) end
  end
end

test("report:read: each kind of value set as report:set set it one by one, its units listed alike", function()
  local F = { units = { "元", "件" } }
  local asked = {}
  -- a stand-in for tables.value_state: what it is asked is what the memo lacks
  local function value_state(f, text)
    eq(F, f, "the format passed on")
    asked[#asked + 1] = text
    if text == "" then return "blank" end
    if text:match("^%d%d%d%d%d%d%d%d%d%d%d%d%d%d%d%d%d%d%d%d+$") then return "number", nil end
    if text:match("^%d+$") then return "number", tonumber(text) end
    if text:match("^%d+%.%d+$") then return "number", text end
    if text:match("^%d+元$") then return "number", tonumber(text:match("%d+")), "元" end
    if text == "/" then return "marker" end
    return nil
  end
  local known = {
    ["7"] = { "number", 7 }, ["—"] = { "marker" }, ["收费"] = {}, ["3件"] = { "number", 3, "件" },
  }
  local tokens = {
    { text = "7", line = 3, col = 4, offset = 20 },
    { text = "—", line = 3, col = 6, offset = 22 },
    { text = "收费", line = 4, col = 1, offset = 30 },
    { text = "3件", line = 4, col = 5, offset = 40 },
    { text = "12", line = 5, col = 1, offset = 50 },
    { text = "1.50", line = 5, col = 3, offset = 52 },
    { text = "", line = 5, col = 8 },
    { text = "/", line = 6, col = 1, offset = 60 },
    { text = "25元", line = 6, col = 3, offset = 62 },
    { text = "738028", unit = "元", line = 7, col = 1, offset = 70 },
    { text = "123456789012345678901234", line = 8, col = 1, offset = 80 },
    { text = "其他", unit = "件", line = 9.0, col = "2", offset = 90 },
    { text = "ab\0cd", line = 10, col = 1, offset = 99 },
  }
  local ids = {}
  for i = 1, #tokens do ids[i] = "t.c" .. i end
  local want, got = fresh(ids), fresh(ids)
  local want_units, got_units = { { id = "before" } }, { { id = "before" } }
  for i = 1, #tokens do set_one_by_one(want, want_units, F, value_state, known, ids[i], tokens[i]) end
  local asked_one_by_one = #asked
  asked = {}
  got:read(ids, tokens, F, value_state, known, got_units)
  same_cells(ids, want, got)
  same_units(want_units, got_units)
  eq(asked_one_by_one, #asked, "value_state asked of the texts the memo lacks, once each")
  eq("text", got:get("t.c11").state, "too many digits: kept as a text")
  eq("738028元", got:get("t.c10").text, "a unit printed after the value: in its text")
  -- no memo at all: value_state for every text
  local bare, bare_units = fresh(ids), {}
  asked = {}
  bare:read(ids, tokens, F, value_state, nil, bare_units)
  eq(#tokens, #asked, "every text asked without a memo")
end)

test("report:read: a cell not of the format, a token without text: errors, as report:set", function()
  local r = fresh { "t.a" }
  local vs = function() return nil end
  local ok, err = pcall(r.read, r, { "t.nope" }, { { text = "1" } }, {}, vs, nil, {})
  eq(false, ok, "an id not of the format")
  has(err, 'no cell "t.nope" in the format', "its error")
  ok, err = pcall(r.read, r, { "t.a" }, { { line = 1 } }, {}, vs, nil, {})
  eq(false, ok, "a token without a text")
  has(err, "has no text", "its error")
  ok, err = pcall(r.read, r, { "t.a" }, { { text = "1", line = -1 } }, {}, vs, nil, {})
  eq(false, ok, "a negative line")
  has(err, "place out of range", "its error")
end)
