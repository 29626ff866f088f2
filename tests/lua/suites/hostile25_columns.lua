-- 表三 as a template prints it otherwise than the format: its columns in
-- another order, a bare 小计 row after a group's items in a text of tab-separated
-- cells. Each value is read under the header that names it, never by the
-- format's order; a subtotal is its group's, never an unplaced number.

local E = nianbao.engine
local DIR = "tests/fixtures/hostile25/"

for _, name in ipairs { "r1-columns-reordered.md", "r1-columns-reordered.tab.txt" } do
  test(name .. ": 商业企业 and 法律服务机构 swapped in the header, each read under its own", function()
    local R = assert(E:read(DIR .. name))
    eq(53, R:cell("t3.new.biz").value, "商业企业 of 一、")
    eq(61, R:cell("t3.new.legal").value, "法律服务机构 of 一、")
    eq(12, R:cell("t3.result.unable.nohold.biz").value, "商业企业 of （四）1.")
    eq(10, R:cell("t3.result.unable.nohold.legal").value, "法律服务机构 of （四）1.")
    eq(3, R:cell("t3.result.other.nocorrect.biz").value, "商业企业 of （六）1.")
  end)
end

test("a bare 小计 row of tab-separated cells is its group's subtotal, not unplaced numbers", function()
  local path = DIR .. "r1-columns-reordered.tab.txt"
  local found = rules_found(path)
  assert(not found:find("unplaced", 1, true), found)
  local text = assert(nbio.readfile(path))
  -- a 小计 that does not add up is found: the subtotal is read, and checked
  local bad = write("subtotal_off.txt", (text:gsub("\t\t小计\t176\t", "\t\t小计\t177\t", 1)))
  found = rules_found(bad)
  assert(found:find("gb2021.t3.", 1, true), found)
end)

-- a 合计 column beside 总计 in a text: its place is where its header line names it
for name, where in pairs { ["r4-heji-placed.after-total.txt"] = "after 总计, on the header's first line",
                           ["r4-heji-placed.first.txt"] = "first of all, the header one line" } do
  test(name .. ": 合计 " .. where, function()
    local R = assert(E:read(DIR .. name))
    eq(71, R:cell("t3.new.np").value, "自然人 of 一、")
    eq(74, R:cell("t3.new.total").value, "总计 of 一、")
    eq(72, R:cell("t3.result.total.np").value, "自然人 of （七）")
    eq(75, R:cell("t3.result.total.total").value, "总计 of （七）")
  end)
end

test("r5-total-first.txt: 总计 first, then 自然人 and 法人或其他组织 on the header's first line", function()
  local R = assert(E:read(DIR .. "r5-total-first.txt"))
  eq(3119, R:cell("t3.new.total").value, "总计 of 一、")
  eq(3001, R:cell("t3.new.np").value, "自然人 of 一、")
  eq(53, R:cell("t3.new.biz").value, "商业企业 of 一、")
  eq(4, R:cell("t3.new.other").value, "其他 of 一、")
end)

test("a page's header cells all at one place of one line say no order: read in the format's", function()
  -- (its cells are paragraphs of one line of the file, each at its first column)
  local R = assert(E:read("tests/hostile/mislabelled.html"))
  eq(5, R:cell("t3.new.total").value, "总计 of 一、")
  eq(0, R:cell("t3.new.other").value, "其他 of 一、")
end)
