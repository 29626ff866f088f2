-- A revised page that strikes a whole row through (`<tr style="text-decoration:
-- line-through">`) and prints the new row under it: the struck row is the old
-- values, no row of the table; the new one is read.

local E = nianbao.engine
local PATH = "tests/fixtures/hostile25/r2-struck-rows.html"

test("a row struck through whole is no row: the new row under it is read", function()
  local R = assert(E:read(PATH))
  eq(64, R:cell("t3.new.np").value, "自然人 of the new 一、 row")
  eq(70, R:cell("t3.new.total").value, "总计 of the new 一、 row")
  eq(1282, R:cell("t2.penalty.decisions").value, "行政处罚 of the new row")
  local found = rules_found(PATH)
  assert(not found:find("unplaced", 1, true) and not found:find("balance", 1, true), found)
end)

test("a row struck through with no new row is not read: the row is missing, no old value", function()
  local page = assert(nbio.readfile(PATH))
  local alone = page:gsub("\n<tr><td colspan=\"3\">一、本年新收政府信息公开申请数量</td>[^\n]*", "", 1)
  local R = assert(E:read(write("struck_alone.html", alone)))
  assert(R:cell("t3.new.np").value ~= 62, "the struck 62 read")
  assert(R:cell("t3.new.total").value ~= 68, "the struck 68 read")
end)
