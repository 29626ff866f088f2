-- A text browser's dump draws a page's table with box characters (or with
-- + - | in ASCII): each cell's text wraps over the lines of its row, and a
-- merged cell leaves out the rules and bars inside it. Each such table is
-- read as its grid: a row's cells on its first line, its other lines and
-- rules left empty, so that lines and offsets stay.

local E = nianbao.engine
local BOX = "tests/fixtures/dumps24/d1-box-middle.txt"
local ASCII = "tests/fixtures/dumps24/d3-ascii-markers.txt"

local labels = require "labels"
local markup = require "markup"
local src = assert(nbio.readfile("scripts/readers/text.lua"))
local reader = setmetatable({ trim = labels.trim, markup = markup, nianbao = nianbao }, { __index = _G })
assert(load(src, "=text.lua", "t", reader))()

local function lines_of(text)
  local t = {}
  for line in (text .. "\n"):gmatch("([^\n]*)\n") do t[#t + 1] = line end
  return t
end

test("a box-drawn table's rows, merged cells across and down, each on one line of bars", function()
  local page = table.concat({
    "┌──────┬────────┬────┐",
    "│      │申请人  │    │",
    "│项目  ├────┬───┤总计│",
    "│      │自然│法 │    │",
    "│      │人  │人 │    │",
    "├──────┼────┼───┼────┤",
    "│一、本│12  │3  │15  │",
    "│年新收│    │   │    │",
    "└──────┴────┴───┴────┘",
    "下一段" }, "\n")
  local got = reader.normalized(page)
  local l = lines_of(got)
  eq(10, #l, "as many lines")
  eq("| 项目 | 申请人 || 总计 |", (l[2]:gsub("%s+$", "")), "the header's first row: 申请人 over two columns")
  eq("|| 自然人 | 法人 ||", (l[4]:gsub("%s+$", "")), "its second: the merged cells pad")
  eq("| 一、本年新收 | 12 | 3 | 15 |", (l[7]:gsub("%s+$", "")), "a wrapped label joined")
  eq("", l[8], "the row's other line is empty")
  eq("", l[9], "and the rule under it")
  eq(#page, #got, "the same length: offsets stay")
  eq("下一段", l[10], "the line after the table")
end)

test("an ASCII-drawn cell of dashes between bars is a cell's text, not a rule", function()
  local page = table.concat({
    "+------+----+",
    "|规章  |----|",
    "+------+----+",
    "|行政  |3   |",
    "|许可  |    |",
    "+------+----+" }, "\n")
  local l = lines_of(reader.normalized(page))
  eq("| 规章 | ---- |", (l[2]:gsub("%s+$", "")), "the dashes kept")
  eq("| 行政许可 | 3 |", (l[4]:gsub("%s+$", "")), "the next row joined")
end)

test("two drawn tables with no line between them: each row read, no rule left", function()
  local page = table.concat({ "┌──┬──┐", "│a │1 │", "└──┴──┘", "┌──┬──┐", "│b │2 │", "└──┴──┘" }, "\n")
  local l = lines_of(reader.normalized(page))
  eq("| a | 1 |", (l[2]:gsub("%s+$", "")), "the first table's row")
  eq("", (l[4]:gsub("%s+$", "")), "the second table's top rule left empty")
  eq("| b | 2 |", (l[5]:gsub("%s+$", "")), "the second table's row")
end)

test("a drawing whose merged cells are no rectangles is left as it was", function()
  local page = table.concat({
    "┌───┬───┐",
    "│a  │1  │",
    "│   ├───┤",
    "│   │2  │",
    "├───┘   │",
    "│b   3   │",
    "└───────┘" }, "\n")
  eq(page, reader.normalized(page), "unchanged")
end)

test("a w3m dump's tables are read, with no rule or bar said unplaced", function()
  for _, path in ipairs({ BOX, ASCII }) do
    local found = rules_found(path)
    assert(not found:find("unplaced", 1, true), path .. ": " .. found)
    assert(not found:find("struct.extra", 1, true), path .. ": " .. found)
  end
  local R = assert(E:read(BOX))
  eq(64, R:cell("t3.new.np").value, "一、 自然人")
  eq(1, R:cell("t3.result.other.misc.total").value, "（六） 3.其他 总计")
end)

test("a wrong number in a box-drawn 表三 is said as such, and no row is missing", function()
  local page = assert(nbio.readfile(BOX))
  local wrong, n = page:gsub("(│二、上年结转政府信息公开申│)0 ", "%11 ", 1)
  eq(1, n, "a number changed")
  local found = rules_found(write("dumps24_wrong.txt", wrong))
  has(found, "gb2021.t3.balance", "the balance")
  assert(not found:find("row_missing", 1, true), "rows said missing:" .. found)
end)
