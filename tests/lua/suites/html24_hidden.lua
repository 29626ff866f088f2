-- What a browser does not show is not read: a draft kept in the page
-- hidden by its own style or by a class its <style> hides, a revised
-- page's struck old value, a footnote's mark set in <sup>. Each page is
-- tests/fixtures/platforms23/w3-portal-meta.html (pingtan-2021's values)
-- changed in one way; its printed numbers must be read, the draft's never.

local E = nianbao.engine
local PAGE = "tests/fixtures/platforms23/w3-portal-meta.html"

local function page_with(from, to)
  local text, n = assert(nbio.readfile(PAGE)):gsub(from, to, 1)
  eq(1, n, "the place changed in " .. PAGE)
  return text
end

local NEW_ROW = '<tr><td colspan="3">一、本年新收政府信息公开申请数量</td><td>64</td>'
local T3_AT = '(<table border="1" cellspacing="0" cellpadding="2">\n<tr><td rowspan="3" colspan="3">)'

-- the printed 表三 with every number of its first row 9: a draft
local function draft_t3()
  local text = assert(nbio.readfile(PAGE))
  local t3 = text:match('<table border="1" cellspacing="0" cellpadding="2">\n<tr><td rowspan="3" colspan="3">.-</table>')
  assert(t3, "表三 in " .. PAGE)
  return (t3:gsub("(一、本年新收政府信息公开申请数量</td>)(.-)(</tr>)",
                  function(a, _, c) return a .. string.rep("<td>9</td>", 7) .. c end, 1))
end

local function new_row(R, name)
  eq(64, R:cell("t3.new.np").value, name .. ": 一、本年新收 自然人")
  eq(70, R:cell("t3.new.total").value, name .. ": 一、本年新收 总计")
end

test("a draft 表三 hidden by its own style, before the printed one, is not read", function()
  for name, wrap in pairs {
    div = '<div class="draft" style="color:#333; display: none;">%s</div>',
    table = "%s",                                      -- the table's own style, below
    section = "<section hidden>%s</section>",
    nested = '<div style="display:none"><div><p>初稿</p>%s</div></div>',
  } do
    local draft = draft_t3()
    if name == "table" then draft = draft:gsub("^<table", '<table style="DISPLAY:NONE"', 1) end
    local R = assert(E:read(write("hidden_" .. name .. ".html",
      page_with(T3_AT, (wrap:format(draft):gsub("%%", "%%%%")) .. "\n%1"))))
    new_row(R, name)
  end
  local shown = nianbao.html.blocks("<body><div style='display:none'><p>9</p></div><p>1</p></body>", nil, true)
  eq(1, shown and #shown, "a hidden element of no table: read in C, left out")
  eq("1", shown and shown[1].text, "a hidden element of no table: the shown paragraph")
  eq(false, nianbao.html.blocks("<div style='display:none'><table><tr><td>9</td></tr></table></div><p>1</p>", nil, true),
     "a hidden element that holds a table: the page goes the Lua way")
end)

test("a draft hidden by a class or id the page's <style> hides is not read", function()
  local style = '<STYLE type="text/css">@charset "utf-8";\n/* 旧稿 */ .hide, div.old { DISPLAY : none }\n#bak{display:none;}\n</STYLE></head>'
  for name, open in pairs { class = '<div class="wrap hide">', tag_class = '<div class="old">', id = '<div id="bak">' } do
    local text = page_with(T3_AT, (open .. draft_t3():gsub("%%", "%%%%") .. "</div>\n%1"))
    local R = assert(E:read(write("class_" .. name .. ".html", (text:gsub("</head>", style, 1)))))
    new_row(R, name)
  end
  eq(false, nianbao.html.blocks("<style>p.x { DISPLAY : none }</style><p>1</p>", nil, true),
     "a style sheet that hides: the page goes the Lua way")
  eq("table", type(nianbao.html.blocks("<style>a{display:block;text-decoration:none}</style><p>1</p>", nil, true)),
     "a style sheet that hides nothing: read in C")
end)

test("a class hidden only for a printer or a phone, or shown again, is read", function()
  local style = "<style>@media print { .t { display: none } }\n"
                .. "@media (max-width: 600px) { .u { display:none } }\n.v{display:none} .v{display:block}</style></head>"
  for _, class in ipairs { "t", "u", "v" } do
    local text = page_with(T3_AT, '<div class="' .. class .. '">%1')
    text = text:gsub("(</table>)(%s*<p[^>]*><strong>四、)", "%1</div>%2", 1):gsub("</head>", style, 1)
    local R = assert(E:read(write("shown_" .. class .. ".html", text)))
    new_row(R, class)
  end
end)

test("a page whose report is hidden (its script shows it) beside a shown table or none is read whole", function()
  local text = assert(nbio.readfile(PAGE)):gsub("<body>", '<body><div style="display:none">', 1)
                                          :gsub("</body>", "</div></body>", 1)
  new_row(assert(E:read(write("all_hidden.html", text))), "all hidden")
  -- the portal's 索引号 table shown above it, the report's three tables hidden
  new_row(assert(E:read(write("report_hidden.html", page_with('<div class="zw" id="zoom">',
                                                              '<div class="zw" id="zoom" style="display:none">')))),
          "the report hidden")
end)

test("a struck old value beside the new one is not read: del, s, strike, line-through", function()
  for name, cell in pairs {
    del = "<td><del>62</del> <ins>64</ins></td>", s = "<td><s>62</s>64</td>",
    strike = '<td><strike>62</strike><font color="red">64</font></td>',
    style = '<td><span style="text-decoration: line-through">62</span> <span style="color:red">64</span></td>',
  } do
    local R = assert(E:read(write("struck_" .. name .. ".html",
      page_with(NEW_ROW, '<tr><td colspan="3">一、本年新收政府信息公开申请数量</td>' .. cell))))
    new_row(R, name)
  end
  -- a struck cell keeps its place: the row's other numbers stay under their columns
  local R = assert(E:read(write("struck_cell.html", page_with(NEW_ROW,
    '<tr><td colspan="3">一、本年新收政府信息公开申请数量</td><td style="text-decoration:line-through">62</td>'))))
  local c = R:cell("t3.new.np")
  assert(not (c and c.value == 62), "the struck 62 read")
  eq(70, R:cell("t3.new.total").value, "一、本年新收 总计 in its own column")
  eq(4, R:cell("t3.new.other").value, "一、本年新收 其他 in its own column")
end)

test("a footnote's mark in <sup> is no digit of its number: 70<sup>1</sup> is 70", function()
  local R = assert(E:read(write("sup.html",
    page_with("<td>4</td><td>70</td></tr>", "<td>4</td><td>70<sup>1</sup></td></tr>"))))
  new_row(R, "sup")
  local blocks = nianbao.html.blocks("<table><tr><td>70<sup>1</sup></td><td><del>6</del>7</td></tr></table>", nil, true)
  eq("70", blocks[1].text, "C: the mark left out")
  eq("7", blocks[2].text, "C: the struck 6 left out")
  local lua = require("markup").blocks(assert(nianbao.html.parse("<table><tr><td>70<sup>1</sup></td></tr></table>")))
  eq("70", lua[1].text, "Lua: the mark left out")
end)

test("a .docx's struck old value and superscript footnote mark are not read", function()
  local decode = require "pipeline.decode"
  local path = "tests/fixtures/shapes/s10-word-grid.docx"
  local xml = assert(decode.binary(assert(nbio.readfile(path)), path, "zh"))
  local at = assert(xml:find("四、结转下年度继续办理", 1, true))
  local cell_to = select(2, xml:find("</w:tc>", at, true))          -- the label's cell
  local run = assert(xml:sub(1, (xml:find("<w:t>", cell_to, true))):match(".*()<w:r>"))   -- 自然人's number
  local np_end = select(2, xml:find("</w:r>", run, true))
  for what, runs in pairs {
    strike = "<w:r><w:rPr><w:strike/></w:rPr><w:t>98</w:t></w:r>",
    dstrike = "<w:r><w:rPr><w:dstrike w:val=\"true\"/></w:rPr><w:t>98</w:t></w:r>",
    after_sup = "", sup = nil,
  } do
    local text = xml:sub(1, run - 1) .. runs .. xml:sub(run)
    if what == "after_sup" then
      text = xml:sub(1, np_end) .. "<w:r><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr><w:t>1</w:t></w:r>"
             .. xml:sub(np_end + 1)
    end
    local R = assert(E:bind_text(text, what .. ".docx"))
    local c = R:cell("t3.next.np")
    eq(103, c and c.value, what .. ": 四、结转 自然人")
  end
  -- w:strike w:val="0" is text that shows
  local R = assert(E:bind_text(xml:sub(1, run - 1) .. "<w:r><w:rPr><w:strike w:val=\"0\"/></w:rPr><w:t>1</w:t></w:r>"
                                 .. xml:sub(run), "shown.docx"))
  eq(1103, R:cell("t3.next.np").value, "a run whose strike is off")
end)

test("an en space parting thousands (10&ensp;690) is read as a thin space is", function()
  local tables = require "tables"
  eq(10690, tables.parse_number("10\u{2002}690"), "10 690 with an en space")
  eq(nil, tables.parse_number("10\u{2002}69"), "no group of three: no number")
end)
