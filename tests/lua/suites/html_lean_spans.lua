-- A span or font that holds text alone (and Word's empty o:p, in the body),
-- right after a p, td or th opens (or right after such a span), reaches
-- libxml2 as its text: the p is what is open, the span closes nothing, and
-- the paragraph's line is the p's, the span being on its line. Pages with
-- such spans next to what could tell them apart (line ends, references cut
-- by the span's end, text after it, a head or a cell around it, a depth near
-- the limits) give the blocks of the full tree.

local lean = dofile("tests/lua/lean_pages.lua")(eq, differ, nianbao.html)

local pieces = {
  "<p>", "<p class=p>", "<P style='text-align:right'>", "</p>", "<p/>", "<p\n>",
  "<span>x</span>", "<span style=\"font-family: 仿宋_GB2312; font-size: 12pt;\">第二十条</span>",
  "<span>&nbsp;</span>", "<SPAN lang=EN-US>y</SPAN>", "<span>&amp</span>", "<span>a&b;c</span>",
  "<span>&#12288;</span>", "<span>&#x41;z</span>", "<span></span>", "<span> </span>", "<span>\tt</span>",
  "<span>l\nm</span>", "<span>r\r</span>", "<span>x</span >", "<span/>", "<span\ntitle=a>n</span>",
  "<span title='a>b'>q</span>", "<span>\255</span>", "<span>u</span>amp;", "<span>&amp</span>;", "<span>&amp</span><span>;</span>", "<span>v</span>\n",
  "<span>", "</span>", "<span><span>w</span></span>", "<spanx>s</spanx>",
  "<font face=宋体>f</font>", "<FONT size=2>g</FONT>", "<span>h</font>", "<font>i</span>", "<font>", "</font>",
  "<span style='x'>t<o:p></o:p></span>", "<span>t<O:P></O:P></span>", "<font>t<o:p></o:p></font>",
  "<span>t<o:p></o:p>\n</span>", "<span>t<o:p>x</o:p></span>", "<span><o:p></o:p></span>", "<o:p>",
  "<div>", "</div>", "<b>", "</b>", "<br>", "<o:p></o:p>", "<h2>", "</h2>", "<li>",
  "<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", "<th>", "</th>", "<TD width=1>", "<td/>",
  "<html>", "</html>", "<head>", "</head>", "<body>", "</body>", "<title>t</title>",
  "<script>s</script>", "<!-- c -->", "text", "二〇二四年", " ", "\n", "&nbsp;", "\r\n",
}

local starts = { "", "<!DOCTYPE html>", "<html><head>", "<html><head><title>t</title></head><body>", " ", "\n" }

local same_as_tree = lean.same_as_tree

test("spans after a p among markup of every kind: the blocks of the lean parse are the full tree's", function()
  local rand, compared = lean.random(20261207), 0
  for i = 1, 2000 do
    local out = { starts[rand(#starts)] }
    for k = 2, rand(40) + 1 do
      -- a p and its spans together most of the time: the place they are taken out
      local open = ({ "<p>", "<td>", "<th class=x>", "<p class=MsoNormal>" })[rand(4)]
      out[k] = rand(3) == 1 and open .. pieces[rand(#pieces)] .. pieces[rand(#pieces)] or pieces[rand(#pieces)]
    end
    local depth = rand(4) == 1 and rand(8) or nil
    if same_as_tree(table.concat(out), depth, "page " .. i) then compared = compared + 1 end
  end
  eq(true, compared > 1500, "pages compared (" .. compared .. ")")
end)

test("a span's text starts a paragraph on the p's line, on every line the p may open", function()
  for _, text in ipairs({
    "<div>\n<p><span>a</span></p>", "<div><p>\n<span>a</span></p>", "<div>a\n<p><span>b</span><span>c</span>\n</p>",
    "<p\nclass=x><span>a</span></p>", "<table><tr><td>\n<p><span>a</span><span>&nbsp;</span></p></td></tr></table>",
    "<body>\n<p><span>a</span>\nb</p><p><span>c</span></p>",
    "<body>\n<p><span>a<o:p></o:p></span>b\n<span>c</span></p>\n<table><tr>\n<td><font>d</font>e\n</td></tr></table>",
  }) do
    same_as_tree(text, nil, text)
  end
end)

test("a span taken out near the depth limits is read where the tree reads it", function()
  for n = 190, 202 do
    same_as_tree(string.rep("<div>", n) .. "<p><span>deep</span></p>" .. string.rep("</div>", n) .. "<p>after</p>",
                 nil, n .. " divs")
    same_as_tree("<body>" .. string.rep("<div>", n) .. "<p><span>deep<o:p></o:p></span>x</p>" .. string.rep("</div>", n),
                 nil, n .. " divs in a body")
  end
  for depth = 1, 8 do
    same_as_tree("<div><div><div><p><span>a</span><span>b</span></p></div></div></div><p><span>c</span></p>",
                 depth, "depth " .. depth)
    same_as_tree("<body><div><div><p><span>a<o:p></o:p></span>b<span>c</span></p></div></div><p><span>d</span></p>",
                 depth, "depth " .. depth .. " in a body")
  end
end)

test("the text of spans taken out is the paragraph's and the cell's, as in the tree", function()
  local blocks = assert(nianbao.html.blocks(
    "<body><p class=p><span style='font-size:12pt'>一、</span><span>&nbsp;</span><span>总体情况</span></p>"
    .. "<table><tr><td><p><span>信息内容</span><span>&nbsp;</span></p></td></tr></table></body>"))
  eq("一、\u{a0}总体情况", blocks[1].text, "the paragraph")
  eq("信息内容", blocks[2].text, "the cell (trimmed of its no-break space)")
end)
