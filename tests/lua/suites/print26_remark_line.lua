-- A group's label wrapped down the rows beside its items (（三）不 / 予公开)
-- prints a piece of it on an item's line, after the row above's values:
-- taken for that row's remark, it took the item's label and values on its
-- line with it, and the row was said missing. The item ends the remark.

local PAIRS = {
  "tests/fixtures/print25/pr2-layout-remark-wrapped.txt",
  "tests/fixtures/print25b/pb2-layout-a6-remark-touching.txt",
}

test("an item's label on a line a group's piece opens is that item's row, not a remark", function()
  for _, path in ipairs(PAIRS) do
    local found = rules_found(path)
    assert(not found:find("gb2021.struct.row_missing", 1, true), path .. ": " .. found)
  end
end)

test("the remark beside a row's values is still no value", function()
  local out = sh(NB .. " check --no-color " .. PAIRS[1])
  assert(not out:find("gb2021.txt.next", 1, true), out)
  assert(not out:find("gb2021.t3.row_total", 1, true), out)
end)
