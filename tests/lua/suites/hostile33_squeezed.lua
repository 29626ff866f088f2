-- Pandoc's HTML of a city's report printed by Chromium, its label columns
-- squeezed, through pdftotext -layout: a caption's start word wrapped over
-- two lines (表二's 第二十 / 条第（一）项) starts the table on the first (its
-- rows were left out, 规章 said missing); a row's label wrapped around its
-- values (一、本年新 3001 … / 收政府信息) starts 表三 on it; 表三 with a 小计
-- column (every line one value longer) is read by the format's order
-- without the column its own sums prove; a table some of whose numbers
-- found no place says none of its rows missing.

local E = nianbao.engine
local DIR = "tests/fixtures/hostile33/"
local C1 = DIR .. "c1-city-chromium-squeezed.layout.txt"
local C2 = DIR .. "c2-city-chromium-subtotal-column.layout.txt"
local C3 = DIR .. "unread/c3-city-chromium-subtotal-header-footer.layout.txt"

test("hostile33: a caption's start word wrapped over two lines starts the table on the first", function()
  local R = assert(E:read(C1))
  eq(1, R:cell("t2.reg.made").value, "表二 规章 本年制发")
  eq(66, R:cell("t2.nrm.valid").value, "表二 行政规范性文件 现行有效")
  eq(3001, R:cell("t3.new.np").value, "表三 一、本年新收 自然人")
  local found = rules_found(C1)
  assert(not found:find("struct.row_missing", 1, true), found)
end)

test("hostile33: 表三 with a 小计 column, its labels wrapped around its values, read without the column", function()
  local R = assert(E:read(C2))
  eq(3001, R:cell("t3.new.np").value, "一、本年新收 自然人")
  eq(4, R:cell("t3.new.other").value, "一、本年新收 其他, not the 小计 118")
  eq(3119, R:cell("t3.new.total").value, "一、本年新收 总计")
  eq(454, R:cell("t3.result.partial.total").value, "（二）部分公开 总计")
  eq(3050, R:cell("t3.result.total.total").value, "（七）总计 总计")
  local found = rules_found(C2)
  has(found, "gb2021.struct.col_extra", "the extra column said")
  assert(not found:find("struct.row_missing", 1, true), found)
end)

test("hostile33: a 小计 column whose rows' sums break is read by no order", function()
  local page = assert(nbio.readfile(C2))
  local planted, n = page:gsub("(一、本年新%s+3001%s+53%s+0%s+0%s+61%s+4%s+118%s+)3119", "%13120", 1)
  eq(1, n, "a total changed")
  local R = assert(E:read(write("hostile33_subtotal_planted.txt", planted)))
  eq(false, R.c:state("t3.new.total") == "number" and R:cell("t3.new.total").value == 3120, "the broken total read")
  eq(false, R.c:state("t3.new.other") == "number" and R:cell("t3.new.other").value == 118, "the 小计 read as 其他")
end)

test("hostile33: a print's header and footer between 表三's rows are no row of it, none of its rows missing", function()
  local found = rules_found(C3)
  assert(not found:find("struct.row_missing", 1, true), found)
  assert(not found:find("struct.extra", 1, true), "the page's address read as a row: " .. found)
  assert(not found:find("parse.unplaced", 1, true), "the page's number read as a value: " .. found)
  local R = assert(E:read(C3))
  eq(34, R:cell("t3.carried.total").value, "二、上年结转 总计, the row after the first page's foot")
  eq(3050, R:cell("t3.result.total.total").value, "（七）总计 总计")
end)

test("hostile33: rows run into one another (no -layout) say none of the rows missing whose values they hold", function()
  local C4 = DIR .. "unread/c4-city-chromium-squeezed-raw.txt"
  local found = rules_found(C4)
  assert(not found:find("struct.row_missing", 1, true), found)
  has(found, "gb2021.parse.row_values", "the rows run together said")
end)
