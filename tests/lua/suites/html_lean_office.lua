-- Word's empty <o:p></o:p> reaches libxml2 as a <br> once a body is open:
-- both are a block with nothing in it that closes no element but a head,
-- and libxml2 reports the unknown o:p as an error it formats each time.
-- Before the body (a head may be what is open) it stays o:p. Pages with
-- o:p at every place give the blocks of the full tree.

local markup = require "markup"
local lean = dofile("tests/lua/lean_pages.lua")(eq, differ, nianbao.html)

local pieces = {
  "<o:p></o:p>", "<o:p></o:p>", "<O:P></O:P>", "<o:p>x</o:p>", "<o:p></o:p>\n",
  "<html>", "</html>", "<head>", "</head>", "<body>", "</body>", "<body/>", "<body class=b>",
  "<title>t</title>", "<meta charset=utf-8>", "<link rel=x>", "<base href=x>", "<style>p{}</style>",
  "<script>s</script>", "<noscript>n</noscript>", "<!-- c -->", "<p>", "</p>", "<div>", "</div>",
  "<span>", "</span>", "<b>", "</b>", "<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>",
  "<h2>", "</h2>", "<li>", "<br>", "text", "二〇二四年", " ", "\n", "&nbsp;",
}

local starts = { "", "<!DOCTYPE html>", "<html><head>", "<html><head><title>t</title></head><body>", " " }

test("empty o:p before, in and after the body: the blocks of the lean parse are the full tree's", function()
  local rand, compared = lean.random(20261206), 0
  for i = 1, 1500 do
    local out = { starts[rand(#starts)] }
    for k = 2, rand(40) + 1 do out[k] = pieces[rand(#pieces)] end
    if lean.same_as_tree(table.concat(out), nil, "page " .. i) then compared = compared + 1 end
  end
  eq(true, compared > 1000, "pages compared (" .. compared .. ")")
end)

test("an empty o:p before any body stays: where a head is open, a <br> would close it", function()
  local text = "<tr><head></o:p>\n<o:p></o:p></p>text"
  local got = assert(nianbao.html.blocks(text))
  local d = differ(markup.blocks(assert(nianbao.html.parse(text))), got, "blocks")
  if d then error(d) end
  eq(2, got[1].line, "the text's line, as the tree has it")
end)

test("an empty o:p in the body ends a paragraph as the tree's does", function()
  local text = "<html><head><o:p></o:p><title>t</title><body>x<o:p></o:p>y<O:P></O:P></body>"
  local got = assert(nianbao.html.blocks(text))
  local d = differ(markup.blocks(assert(nianbao.html.parse(text))), got, "blocks")
  if d then error(d) end
  eq("x", got[#got - 1].text, "the paragraph before it")
  eq("y", got[#got].text, "the one after it")
end)
