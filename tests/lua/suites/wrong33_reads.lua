-- A note under a table that leads to a corrected copy of it (注：…现更正如下：)
-- took the corrected table's first lines as its own wrapped text, its
-- first label among them: the row's values went to the row above, and the
-- copy before the correction gave the row (now the copies' cells that
-- differ are unknown, said, as a page's two copies are). 表四's values on
-- lines apart, and 表二's on both sides of a label, in pdf.js's text.

local DIR = "tests/fixtures/wrong33/"

test("wrong33: a note ending with a colon leads to the corrected table, none of its lines its own", function()
  local path = DIR .. "p1-pdfjs-yx-note-leads-to-corrected.txt"
  local R = assert(nianbao.read(path))
  -- (the two copies' 2991 and 3001 both read: which was published no sum says)
  eq("unknown", R.c:state("t3.new.np"), "not the first copy's 2991 alone")
  eq("unknown", R.c:state("t3.new.total"), "not the first copy's 3109 alone")
  eq(103, R.c:get("t3.next.total").value, "四's own seven values, the corrected 一's not run into them")
  local found = rules_found(path)
  has(found, "gb2021.val.copies_differ", "the copies' 2991 and 3001 said")
  eq(nil, found:find("parse.row_values", 1, true), "no row of fourteen values")
  eq(nil, found:find("txt.new", 1, true), "no prose finding against the first copy's 3109")
end)

test("wrong33: 表四's values on lines apart whose order breaks its sums, another order holding them: unknown, said", function()
  local path = DIR .. "p2-pdfjs-yx-t4-lines-apart.txt"
  local R = assert(nianbao.read(path))
  for _, id in ipairs { "t4.rv.upheld", "t4.rv.total", "t4.ld.total", "t4.la.total" } do
    eq("unknown", R.c:state(id), id)
  end
  local found = rules_found(path)
  has(found, "gb2021.parse.row_values", "said")
  for _, rule in ipairs { "t4.rv_total", "t4.ld_total", "txt.review", "txt.suit" } do
    eq(nil, found:find(rule, 1, true), "no false " .. rule)
  end
end)

test("wrong33: the same lines where no order holds the sums (an author's slip) are read as printed", function()
  local text = assert(nbio.readfile(DIR .. "p2-pdfjs-yx-t4-lines-apart.txt"))
  local slip, n = text:gsub("\n0 1 1 0 2\n", "\n0 1 1 0 3\n")
  eq(1, n, "the last line of 表四's values")
  local path = write("wrong33-t4-slip.txt", slip)
  local R = assert(nianbao.read(path))
  eq("number", R.c:state("t4.rv.upheld"), "read as printed")
  eq("number", R.c:state("t4.la.total"), "read as printed")
  local found = rules_found(path)
  has(found, "gb2021.t4.", "the sums broken said by their rules")
end)

test("wrong33: 表二's row with values on both sides of its label, read by the rows' order: not 26 66 8, unknown", function()
  local path = DIR .. "p3-pdfjs-yx-t2-values-both-sides.txt"
  local R = assert(nianbao.read(path))
  for _, id in ipairs { "t2.nrm.made", "t2.nrm.repealed", "t2.nrm.valid" } do
    eq("unknown", R.c:state(id), id)
  end
  local found = rules_found(path)
  has(found, "gb2021.parse.row_values", "said")
  eq(nil, found:find("parse.by_order", 1, true), "no reading by the rows' order")
end)
