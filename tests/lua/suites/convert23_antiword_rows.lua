-- antiword prints a Word table's rows between bars, each cell's text
-- wrapped at its column's width onto the row's next lines, with no line
-- between rows. A line with no value, whose text stands only under text
-- of the row above, continues that row's cells; a Markdown table (its
-- alignment row says so) keeps its rows one a line.

local E = nianbao.engine
local FIXTURE = "tests/fixtures/convert23/c6-antiword.txt"

test("antiword's wrapped rows are read by their labels", function()
  eq(0, #assert(nianbao.check(FIXTURE)), "no finding (the rows are not read by the format's order)")
  local R = assert(E:read(FIXTURE))
  eq(71, R:cell("t3.new.np").value, "一、 自然人")
  eq(9, R:cell("t3.result.partial.total").value, "（二） 总计")
  eq(2, R:cell("t3.result.other.misc.biz").value, "（六）3. 商业企业")
end)

test("a wrong number in antiword's table is said, and no row is missing or unread", function()
  local page = assert(nbio.readfile(FIXTURE))
  local wrong = page:gsub("(|一、本年新|          |                |)71(    |)", "%172%2", 1)
  assert(wrong ~= page, "a number changed")
  local found = rules_found(write("antiword_wrong.txt", wrong))
  has(found, "gb2021.t3.row_total", "the row's total")
  assert(not found:find("row_missing", 1, true) and not found:find("row_values", 1, true), "rows not read:" .. found)
end)

test("a Markdown table's caption row under a label is no piece of it", function()
  local found = rules_found("tests/fixtures/shapes/s5-label-dropped.md")
  assert(not found:find("row_missing", 1, true), "rows said missing:" .. found)
  assert(not found:find("struct.extra", 1, true), "a caption read into a label:" .. found)
end)
