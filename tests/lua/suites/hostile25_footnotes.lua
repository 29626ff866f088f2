-- A layout converter's Markdown (Marker) prints a footnote's mark in a
-- superscript right after a cell's number (665<sup>1</sup>): the mark is no
-- digit of the number and no text of the cell, as on a web page.

local E = nianbao.engine
local PATH = "tests/fixtures/hostile25/r3-marker-footnotes.md"

test("a footnote mark in <sup> after a cell's number: the number is read", function()
  local R = assert(E:read(PATH))
  eq(665, R:cell("t2.nrm.valid").value, "现行有效件数 665<sup>1</sup>")
  eq(64, R:cell("t3.new.np").value, "自然人 64<sup>3</sup>")
  eq(6, R:cell("t3.result.deny.enforce.np").value, "6<SUP>4</SUP>")
  eq(12, R:cell("t4.ld.upheld").value, "表四 12<sup>5</sup>")
  local found = rules_found(PATH)
  assert(not found:find("not_number", 1, true), found)
end)

test("a text of tab-separated cells with no other Markdown: the mark is left out too", function()
  local text = assert(nbio.readfile("tests/fixtures/tables24/t1-halfwidth-subtotal.txt"))
  local marked, n = text:gsub("\t3001\t", "\t3001<sup>1</sup>\t", 1)
  eq(1, n, "the cell to mark")
  local R = assert(E:read(write("footnote.txt", marked)))
  eq(3001, R:cell("t3.new.np").value, "3001<sup>1</sup>")
end)
