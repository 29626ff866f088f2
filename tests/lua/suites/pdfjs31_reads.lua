-- pdf.js's text items sorted on their baselines (y, then x): a row's
-- numbers, set a hair higher than its wrapped label, come on the line
-- before it, so rows may read one place off. The shifted reading is taken
-- only where the identities prove it, the plain one breaking; else the
-- rows are unknown, said.

local DIR = "tests/fixtures/pdfjs31/"

local function cell(R, id)
  local c = R.c:get(id)
  return c.state .. ":" .. tostring(c.value)
end

test("pdfjs31: values a line before their labels, from the first row's: each row the values above its label", function()
  local path = DIR .. "y1-pdfjs-yx-values-before-labels.txt"
  local R = assert(nianbao.read(path))
  eq("number:3119", cell(R, "t3.new.total"), "一、本年新收, the values before its label")
  eq("number:34", cell(R, "t3.carried.total"), "二、上年结转, not 予以公开's 1362")
  eq("number:1362", cell(R, "t3.result.public.total"), "（一）予以公开, its label with none after it")
  local found = rules_found(path)
  eq(nil, found:find("t3.balance", 1, true), "the balance holds")
  eq(nil, found:find("parse.unplaced", 1, true), "the values before the first label are placed")
end)

test("pdfjs31: a whole line of values after a row's own: the next rows each the values above its label", function()
  local path = DIR .. "y2-pdfjs-yx-values-past-first-row.txt"
  local R = assert(nianbao.read(path))
  eq("number:70", cell(R, "t3.new.total"), "一、本年新收, its values on its line")
  eq("number:0", cell(R, "t3.carried.total"), "二、上年结转, the line after 一's")
  eq("number:30", cell(R, "t3.result.public.total"), "（一）予以公开, not 二's")
  eq(nil, rules_found(path):find("parse.row_values", 1, true), "no row read too long")
end)

test("pdfjs31: runs of rows among rows read right, judged together: each row the values above its label", function()
  local path = DIR .. "y4-pdfjs-yx-runs-among-rows.txt"
  local R = assert(nianbao.read(path))
  eq("number:0", cell(R, "t3.carried.total"), "二、上年结转, the line after 一's")
  eq("number:30", cell(R, "t3.result.public.total"), "（一）予以公开, not 二's")
  eq("number:0", cell(R, "t3.result.deny.third.total"), "4. 保护第三方合法权益, not 5.'s 1")
  eq("number:1", cell(R, "t3.result.deny.internal.total"), "5. 属于三类内部事务信息, its label with none after it")
  eq("number:6", cell(R, "t3.result.deny.enforce.total"), "7. 属于行政执法案卷, the line after 6.'s")
  eq("number:1", cell(R, "t3.result.deny.query.total"), "8. 属于行政查询事项, the values above its label")
  eq(nil, rules_found(path):find("t3.balance", 1, true), "the balance holds")
end)

test("pdfjs31: values before labels that no reading balances are no row's: unknown, said", function()
  local text = assert(nbio.readfile(DIR .. "y1-pdfjs-yx-values-before-labels.txt"))
  local n
  text, n = text:gsub("\n34 0 0 0 0 0 34\n", "\n35 0 0 0 0 0 35\n", 1)
  eq(1, n, "上年结转's line changed")
  local path = write("pdfjs31-unproved.txt", text)
  local R = assert(nianbao.read(path))
  eq("unknown", R.c:state("t3.new.np"), "not 35, the line below its label")
  eq("unknown", R.c:state("t3.carried.np"), "not 1288 below its label, nor 35 above it")
  local found = rules_found(path)
  has(found, "gb2021.parse.row_values", "said")
  eq(nil, found:find("t3.balance", 1, true), "no balance of a guessed reading")
end)

test("pdfjs31: 表四's row on two lines of a text laid out in columns: read left to right, its sums proving it", function()
  -- (pdftotext -layout: 行政诉讼's two groups' first values set a line above the rest,
  -- with their headers' first word, where the page split the header)
  local path = DIR .. "l1-layout-review-values-raised.txt"
  local R = assert(nianbao.read(path))
  local want = { rv = { 0, 1, 1, 0, 2 }, ld = { 1, 0, 0, 0, 1 }, la = { 0, 0, 0, 0, 0 } }
  for group, values in pairs(want) do
    for i, col in ipairs({ "upheld", "corrected", "other", "pending", "total" }) do
      eq("number:" .. values[i], cell(R, "t4." .. group .. "." .. col), group .. "." .. col)
    end
  end
  local found = rules_found(path)
  eq(nil, found:find(" gb2021.t4.", 1, true), "no sum of 表四 broken")
  eq(nil, found:find(" gb2021.txt.", 1, true), "no text finding")
end)
