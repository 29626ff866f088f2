-- The lean parse drops an attribute only when all of it is printable ASCII
-- (read eight bytes at a time) or UTF-8 libxml2 reads without a word: an
-- attribute of any length with a control byte, a DEL, a byte that is not
-- UTF-8 or a U+FFFF anywhere in it stays for libxml2, and the blocks are
-- those of the full tree either way.

local markup = require "markup"
local lean = dofile("tests/lua/lean_pages.lua")(eq, differ, nianbao.html)

-- bytes that make an attribute stay (and UTF-8 that lets it go), and printable ones on either side
local odd = { "\1", "\31", "\127", "\128", "\255", "é", "二", "\t", "\n", "\239\191\191", "\228\186",
              "\237\160\128", "\244\144\128\128", "\192\175" }
local fill = { "a", "0.5", "x-y", "~", " ", "=", "\"" }

local function value(rand)
  local out = {}
  for i = 1, rand(24) - 1 do out[i] = fill[rand(#fill)] end
  if rand(3) > 1 then table.insert(out, rand(#out + 1), odd[rand(#odd)]) end
  return table.concat(out):gsub("'", "")
end

local function page(rand)
  local out = { "<table>" }
  for r = 1, rand(4) do
    out[#out + 1] = "<tr id='r" .. r .. "'>"
    for c = 1, rand(5) do
      out[#out + 1] = string.format("<td data-a='%s' class='%s'>%d年%s</td>\n", value(rand), value(rand), c,
                                    rand(4) == 1 and "<span title='" .. value(rand) .. "'>s</span>" or "")
    end
    out[#out + 1] = "</tr>"
  end
  out[#out + 1] = "</table><p style='" .. value(rand) .. "'>after 之后</p>"
  return table.concat(out)
end

-- whether the lean parse read page i (a page the tree always reads), as the tree does
local function read_as_tree(text, i)
  local got = nianbao.html.blocks(text)
  local tree = assert(nianbao.html.parse(text))
  if not got then return false end
  local d = differ(markup.blocks(tree), got, "blocks")
  if d then error("page " .. i .. ": " .. d .. "\n" .. text) end
  return true
end

test("attributes with odd bytes at every place: the lean parse's blocks are the full tree's", function()
  local rand, compared = lean.random(20261204), 0
  for i = 1, 400 do
    local text = page(rand)
    if read_as_tree(text, i) then compared = compared + 1 end
  end
  eq(true, compared > 300, "pages compared (" .. compared .. ")")
end)

test("white space in a paragraph or a cell is one space, across libxml2's pieces of a long text", function()
  local ws = { " ", "\t", "\r", "\n", "\f", "\v", "\194\160", "\227\128\128", "x", "二", "&nbsp;", "<b>", "</b>" }
  local rand = lean.random(77)
  for i = 1, 60 do
    local run = {}
    for k = 1, rand(900) do run[k] = ws[rand(#ws)] end
    local body = table.concat(run)
    local text = "<p>" .. body .. "</p><table><tr><td>" .. body .. "</td></tr></table>"
    local got = assert(nianbao.html.blocks(text))
    local d = differ(markup.blocks(assert(nianbao.html.parse(text))), got, "blocks")
    if d then error("text " .. i .. ": " .. d) end
  end
  eq("a b", nianbao.html.blocks("<p> a \t\r\n\f b </p>")[1].text, "a run of every kind")
end)

test("a tag with a namespace prefix is read by its local name, as the tree names its node", function()
  local text = "<div>one<o:p>two</o:p>three<w:p>four</w:p><x:table><x:tr><x:td>cell</x:td></x:tr></x:table>"
    .. "<a:b:p>five</a:b:p><ns:blockquote>six</ns:blockquote>seven</div>"
  local got = assert(nianbao.html.blocks(text))
  local d = differ(markup.blocks(assert(nianbao.html.parse(text))), got, "blocks")
  if d then error(d) end
  eq("two", got[2].text, "o:p is a paragraph")
  eq("cell", got[5].text, "x:td in x:table is a cell")
  eq("cell", got[5].kind, "its kind")
end)

test("attributes of UTF-8 go, one across lines stays: every block on its line", function()
  local text = "<p style='font-family:宋体;font-size:12pt' title='第一\n二'>x</p>\n"
    .. "<table><tr><td class='仿宋_GB2312 \239\191\191'>1</td>\n<td lang=中文 colspan=2>2</td></tr></table>\n"
    .. "<p style='字\128'>y</p>\n<p title='é'>z</p>"
  local got = assert(nianbao.html.blocks(text))
  local d = differ(markup.blocks(assert(nianbao.html.parse(text))), got, "blocks")
  if d then error(d) end
  eq(2, got[1].line, "a paragraph after an attribute across a line")
  eq(2, got[3].colspan, "a span beside an attribute that goes")
  eq(6, got[#got].line, "the last paragraph's line")
end)

test("attributes a space, a tab or a line end apart, spans kept among them: the lean parse's blocks are the full tree's", function()
  -- those only spaces apart are dropped together, or kept together when one would speak
  local seps = { " ", "  ", "\t", "\n", " \n ", "\r\n" }
  local attrs = { "width=150", "valign='center'", "style=\"width:112.5pt;border:solid windowtext 1.0pt\"",
                  "rowspan=2", "colspan='3'", "lang=EN-US", "class=x", "title='a\nb'", "data-x='\1'",
                  "face=宋体", "nowrap", "alt='\255'" }
  local rand, compared = lean.random(20261206), 0
  for i = 1, 300 do
    local out = { "<body><table>" }
    for r = 1, rand(4) do
      out[#out + 1] = "<tr>\n"
      for c = 1, rand(4) do
        local tag = { "<td" }
        for a = 1, rand(6) - 1 do tag[#tag + 1] = seps[rand(#seps)] .. attrs[rand(#attrs)] end
        out[#out + 1] = table.concat(tag) .. seps[rand(#seps)]:gsub("^%s+$", rand(2) == 1 and "%0" or "") .. ">"
          .. c .. "年\n</td>"
      end
      out[#out + 1] = "</tr>\n"
    end
    out[#out + 1] = "</table><p class=a style='x'\nlang=b>after</p><p>line</p>"
    local text = table.concat(out)
    if read_as_tree(text, i) then compared = compared + 1 end
  end
  eq(true, compared > 250, "pages compared (" .. compared .. ")")
end)
