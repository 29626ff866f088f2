-- A cell that holds a table lays out a page (an old site's body in a
-- layout table): its paragraphs and tables are read in order as the page's,
-- not as one cell of all its text with the tables inside it lost. The
-- streaming read leaves such a page to the tree's walk, and the C walk and
-- markup.lua's agree on it.

local markup = require "markup"

local function blocks_agree(page, what)
  local c = assert(nianbao.html.blocks(page))
  local d = differ(markup.blocks(assert(nianbao.html.parse(page))), c, "blocks")
  if d then error(what .. ": " .. d, 2) end
  return c
end

local function texts(blocks)
  local out = {}
  for _, b in ipairs(blocks) do
    if b.kind ~= "break" then out[#out + 1] = b.kind .. ":" .. b.text end
  end
  return table.concat(out, " | ")
end

test("a page laid out in tables is read as a page", function()
  local path = "tests/fixtures/shapes/s13-layout-table.html"
  local R = assert(nianbao.engine:read(path))
  for _, id in ipairs { "s1", "s2", "s3", "s4", "s5", "s6" } do
    assert(R:section(id), "part " .. id .. " found")
  end
  eq("447228", tostring(R:cell("t2.permit.decisions").value), "表二")
  eq("3050", tostring(R:cell("t3.result.total.total").value), "表三")
  eq("351", tostring(R:cell("t4.rv.total").value), "表四")
  local found = rules_found(path)
  assert(not found:find("section_missing", 1, true) and not found:find("table_missing", 1, true), found)
end)

test("a cell holding a table, at any depth, gives its paragraphs and the table's cells", function()
  local cases = {
    { "<table><tr><td>菜单</td><td><p>一、总体情况</p><p>正文</p><div><table><tr><td>a</td><td>1</td></tr></table></div></td></tr></table>",
      "cell:菜单 | para:一、总体情况 | para:正文 | cell:a | cell:1" },
    { "<table><tr><td>d<table><tr><td>e</td></tr></table>f</td></tr></table>",
      "para:d | cell:e | para:f" },
    { "<table><tr><td><table><tr><td><p>x</p><table><tr><td>1</td><td>2</td></tr></table></td></tr></table></td></tr></table>",
      "para:x | cell:1 | cell:2" },
    -- a cell with no table inside is one cell, its paragraphs joined, as before
    { "<table><tr><td><p>（二）部分公开</p><p>（区分处理的）</p></td><td>7</td></tr></table>",
      "cell:（二）部分公开（区分处理的） | cell:7" },
  }
  for i, case in ipairs(cases) do
    eq(case[2], texts(blocks_agree(case[1], "case " .. i)), "case " .. i)
  end
end)
