-- A 序号 column in a table laid out as text (a browser's innerText: each
-- row's number, a tab, its label, its values): the number comes before the
-- row's label, so it is read as the last value of the row before. Where
-- the numbers count 1, 2, 3 … from the first row on, they are no values.

local E = nianbao.engine
local SEQ = "tests/fixtures/print25/pr6-innertext-seq-units.txt"

test("the rows' own numbers are no values: 表三 read, no column said extra", function()
  local found = rules_found(SEQ)
  assert(not found:find("col_extra", 1, true), found)
  assert(not found:find("parse.unplaced", 1, true), found)
  local R = assert(E:read(SEQ))
  eq(3119, R:cell("t3.new.total").value, "一、本年新收: its total, not the next row's number")
  eq(34, R:cell("t3.carried.total").value, "二、上年结转")
  eq(2, R:cell("t3.result.deny.secret.total").value, "1.属于国家秘密")
end)

test("numbers that do not count on are values: nothing dropped", function()
  local page = assert(nbio.readfile(SEQ))
  -- row 6's number made 9: the numbers no longer count 1, 2, 3 …
  local cut, n = page:gsub("\n6\t\n", "\n9\t\n", 1)
  eq(1, n, "a number changed")
  has(rules_found(write("text26_seq_broken.txt", cut)), "gb2021.struct.col_extra", "the column said again")
end)
