-- A page printed on narrow paper and read by pdftotext: a number with a
-- thousands space wrapped in its cell, a remark's number set against its
-- text, 备注 among a header's words cut into pieces, a remark begun on its
-- row's label's line, and cells printed each on a line of its own. None of
-- them gives a row a number it does not hold; what cannot be told is unknown.

local E = nianbao.engine
local DIR = "tests/fixtures/print25b/"

local function value(R, id)
  local c = R:cell(id)
  return c and c.value
end

test("a number wrapped at its thousands space (2 / 113) is not read as its head", function()
  local R = assert(E:read(DIR .. "pb1-raw-a6-thousands-wrapped.txt"))
  eq(nil, value(R, "t2.penalty.decisions"), "行政处罚")
end)

test("a row one value long in another block leaves the row above it read", function()
  local R = assert(E:read(DIR .. "pb5-layout-a6-thousands-line.txt"))
  eq(698, value(R, "t2.nrm.valid"), "行政规范性文件 beside 行政许可's 10 690")
  eq(nil, value(R, "t2.penalty.decisions"), "行政处罚 2 113")
end)

test("a remark's number set against its text (1月办结96件) is no value of the row", function()
  local R = assert(E:read(DIR .. "pb2-layout-a6-remark-touching.txt"))
  assert(value(R, "t3.next.total") ~= 1, "结转下年度 read the remark's 1")
end)

test("a number parted from a remark by a space stays the row's (3119 申请2816)", function()
  local found = rules_found("tests/fixtures/print25/pr2-layout-remark-wrapped.txt")
  assert(found:find("gb2021.struct.col_missing", 1, true), found)
end)

test("备注 among a header's pieces names the remarks: their numbers are no values", function()
  local path = DIR .. "pb4-layout-a5-remark-in-header.txt"
  local R = assert(E:read(path))
  assert(value(R, "t3.new.total") ~= 2816, "本年新收 read the remark's 2816")
  assert(value(R, "t3.result.total.total") ~= 2025, "总计 read the remark's year")
  eq(66, value(R, "t2.nrm.valid"), "a remark on the label's line, the values below")
  local found = rules_found(path)
  assert(not found:find("gb2021.struct.extra", 1, true), found)
  assert(not found:find("gb2021.t3.row_total", 1, true), found)
end)

test("values each on a line of their own are not cut as digits run together", function()
  local R = assert(E:read(DIR .. "pb3-raw-a6-cells-apart.txt"))
  assert(value(R, "t2.nrm.repealed") ~= 2, "26 cut into 2 and 6")
  assert(value(R, "t2.nrm.valid") ~= 6, "26 cut into 2 and 6")
end)
