-- A page's style rules of longer selectors, a draft beside the printed table
-- that nothing the page says hides, and a CMS's JSON answer. Each page is
-- tests/fixtures/platforms23/w3-portal-meta.html (pingtan-2021's values)
-- changed in one way.

local E = nianbao.engine
local PAGE = "tests/fixtures/platforms23/w3-portal-meta.html"

local function page_with(from, to)
  local text, n = assert(nbio.readfile(PAGE)):gsub(from, to, 1)
  eq(1, n, "the place changed in " .. PAGE)
  return text
end

local T3_AT = '(<table border="1" cellspacing="0" cellpadding="2">\n<tr><td rowspan="3" colspan="3">)'

-- the printed 表三 with its first row's 自然人 and 总计 one more: a draft
local function draft_t3()
  local text = assert(nbio.readfile(PAGE))
  local t3 = text:match('<table border="1" cellspacing="0" cellpadding="2">\n<tr><td rowspan="3" colspan="3">.-</table>')
  assert(t3, "表三 in " .. PAGE)
  local draft, n = t3:gsub("(一、本年新收政府信息公开申请数量</td><td>)64(</td>.-<td>)70(</td></tr>)", "%165%271%3", 1)
  eq(1, n, "the draft's row")
  return draft
end

local function with_draft(name, open, close, style, around)
  local text = page_with(T3_AT, (open .. draft_t3():gsub("%%", "%%%%") .. close .. "\n%1"))
  if style then text = text:gsub("</head>", style .. "</head>", 1) end
  if around then text = text:gsub('<div class="zw" id="zoom">', around, 1) end
  return write("html25_" .. name .. ".html", text)
end

test("a draft hidden by a longer selector of the page's <style> is not read", function()
  for name, case in pairs {
    descendant = { '<div class="draft">', "</div>", "<style>.zw .draft{display:none}</style>" },
    child = { '<div class="old x">', "</div>", "<style>#zoom > div.old.x { display : none }</style>" },
    list = { '<div class="b">', "</div>", "<style>.a,\n .b {display:none}</style>" },
    attr = { '<div data-v hidden>', "</div>", "<style>[hidden]{display:none}</style>" },
    weightier = { '<div class="draft">', "</div>", "<style>#zoom .draft{display:none} .draft{display:block}</style>" },
  } do
    local R = assert(E:read(with_draft(name, case[1], case[2], case[3])))
    eq(64, R:cell("t3.new.np").value, name .. ": 一、本年新收 自然人")
    eq(70, R:cell("t3.new.total").value, name .. ": 一、本年新收 总计")
  end
end)

test("a draft beside the printed table, neither hidden for sure: the cells they differ in are unknown", function()
  for name, case in pairs {
    print_only = { '<div class="d">', "</div>", "<style>@media print { .d {display:none} }</style>" },
    invisible = { '<div style="visibility:hidden">', "</div>" },
    offscreen = { '<div style="position:absolute;left:-9999px">', "</div>" },
    linked = { '<div class="draft">', "</div>", '<link rel="stylesheet" href="/css/a.css">' },
    unknown_selector = { '<div class="draft">', "</div>", "<style>.zw .draft:first-child{display:none}</style>" },
  } do
    local path = with_draft(name, case[1], case[2], case[3])
    local R = assert(E:read(path))
    eq("unknown", R:cell("t3.new.np").state, name .. ": 自然人, 64 or 65")
    eq("unknown", R:cell("t3.new.total").state, name .. ": 总计, 70 or 71")
    eq(0, R:cell("t3.new.biz").value, name .. ": 商业企业, the same in both")
    eq(27, R:cell("t3.result.public.np").value, name .. ": a row the same in both")
    local found = {}
    for _, f in ipairs(assert(nianbao.check(path))) do found[f.rule] = (found[f.rule] or 0) + 1 end
    eq(2, found["gb2021.val.copies_differ"], name .. ": said, cell by cell")
    eq(nil, found["gb2021.txt.new"], name .. ": the prose is not checked against either")
    eq(nil, found["gb2021.parse.unplaced"], name .. ": the second copy is no other rows")
  end
  -- the same table twice, equal: read, nothing said
  local same = page_with(T3_AT, (assert(nbio.readfile(PAGE)):match(
    '<table border="1" cellspacing="0" cellpadding="2">\n<tr><td rowspan="3" colspan="3">.-</table>'):gsub("%%", "%%%%") .. "\n%1"))
  local R = assert(E:read(write("html25_same.html", same)))
  eq(64, R:cell("t3.new.np").value, "two equal copies")
end)

test("a CMS's JSON answer for the article is read, its characters escaped or not", function()
  local page = assert(nbio.readfile(PAGE))
  local body = page:match("<body.*</body>")
  local escaped = body:gsub("\\", "\\\\"):gsub('"', '\\"'):gsub("\n", "\\n")
                      :gsub("[\xE0-\xEF][\x80-\xBF][\x80-\xBF]", function(c)
                        local a, b, d = c:byte(1, 3)
                        return string.format("\\u%04x", ((a & 0x0F) << 12) | ((b & 0x3F) << 6) | (d & 0x3F))
                      end)
  for name, content in pairs { escaped = escaped, raw = body:gsub("\\", "\\\\"):gsub('"', '\\"'):gsub("\n", "\\n") } do
    local json = '{"code":200,"data":{"id":10234,"title":"\\u4e1c\\u5c4f","content":"' .. content .. '"}}'
    local R = assert(E:read(write("html25_api_" .. name .. ".json", json)))
    eq(64, R:cell("t3.new.np").value, name .. ": 一、本年新收 自然人")
    eq(2021, R.year, name .. ": the year")
  end
end)

test("a table split in parts of the same labels, each under its own caption, is no two copies", function()
  local R = assert(E:read("tests/fixtures/shapes/s3-t4-split-inline.html"))
  eq(351, R:cell("t4.rv.total").value, "（一）行政复议 总计")
  eq(26, R:cell("t4.ld.total").value, "（二）未经复议直接起诉 总计")
  eq(20, R:cell("t4.la.total").value, "（三）复议后起诉 总计")
end)

test("the blocks say when two tables hold as many cells, and only then", function()
  local t = "<table><tr><td>a</td><td>1</td></tr><tr><td>b</td><td>2</td></tr></table>"
  local other = "<table><tr><td>a</td><td>1</td><td>3</td></tr><tr><td>b</td><td>2</td><td>4</td></tr></table>"
  eq(true, nianbao.html.blocks("<p>x</p>" .. t .. t:gsub("2", "5")).twins, "two of four cells")
  eq(nil, nianbao.html.blocks("<p>x</p>" .. t .. other).twins, "four cells and six")
  eq(nil, nianbao.html.blocks("<p>x</p>" .. t).twins, "one table")
end)
