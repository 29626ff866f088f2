-- A landscape 表三 whose label column is narrower than its labels: each
-- label wrapped over two to five lines, its numbers on a middle one, a
-- group's label in pieces beside them ("无法提 2.没有现成信", one space
-- apart). The rows are read by their labels, so a wrong number is said as
-- wrong, and no row is said missing.

local E = nianbao.engine
local FIXTURE = "tests/fixtures/pdf24/q3-landscape-narrow.txt"
local PAGE = assert(nbio.readfile(FIXTURE))

test("a wrapped label's numbered piece names its row, and a group's piece before it is passed", function()
  local found = rules_found(FIXTURE)
  assert(not found:find("parse.by_order", 1, true), "read by the format's order, not by the labels: " .. found)
  -- a wrong number: the rows are still read by their labels
  local wrong, n = PAGE:gsub("(（一）予以公开 +)27", "%128", 1)
  eq(1, n, "27 made 28")
  local path = write("landscape_wrong.txt", wrong)
  local R = assert(E:read(path))
  eq(28, R:cell("t3.result.public.np").value, "the wrong number, as printed")
  eq(0, R:cell("t3.result.unable.create.total").value, "（四）2. beside its group's piece")
  eq(0, R:cell("t3.result.reject.mass.total").value, "（五）4., 无正当理由 in two labels")
  found = rules_found(path)
  has(found, "gb2021.t3.row_total", "the wrong number said")
  assert(not found:find("struct.row_missing", 1, true), "a row said missing: " .. found)
  assert(not found:find("parse.row_values", 1, true), "two rows' values read as one's: " .. found)
end)
