-- The rows of a plain table (row groups, rows and cells closed in turn, of
-- plain text, a few references and the cells' spans alone) are not given
-- to libxml2: nianbao.html.blocks reads them itself, as libxml2 would hand
-- them on. Every page here reads the same as markup.blocks makes of the
-- page's tree (lines, rows, columns and spans), whether its tables are
-- plain, nearly plain, or found where libxml2 reads no table at all.

local markup = require "markup"

local same_both_ways = same_blocks_both_ways

local HEAD = "<!DOCTYPE html>\n<html><head><title>t</title></head><body>\n"
local ROWS = "<TABLE >\n<TBODY>\n<TR><TD  colSpan=4 >第二十条第（一）项</TD></TR>\n"
  .. "<TR><TD >信息内容</TD><TD >本年制发件数</TD><TD >本年废止件数</TD><TD >现行有效件数</TD></TR>\n"
  .. "<TR><TD rowspan=\"2\">规章</TD><TD >0</TD><TD colspan='2' >0</TD></TR>\n"
  .. "<tr>\n  <td>1</td>\n  <Td>2</tD>\n  <td>37</td>\n</tr>\n</TBODY>\n</TABLE>\n"

test("plain tables read as libxml2 reads them: every page the same blocks both ways", function()
  for _, case in ipairs {
    { "a plain table between paragraphs, its rows on lines of their own",
      HEAD .. "<p>before</p>\n" .. ROWS .. "<p>after</p>\n</body></html>\n" },
    { "the same with line ends of \\r\\n",
      (HEAD .. "<p>before</p>\n" .. ROWS .. "<p>after</p>\n<table>\n<tr><td>x</td></tr>\n</table>\n</body></html>\n")
        :gsub("\n", "\r\n") },
    { "a head, a body and a foot of rows, each closed",
      "<table><thead><tr><th>项目</th><th>数量</th></tr></thead>\n<tbody><tr><td>a</td><td>1</td></tr></tbody>"
      .. "<tfoot><tr><td>合计</td><td>1</td></tr></tfoot></table><p>x</p>" },
    { "references in cells: the ones read here and the ones left to libxml2",
      "<table><tr><td>索&nbsp;引&nbsp;号：</td><td>a&amp;b &lt;c&gt; &quot;d&quot;</td></tr>"
      .. "<tr><td>&NBSP;x</td></tr></table><table><tr><td>y&nbsp</td><td>&copy;</td></tr></table>"
      .. "<table><tr><td>&#160;z&#x4e00;</td><td>&amp;nbsp;</td></tr></table><p>after</p>" },
    { "cells of several lines and tabs, and the lines of the rows after them",
      "<p>a</p>\n<table>\n<tr><td>one\ntwo\tthree</td><td>\n\n4\n</td></tr>\n\n<tr><td>5</td></tr>\n</table>\n<p>b</p>\n"
      .. "<table><tr><td>6</td></tr></table>\n<p>c</p>" },
    { "a cell's text of 999 bytes and one of 1,000 (libxml2 hands the longer on in pieces)",
      "<table><tr><td>" .. string.rep("x", 999) .. "</td><td>" .. string.rep("中", 334) .. "</td></tr>"
      .. "<tr><td>" .. string.rep("y", 1000) .. " z</td></tr></table><p>after</p>" },
    { "a table in a paragraph, in a list item, and first on the page",
      "<table><tr><td>first</td></tr></table><p>text <table><tr><td>in p</td></tr></table> tail</p>"
      .. "<ul><li>item<table><tr><td>in li</td></tr></table></li></ul>" },
    { "a table after a doctype, nothing before it",
      "<!DOCTYPE html><table><tr><td rowspan=2>a</td><td>b</td></tr><tr><td>c</td></tr></table><p>read</p>" },
    { "nearly plain tables: stray text, a missing end, another tag in a cell, a span given twice",
      "<table>stray<tr><td>a</td></tr></table><table><tr><td>b</td></table><table><tr><td><b>c</b></td></tr></table>"
      .. "<table><tr><td colspan=2 colspan=3>d</td><td>e</td></tr><tr><td>f</td></tr></table>"
      .. "<table><tr><td colspan=x>g</td><td colspan=\"2\"class=y>h</td></tr></table><table><tr><td/></tr></table>" },
    { "a plain table in a cell of one that is not",
      "<table><tr><td>x<table><tr><td>in</td><td rowspan=2>r</td></tr><tr><td>s</td></tr></table> y</td>"
      .. "<td>next</td></tr></table><p>after</p>" },
    { "a table where libxml2 reads none: in a quoted value, a title, a text area",
      "<p><a title=\"<table><tr><td>x</td></tr></table>\" href=\"#\">link</a></p>"
      .. "<title><table><tr><td>t</td></tr></table></title>"
      .. "<textarea><table><tr><td>ta</td></tr></table></textarea><table><tr><td>real</td></tr></table>" },
    { "a page with a byte order mark",
      "\239\187\191<html><body><p>a</p><table><tr><td>1</td><td>2</td></tr></table></body></html>" },
    { "a table in a script, a comment and a style sheet, then one in the page",
      "<script>var t = '<table><tr><td>s</td></tr></table>';</script><!-- <table><tr><td>c</td></tr></table> -->"
      .. "<style>td{}</style><table><tr><td>read</td></tr></table>" },
  } do
    same_both_ways(case[2], case[1])
  end
end)

-- the merged cells of a plain table are placed as libxml2's reading places them
test("a plain table's merged cells: the rows' cells, places and lines as libxml2's", function()
  local got = assert(nianbao.html.blocks("<p>x</p>\n" .. ROWS))
  local cells = {}
  for _, b in ipairs(got) do
    if b.kind == "cell" then cells[#cells + 1] = b.text .. "@" .. b.row .. "," .. b.column .. "/" .. b.line end
  end
  eq("第二十条第（一）项@1,1/4 信息内容@2,1/5 本年制发件数@2,2/5 本年废止件数@2,3/5 现行有效件数@2,4/5 "
     .. "规章@3,1/6 0@3,2/6 0@3,3/6 1@4,2/8 2@4,3/9 37@4,4/10", table.concat(cells, " "), "the rows' cells, places and lines")
end)

-- LibreOffice, Excel and CKEditor give a table's columns their widths (a
-- col each, or cols in a colgroup) before its rows, and WPS and Word write
-- a wide space or a mark as a numeric reference (2&#x3000;113, 一&#12289;):
-- such tables are read here too. Random tables of columns, rows and
-- references, near misses among them, give the blocks of libxml2's tree.
local lean = dofile("tests/lua/lean_pages.lua")(eq, differ, nianbao.html)

local columns = {
  "<col>", "<col >", "<col/>", "<col />", "<COL>", "<col\n>", "<colgroup><col><col></colgroup>",
  "<colgroup>\n<col />\n<col />\n</colgroup>\n", "<COLGROUP><COL><COL></COLGROUP>", "<colgroup></colgroup>",
  -- near misses: an end tag of a col, a colgroup left open or given a span, a col named on
  "<col></col>", "<colgroup><col>", "<colgroup span=2></colgroup>", "<col/ >", "<cols>", "<col1>",
  "<colgroup><colgroup></colgroup></colgroup>", "</colgroup>",
}
local references = {
  "&#12289;", "&#x3000;", "&#X3000;", "&#x4e00;", "&#160;", "&#65;", "&#0065;", "&#x1F600;", "&#38;", "&#60;",
  -- near misses: no ';', no digit, a control, a surrogate, past U+10FFFF, too many digits
  "&#12289", "&#;", "&#x;", "&#9;", "&#13;", "&#127;", "&#xD800;", "&#x110000;", "&#000000065;", "&#xFFFE;",
}

test("a table's columns and numeric references in its cells: the blocks read are libxml2's tree's", function()
  local rand, compared = lean.random(20261207), 0
  for i = 1, 2500 do
    local out = { rand(2) == 1 and "<p>before</p>\n" or "", "<table>", rand(3) == 1 and "\n" or "" }
    for _ = 1, rand(3) - 1 do out[#out + 1] = columns[rand(rand(4) == 1 and #columns or 10)] end
    local body = rand(3) == 1
    if body then out[#out + 1] = "<tbody>" end
    for _ = 1, rand(4) do
      out[#out + 1] = "<tr>"
      for _ = 1, rand(3) do
        local text = {}
        for _ = 1, rand(3) do
          text[#text + 1] = rand(2) == 1 and references[rand(rand(4) == 1 and #references or 10)]
            or ({ "2", "113", "（一）", " ", "x" })[rand(5)]
        end
        out[#out + 1] = "<td>" .. table.concat(text) .. "</td>"
      end
      out[#out + 1] = "</tr>\n"
    end
    if body then out[#out + 1] = "</tbody>" end
    out[#out + 1] = "</table>\n<p>after</p>"
    if lean.same_as_tree(table.concat(out), rand(6) == 1 and rand(12) or nil, "page " .. i) then
      compared = compared + 1
    end
  end
  eq(true, compared > 2000, "pages compared (" .. compared .. ")")
end)

test("LibreOffice's, Excel's and CKEditor's columns, WPS's references: the tree's blocks", function()
  for _, case in ipairs {
    { "LibreOffice's cols", "<table width=\"643\" cellpadding=\"7\" cellspacing=\"0\">\n\t<col width=\"85\"/>\n"
      .. "\t<col width=\"73\"/>\n\t<tr valign=\"top\">\n\t\t<td width=\"85\">（一）予以公开</td>\n\t\t<td>3</td>\n"
      .. "\t</tr>\n</table>\n<p>after</p>" },
    { "CKEditor's colgroup", "<table class=\"ck-table-resized\"><colgroup><col style=\"width:50.00%;\">"
      .. "<col style=\"width:50.00%;\"></colgroup><tbody><tr><td>自然人</td><td>2&#x3000;113</td></tr></tbody></table>" },
    { "Excel's cols", "<table border=0 cellpadding=0 cellspacing=0 width=216>\n <col width=72 span=3 style='width:54pt'>\n"
      .. " <tr height=19>\n  <td height=19 class=xl65 width=72>一&#12289;总体情况</td>\n </tr>\n</table>" },
  } do
    same_blocks_both_ways(case[2], case[1])
  end
end)
