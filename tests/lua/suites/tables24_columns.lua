-- Tables whose columns are not the format's: one left out, a 合计 beside
-- 总计, 总计 printed first. A value is placed only where the
-- header says whose it is; else its cells are unknown and a finding says so.

local E = nianbao.engine
local DIR = "tests/fixtures/tables24/"

-- the fixture's text as a tab-separated text: each Markdown row a line of its cells
local function tabbed(md)
  local out = {}
  for line in md:gmatch("[^\n]*") do
    if line:match("^| %-%-%-") then
      line = nil
    elseif line:match("^|") then
      local cells = {}
      for c in line:gmatch("|%s*([^|]-)%s*%f[|]") do
        if c ~= "" then cells[#cells + 1] = c end
      end
      line = table.concat(cells, "\t")
    end
    if line then out[#out + 1] = line end
  end
  return table.concat(out, "\n")
end

test("表三 without its 其他 column: the others read under their headers, 其他 unknown", function()
  local path = DIR .. "t6-no-other-column.md"
  local R = assert(E:read(path))
  eq(71, R:cell("t3.new.np").value, "自然人 under its header")
  eq(74, R:cell("t3.new.total").value, "总计 under its header")
  eq("unknown", (R.c:state("t3.new.other")), "其他 is not printed")
  local found = rules_found(path)
  assert(found:find(" gb2021.struct.col_missing ", 1, true), found)
  assert(not found:find("row_missing", 1, true) and not found:find("row_total", 1, true), found)
end)

test("the same as a text of tab-separated cells: no digits glued, the column missing", function()
  local path = write("no_other.txt", tabbed(assert(nbio.readfile(DIR .. "t6-no-other-column.md"))))
  local R = assert(E:read(path))
  for _, id in ipairs { "t3.new.np", "t3.new.other", "t3.result.total.total" } do
    assert(R:cell(id).value == nil, id .. " placed: " .. tostring(R:cell(id).value))
  end
  local found = rules_found(path)
  assert(found:find(" gb2021.struct.col_missing ", 1, true), found)
  assert(not found:find("glued", 1, true), found)
end)
