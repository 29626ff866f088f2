-- Last year's columns beside this year's (上年数, 同比, 上年同期, 同比增减):
-- this year's columns are read by the header's words, the values after
-- them on a row's line are last year's (or the change), never this year's.

local E = nianbao.engine
local N3 = "tests/fixtures/whole25/unread/n3-last-year-columns.txt"

test("this year's values read, last year's and the change left", function()
  local R = assert(E:read(N3))
  eq(11, R:cell("t2.reg.valid").value, "规章 现行有效件数, not 上年现行有效件数's 10")
  eq(447228, R:cell("t2.permit.decisions").value, "行政许可, not 上年数's 402311")
  eq(3119, R:cell("t3.new.total").value, "一、本年新收's 总计, not 上年同期's 2790")
  eq(0, R:cell("t3.result.reject.mass.total").value, "4.无正当理由…: 0, its change printed —")
  local found = rules_found(N3)
  assert(not found:find("struct.col_extra", 1, true), found)
end)

test("a header naming last year's column before this year's: nothing read as this year's", function()
  local page = assert(nbio.readfile(N3))
  local swapped, n = page:gsub("| 申请人情况 | 上年同期 | 同比增减 |", "| 上年同期 | 申请人情况 | 同比增减 |", 1)
  eq(1, n, "header swapped")
  local R = assert(E:read(write("text26_last_year_first.txt", swapped)))
  assert(R:cell("t3.new.total").value ~= 2790, "上年同期's value never this year's")
end)

-- (every row one value more, and only leaving out the eighth lets each
-- row's own sum hold: read so, and the extra column said; never last year's)
test("without a header of last year's, a row of one value more is read only where the sums prove which", function()
  local page = assert(nbio.readfile(N3))
  local plain = page:gsub(" | 上年同期 | 同比增减 |", " |", 1)
  local path = write("text26_no_last_year.txt", plain)
  local R = assert(E:read(path))
  local state, v = R.c:state("t3.new.total")
  assert(state == "unknown" or state == "number" and v == 3119, "eight values for seven cells: " .. tostring(v))
  if state == "number" then
    eq(34, (select(2, R.c:state("t3.carried.total"))), "上年结转's 总计, not last year's")
    local found = rules_found(path)
    assert(found:find("struct.col_extra", 1, true), "the column left out is said: " .. found)
  end
end)
