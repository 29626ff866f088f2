-- A page's text from cheerio's $('body').text(): a <noscript>'s and a
-- <script type="text/html">'s drafts of 表三 kept as their markup (the
-- script's read as an HTML table), the shown 表三 after them, its cells'
-- digits run together; from turndown, the script's markup the same, the
-- shown table's cells one paragraph each. The rows printed again after the
-- table differ from it: which copy was published cannot be told, so those
-- rows are unknown.

local DIR = "tests/fixtures/node30/"

local function cell(R, id) local c = R.c:get(id); return c.state .. ":" .. tostring(c.value) end

test("node30: a table's rows printed again after it with other digits are unknown, not the draft's", function()
  local path = DIR .. "n1-cheerio-template-copies.txt"
  local R = assert(nianbao.read(path))
  for _, id in ipairs { "t3.new.np", "t3.new.total", "t3.carried.total", "t3.result.public.total",
                        "t3.result.total.total", "t3.next.total" } do
    eq("unknown", R.c:state(id), id .. ": the draft's 1s or the shown 0s")
  end
  eq("6111116 | 5000005", R.c:get("t3.new.np").text, "read as both")
  local found = rules_found(path)
  has(found, "gb2021.val.copies_differ", "said")
  assert(not found:find("t3.row_total", 1, true), "no sum checked of the draft's: " .. found)
  assert(not found:find("txt.", 1, true), "no claim against the draft's: " .. found)
end)

test("node30: the rows printed again alike, or under a caption naming last year, change nothing", function()
  local path = DIR .. "n1-cheerio-template-copies.txt"
  local text = assert(nbio.readfile(path))
  -- the shown copy given the draft's digits: the two agree, the table's cells read
  local alike = text:gsub("数量5000005", "数量6111116", 1)
  local R = assert(nianbao.read(write("n1_alike.txt", alike)))
  eq("number:6", cell(R, "t3.new.np"), "copies alike")
  eq("unknown", R.c:state("t3.carried.np"), "a row that still differs")
  -- a sentence's one number after the table is no row
  local first = text:find("（本列数据的勾稽关系为", text:find("</table>", text:find("<table", 1, true), true), true)
  local one = text:sub(1, first - 1) .. "一、本年新收政府信息公开申请数量5\n\n\n" .. text:sub((text:find("四、政府信息公开行政复议", first, true)))
  local R2 = assert(nianbao.read(write("n1_one.txt", one)))
  eq("number:6", cell(R2, "t3.new.np"), "5 is no row of seven cells")
end)

test("node30: a table's rows printed again after it one number a paragraph, other numbers: unknown", function()
  local path = DIR .. "n6-turndown-plain-template-copies.txt"
  local R = assert(nianbao.read(path))
  for _, id in ipairs { "t3.new.np", "t3.new.biz", "t3.carried.total", "t3.result.total.total" } do
    eq("unknown", R.c:state(id), id .. ": the draft's or the shown")
  end
  eq("6 1 1 1 1 1 6 | 5 0 0 0 0 0 5", R.c:get("t3.new.np").text, "read as both")
  local found = rules_found(path)
  has(found, "gb2021.val.copies_differ", "said")
  assert(not found:find("t3.row_total", 1, true), "no sum checked of the draft's: " .. found)
  assert(not found:find("txt.", 1, true), "no claim against the draft's: " .. found)
  -- a row followed by more numbers than it has cells is not taken as printed again
  local text = assert(nbio.readfile(path))
  local _, e = text:find("一、本年新收政府信息公开申请数量", text:find("</table>", 1, true), true)
  local more = text:sub(1, e) .. "\n\n6\n\n1\n\n1\n\n1\n\n1\n\n1\n\n6\n\n9" .. text:sub((text:find("\n\n二、上年结转", e, true)))
  local R2 = assert(nianbao.read(write("n6_more.txt", more)))
  eq("number:6", cell(R2, "t3.new.np"), "eight numbers after a row of seven cells")
  eq("unknown", R2.c:state("t3.carried.np"), "the next row still differs")
end)
