-- A row of a table laid out as text printed as its label alone (an empty
-- row: a browser's copy with empty tab cells, a dump whose label wraps
-- into pieces under its number): the row is there, its cells unknown (blank
-- where its line's tabs part as many empty cells as it has);
-- never missing, never the next row's values.

local E = nianbao.engine
local TABS = "tests/fixtures/dumps24/d9-copy-tabs.txt"
local TOP = "tests/fixtures/dumps24/d7-plain-top.txt"

test("a row printed as its label with empty tab cells is no missing row", function()
  local found = rules_found(TABS)
  assert(not found:find("row_missing", 1, true), found)
  local R = assert(E:read(TABS))
  eq("blank", R.c:state("t3.result.deny.secret.np"), "1.属于国家秘密: its tabs part seven empty cells")
  eq("blank", R.c:state("t3.result.reject.confirm.total"), "5.要求行政机关确认…")
  eq(1, R:cell("t3.result.deny.internal.np").value, "the row after keeps its own values")
end)

test("an empty row whose label wraps into pieces under its number is no missing row", function()
  local found = rules_found(TOP)
  assert(not found:find("row_missing", 1, true), found)
  local R = assert(E:read(TOP))
  eq("unknown", R.c:state("t3.result.deny.secret.np"), "1.属于国 / 家秘密")
  eq("unknown", R.c:state("t3.result.reject.repeat.np"), "2.重复申 / 请")
  eq(1, R:cell("t3.result.deny.internal.np").value, "5.属于三类内部事务信息")
end)

test("a row left out of the page is still missing", function()
  local page = assert(nbio.readfile(TABS))
  local cut, n = page:gsub("\n2%.其他法律行政法规禁止公开[^\n]*", "", 1)
  eq(1, n, "a row taken out")
  local path = write("text25_row_out.txt", cut)
  has(rules_found(path), "gb2021.struct.row_missing", "the row said missing")
end)

test("a table of labels alone is no table read: its rows stay missing", function()
  local page = assert(nbio.readfile(TABS))
  local t3 = page:find("三、收到和处理", 1, true)
  local t4 = page:find("四、政府信息公开行政复议", 1, true)
  local bare = page:sub(t3, t4 - 1)
  for _, v in ipairs { "%d+", "／", "/", "%-", "—" } do bare = bare:gsub("\t" .. v, "\t") end
  local path = write("text25_labels_only.txt", page:sub(1, t3 - 1) .. bare .. page:sub(t4))
  has(rules_found(path), "gb2021.struct.row_missing", "an empty table said")
end)

test("a row's values after its label's pieces are that row's", function()
  local page = assert(nbio.readfile(TOP))
  -- 2.重复申请 given values on its number's line
  local with, n = page:gsub("(\n +2%.重复申)\n", "%1 1      0        0      0        0       0    1\n", 1)
  eq(1, n, "values put")
  local path = write("text25_held_values.txt", with)
  local R = assert(E:read(path))
  eq(1, R:cell("t3.result.reject.repeat.np").value, "2.重复申 / 请")
  eq(nil, R:cell("t3.result.reject.petition.np").value, "not the row before's")
end)
