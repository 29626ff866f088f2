-- A tab-parted table's empty row (Word's 纯文本, a spreadsheet's TSV, a
-- browser's copy): its label, then a tab for each empty cell. The line's
-- trailing tabs say the cells are there and empty: blank, not unknown.
-- Fewer tabs than the row has cells: what they hold is not known.

local E = nianbao.engine
local WORD = "tests/fixtures/text25/x1-word-tabs.txt"
local COPY = "tests/fixtures/print25/pr9-innertext-blank-rows.txt"

test("a row of empty tab cells is blank, each cell", function()
  local R = assert(E:read(WORD))
  for _, id in ipairs { "t3.result.reject.petition.np", "t3.result.reject.petition.total",
                        "t3.result.reject.confirm.other" } do
    eq("blank", R.c:state(id), id)
  end
  eq(1, R:cell("t3.result.other.misc.np").value, "the next row keeps its values")
  has(rules_found(WORD), "gb2021.val.blank", "the empty cells said")
end)

test("a tab and a no-break space for each empty cell: blank too", function()
  local R = assert(E:read(COPY))
  eq("blank", R.c:state("t3.result.deny.secret.np"), "1.属于国家秘密")
end)

test("fewer tabs than the row's cells: unknown, never blank", function()
  local page = assert(nbio.readfile(WORD))
  local cut, n = page:gsub("(2%.重复申请)\t+\n", "%1\t\t\t\n", 1)
  eq(1, n, "the row's tabs cut")
  local R = assert(E:read(write("text26_short_tabs.txt", cut)))
  eq("unknown", R.c:state("t3.result.reject.repeat.np"), "three tabs for seven cells")
  eq("blank", R.c:state("t3.result.reject.petition.np"), "the row before still blank")
end)

test("the Markdown reader's loop keeps the tabs as the C one does", function()
  local page = assert(nbio.readfile(WORD))
  -- a heading's mark sends the text through the Lua loop
  local marked = page:gsub("\n二、主动公开", "\n## 二、主动公开", 1)
  local R = assert(E:read(write("text26_marked.md", marked)))
  eq("blank", R.c:state("t3.result.reject.petition.np"), "1.信访举报投诉类申请")
end)

test("C and the Lua loop count the same trailing tabs", function()
  local labels = require "labels"
  local src = assert(nbio.readfile("scripts/readers/text.lua"))
  local lua_src = src:gsub("if not bare then plain, grid_last = nianbao.text.blocks%(bytes%) end\n"
                           .. "  if plain then return { blocks = plain, grid_last = grid_last } end\n", "")
  local env = setmetatable({ trim = labels.trim, markup = require "markup", nianbao = nianbao }, { __index = _G })
  assert(load(lua_src, "=text.lua", "t", env))()
  local text = "规章\t0\t\t\n2.重复申请\t\t\xE2\x80\x83\t \t\xC2\xA0\n\t3.其他\t\t\n表二\t\t\n一行文字\n"
  local got = nianbao.text.blocks(text)
  local doc = env.Reader(text, {})
  eq(nil, differ(doc.blocks, got, "blocks", true), "the same blocks")
  eq(2, got[1].tabs, "规章: two")
  eq(4, got[2].tabs, "2.重复申请: four, spaces among them")
  eq(nil, got[5].tabs, "a line with no tab")
end)
