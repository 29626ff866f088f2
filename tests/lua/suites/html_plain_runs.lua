-- The items of a plain list (a site's menu, its links: li's closed in
-- turn, of plain text and a few references, white space between them) and
-- a run of plain paragraphs (p's closed in turn, of text in spans and the
-- like) are not given to libxml2: nianbao.html.blocks reads them itself,
-- as libxml2 would hand them on. Every page here reads the same as
-- markup.blocks makes of the page's tree (texts and lines), whether its
-- lists and paragraphs are plain, nearly plain, in a cell (read by libxml2
-- again), or where libxml2 reads none at all.

local same_both_ways = same_blocks_both_ways

local MENU = "<div class=\"nav\"><ul class=\"w1200\">\n"
  .. "<li><a href=\"/col01/\" target=\"_blank\" title=\"首页\">首页</a></li>\n"
  .. "<li class=\"on\"><a href=\"/col03/\">政务公开</a></li>\n<li >政策&nbsp;解读</li>\n"
  .. "<LI>信息公开&#x3000;年报</LI>\n</ul></div>\n"

test("plain lists read as libxml2 reads them: every page the same blocks both ways", function()
  for _, case in ipairs {
    { "a site's menu before a paragraph", "<html><body>\n" .. MENU .. "<p>正文</p>\n</body></html>\n" },
    { "the same with line ends of \\r\\n", ("<html><body>\n" .. MENU .. "<p>正文</p>\n</body></html>\n"):gsub("\n", "\r\n") },
    { "an ordered list, items on one line, no white space",
      "<p>一、总体情况</p><ol><li>a</li><li>b</li></ol><ol>\n\n<li>c</li>\n\n</ol><p>after</p>" },
    { "empty items, an empty list, items of white space alone",
      "<ul><li></li><li> </li><li>\n</li></ul><ul></ul><ul>\n</ul><p>x</p>" },
    { "a list in a paragraph, in a list item, in a cell, in a table's row",
      "<p>text <ul><li>in p</li></ul> tail</p><ul><li>outer<ul><li>inner</li></ul></li></ul>"
      .. "<table><tr><td>cell<ul>\n<li>in td</li>\n</ul>\n</td></tr></table><table><tr><td><ul><li>x</li>\n<li>y</li></ul>z</td></tr></table>"
      .. "<table><ul><li>in table</li></ul><tr><td>1</td></tr></table><p>after</p>" },
    { "a list first on the page, after a doctype",
      "<!DOCTYPE html><ul><li>first</li></ul><p>read</p>" },
    { "nearly plain lists: stray text, an item left open, a tag in an item, an attribute, a wrong end",
      "<ul>stray<li>a</li></ul><ul><li>b<li>c</ul><ul><li><b>d</b></li></ul><ul><li id=x>e</li></ul>"
      .. "<ul><li>f</li></ol></ul><ul><li>g</li ></ul><ol><li>h</li></ul></ol><ul/><li>i</li><p>j</p>" },
    { "a list where libxml2 reads none: in a quoted value, a title, a text area, a script, a comment",
      "<p><a title=\"<ul><li>x</li></ul>\" href=\"#\">link</a></p><title><ul><li>t</li></ul></title>"
      .. "<textarea><ul><li>ta</li></ul></textarea><script>var s = '<ul><li>s</li></ul>';</script>"
      .. "<!-- <ul><li>c</li></ul> --><ul><li>real</li></ul>" },
    { "an item's text of 999 bytes and one of 1,000, a reference left to libxml2",
      "<ul><li>" .. string.rep("x", 999) .. "</li><li>" .. string.rep("y", 1000) .. "</li><li>&copy;</li></ul><p>z</p>" },
    { "a list in a hidden element and in a struck one",
      "<div style=\"display:none\"><ul><li>hidden</li></ul></div><s><ul><li>struck</li></ul></s><p>shown</p>" },
    { "a page with a byte order mark", "\239\187\191<html><body><ul><li>a</li></ul><p>b</p></body></html>" },
  } do
    same_both_ways(case[2], case[1])
  end
end)

-- Random pages of lists among paragraphs, tables and inline markup, near
-- misses among their items, give the blocks of libxml2's tree.
local lean = dofile("tests/lua/lean_pages.lua")(eq, differ, nianbao.html)

local items = {
  "<li>首页</li>", "<li >政务公开</li>", "<LI>x</LI>", "<li>a&nbsp;b</li>", "<li>&#12289;</li>", "<li></li>",
  "<li>\n两行\n</li>", "<li>3</li>", "<li><a href=\"/\">链接</a></li>", "<li\n>折行</li>",
  -- near misses: an item left open, one in another, a tag, an attribute, a reference unread, a \r
  "<li>open", "<li><li>twice</li>", "<li><span>s</span></li>", "<li class=on>c</li>", "<li>&copy;</li>",
  "<li>r\rr</li>", "</li>", "<li/>", "<p>p</p>", "text", "<li>t</li\n>",
}
local between = { "", "\n", "\r\n", " ", "\t", "\n\n", "\r", "&nbsp;" }
local around = {
  { "", "" }, { "<p>before</p>\n", "\n<p>after</p>" }, { "<p>in a paragraph ", " tail</p>" },
  { "<table><tr><td>", "</td></tr></table>" }, { "<table><tr><td>", "tail</td></tr></table>" }, { "<p>", "tail</p>" }, { "<div style=\"display:none\">", "</div>" },
  { "<li>", "</li>" }, { "<span>", "</span>" }, { "<table><tr><td>1</td></tr></table>", "<table><tr><td>2</td></tr></table>" },
}

test("lists of plain items and near misses among other markup: the blocks read are libxml2's tree's", function()
  local rand, compared = lean.random(20261209), 0
  for i = 1, 2500 do
    local out = {}
    for _ = 1, rand(3) do
      local wrap = around[rand(#around)]
      local name = rand(3) == 1 and "ol" or "ul"
      out[#out + 1] = wrap[1] .. "<" .. name .. (rand(4) == 1 and " class=\"nav\">" or ">")
      for _ = 1, rand(5) do
        out[#out + 1] = between[rand(rand(3) == 1 and #between or 3)]
        out[#out + 1] = items[rand(rand(4) == 1 and #items or 10)]
      end
      out[#out + 1] = between[rand(3)] .. "</" .. name .. ">" .. wrap[2] .. between[rand(3)]
    end
    if lean.same_as_tree(table.concat(out), rand(6) == 1 and rand(12) or nil, "page " .. i) then
      compared = compared + 1
    end
  end
  eq(true, compared > 2000, "pages compared (" .. compared .. ")")
end)

local ARTICLE = "<div class=\"content\">\n<p><span style=\"font-size:16px\">\t根据《条例》编制本报告。</span></p>\n"
  .. "<p><span >\t一、总体情况</span></p>\r\n<p >全年主动公开<b>2397</b>条，<span><span>收到申请</span>1件</span>。<br/>下一步</p>\n"
  .. "<P>&ldquo;五公开&rdquo;&nbsp;&#x3000;落实</P>\n<p><span >\t二、主动公开</span></p>\n<table><tr><td>1</td></tr></table>\n"
  .. "<p><span >\t三、收到申请</span></p></div>\n"

test("runs of plain paragraphs read as libxml2 reads them: every page the same blocks both ways", function()
  for _, case in ipairs {
    { "an article's paragraphs around a table", "<html><body>\n" .. ARTICLE .. "</body></html>\n" },
    { "the same with line ends of \\r\\n", ("<html><body>\n" .. ARTICLE .. "</body></html>\n"):gsub("\n", "\r\n") },
    { "a paragraph alone, one first on the page, one of nothing",
      "<p>只有一段</p><div><p></p></div><p>x</p>\n<p>y</p>" },
    { "nearly plain runs: a paragraph left open, one with an attribute, a tag not a cell's, a span left open, a wrong end",
      "<p>a</p><p>b<p>c</p>\n<p class=x>d</p><p>e<img src=x>f</p><p><span>g</p><p>h</span></p><p>i</p></div>"
      .. "<p>j</p><pre>k</pre><p>l</p ><p>m</p>\t<p\n>n</p>" },
    { "paragraphs in a cell, in a list item, after an element a p closes",
      "<table><tr><td><p>a</p>\n<p>b</p>c</td></tr></table><table class=x><tr><td style='w'><p>d</p><p>e</p></td>"
      .. "<td><ul><li>f</li></ul></td></tr></table><ul><li><p>g</p><p>h</p></li></ul>"
      .. "<b>bold<p>k</p><p>l</p></b><p>m</p>" },
    { "paragraphs where libxml2 reads none: a quoted value, a title, a text area, a comment",
      "<a title=\"<p>x</p><p>y</p>\">link</a><title><p>t</p></title><textarea><p>a</p><p>b</p></textarea>"
      .. "<!-- <p>c</p> --><p>real</p>" },
  } do
    same_both_ways(case[2], case[1])
  end
end)

local inline = {
  "text", "两字", " ", "\n", "\t", "&nbsp;", "&#12289;", "<span>s</span>", "<span >", "</span>", "<b>", "</b>",
  "<br>", "<br/>", "<strong>数</strong>", "<font >f</font>",
  -- near misses: a reference unread, a \r, an element not a cell's, a p's end or start, an o:p
  "&copy;", "\r", "<img src=x>", "</p>", "<p>", "<o:p></o:p>", "<i>", "<a href=x>a</a>",
}
local para_between = { "", "\n", "\r\n", " ", "\t", "\n\n", "x", "<br>" }
local para_around = {
  { "", "" }, { "<div>", "</div>" }, { "<table><tr><td>", "tail</td></tr></table>" }, { "<li>", "</li>" },
  { "<b>", "</b>" }, { "<div style=\"display:none\">", "</div>" }, { "<h1>t</h1>", "<ul><li>u</li></ul>" },
}

test("runs of plain paragraphs and near misses among other markup: the blocks read are libxml2's tree's", function()
  local rand, compared = lean.random(20261210), 0
  for i = 1, 2500 do
    local out = {}
    for _ = 1, rand(3) do
      local wrap = para_around[rand(#para_around)]
      out[#out + 1] = wrap[1]
      for _ = 1, rand(4) do
        out[#out + 1] = para_between[rand(rand(3) == 1 and #para_between or 4)]
        out[#out + 1] = ({ "<p>", "<p >", "<P>", "<p class=x>" })[rand(rand(4) == 1 and 4 or 2)]
        for _ = 1, rand(4) - 1 do out[#out + 1] = inline[rand(rand(4) == 1 and #inline or 16)] end
        out[#out + 1] = rand(12) == 1 and "" or "</p>"
      end
      out[#out + 1] = wrap[2]
    end
    if lean.same_as_tree(table.concat(out), rand(6) == 1 and rand(12) or nil, "page " .. i) then
      compared = compared + 1
    end
  end
  eq(true, compared > 2000, "pages compared (" .. compared .. ")")
end)
