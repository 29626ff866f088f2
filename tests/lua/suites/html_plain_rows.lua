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
