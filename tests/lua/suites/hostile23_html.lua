-- A page's rows and cells a browser shows must be read, though their
-- style names display:none where a browser does not take it: inside a
-- comment, or set again after it.

local E = nianbao.engine
local PAGE = "tests/fixtures/platforms23/w3-portal-meta.html"    -- pingtan-2021's values

local function page_with(from, to)
  local text, n = assert(nbio.readfile(PAGE)):gsub(from, to, 1)
  eq(1, n, "the place changed in " .. PAGE)
  return text
end

local PUBLIC = { np = 27, biz = 0, research = 0, ngo = 2, legal = 0, other = 1, total = 30 }

test("a cell whose style holds display:none in a comment, or display set again after it, is read", function()
  for name, style in pairs { comment = "/* display:none; */ text-align:center",
                             again = "display: none; display: table-cell" } do
    local path = write("shown_" .. name .. ".html",
      page_with("(<td colspan=\"2\">（一）予以公开</td>)<td>27</td>", "%1<td style=\"" .. style .. "\">27</td>"))
    local R = assert(E:read(path))
    for col, want in pairs(PUBLIC) do
      local c = R:cell("t3.result.public." .. col)
      eq(want, c and c.value, name .. ": t3.result.public." .. col)
    end
  end
  -- a style that does hide the cell still hides it, in C and in Lua alike
  local text = "<table><tr><td>a</td><td style='color:red; /* shown */ display : none'>9</td><td>b</td></tr></table>"
  eq(false, nianbao.html.blocks(text, nil, true), "a hidden cell: the page goes the Lua way")
  local cells = {}
  for _, b in ipairs(require("markup").blocks(assert(nianbao.html.parse(text)))) do
    if b.kind == "cell" then cells[#cells + 1] = b.text end
  end
  eq("a b", table.concat(cells, " "), "the hidden cell is not read")
end)

test("a comma after a lone 0 parts no thousands: 0，125 and 0,125 are not read 125", function()
  for _, fee in ipairs { "0，125", "0,125" } do
    local R = assert(E:read(write("fee_comma.html",
      page_with("<td colspan=\"3\">24252%.311082</td>", "<td colspan=\"3\">" .. fee .. "</td>"))))
    local c = R:cell("t2.fee.amount")
    assert(not (c and c.value == 125), fee .. " read 125")
  end
  local tables = require "tables"
  eq(10690, tables.parse_number("10，690"), "10，690")
  eq(2293, tables.parse_number("2,293"), "2,293")
  eq(1234567, tables.parse_number("1,234,567"), "1,234,567")
  for _, bad in ipairs { "1,234,5", "1,2345", "12,34", "1,234,", "1,,234" } do
    eq(nil, tables.parse_number(bad), bad .. ": no thousands")
  end
end)

test("a table's body styled display:none (a draft's rows kept hidden) is not read", function()
  local stale = '<tbody style="display:none"><tr><td colspan="3">四、结转下年度继续办理</td>'
                .. string.rep("<td>7</td>", 7) .. "</tr></tbody><tbody>"
  local R = assert(E:read(write("hidden_tbody.html", page_with("(<tr><td colspan=\"3\">四、结转)", stale .. "%1"))))
  eq(1, R:cell("t3.next.np").value, "四、结转 自然人")
  eq(1, R:cell("t3.next.total").value, "四、结转 总计")
end)

test("a row with the hidden attribute (a draft's row kept hidden) is not read, in C and in Lua alike", function()
  local stale = '<tr hidden><td colspan="3">四、结转下年度继续办理</td>' .. string.rep("<td>7</td>", 7) .. "</tr>\n"
  local path = write("hidden_attribute.html", page_with("(<tr><td colspan=\"3\">四、结转)", stale .. "%1"))
  local R = assert(E:read(path))
  eq(1, R:cell("t3.next.np").value, "四、结转 自然人")
  eq(1, R:cell("t3.next.total").value, "四、结转 总计")
  eq(false, nianbao.html.blocks("<table><tr hidden><td>9</td></tr></table>", nil, true), "the page goes the Lua way")
end)
