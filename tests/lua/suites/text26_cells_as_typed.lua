-- Tables laid out as text whose cells are typed otherwise: each count with
-- its unit (64件, 1次), values in full-width digits (３００１), a copy whose
-- merged cells were filled (each place holds the merged cell's text again).

local E = nianbao.engine
local DIR = "tests/fixtures/text26/"

test("a tab-parted row of counts with their units is a row, not a sentence", function()
  local path = DIR .. "y4-units.txt"
  local found = rules_found(path)
  assert(not found:find("row_missing", 1, true), found)
  assert(not found:find("txt.new", 1, true), "the row's 64件 is no sentence's: " .. found)
  has(found, "gb2021.val.unit_in_cell", "the units said")
  local R = assert(E:read(path))
  eq(64, R:cell("t3.new.np").value, "一、本年新收 64件")
  eq(1, R:cell("t3.next.total").value, "四、结转下年度 1件")
end)

test("a sentence of the part with its counts is still read", function()
  local page = assert(nbio.readfile(DIR .. "y4-units.txt"))
  local planted, n = page:gsub("全年新收政府信息公开申请70件", "全年新收政府信息公开申请75件", 1)
  eq(1, n, "the prose's number changed")
  has(rules_found(write("text26_units_prose.txt", planted)), "gb2021.txt.new", "the prose differs from the table")
end)

test("tables typed in full-width digits are found and read", function()
  local path = DIR .. "y6-fullwidth.txt"
  local found = rules_found(path)
  assert(not found:find("table_missing", 1, true), found)
  local R = assert(E:read(path))
  eq(447228, R:cell("t2.permit.decisions").value, "表二 in full-width digits")
  eq(351, R:cell("t4.rv.total").value, "表四 in full-width digits")
end)

test("merged cells filled in each place: the header's columns once, a spanning value once", function()
  local path = DIR .. "y2-wps-repeated.txt"
  local found = rules_found(path)
  assert(not found:find("col_missing", 1, true), found)
  assert(not found:find("row_values", 1, true), found)
  local page = assert(nbio.readfile(path))
  local put, n = page:gsub("\n行政许可\t0\t0\t0\n", "\n行政许可\t12\t12\t12\n", 1)
  eq(1, n, "a value put")
  local R = assert(E:read(write("text26_filled.txt", put)))
  eq(12, R:cell("t2.permit.decisions").value, "one value, printed in its three places")
  local two = page:gsub("\n行政许可\t0\t0\t0\n", "\n行政许可\t12\t13\t12\n", 1)
  R = assert(E:read(write("text26_filled_two.txt", two)))
  eq("unknown", R.c:state("t2.permit.decisions"), "values that differ: not read")
end)
