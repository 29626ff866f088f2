-- A PDF turned into HTML by poppler's pdftohtml (-s, -c): each run of text
-- a <p> placed by its top and left, a table's cells apart, an item's
-- number apart from its name, in no reading order; or by pdftotext -bbox:
-- each word in its box. Read as the PDF's text laid out: each run on its
-- line, the lines in their order.

local E = nianbao.engine
local DIR = "tests/fixtures/pdfhtml26/"
local IDS = { "t2.reg.made", "t2.nrm.valid", "t2.permit.decisions", "t2.fee.amount", "t3.new.np",
              "t3.new.total", "t3.carried.total", "t3.result.public.total", "t3.result.deny.enforce.total",
              "t3.result.unable.nohold.total", "t3.result.other.nocorrect.total", "t3.result.total.total",
              "t3.next.total", "t4.rv.upheld", "t4.rv.total", "t4.la.total", "t4.ld.total" }

local function value(R, id)
  local c = R:cell(id)
  return c and c.value
end

test("a published PDF's runs are read as its laid-out text is, cell for cell", function()
  local laid = assert(E:read("tests/corpus/huaian-2024.layout.txt"))
  for _, name in ipairs { "ph1-single-published.html", "ph2-complex-published.html", "ph9-bbox-layout-published.html" } do
    local R = assert(E:read(DIR .. name))
    for _, id in ipairs(IDS) do
      assert(value(laid, id) ~= nil, id .. " read in the laid-out text")
      eq(value(laid, id), value(R, id), name .. " " .. id)
    end
    eq(laid.agency, R.agency, name .. " agency")
    eq(laid.year, R.year, name .. " year")
  end
end)

test("an item's number printed apart from its name is not the row above's value", function()
  local path = DIR .. "ph8-single-no-other.html"
  local R = assert(E:read(path))
  for _, id in ipairs { "t3.result.deny.enforce.total", "t3.result.deny.law.total", "t3.result.reject.mass.total" } do
    local v = value(R, id)
    assert(v == nil, id .. " read " .. tostring(v))
  end
  local found = rules_found(path)
  assert(not found:find("gb2021.t3.row_total", 1, true), found)
  assert(not found:find("gb2021.struct.row_missing", 1, true), found)
end)

test("a title cut into runs where its type changes is one title, not a line of the menu beside it", function()
  local R = assert(E:read(DIR .. "ph4-single-small-type.html"))
  eq("青原县水利局", R.agency)
  eq(2024, R.year)
  local found = rules_found(DIR .. "ph4-single-small-type.html")
  assert(not found:find("gb2021.struct.period_stated", 1, true), found)
end)

test("a raised mark and a value set a little lower stay on their row's line", function()
  local text = assert(nbio.readfile(DIR .. "ph1-single-published.html"))
  local n, k
  text, n = text:gsub('<p style="position:absolute;top:697px;left:390px;white%-space:nowrap" class="ft412">3001</p>',
    '<p style="position:absolute;top:702px;left:390px;white-space:nowrap" class="ft412">3001</p>\n' ..
    '<p style="position:absolute;top:693px;left:430px;white-space:nowrap" class="ft412">*</p>')
  eq(1, n, "the value moved")
  text, k = text:gsub('top:697px;left:744px', 'top:700px;left:744px')
  eq(1, k, "the total moved")
  local R = assert(E:read(write("raised.html", text)))
  eq(3001, value(R, "t3.new.np"))
  eq(3119, value(R, "t3.new.total"))
  eq(34, value(R, "t3.carried.np"))
end)

test("a page of a site with no placed runs is read as before", function()
  local R = assert(E:read("tests/fixtures/platforms23/w9-ueditor.html"))
  eq(2293, value(R, "t2.permit.decisions"))
end)

test("placed runs never closed, and a style's braces never closed, are read in one pass", function()
  local runs, braces = {}, {}
  for i = 1, 20000 do
    runs[i] = string.format('<p style="position:absolute;top:%dpx;left:%dpx" class="ft1">x%d', i,
                            i % 7 == 0 and 99999999 or 10, i)
    braces[i] = ".a" .. i .. "{"
  end
  local open = write("never-closed.html", '<html><head><style>.ft1{font-size:14px}</style></head><body>' ..
                     '<div id="page1-div">' .. table.concat(runs) .. "</p></div></body></html>")
  local placed = {}
  for i = 1, 30 do placed[i] = string.format('<p style="position:absolute;top:%dpx;left:10px">y</p>', i) end
  local brace = write("braces.html", '<html><body><div id="page1-div">' .. table.concat(placed) ..
                      "<style>" .. table.concat(braces) .. "</style></div></body></html>")
  for _, path in ipairs { open, brace } do
    local out = sh(NB .. " check --no-color " .. path)
    has(out, "不是政府信息公开工作年度报告")
    assert(not out:find("limit", 1, true) and not out:find("nianbao.internal", 1, true), out)
  end
end)

test("a word's box of pdftotext -bbox sets a raised mark apart from the number before it", function()
  local R = assert(E:read(DIR .. "ph11-bbox-layout-raised-mark.html"))
  local c = R:cell("t3.new.total")
  assert(not (c and c.value == 741), "the mark read into the total")
  eq(1, value(R, "t3.carried.total"))
end)
