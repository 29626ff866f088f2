-- A page's style sheet that says display:none sends the page to libxml2's
-- tree and markup.lua, which read its rules. Where no rule of it hides an
-- element (each display:none a printer's or a phone's, under @media, or set
-- back by a later rule), the reader reads its rules first and tells
-- nianbao.html.blocks so: the C walk reads the page, as with no sheet.
-- A sheet that does hide still leaves the page to markup.lua.

local markup = require "markup"
local E = nianbao.engine
local PAGE = "tests/fixtures/platforms23/w3-portal-meta.html"   -- pingtan-2021's values

local function with_sheet(text, css)
  local page, n = text:gsub("</head>", "<style type=\"text/css\">" .. css .. "</style></head>", 1)
  eq(1, n, "a head in the page")
  return page
end

local SHOWN_ALL = {
  "@media print { .noprint, .share { display: none } }",
  "@media screen and (max-width: 768px) { .pc-nav { display:none; } }\n.pc-nav { float: left }",
  ".tips { display:none }\n.tips { display:block }",
  "/* print */ @media print{.print-bar{display:none}} .content p { display: block }",
}

test("a sheet whose display:none hides nothing: told so, the C walk reads the page as the tree without it", function()
  local text = assert(nbio.readfile(PAGE))
  for _, css in ipairs(SHOWN_ALL) do
    local page = with_sheet(text, css)
    local left, why = nianbao.html.blocks(page)
    eq(false, left, css .. ": not told, the page is markup.lua's")
    eq("sheet", why, css .. ": why")
    local got = nianbao.html.blocks(page, nil, true, true)
    eq("table", type(got), css .. ": told, the C walk reads it")
    local d = differ(markup.blocks(assert(nianbao.html.parse(page))), got, "blocks")
    if d then error(css .. ": " .. d) end
  end
end)

local NEW_ROW = '<tr><td colspan="3">一、本年新收政府信息公开申请数量</td><td>64</td>'

test("the reader: a sheet that hides nothing reads the page's numbers; one that hides a draft leaves it out", function()
  local text = assert(nbio.readfile(PAGE))
  for i, css in ipairs(SHOWN_ALL) do
    local R = assert(E:read(write("sheet_shown_" .. i .. ".html", with_sheet(text, css))))
    eq(64, R:cell("t3.new.np").value, css .. ": 一、本年新收 自然人")
  end
  -- a draft 表三 before the printed one, of a class the sheet hides (by a plain rule, a longer one, under @media too)
  local t3 = text:match('<table border="1" cellspacing="0" cellpadding="2">\n<tr><td rowspan="3" colspan="3">.-</table>')
  local draft = t3:gsub(NEW_ROW:gsub("%p", "%%%0"), '<tr><td colspan="3">一、本年新收政府信息公开申请数量</td><td>9</td>', 1)
  for i, css in ipairs({ "@media print { .x { display:none } } .draft { display:none }",
                         "@media print { .draft { display:block } } div.box .draft { display: none }" }) do
    local page = with_sheet(text, css):gsub("(<table border=\"1\" cellspacing=\"0\" cellpadding=\"2\">\n<tr><td rowspan=\"3\")",
      function(at) return '<div class="box"><div class="draft">' .. draft .. "</div></div>" .. at end, 1)
    local R = assert(E:read(write("sheet_hides_" .. i .. ".html", page)))
    eq(64, R:cell("t3.new.np").value, css .. ": the printed 表三's 自然人, not the draft's")
  end
end)
