-- The rows of a table whose cells hold their text in the elements editors
-- and Word write there (span, font, b, strong, i, em, u, o:p, a p right in
-- the cell, a br) are read by nianbao.html.blocks itself, handing each
-- element on as libxml2 would: one opens under what is open and closes at
-- its own end tag; a p closes a p, b, i or u that is open, so one is read
-- here only where the cell itself is what is open; anything else (an end
-- tag not of the innermost, an attribute, a line end in a tag, deeper
-- nesting) leaves the table to libxml2. Every page gives the blocks of
-- libxml2's full tree.

local lean = dofile("tests/lua/lean_pages.lua")(eq, differ, nianbao.html)
local same_as_tree = lean.same_as_tree

-- what a cell may hold: the elements read here, their near misses, and text
local pieces = {
  "<span>", "</span>", "<SPAN >", "</SPAN>", "<font>", "</font>", "<FONT >", "</FONT>", "<b>", "</b>",
  "<strong>", "</strong>", "<STRONG>", "</STRONG>", "<i>", "</i>", "<em>", "</em>", "<u>", "</u>",
  "<p>", "</p>", "<P >", "</P>", "<o:p>", "</o:p>", "<O:P>", "</O:P>", "<br>", "<BR>", "<br/>", "<br />",
  "</br>", "<br >", "<p/>", "<span/>", "<span\n>", "<font color=red>", "<b class=x>", "<s>", "</s>",
  "<sup>", "</sup>", "<a>", "</a>", "<div>", "</div>", "<big>", "</big>", "<small>", "</small>",
  "<tt>", "</tt>",
  "（二）部分公开", "x", "0", "12", " ", "\n", "&nbsp;", "&amp;", "&copy;", "\t", "a\r\nb",
}

-- a cell of pieces: balanced elements most of the time, anything some of the time
local balanced = { { "<span>", "</span>" }, { "<FONT >", "</FONT>" }, { "<b>", "</b>" }, { "<strong>", "</strong>" },
                   { "<i>", "</i>" }, { "<em>", "</em>" }, { "<u>", "</u>" }, { "<p>", "</p>" }, { "<o:p>", "</o:p>" } }
local texts = { "（二）部分公开", "（区分处理的，只计这一情形，不计其他情形）", "0", "37", "&nbsp;", " ", "\n",
                "3.危及&ldquo;三安全一稳定&rdquo;", "&lsquo;a&rsquo;&mdash;&ndash;&hellip;", "10&ensp;690", "&emsp;x",
                "&middot;&times;", "&LDQUO;", "&ldquo", "&ldquox;", "&hellip&hellip;" }

local function cell_body(rand, depth)
  local out = {}
  for _ = 1, rand(4) do
    local k = rand(10)
    if k <= 4 then
      out[#out + 1] = texts[rand(#texts)]
    elseif k <= 5 then
      out[#out + 1] = rand(2) == 1 and "<BR>" or "<br/>"
    elseif k <= 8 and depth < 10 then
      local pair = balanced[rand(#balanced)]
      out[#out + 1] = pair[1] .. cell_body(rand, depth + 1) .. pair[2]
    else
      out[#out + 1] = pieces[rand(#pieces)]
    end
  end
  return table.concat(out)
end

test("cells holding markup: the blocks read with their rows are libxml2's tree's", function()
  local rand, compared = lean.random(20261207), 0
  local heads = { "", "<html><body>", "<!DOCTYPE html>\n<html><head><title>t</title></head><body>\n", "<p>before</p>" }
  for i = 1, 3000 do
    local out = { heads[rand(#heads)], "<table>", rand(2) == 1 and "<tbody>" or "" }
    for _ = 1, rand(5) do
      out[#out + 1] = "<tr>"
      for _ = 1, rand(4) do
        local open = rand(6) == 1 and "<td colspan=2>" or rand(5) == 1 and "<th>" or "<td>"
        out[#out + 1] = open .. cell_body(rand, 0) .. (open == "<th>" and "</th>" or "</td>")
      end
      out[#out + 1] = rand(8) == 1 and "" or "</tr>\n"
    end
    out[#out + 1] = (out[3] ~= "" and "</tbody>" or "") .. "</table>\n<p>after</p>"
    local depth = rand(5) == 1 and rand(12) or nil
    if same_as_tree(table.concat(out), depth, "page " .. i) then compared = compared + 1 end
  end
  eq(true, compared > 2500, "pages compared (" .. compared .. ")")
end)

test("cells holding markup in every order and near miss: the tree's blocks", function()
  for _, body in ipairs({
    "<FONT >（二）部分公开<BR>（区分处理的）</FONT>", "<p><span>信息内容</span></p>", "<p>a</p><p>b</p>",
    "<b><p>closes the b</p></b>", "<p><b>x</b></p>", "<i>a<p>b</p></i>", "<span><p>p in a span</p></span>",
    "<p>a<p>b</p>", "</p>", "<b>a</i></b>", "<b><i>a</b></i>", "<span>open at the cell's end", "a</span>",
    "<o:p>&nbsp;</o:p>", "<p><o:p></o:p></p>", "<br></br>", "</br>", "<span\n>x</span>", "<u>u</u><em>e</em>",
    string.rep("<span>", 8) .. "deep" .. string.rep("</span>", 8),
    string.rep("<span>", 9) .. "deeper" .. string.rep("</span>", 9),
    "<strong>" .. string.rep("长", 400) .. "</strong>", "<s>struck</s>1", "<sup>*</sup>", "<p/>x",
  }) do
    for _, page in ipairs({
      "<table><tr><td>" .. body .. "</td><td>2</td></tr>\n<tr><td>3</td><td>" .. body .. "</td></tr></table><p>after</p>",
      "<div><p>x</p>\n<table>\n<tr>\n<th>" .. body .. "</th>\n</tr>\n</table>\n</div>",
    }) do
      same_as_tree(page, nil, body)
    end
  end
end)

test("a cell's markup read with its rows: its text, lines and breaks as the tree's", function()
  local blocks = assert(nianbao.html.blocks(
    "<p>a</p>\n<table>\n<tr><td><FONT >（二）部分公开<BR>（区分处理的）</FONT></td><td><p><b>3</b></p></td></tr>\n"
    .. "<tr><td>\n<span>x</span>\n</td><td><strong>4</strong><br/></td></tr>\n</table>\n"))
  local cells = {}
  for _, b in ipairs(blocks) do
    if b.kind == "cell" then cells[#cells + 1] = b.text .. "@" .. b.row .. "," .. b.column .. "/" .. b.line end
  end
  eq("（二）部分公开（区分处理的）@1,1/3 3@1,2/3 x@2,1/4 4@2,2/6", table.concat(cells, " "), "the cells")
end)

-- Word's cells carry styles of several lines: the lean page keeps a value's
-- line ends alone, and the rows are read with those blanks in their tags
local styles = {
  "", " class=x", " style=\"width:1pt;\nborder:none;\"", " width=164 style='a:1;\nb:2;\nc:3;'",
  " colspan=\"2\" style=\"x\ny\"", " style=\"x\ny\" rowspan=2", " style=\"a\r\nb\"", " style=\"a\n\tb\"",
  " title=\"\n\"", "\nclass=y", " style=\"a\nb\"\nclass=c", " style=\"&amp;\n\"",
  " data-x=\"" .. string.rep("长", 30) .. "\n" .. string.rep("短", 30) .. "\"",
}

test("tags with values of several lines: the rows read with their line ends are the tree's blocks", function()
  local rand, compared = lean.random(20261208), 0
  local function tag(name) return "<" .. name .. styles[rand(#styles)] .. ">" end
  for i = 1, 1500 do
    local out = { rand(2) == 1 and "<p>before</p>\n" or "", tag("table"), rand(2) == 1 and "\n" or "" }
    for _ = 1, rand(4) do
      out[#out + 1] = tag("tr")
      for _ = 1, rand(3) do
        local inner = rand(3) == 1 and tag("p") .. tag("span") .. texts[rand(#texts)] .. "</span></p>"
          or rand(2) == 1 and tag("span") .. cell_body(rand, 0) .. "</span>" or cell_body(rand, 0)
        out[#out + 1] = tag("td") .. inner .. "</td>" .. (rand(2) == 1 and "\n" or "")
      end
      out[#out + 1] = "</tr>\n"
    end
    out[#out + 1] = "</table>\n" .. tag("p") .. "after</p>"
    if same_as_tree(table.concat(out), rand(6) == 1 and rand(12) or nil, "page " .. i) then compared = compared + 1 end
  end
  eq(true, compared > 1000, "pages compared (" .. compared .. ")")
end)

test("the corpus's CMS page (Word's cells in a portal's editor): the tree's blocks", function()
  for _, path in ipairs({ CORPUS .. "/pingtan-2022.html" }) do
    same_as_tree(assert(nbio.readfile(path)), nil, path)
  end
end)
