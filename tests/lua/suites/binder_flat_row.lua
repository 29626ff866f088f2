-- Table 4 printed as one unlabelled row of values (a flat table): each
-- value in its cell in grid order, a marker a marker, a number with its
-- unit a number (the unit listed), digits too long for a number a text.

test("a flat table's row: every value in its cell in order, as a number, a marker, a text or with its unit", function()
  local bytes = JIUQU
  local t4 = bytes:find("|||||\n0 |\n", 1, true)
  assert(t4, "the example's table 4 row")
  local values = { "1", "/", "3", "0", "4件", "5", "6", "7", "8", "26", "12345678901234567890123", "0", "0", "0", "1" }
  local lines = {}
  for i, v in ipairs(values) do lines[i] = v .. " |\n" end
  local before = bytes:sub(1, t4 + #"|||||\n" - 1)
  local after = bytes:sub(t4 + #"|||||\n" + 15 * #"0 |\n")
  local R = nianbao.engine:bind_bytes(before .. table.concat(lines) .. after, "flat.txt")
  local F = require("report").format_of(R)
  local T
  for _, x in ipairs(F.tables) do if x.flat then T = x end end
  local function cell(id) local c = R.c:get(id); return c.state .. ":" .. tostring(c.value) .. ":" .. (c.text or "") end
  eq("number:1:1", cell(T.cells[1]), "the first value")
  eq("marker:nil:/", cell(T.cells[2]), "a marker")
  eq("number:4:4件", cell(T.cells[5]), "a number with its unit")
  eq("text:nil:12345678901234567890123", cell(T.cells[11]), "digits too long for a number: a text")
  eq("number:1:1", cell(T.cells[15]), "the last value")
  local unit
  for _, u in ipairs(R.units) do if u.id == T.cells[5] then unit = u end end
  assert(unit, "the unit listed")
  eq("件", unit.unit, "its unit")
  eq("4件", unit.text, "its text")
end)
