-- The lean parse reads a start tag once for all tags of the same bytes on a
-- page: one of the same bytes drops the same attributes, and a span or a p
-- taken out is taken out again. Tags of the same length that differ in a
-- byte (a rowspan for a colspan), more of them than are kept, tags with a '>'
-- in a value, with more runs of attributes than are kept, or cut off by the
-- page's end are each read as themselves: the blocks are the full tree's.

local lean = dofile("tests/lua/lean_pages.lua")(eq, differ, nianbao.html)
local same_as_tree = lean.same_as_tree

-- start tags of one length that differ in a byte or two, and their kin
local cells = {
  "<td rowspan=2>", "<td colspan=2>", "<td rowspan=3>", "<td colspan=3>", "<td colspan=4>", "<td rowspan=4>",
  "<td rowspan=1>", "<td colspan=1>", "<TD colspan=2>", "<td colspan=2 >", "<td width=60 colspan=2 style='a:b'>",
  "<td width=40 colspan=2 style='a:b'>", "<td width=60 rowspan=2 style='a:b'>", "<td title='a>b' colspan=2>",
  "<td title='a>b' rowspan=2>", "<td a=1\nb=2\ncolspan=2\nc=3\nd=4\ne=5\nf=6>",
  "<td a=1\nb=2\nrowspan=2\nc=3\nd=4\ne=5\nf=6>", "<td class='\1' colspan=2>", "<td class='\2' colspan=2>",
  "<td style='font-family: 仿宋_GB2312'>", "<td style='font-family: 仿宋_GB2313'>", "<td>", "<th colspan=2>",
}
local inner = {
  "x", "二〇二四", "<p class=p>a</p>", "<p class=q>b</p>", "<p class=p><span style='s:1'>c</span><span>&nbsp;</span></p>",
  "<p class=p><span style='s:2'>d</span></p>", "<p class=p/>e", "<p class='\1'>f</p>", "<span style='s:1'>g</span>",
  "<span title='\1'>h</span>", "<span/>", "",
}
local others = {
  "<p class=p>", "<p class=q>", "</p>", "<span style='s:1'>i</span>", "<span style='s:2'>j</span>", "<br>", "\n",
  "<script type=a>k</script>", "<title>t</title>", "<div id=a>", "</div>", "<meta name=a content=b>", "text",
}

local function page(rand)
  local out = { ({ "", "<html><body>", "<!DOCTYPE html><html><head><title>t</title></head><body>" })[rand(3)] }
  for _ = 1, rand(3) do
    out[#out + 1] = "<table>"
    for _ = 1, rand(5) do
      out[#out + 1] = "<tr>"
      for _ = 1, rand(6) do
        out[#out + 1] = cells[rand(#cells)] .. inner[rand(#inner)] .. (rand(4) > 1 and "</td>" or "")
      end
      out[#out + 1] = rand(3) > 1 and "</tr>\n" or "\n"
    end
    out[#out + 1] = "</table>"
    for _ = 1, rand(4) - 1 do out[#out + 1] = others[rand(#others)] end
  end
  -- now and then a page that ends inside a tag read before
  if rand(6) == 1 then out[#out + 1] = cells[rand(#cells)]:sub(1, -2) end
  return table.concat(out)
end

test("tags of the same bytes again and again, and of the same length but a byte: the full tree's blocks", function()
  local rand, compared = lean.random(20261206), 0
  for i = 1, 1500 do
    if same_as_tree(page(rand), rand(5) == 1 and rand(12) or nil, "page " .. i) then compared = compared + 1 end
  end
  eq(true, compared > 1000, "pages compared (" .. compared .. ")")
end)

test("a rowspan and a colspan in tags of one length are each read as written, however many turns", function()
  local row = {}
  for k = 1, 6 do row[k] = cells[1 + (k - 1) % 6] .. k .. "</td>" end
  local text = "<table><tr>" .. table.concat(row) .. "</tr><tr>" .. table.concat(row) .. "</tr></table>"
  eq(true, same_as_tree(text, nil, "six spans of one length"))
  local blocks = nianbao.html.blocks(text)
  local spans = {}
  for _, b in ipairs(blocks) do
    if b.kind == "cell" and b.row == 1 then spans[#spans + 1] = b.rowspan .. "x" .. b.colspan end
  end
  eq("2x1 1x2 3x1 1x3 1x4 4x1", table.concat(spans, " "))
end)

test("a tag with more runs of attributes than are kept, or a '>' in a value, reads the same each time", function()
  for _, tag in ipairs({ cells[16], cells[17], cells[14], cells[15] }) do
    local text = "<table><tr>" .. string.rep(tag .. "v</td>", 5) .. "</tr><tr>" .. string.rep(tag .. "w</td>", 5)
                 .. "</tr></table>"
    eq(true, same_as_tree(text, nil, tag))
  end
end)
