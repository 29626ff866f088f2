-- nianbao.html.blocks reads a page as libxml2 parses it, with no tree:
-- where the tree would have put a node (an element after the first one
-- closed hangs under it when nothing came before it; a DOCTYPE late in the
-- page puts what follows beside it), a table in a cell with text after it,
-- pages nested deeper than the streaming read follows: the same blocks as
-- markup.blocks makes of the page's tree.

local markup = require "markup"

local same_both_ways = same_blocks_both_ways

for _, case in ipairs {
  { "a fragment of paragraphs: the later ones hang under the first",
    "<p>one</p>\n<p>two <b>bold</b></p>tail<div>three</div>" },
  { "a table first: what follows it is read as the table's rows",
    "<table><tr><td>a</td></tr></table><p>lost</p><tr><td>row two</td></tr>text" },
  { "a table first and a merged cell: later rows still step around it",
    "<table><tr><td rowspan=3>a</td><td>b</td></tr></table><tr><td>c</td></tr><tr><td>d</td></tr>" },
  { "a script first: nothing after it is read",
    "<script>var x = 1;</script><p>never</p><table><tr><td>x</td></tr></table>" },
  { "a cell first, a row after it",
    "<td>first</td><tr><td>second</td></tr><p>after</p>" },
  { "a comment or a doctype first: later elements stand beside the first",
    "<!-- cms --><table><tr><td>a</td></tr></table><p>read</p>" },
  { "a doctype first",
    "<!DOCTYPE html><table><tr><td>a</td></tr></table><p>read</p>" },
  { "a doctype after the first element: what follows stands beside it",
    "<table><tr><td>a</td></tr></table><p>under</p><!DOCTYPE html><p>beside</p><tr><td>b</td></tr>" },
  { "a processing instruction first, and Word's inside",
    "<?xml version='1.0'?><p>a<?xml:namespace prefix = o ?><o:p></o:p>b</p><p>c</p>" },
  { "tables in a cell are read after it, their text not the cell's",
    "<table><tr><td>x <table><tr><td>in1</td></tr></table> y <table><tr><td>in2<table><tr><td>in3</td>"
    .. "</tr></table>z</td></tr></table> w</td><td>next</td></tr><tr><td rowspan=2>r</td></tr></table>" },
  { "a table in a cell of a table in a cell, with merged cells at every level",
    "<table><tr><td colspan=2>a<table><tr><td rowspan=2>b</td><td>c</td></tr><tr><td>d</td></tr></table></td>"
    .. "<td>e</td></tr><tr><td>f</td><td>g</td><td>h</td></tr></table>" },
  { "rows of a table inside markup that is no cell",
    "<table><tbody><tr><td>a</td></tr></tbody><div><tr><td>b</td></tr><table><tr><td>lost</td></tr></table></div></table>" },
  { "text in a row or a table outside cells is not read",
    "<table>stray<tr>row text<td>a</td>more<th>b</th></tr>end</table>" },
  { "entities and character references across pieces of text",
    "<p>a&amp;b&nbsp;c&#12288;d&lt;e</p><table><tr><td>&gt; x &amp;  y</td></tr></table>" },
  { "markup nested past the depth the stream follows",
    string.rep("<div>", 230) .. "deep<table><tr><td>t</td></tr></table>" .. string.rep("</div>", 230) .. "<p>after</p>" },
  { "tables nested past the depth the stream follows",
    string.rep("<table><tr><td>", 80) .. "deep" .. string.rep("</td></tr></table>", 80) },
  { "a page with a NUL byte",
    "<p>a\0b</p><table><tr><td>c</td></tr></table>" },
  { "an end tag first in a script closes what it closes",
    "<div><script></div><table><tr><td rowspan=2 id=x>a</td><td class=c>b</td></tr></table>" },
  { "a script in a cell closed by the cell's end",
    "<table><tr><td><script></td><td id=1 colspan=2>b</td></tr><tr><td style='x'>c</td></tr></table>" },
  { "markup in a title, and a tag inside another tag's quoted value",
    "<title><td id=1>x</title><a title=\"<td id=\"x\">\">t</a><p id=p>after</p>" },
  { "a style sheet in a comment, as Word writes it",
    "<style><!-- p.MsoNormal {margin:0} --></style><p class=MsoNormal style='margin:0'>a</p>"
    .. "<table><tr><td width=20 valign=top style='width:1pt'>b</td></tr></table>" },
  { "the lines of comments, scripts and styles still count",
    "<!--\n\n a \n-->\n<style>\nbody{font-family:\"仿宋\"}\n\n</style><p>one</p>\n<script type=x>\nvar a = '<p>';\n</script>\n"
    .. "<p>two</p><table><tr><td>\n<!-- in\na cell -->x</td></tr></table>" },
  { "a script or comment that is not UTF-8",
    "<script>\255\254</script><p>é</p><!-- \200 --><p>ü</p>" },
  { "white space between inline elements, where libxml2 asks the tree whether it is blank",
    "<p><b>x</b> <i>y</i></p><div><p>a</p> <p>b</p></div> <table><tr><td><span>a</span> <span>b</span></td>"
    .. "<td> <b>c</b> </td></tr></table><body> <b>d</b></body>" },
  { "white space in a strict HTML 4 body",
    "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\"><html> <head> <title>t</title> </head><body> <b>a</b> <b>b</b>"
    .. "<table> <tr> <td> <b>c</b> <i>d</i> </td> </tr> </table> </body> </html>" },
  { "a comment, a script and an attribute longer than the pieces left out",
    "<p>a</p><!--" .. string.rep("x", 1100000) .. "--><p>b</p><script>" .. string.rep("y", 1100000) .. "</script>"
    .. "<table><tr><td id=\"" .. string.rep("z", 1100000) .. "\" rowspan=2>c</td></tr></table>" },
  { "a page of one element left open",
    "<div><p>open<table><tr><td>cell" },
} do
  test("blocks read as parsed are those of the tree: " .. case[1], function()
    same_both_ways(case[2], case[1])
  end)
end

test("the depth limit given to blocks cuts a streamed page where it cuts the tree", function()
  local page = "<div><p>a<b>b<i>c<u>d</u></i></b></p><table><tr><td>x<span>y<em>z</em></span></td></tr></table></div>"
  for depth = 1, 8 do
    local got = nianbao.html.blocks(page, depth)
    local d = differ(markup.blocks(assert(nianbao.html.parse(page, depth))), got, "blocks")
    if d then error("depth " .. depth .. ": " .. d) end
  end
end)

-- n pages of up to `most` pieces drawn from `pieces` (seeded): each read as
-- parsed and from its tree alike; → how many were compared (not left to Lua)
local function random_pages(pieces, n, most, seed)
  local compared = 0
  local function rand(k)
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % k + 1
  end
  for i = 1, n do
    local out = {}
    for j = 1, rand(most) do out[j] = pieces[rand(#pieces)] end
    local text = table.concat(out)
    local got = nianbao.html.blocks(text)
    local tree = nianbao.html.parse(text)
    if got == nil or tree == nil then
      eq(tree == nil, got == nil, "page " .. i .. " read by one and not the other: " .. text)
    elseif got ~= false then
      local d = differ(markup.blocks(tree), got, "blocks")
      if d then error("page " .. i .. ": " .. d .. "\n" .. text, 2) end
      compared = compared + 1
    end
  end
  return compared
end

-- pages made of table markup mostly, with the pieces that change where the
-- tree puts a node: compared with markup.blocks of the tree
local pieces = {
  "<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", "<th>", "</th>", "<td rowspan=2>", "<td colspan=2>",
  "<td rowspan=2 colspan=2>", "<tbody>", "</tbody>", "<p>", "</p>", "<div>", "</div>", "<b>", "</b>",
  "<br>", "<!DOCTYPE html>", "<!-- c -->", "<?pi x?>", "<script>s</script>", "<style>p{}</style>",
  "<noscript>n</noscript>", "<o:p>", "</o:p>", "<h2>", "</h2>", "<li>", "<html>", "</html>", "<body>",
  "</body>", "<head>", "</head>", "<title>t</title>", "<caption>cap</caption>",
  "x", "表三", " ", "\n", "&amp;", "&nbsp;", "<", ">",
}

test("pages of table markup in many shapes: the same blocks read as parsed as from the tree", function()
  local compared = random_pages(pieces, 2000, 50, 424242)
  eq(true, compared > 1500, "pages compared (" .. compared .. ")")
end)

-- the attributes the blocks never read are not handed to libxml2 while the
-- page's markup is read as libxml2 reads it: pages of markup that is easy to
-- misread (quotes holding '>', comments closed oddly, scripts holding tags,
-- titles holding markup, names libxml2 cuts) read the same as their trees
local tricky = {
  "<td id=\"a>b\">", "<td id='x' class=y data-cell=\"t3.new.np\">", "<td a = \"b\" rowspan = 2>",
  "<td ROWSPAN=2 Id=x>", "<td id=x/>", "<td/ id=x>", "<td id=>", "<td id=\"x\ny\">", "<td\fid=x>",
  "<td title=\"中文\" colspan=2>", "<td style='width:1pt;border:solid'>", "<td nowrap class=c>",
  "<td a=\"1\"b=\"2\">", "<td id=\"&quot;\">", "<td id=a&amp;b>", "<p class=x>", "<span style=\"a\">",
  "<meta charset=utf-8 content=x>", "<div id=" .. string.rep("a", 95) .. ">", "<" .. string.rep("b", 95) .. " id=1>",
  "<!--->", "<!-->", "<!-- a --!> b -->", "<!-- <td id=1> -->", "<!---->", "<!-- x -- y -->",
  "<!DOCTYPE html>", "<!DOCTYPE html PUBLIC \"a\" \"b\">", "<!DOCTYPE x 'y'>", "<!doctype html \"a>\">",
  "<!DOCTYPE html \"a\">", "<![CDATA[<td id=1>]]>", "<!x id=1>", "<?pi <td id=1>?>",
  "<script><td id=x>s</script>", "<script></scriptx><td id=1></script>", "<script src=a />",
  "<SCRIPT type=x>a</Script >", "<style id=s>p{}</style>", "<title><td id=x></title>", "<title>t</title>",
  "<textarea id=t>a<b id=1>b</textarea>", "<xmp><td id=1></xmp>", "<1", "< td id=1>", "<_x id=1>", "<:x id=1>",
  "<=", "<<td id=1>", "</td>", "</td >", "</ td>", "</td id=1>", "</3>", "<td", "<td id=\"",
  "<style><!-- p.a {x:y} --></style>", "<script></div>", "<script><b id=1>x</b></script>", "<script>",
  "<style>", "</script>", "</style>", "<div>", "</div>", "<p id=p>", "</p>",
  "<table>", "</table>", "<tr>", "</tr>", "<td>", "<td rowspan=2 id=q>", "<th colspan=2 class=label>",
  "x", "表三", " ", "\n", "&amp;", "\"", "'", "=", ">",
}

test("pages with attributes and markup easy to misread: the same blocks as the tree of the page as given", function()
  local compared = random_pages(tricky, 3000, 40, 977)
  eq(true, compared > 2000, "pages compared (" .. compared .. ")")
end)

test("every tag markup.lua ends a paragraph at, and the ones it skips, read as the tree reads them", function()
  local src = assert(nbio.readfile("scripts/lib/markup.lua", 1048576))
  local list = assert(src:match('local block = {}%s*for t in %(("[^)]*)%):gmatch'), "markup.lua's list of block tags")
  local tags = {}
  for t in list:gmatch("[%a%d]+") do tags[#tags + 1] = t end
  for _, t in ipairs { "script", "style", "noscript", "template", "table", "tr", "td", "th", "span", "b", "font",
                       "h7", "h0", "hgroup", "tbody", "o:p", "w:p", "x:td" } do
    tags[#tags + 1] = t
  end
  eq(true, #tags > 40, "tags (" .. #tags .. ")")
  for _, t in ipairs(tags) do
    same_both_ways("a<" .. t .. ">b</" .. t .. ">c<table><tr><td>d<" .. t .. ">e</" .. t .. ">f</td></tr></table>", t)
    same_both_ways("<" .. t .. ">x</" .. t .. "><p>y</p>", t .. " first")
  end
end)

-- A page saved with a web font inside its <style> holds one text run of
-- over 10,000,000 bytes, where libxml2's tree builder stops ("huge text
-- node") unless told otherwise: the body after it is read all the same.
test("a text run over 10 MB (a base64 font in <style>) does not lose the body after it", function()
  local font = string.rep("d09GMgABAAAA", 900000)
  eq(true, #font > 10000000, "font bytes")
  local body = "<p>本机关2024年政府信息公开工作年度报告</p><table><tr><td>新收政府信息公开申请数量</td><td>154</td></tr></table><p>结束</p>"
  local page = "<html><head><style>@font-face{src:url(data:font/woff2;base64," .. font .. ")}</style></head><body>"
               .. body .. "</body></html>"
  for _, p in ipairs { page, (page:gsub("结束", "结\0束")) } do       -- streamed, and (a NUL) from the tree
    local blocks = nianbao.html.blocks(p)
    eq("table", type(blocks), "blocks")
    local texts = {}
    for _, b in ipairs(blocks) do texts[#texts + 1] = b.text end
    local all = table.concat(texts, "|")
    has(all, "新收政府信息公开申请数量|154", "the table after the font")
    has(all, "束", "the last paragraph")
    same_both_ways(p, "a 10 MB text run")
  end
end)
