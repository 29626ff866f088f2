-- A page printed to PDF and read by pdftotext: values printed after the
-- caption of 表二's next block (第二十条第（X）项) and before its first label
-- are none of the row's above; they are the block's own, read as printed
-- before its labels where every count fits, else its first row is unknown.
-- A remark wrapped below a row's values is no value either.

local E = nianbao.engine
local DIR = "tests/fixtures/print25/"

local function value(R, id)
  local c = R:cell(id)
  return c and c.value
end

test("a number after the next block's caption is not the last row's (a false txt.t2 went with it)", function()
  local path = DIR .. "pr3-raw-label-before-caption.txt"
  local R = assert(E:read(path))
  assert(value(R, "t2.coercion.decisions") ~= 91, "行政强制 read the fee's first digits")
  assert(value(R, "t2.fee.amount") ~= 16.36, "the fee read as its number's last piece")
  local found = rules_found(path)
  assert(not found:find("gb2021.txt.t2", 1, true), found)
  assert(found:find("gb2021.parse.row_values", 1, true), found)
end)

test("a number wrapped round its label (91 / 行政事业性收费 / 16.36) is not read as its last piece", function()
  local R = assert(E:read(DIR .. "pr1-layout-number-wrapped.txt"))
  eq(nil, value(R, "t2.fee.amount"), "the fee")
end)

test("each block's values printed before its labels are read as the block's, where every count fits", function()
  local R = assert(E:read(DIR .. "pr4-raw-values-first.txt"))
  eq(447228, value(R, "t2.permit.decisions"), "行政许可")
  eq(3985758, value(R, "t2.penalty.decisions"), "行政处罚")
  eq(88283, value(R, "t2.coercion.decisions"), "行政强制")
end)

test("a remark wrapped over lines below a row's values gives the row no value", function()
  local path = DIR .. "pr2-layout-remark-wrapped.txt"
  local R = assert(E:read(path))
  assert(value(R, "t3.next.total") ~= 96, "the remark's 96件 read as the row's total")
  local found = rules_found(path)
  assert(not found:find("gb2021.txt.next", 1, true), found)
end)

-- pr5 (every cell read) with 1282 moved after 表二's caption and header, before
-- 行政处罚 (行政强制's 42 on its label's line); with `wrapped`, the fee as well
-- wrapped round its label, so that no reading by the format's order fits
local function moved(wrapped)
  local text = assert(nbio.readfile(DIR .. "pr5-layout-portal.txt"))
  local n, k
  text, n = text:gsub("行政处罚       1282\n", "1282\n行政处罚\n")
  eq(1, n, "the row moved")
  if wrapped then
    text, k = text:gsub("行政事业性收费 24252.311082\n", "24252.3\n行政事业性收费\n11082\n")
    eq(1, k, "the fee wrapped")
  end
  return write(wrapped and "block-before-labels-wrapped.txt" or "block-before-labels.txt", text)
end

test("a block whose rows do not all fit values printed before their labels leaves its first row unknown", function()
  local path = moved(true)
  local R = assert(E:read(path))
  local c = R:cell("t2.penalty.decisions")
  assert(not (c and c.value), "行政处罚 read " .. tostring(c and c.value))
  eq(42, R:cell("t2.coercion.decisions").value, "行政强制")
  has(sh(NB .. " check --no-color " .. path), "“行政处罚”行读到1个数值（1282），其中有的印在行名之前")
end)

test("read by the format's order instead, such a row says no more that its values were not used", function()
  local path = moved(false)
  local R = assert(E:read(path))
  eq(1282, R:cell("t2.penalty.decisions").value, "行政处罚")
  local found = rules_found(path)
  assert(found:find("gb2021.parse.by_order", 1, true), found)
  assert(not found:find("gb2021.parse.row_values", 1, true), found)
end)

test("values that no cut fits are a row short of a value, not digits run together", function()
  local found = rules_found(DIR .. "pr2-layout-remark-wrapped.txt")
  assert(not found:find("gb2021.val.glued_open", 1, true), found)
  assert(found:find("gb2021.parse.row_values", 1, true), found)
end)

test("表四's values among its header's words, read in an order that breaks its sums, are not used", function()
  -- a published report's PDF read by pdftotext without -layout: 72 64 178 37, then
  -- 复议后起诉's 12 1 1 6, then 351 … (its columns' values in no row's order)
  local path = DIR .. "pr10-raw-published.txt"
  local R = assert(E:read(path))
  for _, id in ipairs { "t4.rv.total", "t4.ld.upheld", "t4.la.upheld" } do
    local c = R:cell(id)
    assert(not (c and c.value), id .. " read " .. tostring(c and c.value))
  end
  local found = rules_found(path)
  for _, rule in ipairs { "gb2021.t4.rv_total", "gb2021.t4.ld_total", "gb2021.txt.review", "gb2021.txt.suit" } do
    assert(not found:find(rule, 1, true), rule .. " in" .. found)
  end
  has(sh(NB .. " check --no-color " .. path), "与表头文字交错，本行合计不能确定其顺序")
end)

test("a 表三 row's values on both sides of its header's words are kept only where its sums hold", function()
  local text = assert(nbio.readfile(DIR .. "pr5-layout-portal.txt"))
  -- the row's values cut by a word of the header, as a PDF's reading order may give them
  local function cut(second)
    local out, n = text:gsub("(一、本年新收政府信息公开申请数量) +64 +0 +0 +2 +0 +4 +70\n",
                             "%1 64 0\n总计\n" .. second .. "\n")
    eq(1, n, "the row cut")
    return out
  end
  local R = assert(E:read(write("mixed-order.txt", cut("4 70 0 2 0"))))
  for _, id in ipairs { "t3.new.research", "t3.new.ngo", "t3.new.total" } do
    local c = R:cell(id)
    assert(not (c and c.value), id .. " read " .. tostring(c and c.value))
  end
  R = assert(E:read(write("mixed-in-order.txt", cut("0 2 0 4 70"))))
  eq(70, R:cell("t3.new.total").value, "in its order, the row read")
end)

test("a table given twice in a text with other numbers: the cells they differ in are unknown, and said so", function()
  -- a page's draft 表二, hidden only by its site's linked style sheet, taken as innerText
  local path = DIR .. "pr11-innertext-linked-draft.txt"
  local R = assert(E:read(path))
  for _, id in ipairs { "t2.nrm.made", "t2.nrm.valid", "t2.permit.decisions" } do
    local c = R:cell(id)
    assert(not (c and c.value), id .. " read " .. tostring(c and c.value))
  end
  eq(0, R:cell("t2.reg.made").value, "a cell both copies agree on")
  local found = rules_found(path)
  assert(found:find("gb2021.val.copies_differ", 1, true), found)
  assert(not found:find("gb2021.txt.t2", 1, true), found)
  -- the same table twice with the same numbers reads as once
  local text = assert(nbio.readfile(path))
  local same = text:gsub("行政规范性文件\t2\t0\t2", "行政规范性文件\t0\t0\t0"):gsub("行政许可\t10\n", "行政许可\t0\n")
  R = assert(E:read(write("linked-draft-same.txt", same)))
  eq(0, R:cell("t2.nrm.made").value, "copies that agree")
end)

test("another year's table after this one's, under a caption of its own, is no copy: this year's is read", function()
  -- pr5 with last year's 表三 (each number one more) after its own, as a comparison
  local text = assert(nbio.readfile(DIR .. "pr5-layout-portal.txt"))
  local from, to = text:find("（本列数据的勾稽关系", 1, true), text:find("四、政府信息公开行政复议", 1, true)
  local t3 = text:sub(from, to - 1)
  local last_year = t3:gsub("(%s)(%d+)%f[%s%z]", function(sp, n) return sp .. (tonumber(n) + 1) end)
  local path = write("last-year-table.txt", text:sub(1, to - 1) .. "附：上年度（2020年）政府信息公开申请情况对比表\n"
                                              .. last_year .. text:sub(to))
  local R = assert(E:read(path))
  eq(64, R:cell("t3.new.np").value, "this year's 自然人")
  eq(70, R:cell("t3.new.total").value, "this year's 总计")
  local found = rules_found(path)
  assert(not found:find("gb2021.val.copies_differ", 1, true), found)
end)
