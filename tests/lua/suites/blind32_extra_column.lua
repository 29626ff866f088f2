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
