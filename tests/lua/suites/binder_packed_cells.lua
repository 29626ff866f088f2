-- A plan's cells are packed as pairs of 32-bit places, each cell's place in
-- the schema and its value's among the tokens, in the order the cells were
-- set: whether packed at once or (past many values) one by one.

local tables = require "tables"

local function one_by_one(schema, ids, values, index_of)
  local out = {}
  for k = 1, #values do out[k] = string.pack("<I4I4", schema:find(ids[k]), index_of[values[k]]) end
  return table.concat(out)
end

test("a plan's cells packed as its pairs one by one, for any count of values", function()
  local schema = nianbao.schema()
  for i = 1, 5000 do schema:add("c" .. i) end
  local F = { schema = schema }
  for _, n in ipairs { 0, 1, 2, 7, 256, 257, 4096, 4097, 5000 } do
    local ids, values, index_of = {}, {}, {}
    for k = 1, n do
      -- cells in no order of the schema's, tokens in none of the cells'
      ids[k] = "c" .. ((k * 7919) % 5000 + 1)
      values[k] = { text = tostring(k) }
      index_of[values[k]] = (k * 104729) % 65536 + 70000
    end
    local packed = tables.packed_cells(F, ids, values, index_of)
    eq(8 * n, #packed, n .. " values: eight bytes each")
    eq(one_by_one(schema, ids, values, index_of), packed, n .. " values: the same pairs")
    eq(packed, tables.packed_cells(F, ids, values, index_of), n .. " values: the same again (the format kept)")
  end
  -- more ids than values (a flat table's cells, some of them read): the values' alone
  local ids, values, index_of = { "c3", "c1", "c2" }, { {}, {} }, {}
  index_of[values[1]], index_of[values[2]] = 5, 9
  eq(string.pack("<I4I4I4I4", 3, 5, 1, 9), tables.packed_cells(F, ids, values, index_of), "the ids past the values left out")
  -- a cell the schema lacks, or a value no token: no plan made of it
  eq(false, (pcall(tables.packed_cells, F, { "nope" }, values, index_of)), "an id not in the schema")
  eq(false, (pcall(tables.packed_cells, F, ids, { {} }, index_of)), "a value not among the tokens")
end)
