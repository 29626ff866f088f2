-- A table's cell text set at the top of a taller row (a dump with no rules,
-- a PDF's top-aligned cells): a row's values stand on the first line of its
-- label, whose piece there ("5.属于三") names no row yet; a later piece
-- ("类内部事") does. The values are that row's where its label opens with
-- what the item's number began, never the row before's; else unplaced.

local E = nianbao.engine
local TOP = "tests/fixtures/dumps24/d7-plain-top.txt"

local function line_of(page, text)
  local n = 0
  for line in (page .. "\n"):gmatch("([^\n]*)\n") do
    n = n + 1
    if line:find(text, 1, true) then return n end
  end
end

test("values on an item's first label line are its row's, not the row before's", function()
  local page = assert(nbio.readfile(TOP))
  local R = assert(E:read(TOP))
  eq(1, R:cell("t3.result.deny.internal.np").value, "5.属于三类内部事务信息")
  eq(line_of(page, "5.属于三"), R:cell("t3.result.deny.internal.np").line, "on its first line")
  eq(2, R:cell("t3.result.deny.process.np").value, "6.属于四类过程性信息")
  eq(0, R:cell("t3.result.deny.query.np").value, "8.属于行政查询事项")
  eq(37, R:cell("t3.result.unable.nohold.np").value, "（四）1. after a group's cut label")
  eq(2, R:cell("t3.result.other.nocorrect.np").value, "（六）1.")
  eq(nil, R:cell("t3.result.deny.third.np").value, "4.保护第三方合法权益: empty, as printed")
end)

test("values whose later label piece names another row are unplaced, not guessed", function()
  local page = assert(nbio.readfile(TOP))
  -- the piece after 5.'s values names 6.'s row, whose label opens otherwise
  local wrong, n = page:gsub("\n( +)类内部事\n", "\n%1类过程性\n", 1)
  eq(1, n, "a piece changed")
  local path = write("dumps24_top_other.txt", wrong)
  local R = assert(E:read(path))
  eq(nil, R:cell("t3.result.deny.third.np").value, "not the row before's")
  eq(nil, R:cell("t3.result.deny.internal.np").value, "nor the row named by no piece")
  has(rules_found(path), "gb2021.parse.unplaced", "said unplaced")
end)

test("a label's last piece on the line below a row's values is no unit of its total", function()
  local found = rules_found(TOP)
  assert(not found:find("unit_in_cell", 1, true), found)
  -- a unit on the value's own line still is one
  local page = assert(nbio.readfile(TOP))
  local with_unit, n = page:gsub("(5%.属于三 1 .-—    1)\n", "%1 件\n", 1)
  eq(1, n, "a unit added")
  local path = write("dumps24_top_unit.txt", with_unit)
  has(rules_found(path), "gb2021.val.unit_in_cell", "the unit said")
  eq(1, assert(E:read(path)):cell("t3.result.deny.internal.total").value, "the value kept")
end)
