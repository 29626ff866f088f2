-- An element hidden by its own attributes (the hidden attribute, a style
-- whose last display is none) or struck through by its style is left out
-- by nianbao.html.blocks itself, as markup.lua leaves it out: outside the
-- tables and inside a cell. What markup.lua reads by rules of its own (a
-- hidden row, row group or cell, a table in a hidden element, a pager's
-- later page, a cell whose text is all struck or marked) leaves the page
-- to it. Random pages of such elements among markup of every kind give
-- the blocks of the full tree.

local lean = dofile("tests/lua/lean_pages.lua")(eq, differ, nianbao.html)
local same_as_tree = lean.same_as_tree

-- the opening tags of elements that hide, strike or only seem to
local hiding = {
  "<div style='display:none'>", "<p style=\"display: none;\">", "<span style='DISPLAY:NONE'>",
  "<section hidden>", "<div hidden=''>", "<span style='text-decoration:line-through'>",
  "<font style='TEXT-DECORATION: LINE-THROUGH'>", "<div style='display:none;display:block'>",
  "<div style='display:block;display:none'>", "<p style='display:none-ish'>", "<p style='display: ;'>",
  "<p style='/* display:none */ color:red'>", "<p style='display:/**/none'>", "<p style='disp/**/lay:none'>",
  "<p style='/* display:block'>", "<p style='display&#58;none'>", "<p style='display:&#110;one'>",
  "<p style='line&#45;through'>", "<div id=page_2 style='display:none'>", "<div id=draft style='display:none'>",
  "<div class=x style=\"display:none\" title=t>", "<div\nclass=x style='display:none'>",
  "<span style='color:red'>", "<p style='visibility:hidden'>", "<sup style='display:none'>",
  "<del style='display:none'>", "<p style='display:none' style='display:block'>",
  "<tr style='display:none'>", "<td style='display:none'>", "<tbody hidden>",
  "<table style='display:none'>", "<td style='text-decoration:line-through'>",
}

local pieces = {
  "<p>", "</p>", "<div>", "</div>", "</span>", "</font>", "</section>", "<span>x</span>", "<br>",
  "<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", "<th>", "</th>", "<td colspan=2>", "<tbody>", "</tbody>",
  "<sup>1</sup>", "<del>62</del>", "<s>7</s>", "<b>", "</b>", "<o:p></o:p>",
  "<html>", "</html>", "<body>", "</body>", "<head>", "</head>",
  "text", "64", "二〇二四年", " ", "\n", "&nbsp;",
}

local starts = { "", "<body>", "<html><head><title>t</title></head><body>", "<!DOCTYPE html><body>\n" }

test("hidden and struck elements among markup of every kind: the blocks of the C walk are the full tree's", function()
  local rand, compared = lean.random(20261208), 0
  for i = 1, 3000 do
    local out, hides = { starts[rand(#starts)] }, false
    for k = 2, rand(30) + 1 do
      local r = rand(5)
      hides = hides or r <= 2
      if r == 1 then
        out[k] = hiding[rand(#hiding)] .. pieces[rand(#pieces)] .. pieces[rand(#pieces)]
      elseif r == 2 then        -- in a cell of a row, where most such text is
        out[k] = "<table><tr><td>" .. pieces[rand(#pieces)] .. hiding[rand(#hiding)] .. pieces[rand(#pieces)]
                 .. "</td><td>5</td></tr></table>"
      else
        out[k] = pieces[rand(#pieces)]
      end
    end
    local depth = rand(5) == 1 and rand(8) or nil
    if same_as_tree(table.concat(out), depth, "page " .. i) and hides then compared = compared + 1 end
  end
  eq(true, compared > 500, "pages of such elements read in C and compared (" .. compared .. ")")
end)

test("a page of hidden and struck words outside its tables is read in C", function()
  for _, text in ipairs({
    -- WeChat's article: a hidden p of its own markup before the text
    "<body><p style=\"display: none;\"><mp-style-type data-value=\"3\"></mp-style-type></p>"
    .. "<p>一、总体情况</p><table><tr><td>一、本年新收</td><td>64</td></tr></table></body>",
    "<body><p>本年<span style='text-decoration: line-through'>62</span>64件</p></body>",
    "<body><section hidden><p>初稿</p></section><p>正文</p></body>",
    "<body><table><tr><td>64<span style='display:none'>9</span></td></tr></table></body>",
  }) do
    eq(true, same_as_tree(text, nil, text), "read in C: " .. text)
  end
  local blocks = assert(nianbao.html.blocks("<body><p>本年<span style='TEXT-DECORATION:line-through'>62</span>64件</p>"
    .. "<div style='display:none'>草稿</div><p>完</p></body>"))
  eq("本年64件", blocks[1].text, "the struck number left out of its paragraph")
  eq("完", blocks[2].text, "the hidden draft left out")
end)

test("what markup.lua reads by rules of its own leaves the page to it", function()
  for _, text in ipairs({
    "<body><table><tr style='display:none'><td>9</td></tr><tr><td>1</td></tr></table></body>",
    "<body><table><tr><td hidden>9</td><td>1</td></tr></table></body>",
    "<body><div style='display:none'><table><tr><td>9</td></tr></table></div><p>1</p></body>",
    "<body><div id='page_1'><p>1</p></div><div id='page_2' style='display:none'><p>2</p></div></body>",
    "<body><table><tr><td><span style='text-decoration:line-through'>62</span></td></tr></table></body>",
  }) do
    eq(false, nianbao.html.blocks(text), "left to markup.lua: " .. text)
  end
end)
