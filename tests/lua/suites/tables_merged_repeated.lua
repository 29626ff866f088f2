-- A table whose merged label cells were split with their text repeated in
-- every row (a converter unmerging cells: "三、本年度办理结果 | （六）其他处理
-- | 3.其他"): the item is read in the last group its cells name, not lost
-- in the group's unprinted subtotal nor reported as a row of no format.

local E = nianbao.engine

local function findings_of(R)
  local seen = {}
  for _, d in ipairs(R.diagnostics) do seen[#seen + 1] = d.kind .. " " .. tostring(d.text or d.label) end
  return table.concat(seen, "\n")
end

local function row_other(R, where)
  eq("108", tostring(R:cell("t3.result.other.misc.np").value), where .. ": 3.其他, 自然人")
  eq("110", tostring(R:cell("t3.result.other.misc.total").value), where .. ": 3.其他, 总计")
end

test("an HTML table's merged cells repeated in each row: every row read", function()
  local path = "tests/fixtures/shapes/s4-merged-repeated.html"
  local R = assert(E:read(path))
  row_other(R, path)
  eq("", findings_of(R), path .. ": nothing left unread")
  local found = rules_found(path)
  assert(not found:find("row_missing", 1, true) and not found:find("struct.extra", 1, true), found)
end)

test("a Markdown row with its group's cell, or both merged cells, repeated, or its group and item in one cell", function()
  local page = assert(nbio.readfile("tests/fixtures/probe22/p3-yoy.md"))
  -- (and the group's label with its item run on in one cell)
  for i, cells in ipairs { "| 三、本年度办理结果 | （六）其他处理 | 3.其他 |", "|  | （六）其他处理 | 3.其他 |",
                           "|  | （六）其他处理3.其他 |  |" } do
    local text, n = page:gsub("\n|  |  | 3%.其他 |", "\n" .. cells, 1)
    eq(1, n, "the row to change")
    local path = write("merged_repeated_" .. i .. ".md", text)
    row_other(assert(E:read(path)), cells)
    local found = rules_found(path)
    assert(not found:find("row_missing", 1, true) and not found:find("struct.extra", 1, true), found)
  end
end)
