-- A PDF's page footer that is its page's number alone ("4", "Page 4"), the
-- last line before a form feed, between a row's values: no value, no row.
-- A bare number is taken for one only where such lines count the pages on.

local E = nianbao.engine
local RAW = "tests/fixtures/pdf24/q6-raw-page-breaks.txt"

local function with_footers(a, b)
  local page = assert(nbio.readfile(RAW))
  local n1, n2
  page, n1 = page:gsub("\n— 3 —\n", "\n" .. a .. "\n", 1)
  page, n2 = page:gsub("\n第 4 页 共 7 页\n", "\n" .. b .. "\n", 1)
  eq(2, n1 + n2, "both footers changed")
  return page
end

test("a bare page number before a form feed is no value of the row it cuts", function()
  local path = write("text25_footer_bare.txt", with_footers("3", "4"))
  local found = rules_found(path)
  assert(not found:find("row_values", 1, true), found)
  local R = assert(E:read(path))
  eq(11, R:cell("t3.result.unable.create.np").value, "the row cut by page 3")
  eq(11, R:cell("t3.result.unable.create.total").value, "its total, after the break")
  eq(6, R:cell("t3.result.other.nofee.total").value, "the row cut by page 4")
end)

test("a worded page number before a form feed is no row", function()
  for _, f in ipairs { { "Page 3", "Page 4" }, { "Page 3 of 7", "Page 4 of 7" } } do
    local path = write("text25_footer_worded.txt", with_footers(f[1], f[2]))
    local found = rules_found(path)
    assert(not found:find("struct.extra", 1, true), f[1] .. found)
    assert(not found:find("row_values", 1, true), f[1] .. found)
  end
end)

test("a number before one form feed, counting no pages, stays a value", function()
  -- one break only, its last line a value (no footer printed)
  local page = assert(nbio.readfile(RAW))
  page = page:gsub("\n— 3 —\n", "\n", 1):gsub("\n第 4 页 共 7 页\n", "\n4\n", 1)
  local path = write("text25_footer_one.txt", page)
  local found = rules_found(path)
  has(found, "gb2021.parse.row_values", "the row is unread, not read short")
  local R = assert(E:read(path))
  eq(nil, R:cell("t3.result.other.nofee.total").value, "no value guessed")
end)
