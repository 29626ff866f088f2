-- A PDF's text may give a table's values apart from their labels, one a
-- line, row by row or column by column. Rows of one cell each, or a single
-- row, read the same either way; rows of several cells do not, and where
-- both orders agree with every identity the values are left unread; where
-- only the order column by column does, the values are read so.

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

test("表三's labels, then its values column by column: read so, as only that order agrees with the identities", function()
  local R = assert(E:read(FIXTURE))
  eq(71, R:cell("t3.new.np").value, "一、 自然人")
  eq(3, R:cell("t3.new.biz").value, "一、 商业企业")
  eq(37, R:cell("t3.result.unable.nohold.np").value, "（四）1. 自然人")
  eq(2, R:cell("t3.result.other.misc.biz").value, "（六）3. 商业企业")
  eq(75, R:cell("t3.result.total.total").value, "（七）总计")
  local found = rules_found(FIXTURE)
  assert(not found:find("row_missing", 1, true), "rows said missing:" .. found)
end)

test("表三's values column by column with one changed, so that no order agrees: unread", function()
  local page = assert(nbio.readfile(FIXTURE))
  -- the first column's 71 printed 70: 一、's total no longer holds either way
  local changed = page:gsub("\n71\n1\n21\n", "\n70\n1\n21\n", 1)
  assert(changed ~= page, "a value changed")
  local R = assert(E:read(write("by_order_columns_false.txt", changed)))
  assert(R.c:state("t3.new.biz") ~= "number", "一、 商业企业 not guessed")
end)

test("values apart in an order that cannot be told: the labels' reading of them is not kept either", function()
  local page = assert(nbio.readfile(FIXTURE))
  -- 规章 before the six values, 行政规范性文件 after them: 规章 had them all, and 行政规范性文件 was said missing
  local moved = page:gsub("规章\n行政规范性文件\n0\n88\n0\n55\n0\n698\n", "规章\n0\n88\n0\n55\n0\n698\n行政规范性文件\n", 1)
  assert(moved ~= page, "a label moved")
  local path = write("by_order_label_after.txt", moved)
  local R = assert(E:read(path))
  for _, id in ipairs { "t2.reg.made", "t2.nrm.made", "t2.nrm.valid" } do eq("unknown", R.c:state(id), id) end
  assert(not rules_found(path):find("row_missing", 1, true), "行政规范性文件 said missing")
end)
