-- Text-only spans, fonts and links anywhere in the run of a p, td, th, li
-- or div (after its text, after other such spans, inside spans or fonts
-- kept open) reach libxml2 as their text. Pages of such runs next to what
-- could tell them apart (line ends before the first text, a <br> or an o:p
-- starting a new paragraph, references cut by a span's end, end tags that
-- close more than the kept span, nesting, a depth near the limits) give the
-- blocks of the full tree.

local lean = dofile("tests/lua/lean_pages.lua")(eq, differ, nianbao.html)
local same_as_tree = lean.same_as_tree

local roots = { "<p>", "<p class=MsoNormal>", "<td>", "<th class=x>", "<li>", "<div>", "<div\nclass=d>", "<P>",
                "<b>", "<h2>" }

local bits = {
  -- text
  "a", "二〇二四年", " ", "\n", "\t", "\r\n", "&nbsp;", "&amp;", "&amp", "&", ";", "x\ny", "1&lt;2", "\255",
  -- spans, fonts and links that hold text alone
  "<span>s</span>", "<span lang=EN-US>12</span>", "<SPAN>S</SPAN>", "<span style='white-space:pre'>\t</span>",
  "<span>&nbsp;</span>", "<span></span>", "<span> </span>", "<font face=宋体>f</font>", "<a href='/x'>首页</a>",
  "<A>L</A>", "<a>&amp</a>", "<span>&amp</span>", "<span>t<o:p></o:p></span>", "<span>u</span>amp;",
  "<span>l\nm</span>", "<span\ntitle=a>n</span>", "<span>x</span >", "<abbr>ab</abbr>", "<span/>",
  -- markup inside a span: not its text alone
  "<span>b<br></span>", "<span><br></span>", "<span><b>c</b></span>", "<span>d<span>e</span></span>",
  -- spans and fonts kept open, and ends of every kind
  "<span>", "<span style='font-size:16px'>", "<font>", "<FONT size=2>", "<span\nclass=k>", "<a>", "<b>",
  "</span>", "</SPAN>", "</font>", "</a>", "</b>", "</span >", "</p>", "</td>", "</li>", "</div>",
  -- blocks and the like
  "<br>", "<o:p></o:p>", "<p>", "<td>", "<li>", "<div>", "<!-- c -->", "<h2>", "</h2>", "<img src=x>",
}

local starts = { "", "<html><head>", "<body>", "<html><body><table><tr>", "<ul>", "<table><tr><td>", "\n" }

test("runs of text, spans and links in paragraphs, cells, items and divs: the lean parse's blocks are the tree's",
     function()
  local rand, compared = lean.random(20261208), 0
  for i = 1, 3000 do
    local out = { starts[rand(#starts)] }
    for k = 2, rand(12) + 1 do
      local run = { roots[rand(#roots)] }
      for m = 2, rand(8) + 1 do run[m] = bits[rand(#bits)] end
      out[k] = table.concat(run)
    end
    local depth = rand(5) == 1 and rand(10) or nil
    if same_as_tree(table.concat(out), depth, "page " .. i) then compared = compared + 1 end
  end
  eq(true, compared > 2000, "pages compared (" .. compared .. ")")
end)

test("a span's text first in a paragraph keeps the paragraph's line", function()
  for _, text in ipairs({
    "<div>\n<p>\n<span>a</span></p>", "<p>\n<span>a</span>b</p>", "<p>a\n<span>b</span></p>",
    "<p><span>\n<span>a</span></span></p>", "<p><span\nclass=x><span>a</span></span></p>",
    "<p>a<br>\n<span>b</span></p>", "<p>a<span>b<o:p></o:p></span>\n<span>c</span></p>",
    "<body><p>a<span>b<o:p></o:p></span>\n<span>c</span></p>", "<body><p>a<span>b<o:p></o:p></span><span>c</span>\nd</p>",
    "<li>\n<a>首页</a></li>", "<div>当前位置：<a>首页</a>&nbsp;&gt;&nbsp;<a>政务公开</a>\n<a>x</a></div>",
    "<p><span style='font-size:16px'><span style='white-space:pre'>\t</span>一、总体情况</span></p>",
    "<td>\n<span>a</span></td>", "<table><tr><td>\n<span>a</span>\n<span>b</span></td></tr></table>",
    -- no text before the span, but a kept span's tag across a line end, or an o:p's new paragraph
    "<p><span\nclass=k></span><span>a</span></p>", "<li><font\nsize=2></font><a>b</a></li>",
    "<body><p>a<span>b<o:p></o:p></span><span\nclass=k></span><span>c</span></p>",
  }) do
    same_as_tree(text, nil, text)
  end
end)

test("an end tag closes the kept span it names, and no more", function()
  for _, text in ipairs({
    "<p><span><span>a</span></span>b</p>", "<p><span><font>a<span>b</span></font></span><span>c</span></p>",
    "<span><p><span>a</span></span><span>b</span></p>", "<p><font><span>a</span></span><span>b</span></font></p>",
    "<p><span><span>a</span></font><span>b</span></span></p>", "<p><span>a</span></span><span>b</span></p>",
    "<font><li><a>x</a></font><a>y</a></li>", "<a><div>a<a>b</a>c</div></a>",
    -- an end tag of an element open around the run closes the run's elements too
    "<body>\n<font><li><span></font><span>b</span></li>", "<body>\n<span><p><font></span><a>b</a></p>",
  }) do
    same_as_tree(text, nil, text)
  end
end)

test("spans taken out inside kept spans near the depth limits are read where the tree reads them", function()
  for n = 188, 202 do
    same_as_tree(string.rep("<div>", n) .. "<p>a<span><font><span>b</span>c</font></span><a>d</a></p>"
                 .. string.rep("</div>", n) .. "<p>after</p>", nil, n .. " divs")
  end
  for depth = 1, 9 do
    same_as_tree("<div><div><p>a<span><span>b</span><font>c<span>d</span></font></span></p></div></div><li><a>e</a>",
                 depth, "depth " .. depth)
  end
end)

test("a reference cut by a span's start reads as the tree reads it", function()
  for _, text in ipairs({ "<p>a&amp<span>;</span></p>", "<li>&lt<a>;b</a></li>", "<p>&#12<span>3;</span></p>" }) do
    same_as_tree(text, nil, text)
  end
end)

test("the text of a run reads as the tree's", function()
  local blocks = assert(nianbao.html.blocks(
    "<body><p><span style='font-size:16px'><span style='white-space:pre'>\t</span>一、总体情况</span>"
    .. "<span>（一）</span>主动<span lang=EN-US>2024</span>年</p><ul><li><a href='/'>首页</a></li></ul></body>"))
  eq("一、总体情况（一）主动2024年", blocks[1].text, "the paragraph")
  eq("首页", blocks[2].text, "the item")
end)
