-- nianbao.html.blocks parses a page without the attributes it never reads
-- and without the text of scripts and styles; nianbao.html.parse keeps them.
-- Pages of every shape (fragments, comments first, a doctype, scripts,
-- spans given twice or in capitals, stray cells, unclosed markup) give the
-- same blocks both ways.

local markup = require "markup"

local pieces = {
  "<p>", "</p>", "<div class='a' id='x'>", "</div>", "<b>", "</b>", "<span data-x=\"1\">", "</span>",
  "<table id='t' border=1>", "</table>", "<tr>", "</tr>", "<td>", "</td>", "<th class=label>", "</th>",
  "<td rowspan=2>", "<td colspan=3 id=c>", "<td ROWSPAN=2 COLSPAN='2'>", "<td colspan=2 colspan=3>",
  "<td rowspan=3 id=a rowspan=1 colspan=2 name=n>", "<td nowrap>", "<tbody>", "<thead>",
  "<script>var a = '<p>x</p>';</script>", "<style>p{color:red}</style>", "<script>", "</script>",
  "<style>", "</style>", "<noscript>ns</noscript>", "<!-- note -->", "<!--", "-->", "<br>", "<hr/>",
  "<![CDATA[cd]]>", "<h2>", "</h2>", "<li>", "<ul>", "</ul>", "<title>t</title>", "<meta charset=utf-8>",
  "<html>", "</html>", "<body onload='f()'>", "</body>", "<head>", "</head>", "<o:p>", "</o:p>",
  "text", "二〇二四年", " ", "\n", "\t\n ", "&amp;", "&nbsp;", "&#12288;", "a\r\nb", "<", ">", "&",
  "<td id='cell-t3.new.np' data-cell='t3.new.np'>19</td>", "<img src=x alt='y'>", "<a href='#'>link</a>",
}

local starts = { "", "<!DOCTYPE html>", "<!-- first -->", "<?xml version='1.0'?>", " ", "text" }

local function page(rand)
  local out = { starts[rand(#starts)] }
  for i = 2, rand(60) + 1 do out[i] = pieces[rand(#pieces)] end
  return table.concat(out)
end

-- n pages from seed, each after prefix: how many the C walk read, all
-- compared with markup.blocks of the full tree
local function compare_pages(seed, n, prefix)
  local compared = 0
  local function rand(k)                -- a generator of its own: the same pages on every run
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % k + 1
  end
  for i = 1, n do
    local text = prefix .. page(rand)
    local got = nianbao.html.blocks(text)
    local tree = nianbao.html.parse(text)
    if got == nil or tree == nil then
      eq(got, tree, "page " .. i .. " read by one and not the other: " .. text)
    elseif got ~= false then
      local d = differ(markup.blocks(tree), got, "blocks")
      if d then error("page " .. i .. ": " .. d .. "\n" .. text) end
      compared = compared + 1
    end
  end
  return compared
end

test("pages of many shapes: the blocks of the lean parse are those of the full tree", function()
  local compared = compare_pages(20261203, 1500, "")
  eq(true, compared > 1000, "pages compared (" .. compared .. ")")
end)

test("pages past line 65535, where libxml2 stops counting lines: the same blocks both ways", function()
  local compared = compare_pages(7, 60, string.rep("\n", 65540))
  eq(true, compared > 40, "pages compared (" .. compared .. ")")
end)

test("a cell's spans are read when other attributes surround them or they come twice", function()
  local blocks = assert(nianbao.html.blocks(
    "<table><tr><td id=a class=b rowspan=2 data-x=1 colspan=3 style='x'>a</td><td>b</td></tr>"
    .. "<tr><td colspan=2 colspan=5>c</td></tr></table>"))
  eq(2, blocks[1].rowspan, "rowspan")
  eq(3, blocks[1].colspan, "colspan")
  eq(4, blocks[2].column, "the next cell's column")
  eq(2, blocks[4].colspan, "the first of two colspans")
  eq(4, blocks[4].column, "a cell under a merged one")
end)
