-- A PDF's text may give a table's values apart from their labels, one a
-- line, row by row or column by column. Rows of one cell each, or a single
-- row, read the same either way; rows of several cells do not, and where
-- both orders agree with every identity the values are left unread.

local E = nianbao.engine
local FIXTURE = "tests/fixtures/convert23/c2-pdf-columns.txt"

test("表二's rows given column by column are unread, never placed row by row", function()
  local R = assert(E:read(FIXTURE))
  for _, id in ipairs { "t2.reg.made", "t2.reg.repealed", "t2.reg.valid", "t2.nrm.made", "t2.nrm.repealed", "t2.nrm.valid" } do
    assert(R.c:state(id) ~= "number", id .. " read as " .. tostring(R:cell(id).value))
  end
  local found = rules_found(FIXTURE)
  assert(not found:find("gb2021.txt.t2", 1, true), "the prose said to differ from a guess:" .. found)
  assert(not found:find("reg_no_power", 1, true), "a guess said to be a 规章:" .. found)
end)

test("the same values printed row by row are unread too: the order cannot be told", function()
  local page = assert(nbio.readfile(FIXTURE))
  local rows = page:gsub("\n0\n88\n0\n55\n0\n698\n", "\n0\n0\n0\n88\n55\n698\n", 1)
  assert(rows ~= page, "the values put row by row")
  local R = assert(E:read(write("by_order_rows.txt", rows)))
  assert(R.c:state("t2.nrm.made") ~= "number", "88 or 0: not known")
end)

test("values that read the same either way are read", function()
  local page = assert(nbio.readfile(FIXTURE))
  local zeros = page:gsub("\n0\n88\n0\n55\n0\n698\n", "\n0\n0\n0\n0\n0\n0\n", 1)
  local R = assert(E:read(write("by_order_zeros.txt", zeros)))
  eq(0, R:cell("t2.nrm.made").value, "行政规范性文件 本年制发")
  eq(0, R:cell("t2.reg.valid").value, "规章 现行有效")
end)

test("表三's labels, then its values column by column: unread, not missing", function()
  local R = assert(E:read(FIXTURE))
  for _, id in ipairs { "t3.new.np", "t3.result.public.biz", "t3.result.total.total" } do
    eq("unknown", R.c:state(id), id)
  end
  local found = rules_found(FIXTURE)
  assert(not found:find("row_missing", 1, true), "rows said missing:" .. found)
end)
