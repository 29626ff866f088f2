-- pandoc's plain multiline tables and rst grid tables wrap a cell's text
-- over the lines of its row: a multiline table's row ends at a blank
-- line, a grid table's at a +---+ border. Each row is read as one, its
-- cells' pieces joined, so its label names it; a wrong number in it is
-- then said as such, not as rows missing.

local E = nianbao.engine
local PLAIN = "tests/fixtures/convert23/c7-pandoc-plain.txt"
local GRID = "tests/fixtures/convert23/c8-pandoc-rst.txt"

test("a multiline table's wrapped rows are read by their labels, on their first lines", function()
  eq(0, #assert(nianbao.check(PLAIN)), "no finding (the rows are not read by the format's order)")
  local R = assert(E:read(PLAIN))
  eq(64, R:cell("t3.new.np").value, "一、 自然人")
  eq(63, R:cell("t3.new.np").line, "the row's first line")
  eq(1, R:cell("t3.next.total").value, "四、 总计")
end)

test("a wrong number in a multiline table is said, and no row is missing", function()
  local page = assert(nbio.readfile(PLAIN))
  local wrong = page:gsub("(  四、结转下 +)1( +0 +0 +0 +0 +0 +)1", "%12%22", 1)
  assert(wrong ~= page, "a number changed")
  local found = rules_found(write("pandoc_plain_wrong.txt", wrong))
  has(found, "gb2021.t3.balance", "the balance")
  assert(not found:find("row_missing", 1, true), "rows said missing:" .. found)
end)

test("a grid table's wrapped rows are read by their labels", function()
  eq(0, #assert(nianbao.check(GRID)), "no finding")
  local page = assert(nbio.readfile(GRID))
  local wrong = page:gsub("(| 四、结转 | +| +| )0(      | 0      | 0      | 0      | 0      | 0      | )0", "%11%21", 1)
  assert(wrong ~= page, "a number changed")
  local found = rules_found(write("pandoc_grid_wrong.txt", wrong))
  has(found, "gb2021.t3.balance", "the balance")
  assert(not found:find("row_missing", 1, true), "rows said missing:" .. found)
end)
