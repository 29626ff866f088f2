-- A p alone in a td or th, right after the cell opens, holding text alone or
-- spans taken out as their text, then its end and the cell's, reaches
-- libxml2 as the cell's text: the cell is what is open and the p closes
-- nothing. Pages with such p's next to what could tell them apart (a cell
-- read as a paragraph, out of any row; text or markup after the p; line
-- ends; a head; a depth near the limits) give the blocks of the full tree.

local lean = dofile("tests/lua/lean_pages.lua")(eq, differ, nianbao.html)

local pieces = {
  "<p>", "<p class=p>", "<P style='text-align:center'>", "</p>", "</P>", "<p/>", "<p\n>", "<pre>",
  "<p>x</p>", "<p class=MsoNormal>0</p>", "<p></p>", "<p>a\nb</p>", "<p>&amp</p>", "<p>a<b>c</b></p>",
  "<span>x</span>", "<span style=\"font-family: 仿宋_GB2312; font-size: 12pt;\">信息内容</span>",
  "<span>&nbsp;</span>", "<span>t<o:p></o:p></span>", "<font>f</font>", "<span>a</span>b", "<span>",
  "</span>", "<b>", "</b>", "<br>", "<o:p></o:p>", "<!-- c -->", "text", "二〇二四年", " ", "\n", "&nbsp;",
  "\r\n", ";", "</tr><tr>", "</td>", "</th>", "<td/>", "<td rowspan=2>", "<th colspan=2>", "<tbody>",
}
local in_rows = #pieces                       -- those above keep a table's cells in its rows
for _, piece in ipairs({
  "<div>", "</div>", "<h2>", "</h2>", "<li>", "<table>", "</table>", "<tr>", "</tr>", "<td>", "<th>",
  "<TD width=1>", "</TD>", "<caption>", "<html>", "</html>", "<head>", "</head>", "<body>", "</body>",
  "<title>t</title>",
}) do
  pieces[#pieces + 1] = piece
end

local starts = { "", "<!DOCTYPE html>", "<html><head>", "<html><head><title>t</title></head><body>", " ", "\n",
                 "<table><tr>", "<body><table>" }

local same_as_tree = lean.same_as_tree

test("p's alone in cells among markup of every kind: the blocks of the lean parse are the full tree's", function()
  local rand, compared = lean.random(20261206), 0
  local opens = { "<td>", "<th class=x>", "<td width=150 valign=center style='width:112.5pt'>", "<TD>", "<tr><td>" }
  local ps = { "<p>", "<p class=p>", "<p class=MsoNormal align=center style='text-align:center'>", "<P>" }
  local ends = { "</p></td>", "</p></th>", "</P></TD>", "</p></td></tr>", "</p>", "</p> </td>", "</p></td>\n" }
  for i = 1, 2000 do
    -- half the pages a table whose cells are all in rows (the stream reads those), half anything
    local rows = i % 2 == 0
    local out = { rows and (rand(2) == 1 and "<table><tr>" or "<html><body><table><tr>") or starts[rand(#starts)] }
    for k = 2, rand(30) + 1 do
      -- a cell, its p, what it holds and its end together most of the time: the place they are taken out
      local piece = pieces[rand(rows and in_rows or #pieces)]
      if rand(3) > 1 then
        out[k] = opens[rand(#opens)] .. ps[rand(#ps)] .. piece
          .. (rand(2) == 1 and pieces[rand(rows and in_rows or #pieces)] or "") .. ends[rand(#ends)]
      else
        out[k] = piece
      end
    end
    local depth = rand(4) == 1 and rand(10) or nil
    if same_as_tree(table.concat(out), depth, "page " .. i) then compared = compared + 1 end
  end
  eq(true, compared > 1200, "pages compared (" .. compared .. ")")
end)

test("a cell's p read as a paragraph, out of a row, is read as the tree reads it", function()
  for _, text in ipairs({
    "<body>a<td><p>b</p></td>c", "<td><p>x</p></td>", "<div>a<th><p><span>b</span></p></th>c</div>",
    "<table><td><p>a</p></td></table>b", "<table><tr><td><p>a</p></td><td>\n<p>b</p></td></tr></table>",
    "<body><p>a<td><p>b</p></td></body>",
  }) do
    same_as_tree(text, nil, text)
  end
end)

test("a cell's p taken out near the depth limits is read where the tree reads it", function()
  for n = 190, 202 do
    same_as_tree(string.rep("<div>", n) .. "<table><tr><td><p><span>deep</span></p></td></tr></table>"
                 .. string.rep("</div>", n) .. "<p>after</p>", nil, n .. " divs")
  end
  for depth = 1, 10 do
    same_as_tree("<div><table><tr><td><p>a</p></td><th><p><span>b<o:p></o:p></span></p></th></tr></table></div>",
                 depth, "depth " .. depth)
  end
end)

test("the text of a cell's p taken out is the cell's, as in the tree", function()
  local blocks = assert(nianbao.html.blocks(
    "<body><table><tr><td width=150><p class=p><span style='font-size:12pt'>信息内容</span><span>&nbsp;</span></p></td>"
    .. "<td><p class=MsoNormal>0</p></td></tr></table></body>"))
  eq("信息内容", blocks[1].text, "the first cell (trimmed of its no-break space)")
  eq("0", blocks[2].text, "the second cell")
end)
