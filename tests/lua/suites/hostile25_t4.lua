-- 表四 as a template prints it otherwise than the format: 合计 for 总计, first
-- in each group; its groups in another order. A value is placed only where
-- the header says whose it is; else it is unknown, never a neighbour's.

local E = nianbao.engine
local PATH = "tests/fixtures/hostile25/r6-t4-total-first.txt"

test("表四 with 合计 first in each group: each value under its own header", function()
  local R = assert(E:read(PATH))
  eq(351, R:cell("t4.rv.total").value, "行政复议 合计")
  eq(72, R:cell("t4.rv.upheld").value, "行政复议 结果维持")
  eq(26, R:cell("t4.ld.total").value, "未经复议直接起诉 合计")
  eq(6, R:cell("t4.la.pending").value, "复议后起诉 尚未审结")
  local found = rules_found(PATH)
  assert(not found:find("gb2021.t4.", 1, true) and not found:find("gb2021.txt.", 1, true), found)
end)

test("表四 with its litigation groups before 行政复议 on one header line: unknown, none misplaced", function()
  local text = assert(nbio.readfile(PATH))
  local lines = {}
  for line in (text .. "\n"):gmatch("([^\n]*)\n") do lines[#lines + 1] = line end
  -- each header line and the values' line: the five 行政复议 cells moved after the ten others
  local n, before = 0, nil
  for i, line in ipairs(lines) do
    local cells = {}
    for c in (line .. "\t"):gmatch("([^\t]*)\t") do cells[#cells + 1] = c end
    if #cells >= 10 and (cells[1] == "行政复议" or cells[2] == "结果维持" or cells[6] == "合计"
                         or (before or ""):find("^\t\t\t\t\t合计")) then
      while #cells < 15 do cells[#cells + 1] = "" end
      local moved = {}
      for k = 6, 15 do moved[#moved + 1] = cells[k] end
      for k = 1, 5 do moved[#moved + 1] = cells[k] end
      lines[i], n = table.concat(moved, "\t"), n + 1
    end
    before = line
  end
  eq(4, n, "the lines moved")
  local R = assert(E:read(write("t4_litigation_first.txt", table.concat(lines, "\n"))))
  for _, id in ipairs { "t4.rv.total", "t4.rv.upheld", "t4.ld.total", "t4.la.total" } do
    assert(R:cell(id).value == nil, id .. " placed: " .. tostring(R:cell(id).value))
  end
end)
