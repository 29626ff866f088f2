-- 表三 printed with the organisations' five columns as one (自然人 |
-- 法人或其他组织 | 总计): 自然人 and 总计 are read under their headers, the
-- five are unknown (the sum printed is no cell of the format), never 0,
-- and the columns are said missing.

local E = nianbao.engine
local N8 = "tests/fixtures/whole25/unread/n8-t3-two-applicants.txt"

test("自然人 and 总计 read by the header, the five unknown", function()
  local R = assert(E:read(N8))
  eq(71, R:cell("t3.new.np").value, "一、本年新收 自然人")
  eq(74, R:cell("t3.new.total").value, "一、本年新收 总计, not the sum 3")
  eq("unknown", R.c:state("t3.new.biz"), "商业企业: not printed")
  eq("unknown", R.c:state("t3.new.other"), "其他: not printed")
  has(rules_found(N8), "gb2021.struct.col_missing", "the five said missing")
end)

test("a wrong total in such a table is still found", function()
  local page = assert(nbio.readfile(N8))
  local planted, n = page:gsub("| 一、本年新收政府信息公开申请数量 | 71 | 3 | 74 |",
                               "| 一、本年新收政府信息公开申请数量 | 71 | 3 | 84 |", 1)
  eq(1, n, "a total changed")
  has(rules_found(write("text26_collapsed_planted.txt", planted)), "gb2021.t3.balance", "the column's sums differ")
end)
