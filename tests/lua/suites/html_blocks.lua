-- A web page's blocks made in C (nianbao.html.blocks) are the blocks
-- markup.blocks makes of the page's tree (nianbao.html.parse): the same
-- fields, values, number types and even key order, so that the HTML reader
-- reads every page as before. What the C walk does not place it leaves to
-- Lua, saying so with false.

local markup = require "markup"

local function same_both_ways(text, what)
  local tree = assert(nianbao.html.parse(text))
  local got = nianbao.html.blocks(text)
  if got == false then error(what .. ": left to Lua", 2) end
  local opts = {}
  local want = markup.blocks(tree, opts)
  want.twins = opts.twins or nil          -- (the C list says it on itself)
  want.bars = opts.bars or nil
  local d = differ(want, got, "blocks")
  if d then error(what .. ": " .. d, 2) end
end

test("every HTML page of the corpus, fixtures and examples: the same blocks from C as from the tree", function()
  local p = io.popen("find tests/corpus tests/fixtures tests/hostile examples -type f "
                     .. "\\( -name '*.html' -o -name '*.htm' \\) | sort")
  local n = 0
  for path in p:lines() do
    local text = assert(nbio.readfile(path, 64 * 1048576))
    -- (a page with something styled display:none or struck through is markup.lua's, which leaves it out)
    local lower = text:lower()
    if not ((lower:find("display%s*:%s*none") or lower:find("line-through", 1, true))
            and nianbao.html.blocks(text) == false) then
      same_both_ways(text, path)
      n = n + 1
    end
  end
  p:close()
  eq(true, n >= 10, "pages compared (" .. n .. ")")
end)

test("a paragraph that opens with a bar (a Markdown table's row?): bars on the list, from C as from the tree", function()
  local page = "<p>| 自然人 | 总计 |</p><div>|---|---|</div><p>| 3 | 3 |</p><p>a | b</p>"
  same_both_ways(page, "bars")
  eq(true, nianbao.html.blocks(page).bars, "bars said")
  eq(nil, nianbao.html.blocks("<p>a | b</p><p>c</p>").bars, "no paragraph opens with a bar")
end)

test("spans false: the same blocks less each cell's column, rowspan and colspan, placed by x0 and x1", function()
  local page = "<p>表三</p><table><tr><td rowspan=2>a</td><td colspan=2>b</td></tr><tr><td>c</td></tr>"
               .. "<tr><td>d<table><tr><td colspan=3>e</td></tr></table></td></tr></table>"
  local full, lean = assert(nianbao.html.blocks(page)), assert(nianbao.html.blocks(page, nil, false))
  local cells = 0
  for i, b in ipairs(full) do
    if b.kind == "cell" then
      cells = cells + 1
      eq(b.column, b.x0, "x0 is the column")
      eq(b.column + b.colspan, b.x1, "x1 is past the span")
      b.column, b.rowspan, b.colspan = nil, nil, nil
    end
    local d = differ(b, lean[i], "block " .. i, true)
    if d then error(d, 0) end
  end
  eq(#full, #lean, "blocks")
  eq(4, cells, "cells (d, beside a table in its cell, is a paragraph: the cell lays out a page)")
  -- the walk over the whole tree (a page with a NUL byte, which the streaming read leaves) leaves them out too
  local nul = "<table><tr><td colspan=2>x</td><td>y</td></tr></table>\0"
  local walked, all = assert(nianbao.html.blocks(nul, nil, false)), assert(nianbao.html.blocks(nul))
  eq("x", walked[1].text, "the first cell")
  eq(2, all[1].colspan, "its colspan, spans kept")
  eq(nil, walked[1].colspan, "no colspan, spans left out")
  eq(nil, walked[1].column, "no column")
  eq(3, walked[1].x1, "x1 past the span")
end)

for _, case in ipairs {
  { "merged cells push later cells right and down",
    "<table><tr><td rowspan=2>a</td><td colspan=2>b</td></tr><tr><td>c</td><td rowspan='0x2'>d</td></tr>"
    .. "<tr><td>e</td><td>f</td></tr></table>" },
  { "spans below 1, above 1000 or not numbers are clamped or ignored",
    "<table><tr><td rowspan=-3 colspan=99999>a</td><td colspan=' 2 '>b</td><td colspan=abc>c</td>"
    .. "<td rowspan=''>d</td></tr><tr><td>x</td></tr></table>" },
  { "a table in a cell is read in its place, one deeper in the cell's markup is not",
    "<table><tr><td>a<table><tr><td>in</td></tr></table>b</td><td><div><table><tr><td>lost</td>"
    .. "</tr></table></div></td></tr></table>" },
  { "text at the top, inline markup and block ends make paragraphs",
    "lead <b>bold</b>\n\n<p> one\t two </p>tail<br>after<script>no</script><p></p><p>  </p>" },
  { "white space of every width is trimmed, a run inside collapses to one space",
    "<div>\u{3000} wide\u{A0} \u{200B}</div><p>\v vt \v</p><table><tr><td>\u{FEFF}x \n\r\f y\u{2003}</td></tr></table>" },
  { "rows in thead and tbody, header cells, a caption and stray cells",
    "<td>stray</td><table><caption>cap</caption><thead><tr><th>h</th></tr></thead><tbody><tr></tr>"
    .. "<tr><td>1<br>2</td></tr></tbody></table><tr><td>x</td></tr>" },
  { "markup nested past the depth limit is cut where the tree cuts it",
    string.rep("<div>", 300) .. "deep<table><tr><td>t</td></tr></table>" .. string.rep("</div>", 300) },
} do
  test("blocks from C as from the tree: " .. case[1], function()
    same_both_ways(case[2], case[1])
  end)
end

test("a fractional span or more merged cells than the C walk places is left to Lua (false)", function()
  eq(false, nianbao.html.blocks("<table><tr><td rowspan=1.5>a</td></tr></table>"), "rowspan 1.5")
  eq(false, nianbao.html.blocks("<table><tr><td colspan=2.0>a</td></tr></table>"), "colspan 2.0")
  eq(false, nianbao.html.blocks("<table><tr><td rowspan=1000 colspan=1000>a</td></tr></table>"), "a million places")
  local many = {}
  for i = 1, 100 do many[i] = "<tr><td colspan=2>" .. i .. "</td></tr>" end
  eq(false, nianbao.html.blocks("<table>" .. table.concat(many) .. "</table>"), "100 merged cells")
  eq("table", type(nianbao.html.blocks("<table>" .. table.concat(many, "", 1, 60) .. "</table>")), "60 merged cells")
end)

test("a page the HTML reader leaves to Lua is read as markup.blocks reads its tree", function()
  local read = require "pipeline.read"
  local _, readers = read.load(".")
  local page = "<p>表三</p><table><tr><td rowspan=1.5>收到申请数</td><td>7</td></tr></table>"
  local doc = assert(read.run(readers.html, page, "fraction.html", read.limits, "zh"))
  local d = differ(markup.blocks(assert(nianbao.html.parse(page))), doc.blocks, "blocks")
  eq(nil, d, "difference")
  eq(1.5, doc.blocks[2].rowspan, "the span as printed")
end)

test("text that is no page gives nil and parse's reason", function()
  local blocks, why = nianbao.html.blocks("")
  local tree, why2 = nianbao.html.parse("")
  eq(nil, blocks, "blocks")
  eq(nil, tree, "tree")
  eq(why2, why, "reason")
end)

test("a page whose blocks pass the memory cap fails with the cap's error, and the next page is read", function()
  local limits = require "nianbao.sandbox"
  local page = "<table>" .. string.rep("<tr><td>a</td><td>b</td></tr>", 40000) .. "</table>"
  collectgarbage("collect")      -- the cap counts from what is in use: no garbage to reclaim during the call
  -- (seconds: the memory cap is under test, not the clock of a slow or sanitised build)
  local ok, why = limits.call({ instructions = 1e9, memory = 24 * 1048576, seconds = 600 }, nianbao.html.blocks, page)
  eq(false, ok, "within 24 MB")
  has(why, "memory cap")
  local done, blocks = limits.call({ instructions = 1e9, memory = 512 * 1048576, seconds = 600 }, nianbao.html.blocks, page)
  eq(true, done, "within 512 MB")
  eq(120000, #blocks, "two cells and a break a row")
end)
