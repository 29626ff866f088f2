-- Drawn tables (a text browser's dump, box characters or + - |) as other
-- terminals and converters draw them: East Asian ambiguous characters (the
-- quotes, the box characters) counted two columns wide, tables drawn one
-- right under another, a number cut where its column is full, a bar inside
-- a cell's text. Each is read as its grid, or left as it was; never a grid
-- that puts a number in another column.

local labels = require "labels"
local markup = require "markup"
local src = assert(nbio.readfile("scripts/readers/text.lua"))
local reader = setmetatable({ trim = labels.trim, markup = markup, nianbao = nianbao }, { __index = _G })
assert(load(src, "=text.lua", "t", reader))()

local function rows_of(page)
  local got, t = reader.normalized(page), {}
  eq(#page, #got, "the same length: offsets stay")
  for line in (got .. "\n"):gmatch("([^\n]*)\n") do
    line = line:gsub("%s+$", "")
    if line ~= "" then t[#t + 1] = line end
  end
  return t
end

test("a table drawn on a terminal set for Chinese (box characters and quotes two columns wide) is read as its grid", function()
  local l = rows_of(table.concat({
    "┌────────┬────┬──┐",
    "│项目            │自然人  │总计│",
    "├────────┼────┼──┤",
    "│3.危及“三安全一│12      │15  │",
    "│稳定”          │        │    │",
    "├────────┼────┼──┤",
    "│（四）无法提供  │9116.36 │3   │",
    "└────────┴────┴──┘" }, "\n"))
  eq("| 项目 | 自然人 | 总计 |", l[1], "the header")
  eq("| 3.危及“三安全一稳定” | 12 | 15 |", l[2], "a label with quotes, wrapped")
  eq("| （四）无法提供 | 9116.36 | 3 |", l[3], "the last row")
end)

test("an ASCII table whose converter counts the quotes two columns wide is read as its grid", function()
  local l = rows_of(table.concat({
    "+---------------+-------+----+",
    "|项目           |自然人 |总计|",
    "+---------------+-------+----+",
    "|3.危及“三安全 |12     |15  |",
    "|一稳定”       |       |    |",
    "+---------------+-------+----+" }, "\n"))
  eq("| 3.危及“三安全一稳定” | 12 | 15 |", l[2], "the row of the quotes")
end)

test("two tables drawn one right under the other are read each as its grid", function()
  local l = rows_of(table.concat({
    "┌──────┬────┬────┐",
    "│一、本│12  │15  │",
    "│年新收│    │    │",
    "└──────┴────┴────┘",
    "┌────────┬───┬───┐",
    "│二、上年│3  │4  │",
    "│结转    │   │   │",
    "└────────┴───┴───┘" }, "\n"))
  eq("| 一、本年新收 | 12 | 15 |", l[1], "the first table")
  eq("| 二、上年结转 | 3 | 4 |", l[2], "the second")
  local a = rows_of("+------+----+\n|规章  |1   |\n+------+----+\n+--------+--+\n|行政许可|2 |\n+--------+--+")
  eq("| 规章 | 1 |", a[1], "ASCII: the first")
  eq("| 行政许可 | 2 |", a[2], "and the second")
end)

test("a number cut where its column is full is one number; cut at a space, two pieces", function()
  local l = rows_of(table.concat({
    "┌────────┬─────┬─────┐",
    "│行政事业│9116.│6    │",
    "│性收费  │36   │4    │",
    "└────────┴─────┴─────┘" }, "\n"))
  eq("| 行政事业性收费 | 9116.36 | 6 4 |", l[1], "the cells")
  l = rows_of(table.concat({
    "┌────┬─────────────┐",
    "│说明│全年收到申请7│",
    "│    │0件，办结69件│",
    "└────┴─────────────┘" }, "\n"))
  eq("| 说明 | 全年收到申请70件，办结69件 |", l[1], "a number in a sentence")
end)

test("a bar inside an ASCII cell's text is that cell's text, not a column", function()
  local l = rows_of(table.concat({
    "+---------+----+----+",
    "|予以|公开|21  |21  |",
    "+---------+----+----+" }, "\n"))
  eq("| 予以｜公开 | 21 | 21 |", l[1], "three cells")
end)

test("a line drawn off the table's columns leaves the table as it was", function()
  local page = table.concat({
    "┌──────┬────┬────┐",
    "│一、本│12  │15  │",
    "│年新收│    │   │",
    "├──────┼────┼────┤",
    "│二、上│3    │4  │",
    "└──────┴────┴────┘" }, "\n")
  eq(page, reader.normalized(page), "unchanged")
end)

test("a box-drawn report dumped on a terminal set for Chinese: no rule said unplaced, no row missing", function()
  local found = rules_found("tests/fixtures/hostile24/k4-box-cjk-wide.txt")
  assert(not found:find("unplaced", 1, true), found)
  assert(not found:find("row_missing", 1, true), found)
  assert(not found:find("row_values", 1, true), found)
end)
