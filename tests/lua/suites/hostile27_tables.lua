-- A table laid out as text with last year's columns after this year's (an
-- Excel sheet saved as text, 上年数 and 同比 beside 本年): a row whose own cell is
-- empty shows last year's value first. Which of the two is empty cannot be told
-- from the values alone: the row is unknown, unless the empty cells trail it.

local E = nianbao.engine
local DIR = "tests/fixtures/hostile27/unread/"

local function value(R, id)
  local c = R:cell(id)
  return c and c.value
end

test("this year's cell empty, last year's beside it: last year's is not read as this year's", function()
  local path = DIR .. "r7-excel-blank-this-year.txt"
  local R = assert(E:read(path))
  eq(nil, value(R, "t2.coercion.decisions"), "行政强制 (empty, 42 last year)")
  eq(2113, value(R, "t2.penalty.decisions"), "行政处罚, both years printed")
  local found = rules_found(path)
  assert(found:find("gb2021.parse.row_values", 1, true), found)
end)

test("last year's cells empty after this year's (trailing tabs): this year's is read", function()
  local text = assert(nbio.readfile(DIR .. "r7-excel-blank-this-year.txt"))
  local path = write("last-year-empty.txt", (text:gsub("\t\t42\t\xE2\x80\x94", "\t0\t\t", 1)))
  local R = assert(E:read(path))
  eq(0, value(R, "t2.coercion.decisions"), "行政强制 0, last year's cells empty")
end)
