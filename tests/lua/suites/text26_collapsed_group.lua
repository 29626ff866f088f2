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

-- The same table as a Markdown pipe table (and pandoc's HTML of it), each
-- sub-item's row led by empty cells under the labels' columns: those cells
-- pad the labels and are no values of the row above.
local B1 = "tests/fixtures/blind31/b1-merged-orgs-markdown.md"
local B2 = "tests/fixtures/blind31/b2-merged-orgs-pandoc.html"

test("a pipe table's empty label cells: every row of 自然人 and 总计 read, the five unknown", function()
  for _, f in ipairs { B1, B2 } do
    local R = assert(E:read(f))
    eq(2, R:cell("t3.result.deny.secret.np").value, f .. " 1.属于国家秘密 自然人")
    eq(31, R:cell("t3.result.deny.law.total").value, f .. " 2.其他法律行政法规禁止公开 总计")
    eq(1362, R:cell("t3.result.public.total").value, f .. " （一）予以公开 总计")
    eq("unknown", R.c:state("t3.result.public.biz"), f .. " 商业企业: not printed")
    local found = rules_found(f)
    has(found, "gb2021.struct.col_missing", f .. " the five said missing")
    eq(nil, found:find("gb2021.parse.row_values", 1, true), f .. " no row said short")
  end
end)

test("a wrong figure in such a pipe table is still found", function()
  local page = assert(nbio.readfile(B1))
  local planted, n = page:gsub("| 1.属于国家秘密 | 2 | 0 | 2 |", "| 1.属于国家秘密 | 3 | 0 | 2 |", 1)
  eq(1, n, "a figure changed")
  has(rules_found(write("b1_planted.md", planted)), "gb2021.t3.result_total", "the results no longer add up to their total")
end)
