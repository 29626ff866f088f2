-- pdfplumber's text of a table whose item label wraps over three lines:
-- the group's label, set in the middle of its merged cell, lands on the
-- item's middle line, before the values ("（六）其他处理 纳费用、行政机关
-- 不再处理其政府 6 0 0 0 0 0 6"). The piece after the group's label names
-- the item it belongs to.

local E = nianbao.engine
local FIXTURE = "tests/fixtures/convert23/c3-pdfplumber.txt"

test("an item's wrapped label round its group's is read as the item's row", function()
  local R = assert(E:read(FIXTURE))
  eq(6, R:cell("t3.result.other.nofee.np").value, "（六）2. 自然人")
  eq(6, R:cell("t3.result.other.nofee.total").value, "（六）2. 总计")
  local found = rules_found(FIXTURE)
  assert(not found:find("row_missing", 1, true), "a row said missing:" .. found)
end)

test("a piece of another group's item after a group's label names no row", function()
  local page = assert(nbio.readfile(FIXTURE))
  -- 纳费用 belongs to （六）'s item: after （五）'s label it is no row of （五）
  local moved = page:gsub("（六）其他处理 纳费用", "（五）不予处理 纳费用", 1)
  assert(moved ~= page, "the group's label changed")
  local R = assert(E:read(write("wrapped_group_other.txt", moved)))
  for _, item in ipairs { "petition", "repeat", "publication", "mass", "confirm" } do
    local c = R:cell("t3.result.reject." .. item .. ".total")
    assert(not (c and c.line == 50), "（五）" .. item .. " given （六）2.'s values")
  end
  eq(56, R:cell("t3.result.reject.petition.np").value, "（五）1. as printed")
end)
