-- A report's cells set in C, each method against the Lua path it stands in
-- for: report:hold_bytes (the spool's reports restored) against
-- marshal.apply of report.set, and report:copy_cells (last year's cells as
-- this year's prev.*) against a get and a set an id.

local marshal = nianbao.marshal
local FIELDS = { "state", "value", "text", "line", "col", "offset" }

local function schema_of(ids)
  local s = nianbao.schema()
  for _, id in ipairs(ids) do s:add(id, "money") end
  return s
end

-- every field of every cell of two reports over the same ids alike
local function same_cells(want, got, ids, what)
  for _, id in ipairs(ids) do
    local a, b = want:get(id), got:get(id)
    for _, k in ipairs(FIELDS) do eq(a[k], b[k], what .. ": " .. id .. " " .. k) end
  end
end

local IDS = { "t.a", "t.b", "t.c", "t.d", "t.e", "t.f", "t.g", "t.h" }

local function sample(s)
  local r = nianbao.report(s)
  r:set("t.d", "number", "12.50", "12.50", 4, 3, 77)
  r:set("t.b", "blank", nil, "", 2, 1, 9)
  r:set("t.e", "missing", nil, "见附件", 9, 1, 120)
  r:set("t.a", "number", 7)
  r:set("t.f", "number", -3, "-3", 11, 2, 300)
  r:set("t.g", "text", nil, "不适用\1")
  r:set("t.h", "number", math.mininteger, nil, 4294967295, 4294967295, math.maxinteger)
  return r
end

-- restore bytes both ways into new reports: the same outcome, the same cells
local function both(s, bytes, what)
  local by_lua, by_c = nianbao.report(s), nianbao.report(s)
  local ok1, err1 = pcall(marshal.apply, bytes, by_lua.set, by_lua, 7)
  local ok2, err2 = pcall(by_c.hold_bytes, by_c, bytes)
  eq(ok1, ok2, what .. ": fails alike")
  eq(err1, err2, what .. ": the same error")
  same_cells(by_lua, by_c, IDS, what)
  return ok2, err2
end

test("report:hold_bytes sets the cells held_bytes wrote, as marshal.apply of set does", function()
  local s = schema_of(IDS)
  local r = sample(s)
  local copy = nianbao.report(s)
  copy:hold_bytes(r:held_bytes())
  same_cells(r, copy, IDS, "restored")
  eq("不适用?", copy:get("t.g").text, "the text as set made it printable")
  both(s, r:held_bytes(), "held_bytes")
  both(s, nianbao.report(s):held_bytes(), "nothing held")
  -- cells of other shapes than held_bytes writes take set's way, alike
  local odd = {
    { { "t.a", "number", 5 } },                                -- short
    { { "t.a", "number", 5, "5", 1, 2, 3, "past n" } },        -- long
    { { "t.a", "number", "5.0", 5, 1.0, 2, 3 } },              -- text a number, a float place
    { { "t.a", "blank", 1.5, nil, "3", nil, nil } },           -- a place as a string
    { setmetatable({}, nil) },                                  -- nothing at all
    { { [7] = 3, [1] = "t.c", [2] = "marker" } },
    { { "t.a", "number", 1.5 } },                              -- not an exact number
    { { "t.a", "number", "1e3" } },
    { { "t.a", "number", nil } },
    { { "t.a", "numbers" } },
    { { "t.a", "number\0x", 4 } },
    { { "t.a\0x", "blank" } },
    { { "t.z", "blank" } },                                    -- no such cell
    { { "t.a", "blank", nil, nil, -1 } },
    { { "t.a", "blank", nil, nil, 1, 4294967296 } },
    { { "t.a", "blank", nil, "a\0b" } },
    { { "t.a", "blank", {} } },
    { { string.rep("t", 300), "blank" } },
    { { "t.b", "text", nil, "b" }, "not a table" },
  }
  for i, list in ipairs(odd) do both(s, marshal.encode(list), "odd " .. i) end
  local n = nianbao.report(s)
  n:hold_bytes(marshal.encode(odd[3]))
  eq("5", n:get("t.a").text, "a number as text, as set takes it")
  local ok, err = pcall(n.hold_bytes, n, marshal.encode(odd[13]))
  eq(false, ok, "an id not in the schema")
  has(err, "t.z", "the id named")
  -- an id the schema gained after the report was made has no cell in it
  local old = nianbao.report(s)
  s:add("t.late")
  local late = marshal.encode { { "t.late", "blank" } }
  local ok1, err1 = pcall(marshal.apply, late, old.set, old, 7)
  ok, err = pcall(old.hold_bytes, old, late)
  eq(false, ok, "a cell made after the report")
  eq(err1, err, "the same error")
end)

test("report:hold_bytes: corrupt bytes are an error as apply's, never a crash", function()
  local s = schema_of(IDS)
  local bytes = sample(s):held_bytes()
  local fails = 0
  for n = 0, #bytes - 1 do
    local ok, err = both(s, bytes:sub(1, n), "cut at " .. n)
    eq(false, ok, "cut at " .. n)
    has(err, "marshal:", "cut at " .. n)
  end
  eq(false, (both(s, bytes .. "n", "trailing")), "a trailing byte")
  for at = 1, #bytes do
    for _, b in ipairs { 0, 1, 6, 7, 8, 0x7F, 0x80, 0xFF, ("T"):byte(), ("s"):byte(), ("i"):byte(),
                         ("n"):byte(), ("d"):byte() } do
      local bad = bytes:sub(1, at - 1) .. string.char(b) .. bytes:sub(at + 1)
      if not both(s, bad, "byte " .. at .. " as " .. b) then fails = fails + 1 end
    end
  end
  eq(true, fails > #bytes, "most changed bytes are refused")
end)

-- what scripts/pipeline/years.lua did before copy_cells
local function copy_by_lua(c, ids, from)
  for _, id in ipairs(ids) do
    local ok, cell = pcall(from.get, from, id)
    if ok then c:set("prev." .. id, cell.state, cell.value, cell.text, cell.line, cell.col, cell.offset) end
  end
end

test("report:copy_cells copies another report's cells under a prefix, as a get and a set an id", function()
  local from_s = schema_of(IDS)
  local from = sample(from_s)
  from_s:add("t.late")                   -- in the schema, no cell in `from`
  from:set("t.c", "unknown", nil, nil, 0, 5, 6)                  -- a place without a line
  local ids = { "t.a", "t.b", "t.c", "t.d", "t.e", "t.f", "t.g", "t.h", "t.other", "t.late", 5 }
  local to_ids = { "x" }
  for _, id in ipairs(IDS) do to_ids[#to_ids + 1] = "prev." .. id end
  to_ids[#to_ids + 1] = "prev.t.other"
  local to_s = schema_of(to_ids)
  local by_lua, by_c = nianbao.report(to_s), nianbao.report(to_s)
  by_lua:set("prev.t.other", "number", 9)
  by_c:set("prev.t.other", "number", 9)
  copy_by_lua(by_lua, ids, from)
  by_c:copy_cells(from, ids, "prev.")
  same_cells(by_lua, by_c, to_ids, "copied")
  eq(9, by_c:get("prev.t.other").value, "an id `from` lacks is left as it was")
  eq("12.50", by_c:get("prev.t.d").value, "an exact decimal")
  eq(nil, by_c:get("prev.t.c").col, "no col without a line, as get gives")
  -- a prefixed id the report lacks: set's error, after the ids before it
  local short_s = schema_of { "prev.t.a" }
  local a, b = nianbao.report(short_s), nianbao.report(short_s)
  local ok1, err1 = pcall(copy_by_lua, a, { "t.a", "t.b" }, from)
  local ok2, err2 = pcall(b.copy_cells, b, from, { "t.a", "t.b" }, "prev.")
  eq(false, ok2, "prev.t.b is no cell")
  eq(ok1, ok2, "fails alike")
  has(err1, err2, "the same error (set's names the Lua line)")
  same_cells(a, b, { "prev.t.a" }, "the cell before the error")
  -- a report copied into itself under no prefix stays as it is
  local self = sample(schema_of(IDS))
  self:copy_cells(self, IDS, "")
  same_cells(sample(schema_of(IDS)), self, IDS, "itself")
end)

test("marshal: the bytes of a list, an integer, a string and nil as the spool has them", function()
  eq("T\2\0\0\0\0i\2s\1a", marshal.encode { 1, "a" }, "a list of an integer and a string")
  eq("i\1", marshal.encode(-1), "a negative integer, zigzag")
  eq("i\128\1", marshal.encode(64), "two bytes of varint")
  local long = string.rep("x", 300)
  eq("s\172\2" .. long, marshal.encode(long), "a string past 127 bytes")
  local r = nianbao.report(schema_of { "a", "b" })
  r:set("b", "number", "-1.25", "x", 1, 2, 3)
  eq("T\1\0\0\0\0" .. "T\7\0\0\0\0" .. "s\1b" .. "s\6number" .. "s\5-1.25" .. "s\1x" .. "i\2i\4i\6",
     r:held_bytes(), "a held cell")
  r:set("b", "blank")
  eq("T\1\0\0\0\0" .. "T\7\0\0\0\0" .. "s\1b" .. "s\5blank" .. "nnnnn", r:held_bytes(), "nil written out")
end)

test("report:dump and load give back the cells held_bytes and hold_bytes do, in this schema only", function()
  local s = schema_of(IDS)
  local r = sample(s)
  local by_held, by_dump = nianbao.report(s), nianbao.report(s)
  by_held:hold_bytes(r:held_bytes())
  by_dump:load(r:dump())
  same_cells(by_held, by_dump, IDS, "dump")
  same_cells(r, by_dump, IDS, "dump against the report")
  local none = nianbao.report(s)
  none:load(nianbao.report(s):dump())
  same_cells(nianbao.report(s), none, IDS, "nothing held")
  -- the same ids in another order: the indices mean other cells, refused
  local back = {}
  for i = #IDS, 1, -1 do back[#back + 1] = IDS[i] end
  local other = nianbao.report(schema_of(back))
  local ok, err = pcall(other.load, other, r:dump())
  eq(false, ok, "another schema")
  has(err, "report:load", "said by load")
  -- a report made before its schema grew loads what one of its time dumped
  local before = nianbao.report(s)
  s:add("t.later")
  local young = nianbao.report(s)
  before:load(r:dump())
  same_cells(r, before, IDS, "made before the schema grew")
  eq(false, (pcall(young.load, young, r:dump())), "a report of more cells")
  -- cut short, a byte past, any byte changed: an error or cells, never a crash
  local bytes = r:dump()
  for n = 0, #bytes - 1 do
    local x = nianbao.report(s)
    eq(false, (pcall(x.load, x, bytes:sub(1, n))), "cut at " .. n)
  end
  eq(false, (pcall(nianbao.report(s).load, nianbao.report(s), bytes .. "\0")), "a trailing byte")
  for at = 1, #bytes do
    for _, b in ipairs { 0, 1, 7, 0x20, 0x7F, 0x80, 0xFF } do
      local x = nianbao.report(s)
      pcall(x.load, x, bytes:sub(1, at - 1) .. string.char(b) .. bytes:sub(at + 1))
    end
  end
end)

test("report:copy_map does what copy_cells does, by a cell_map of the same schemas, else nothing", function()
  local from_s = schema_of(IDS)
  local from = sample(from_s)
  from:set("t.c", "unknown", nil, nil, 0, 5, 6)
  local ids = { "t.a", "t.b", "t.c", "t.d", "t.e", "t.f", "t.g", "t.h", "t.other", 5, true }
  local to_ids = { "x" }
  for _, id in ipairs(IDS) do to_ids[#to_ids + 1] = "prev." .. id end
  local to_s = schema_of(to_ids)
  local map = nianbao.report(to_s):cell_map(from, ids, "prev.")
  local by_copy, by_map = nianbao.report(to_s), nianbao.report(to_s)
  by_copy:copy_cells(from, ids, "prev.")
  eq(true, by_map:copy_map(from, map, "prev.", ids), "done")
  same_cells(by_copy, by_map, to_ids, "by the map")
  -- the map of one pair of schemas is for every report of them
  local other_from = nianbao.report(from_s)
  other_from:set("t.b", "number", 3, "3", 1, 1, 1)
  local again, again_copy = nianbao.report(to_s), nianbao.report(to_s)
  eq(true, again:copy_map(other_from, map, "prev.", ids), "another report of the schemas")
  again_copy:copy_cells(other_from, ids, "prev.")
  same_cells(again_copy, again, to_ids, "another report")
  -- not for these: nothing done, false
  local untouched = nianbao.report(to_s)
  eq(false, untouched:copy_map(from, map, "next.", ids), "another prefix")
  eq(false, untouched:copy_map(from, map, "prev.", { "t.a" }), "another list")
  eq(false, untouched:copy_map(from, map:sub(1, -2), "prev.", ids), "cut short")
  eq(false, untouched:copy_map(from, "", "prev.", ids), "no map")
  local back = {}
  for i = #IDS, 1, -1 do back[#back + 1] = IDS[i] end
  local reversed = nianbao.report(to_s):cell_map(sample(schema_of(back)), ids, "prev.")
  eq(false, untouched:copy_map(from, reversed, "prev.", ids), "a map of another schema")
  same_cells(nianbao.report(to_s), untouched, to_ids, "nothing done")
  -- a prefixed id the report lacks: left to copy_cells and its error
  local short_s = schema_of { "prev.t.a" }
  local short = nianbao.report(short_s)
  local stopped = short:cell_map(from, { "t.a", "t.b" }, "prev.")
  eq(false, short:copy_map(from, stopped, "prev.", { "t.a", "t.b" }), "copy_cells would raise")
  eq("missing", short:get("prev.t.a").state, "nothing done before")
  -- the schema grown: the map is of the schema as it was; a report of
  -- fewer cells than the map's is left to copy_cells
  local old = nianbao.report(to_s)
  to_s:add("prev.t.late")
  eq(false, old:copy_map(from, map, "prev.", ids), "the schema grew")
  local map2 = nianbao.report(to_s):cell_map(from, ids, "prev.")
  eq(true, nianbao.report(to_s):copy_map(from, map2, "prev.", ids), "a map of it now")
end)
