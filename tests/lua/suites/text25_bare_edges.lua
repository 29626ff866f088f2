-- A Markdown table printed with no outer bars (html2text's, a converter's
-- "a | b | c" with its alignment row "---|---"): a bar at a row's start
-- parts an empty first cell, one at its end an empty last cell; neither is
-- an outer bar, so no row's cells shift a column.

local E = nianbao.engine
local MARKER = "tests/fixtures/markdown24/m2-marker.md"

-- the page with each table line's outer bars taken off, and 表三's first
-- two 不予公开 rows left empty
local function no_outer_bars()
  local page = assert(nbio.readfile(MARKER))
  local out = {}
  for line in (page .. "\n"):gmatch("([^\n]*)\n") do
    line = line:gsub("^| ?", ""):gsub(" ?|$", "")
    if line:find("1.属于国家秘密", 1, true) or line:find("2.其他法律行政法规禁止公开", 1, true) then
      line = line:gsub("| 0", "| ")
    end
    out[#out + 1] = line
  end
  return table.concat(out, "\n")
end

test("a row opening with an empty cell keeps its columns where no outer bar is printed", function()
  local path = write("text25_no_outer_bars.md", no_outer_bars())
  local found = rules_found(path)
  assert(not found:find("row_values", 1, true), found)
  local R = assert(E:read(path))
  eq(64, R:cell("t3.new.np").value, "一、本年新收: its empty cells after the label")
  eq(5, R:cell("t3.result.partial.np").value, "（二）部分公开: a row opening with a bar")
  eq(5, R:cell("t3.result.partial.total").value, "（二）部分公开's total")
  eq("blank", R.c:state("t3.result.deny.secret.total"), "an empty last cell is a cell")
end)

test("the same without any Markdown mark (a plain text's table) reads the same", function()
  local plain = no_outer_bars():gsub("%*%*", ""):gsub("<br>", ""):gsub("<span[^\n]*", ""):gsub("\n{%d+}%-+", "\n")
                  :gsub("!%[[^\n]*", "")
  local path = write("text25_no_outer_bars.txt", plain)
  local R = assert(E:read(path))
  eq(5, R:cell("t3.result.partial.np").value, "（二）部分公开")
  eq(69, R:cell("t3.result.total.total").value, "（七）总计")
end)

test("a table with outer bars still reads a leading bar as its edge", function()
  local R = assert(E:read(MARKER))
  eq(5, R:cell("t3.result.partial.np").value, "（二）部分公开")
  eq(0, R:cell("t3.result.deny.secret.total").value, "1.属于国家秘密")
end)
