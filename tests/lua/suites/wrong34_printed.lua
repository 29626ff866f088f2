-- Pages printed by a browser, read from the PDF's text: the print's running
-- lines (the date and the page's title at the top of each page, the page's
-- address and "2/5" at its foot) between a table's rows are no row of it;
-- a group's label set in the middle of its first item's wrapped label
-- leaves the values on its line the item's where the sums confirm them; a
-- group's label cut by a line break (（六）其他 / 处理) is no second 3.其他
-- where the table is read by the format's order; 表四's values scattered
-- among its header's pieces are a row short of values, not digits run
-- together.

local E = nianbao.engine
local DIR = "tests/fixtures/wrong34/"
local R1 = DIR .. "r1-county-chromium-header-footer.layout.txt"
local R2 = DIR .. "r2-county-pandoc-header-footer.layout.txt"
local R3 = DIR .. "unread/r3-county-chromium-header-footer-raw.txt"
local R4 = DIR .. "unread/r4-county-pandoc-header-footer-raw.txt"
local G1 = DIR .. "g1-city-group-amid-item.layout.txt"
local G2 = DIR .. "unread/g2-city-t4-scattered-raw.txt"
local G3 = DIR .. "g3-city-group-label-cut.layout.txt"

local function none_of(found, what, why)
  assert(not found:find(what, 1, true), why .. ": " .. found)
end

test("wrong34: a print's header and footer between a table's rows are no row and no value", function()
  for _, f in ipairs({ R1, R2, R3, R4 }) do
    local found = rules_found(f)
    none_of(found, "struct.extra", f .. ": the page's address read as a row")
    none_of(found, "struct.row_missing", f .. ": a row said missing")
  end
  for _, f in ipairs({ R1, R2 }) do
    none_of(rules_found(f), "parse.unplaced", f .. ": the page's number or date read as a value")
    local R = assert(E:read(f))
    eq(71, R:cell("t3.new.np").value, f .. ": 表三 一、本年新收 自然人")
    eq(74, R:cell("t3.new.total").value, f .. ": 表三 一、本年新收 总计")
    eq(2, R:cell("t4.rv.total").value, f .. ": 表四 行政复议 总计")
  end
end)

test("wrong34: a print's running title is kept where the report begins", function()
  -- (without -layout the title stands alone atop each page: the first is the report's)
  local R = assert(E:read(R3))
  eq("东山县人民政府", R.agency, "the agency read from the first page's title")
end)

test("wrong34: a line whose numbers neither stay nor count the pages on is the page's, kept", function()
  local page = assert(nbio.readfile(R1))
  -- (the first page's address another: the foot's lines no longer proven the print's)
  local planted, n = page:gsub("t20230130_2648%.html(%s+)1/5", "t20230130_2649.html%11/5", 1)
  eq(1, n, "the first page's footer changed")
  has(rules_found(write("wrong34_footer_other.txt", planted)), "gb2021.struct.extra", "the address read as before")
end)

test("wrong34: a group's label amid its first item's label leaves the values on its line the item's", function()
  local R = assert(E:read(G1))
  eq(746, R:cell("t3.result.unable.nohold.np").value, "（四）无法提供 1.本机关不掌握 自然人")
  eq(769, R:cell("t3.result.unable.nohold.total").value, "（四）无法提供 1.本机关不掌握 总计")
  eq(67, R:cell("t3.result.other.nocorrect.np").value, "（六）其他处理 1.申请人无正当理由 自然人")
  eq(71, R:cell("t3.result.other.nocorrect.total").value, "（六）其他处理 1.申请人无正当理由 总计")
end)

test("wrong34: values moved to the item stay unknown where the sums do not confirm them", function()
  local page = assert(nbio.readfile(G1))
  local planted, n = page:gsub("(（四）无法提供%s+)746(%s+12%s+0%s+0%s+10%s+1%s+)769", "%1735%2758", 1)
  eq(1, n, "the item's values changed (its own sum kept)")
  local R = assert(E:read(write("wrong34_amid_planted.txt", planted)))
  eq(false, R.c:state("t3.result.unable.nohold.np") == "number", "a value no sum confirms read")
end)

test("wrong34: a group's label cut by a line break is no second row where the table is read by order", function()
  local found = rules_found(G3)
  none_of(found, "parse.unplaced", "3.其他 said printed twice")
  has(found, "gb2021.parse.by_order", "the table read by the format's order, said")
end)

test("wrong34: 表四's values scattered among its header's pieces are a row short, not digits run together", function()
  local found = rules_found(G2)
  none_of(found, "val.glued_open", "digits said run together")
  has(found, "gb2021.parse.row_values", "表四's values said")
end)

test("wrong34: a row's copy that took the rows after it in a text out of order is no copy that differs", function()
  -- (the print's date among the numbers no more: the copy's values all numbers, far more than its cells)
  local found = rules_found("tests/fixtures/pdftext28/p3-raw-notion-values-first.txt")
  none_of(found, "val.copies_differ", "a copy said to differ")
end)
