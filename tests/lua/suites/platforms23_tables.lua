-- Tables as web platforms and converters print them: rows and cells a
-- spreadsheet hides, rows whose merged cells above ended a row early,
-- numbers with full-width commas or a footnote's mark. Each page is a
-- fixture of tests/fixtures/platforms23 changed in one way; its numbers
-- must be read where they are printed, or not at all.

local E = nianbao.engine
local PAGE = "tests/fixtures/platforms23/w3-portal-meta.html"    -- pingtan-2021's values

local function page_with(from, to, n)
  local text, got = assert(nbio.readfile(PAGE)):gsub(from, to)
  eq(n or 1, got, "the places changed in " .. PAGE)
  return text
end

local function value(R, id)
  local c = R:cell(id)
  return c and tostring(c.value)
end

-- every number of 表三's rows as the fixture prints them, or none where
-- `unknown` lets a row be unread (never another number)
local T3 = {
  ["t3.new.np"] = "64", ["t3.new.total"] = "70", ["t3.carried.total"] = "0",
  ["t3.result.public.np"] = "27", ["t3.result.unable.nohold.total"] = "25",
  ["t3.result.unable.unclear.np"] = "0", ["t3.result.other.misc.total"] = "1",
  ["t3.result.total.np"] = "63", ["t3.result.total.ngo"] = "2", ["t3.result.total.other"] = "4",
  ["t3.result.total.total"] = "69", ["t3.next.np"] = "1", ["t3.next.total"] = "1",
}

local function t3_right(path, unknown)
  local R = assert(E:read(path))
  for id, want in pairs(T3) do
    local got = value(R, id)
    if not (got == nil and unknown and unknown[id]) then eq(want, got, path .. ": " .. id) end
  end
  return R
end

test("a row or cell styled display:none (a spreadsheet's hidden rows and columns) is not read", function()
  -- a hidden column of other numbers before each row's first value
  local lines = {}
  for line in (assert(nbio.readfile(PAGE)) .. "\n"):gmatch("(.-)\n") do
    if line:find("^<tr>") and line:find("<td>%d+</td>") and line:find("（", 1, true) then
      line = line:gsub("(<td>%d+</td>)", '<td style="display: none">999</td>%1', 1)
    end
    lines[#lines + 1] = line
  end
  t3_right(write("hidden_column.html", table.concat(lines, "\n")))
  -- a hidden row of a draft's numbers before the row printed
  local stale = '<tr style="DISPLAY:none"><td colspan="3">四、结转下年度继续办理</td>'
                .. string.rep("<td>7</td>", 7) .. "</tr>\n"
  t3_right(write("hidden_row.html", page_with("(<tr><td colspan=\"3\">四、结转)", stale .. "%1")))
  -- a hidden piece of a cell's text (hidden text of a Word page saved as HTML)
  t3_right(write("hidden_text.html", page_with("<td>70</td>", "<td>70<span style='display:none;mso-hide:all'>0</span></td>")))
  -- the blocks skip them in C and in Lua alike: C leaves such a page to markup.lua
  local text = assert(nbio.readfile(write("hidden_cell.html",
    "<table><tr><td>a</td><td style='display:none'>9</td><td>b</td></tr></table>")))
  eq(false, nianbao.html.blocks(text, nil, true), "a hidden cell: the page goes the Lua way")
  local cells = {}
  for _, b in ipairs(require("markup").blocks(assert(nianbao.html.parse(text)))) do
    if b.kind == "cell" then cells[#cells + 1] = b.text .. "@" .. b.column end
  end
  eq("a@1 b@2", table.concat(cells, " "), "the hidden cell takes no column")
end)

test("a row shifted left by a merged cell above that ended early: its numbers not under the wrong columns", function()
  -- 三、本年度办理结果 spanning 21 rows of 22: （七）总计's row starts at the first column
  t3_right(write("rowspan_short.html", page_with('rowspan="22"', 'rowspan="21"')))
  -- （七）总计's label over one column of two
  t3_right(write("colspan_short.html", page_with('<td colspan="2">（七）总计</td>', "<td>（七）总计</td>")))
  -- an empty spacer row inside 三、's and （四）'s spans pushes their last rows out of them
  t3_right(write("spacer_row.html", page_with("(<tr><td>2%.没有现成信息)", "<tr>" .. string.rep("<td></td>", 8) .. "</tr>\n%1")))
end)

test("a row shifted right by a merged cell above that ran a row too far: read, not reported missing", function()
  -- 三、本年度办理结果 spanning 23 rows: 四、结转's row starts at the second column
  local path = write("rowspan_long.html", page_with('rowspan="22"', 'rowspan="23"'))
  t3_right(path)
  -- （三）不予公开 spanning 9 rows: （四）'s first row starts a column on
  local group = write("group_long.html", page_with('rowspan="8"', 'rowspan="9"'))
  t3_right(group)
  for _, p in ipairs { path, group } do
    local found = rules_found(p)
    assert(not found:find("row_missing", 1, true), p .. ":" .. found)
  end
end)

test("a 序号 column between 表三's labels and its numbers: its numbers are no part of the labels", function()
  local lines, k = {}, 0
  for line in (assert(nbio.readfile(PAGE)) .. "\n"):gmatch("(.-)\n") do
    local _, numbers = line:gsub("<td>%d+</td>", "")
    if numbers == 7 then
      k = k + 1
      line = line:gsub("(<td>%d+</td>)", "<td>" .. k .. "</td>%1", 1)
    end
    lines[#lines + 1] = line
  end
  local text, n = table.concat(lines, "\n"):gsub("(第三项加第四项之和）</td>)", "%1<td rowspan=\"3\">序号</td>", 1)
  eq(1, n, "the header's 序号")
  eq(25, k, "表三's rows")
  local path = write("seq_column.html", text)
  t3_right(path)
  local found = rules_found(path)
  assert(not found:find("row_missing", 1, true) and not found:find("struct.extra", 1, true), found)
end)

test("thousands parted by a full-width comma, and a footnote's mark after a number, are read", function()
  local text = page_with(">2293<", ">2，293<")
  text = text:gsub("<td>3</td><td>12</td>", "<td>3*</td><td>12①</td>", 1)
  local path = write("marks.html", text)
  local R = assert(E:read(path))
  eq("2293", value(R, "t2.permit.decisions"), "2，293")
  eq("3", value(R, "t4.rv.total"), "3*")
  eq("12", value(R, "t4.ld.upheld"), "12①")
  local found = rules_found(path)
  assert(not found:find("not_number", 1, true) and not found:find("row_values", 1, true), found)
  -- a comma that parts no group of three is no number
  eq(nil, require("tables").parse_number("2，29"), "2，29")
end)

test("a .docx's content controls around rows and cells are read; hidden text and a move's old place are not", function()
  local decode = require "pipeline.decode"
  local path = "tests/fixtures/shapes/s10-word-grid.docx"
  local xml = assert(decode.binary(assert(nbio.readfile(path)), path, "zh"))
  local at = assert(xml:find("四、结转下年度继续办理", 1, true))
  row_from = assert(xml:sub(1, at):match(".*()<w:tr>"))
  local row_to = select(2, xml:find("</w:tr>", at, true))
  local cell_to = select(2, xml:find("</w:tc>", at, true))          -- the label's cell
  local run = assert(xml:sub(1, (xml:find("<w:t>", cell_to, true))):match(".*()<w:r>"))   -- 自然人's number
  local function next_np(text, what)
    local R = assert(E:bind_text(text, "controls.docx"))
    eq("103", value(R, "t3.next.np"), what .. ": 四、结转 自然人")
    eq("103", value(R, "t3.next.total"), what .. ": 四、结转 总计")
  end
  local control = "<w:sdt><w:sdtPr><w:id w:val=\"7\"/></w:sdtPr><w:sdtContent>%s</w:sdtContent></w:sdt>"
  next_np(xml:sub(1, row_from - 1) .. control:format(xml:sub(row_from, row_to)) .. xml:sub(row_to + 1), "a row in a control")
  local np_to = select(2, xml:find("</w:tc>", cell_to + 1, true))
  next_np(xml:sub(1, cell_to) .. control:format(xml:sub(cell_to + 1, np_to)) .. xml:sub(np_to + 1), "a cell in a control")
  next_np(xml:sub(1, run - 1) .. "<w:r><w:rPr><w:vanish/></w:rPr><w:t>9</w:t></w:r>" .. xml:sub(run), "hidden text")
  next_np(xml:sub(1, run - 1) .. "<w:moveFrom w:id=\"5\" w:author=\"a\"><w:r><w:t>7</w:t></w:r></w:moveFrom>"
          .. xml:sub(run), "a move's old place")
  -- w:vanish w:val="false" is text that shows
  local R = assert(E:bind_text(xml:sub(1, run - 1) .. "<w:r><w:rPr><w:vanish w:val=\"false\"/></w:rPr><w:t>1</w:t></w:r>"
                                 .. xml:sub(run), "shown.docx"))
  eq("1103", value(R, "t3.next.np"), "a run whose vanish is off")
end)
