-- A PDF viewer's copy: each page's footer kept alone between empty lines,
-- no form feed. A footer in words or dashes ("- 4 -", "第4页 共6页") is no
-- value and no row; a bare number only where the next page's, ten lines
-- on or more, counts on from it.

local E = nianbao.engine
local X4 = "tests/fixtures/text25/x4-layout-page-numbers.txt"

local function copied(a, b)
  local page = assert(nbio.readfile(X4)):gsub("\f", "")
  local n1, n2
  page, n1 = page:gsub("\n +3\n", "\n" .. a .. "\n", 1)
  page, n2 = page:gsub("\n +4\n", "\n" .. b .. "\n", 1)
  eq(2, n1 + n2, "both footers put")
  return page
end

local function reads_right(path, what)
  local found = rules_found(path)
  assert(not found:find("row_values", 1, true), what .. found)
  assert(not found:find("struct.extra", 1, true), what .. found)
  local R = assert(E:read(path))
  eq(454, R:cell("t3.result.partial.total").value, what .. ": the row cut by page 3")
  eq(6, R:cell("t3.result.deny.third.total").value, what .. ": the row before page 4")
end

test("bare page numbers that count on, no form feed: no values", function()
  reads_right(write("text26_lone_bare.txt", copied("                                        3",
                                                   "                                        4")), "3, 4")
end)

test("page numbers in words or dashes, no form feed: no values", function()
  for _, f in ipairs { { "- 3 -", "- 4 -" }, { "— 3 —", "— 4 —" }, { "第3页 共6页", "第4页 共6页" },
                       { "第 3 页", "第 4 页" } } do
    reads_right(write("text26_lone_worded.txt", copied(f[1], f[2])), f[1])
  end
end)

test("one bare number alone, counting no pages: a value, no number guessed", function()
  local page = copied("3", "")
  local R = assert(E:read(write("text26_lone_one.txt", page)))
  eq("unknown", R.c:state("t3.result.partial.total"), "eight values: not read")
end)
