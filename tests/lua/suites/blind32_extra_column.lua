-- 表三 printed with a column the format lacks (法人或其他组织's 小计), as a
-- text browser dumps it: every row one value longer than the format's. The
-- value left out is the one whose place, left out of every row, lets each
-- row's own sum hold where no other place does; a table where no place (or
-- more than one) does stays unknown, never read one place off.

local E = nianbao.engine
local D1 = "tests/fixtures/blind32/d1-subtotal-column-w3m.txt"
local D2 = "tests/fixtures/blind32/d2-subtotal-column-zeros-w3m.txt"

test("a 小计 column left out by the rows' own sums: every row read under its header", function()
  local R = assert(E:read(D1))
  eq(3001, R:cell("t3.new.np").value, "一、本年新收 自然人")
  eq(4, R:cell("t3.new.other").value, "一、本年新收 其他, not the 小计 118")
  eq(3119, R:cell("t3.new.total").value, "一、本年新收 总计")
  eq(3050, R:cell("t3.result.total.total").value, "（七）总计 总计")
  has(rules_found(D1), "gb2021.struct.col_extra", "the extra column said")
end)

test("a table of 0s: places holding the same numbers are one reading", function()
  local R = assert(E:read(D2))
  eq(5, R:cell("t3.new.np").value, "一、本年新收 自然人")
  eq(0, R:cell("t3.new.other").value, "一、本年新收 其他")
  eq(6, R:cell("t3.result.public.total").value, "（一）予以公开 总计")
end)

test("a row whose sum holds with no place left out: the table stays unknown", function()
  local page = assert(nbio.readfile(D1))
  local planted, n = page:gsub("4   118 3119", "4   118 3120", 1)
  eq(1, n, "a total changed")
  local R = assert(E:read(write("blind32_extra_planted.txt", planted)))
  eq("unknown", R.c:state("t3.new.total"), "一、本年新收 总计")
  eq("unknown", R.c:state("t3.result.public.np"), "（一）予以公开 自然人: the whole table")
  has(rules_found(write("blind32_extra_planted.txt", planted)), "gb2021.struct.col_extra", "said")
end)

test("one row longer than the others: no column is proven, its cells unknown", function()
  local page = assert(nbio.readfile(D2))
  local twice, n = page:gsub("(\n[^\n]*一、本年新收政府信息公开申请数量%s+)5(%s)", "%15   5%2", 1)
  eq(1, n, "one row's 自然人 printed twice")
  local R = assert(E:read(write("blind32_extra_twice.txt", twice)))
  eq("unknown", R.c:state("t3.new.np"), "一、本年新收 自然人")
  eq("unknown", R.c:state("t3.new.total"), "一、本年新收 总计")
end)

-- 表四 printed down the page (类别 | 项目 | 数量), as a text dump keeps it: each
-- value right after the word of its own column, in the format's order. The
-- words place the values; the sums then check them.
local D3 = "tests/fixtures/blind32/d3-review-lawsuit-down-the-page-w3m.txt"

test("表四 down the page: each value under the column its word names", function()
  local R = assert(E:read(D3))
  eq(72, R:cell("t4.rv.upheld").value, "行政复议 结果维持")
  eq(351, R:cell("t4.rv.total").value, "行政复议 总计")
  eq(26, R:cell("t4.ld.total").value, "未经复议直接起诉 总计")
  eq(6, R:cell("t4.la.pending").value, "复议后起诉 尚未审结")
end)

test("表四 down the page with a total that is not its parts' sum: the sum's error found", function()
  local page = assert(nbio.readfile(D3))
  local planted, n = page:gsub("总计      351", "总计      350", 1)
  eq(1, n, "a total changed")
  has(rules_found(write("blind32_down_planted.txt", planted)), "gb2021.t4.rv_total", "72+64+178+37 is not 350")
end)

test("表四 down the page with two of its words swapped: not read in the format's order", function()
  local page = assert(nbio.readfile(D3))
  local swapped, n = page:gsub("结果维持  72\n(%s+)结果纠正  64", "结果纠正  72\n%1结果维持  64", 1)
  eq(1, n, "two words swapped")
  local R = assert(E:read(write("blind32_down_swapped.txt", swapped)))
  eq(false, R:cell("t4.rv.upheld").value == 72, "72 is printed beside 结果纠正")
end)
