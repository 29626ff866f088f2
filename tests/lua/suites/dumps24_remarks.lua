-- A 备注 column beside a table's values: a remark's text and the numbers
-- in it (已于2025年1月办结96件) are no values, on the row's line or, where
-- the row already holds as many values as the header names columns, on a
-- line of its own; a row's label in pieces beside it reads without error.

local E = nianbao.engine

test("numbers in a remark after a row short of a column the header left out are no values", function()
  local R = assert(E:read("tests/hostile/remarks-tab-copy.txt"))
  for _, id in ipairs { "t3.next.total", "t3.result.total.total" } do
    local c = R:cell(id)
    assert(not (c and c.value == 2025), id .. " read the remark's year")
    assert(not (c and c.value == 96), id .. " read the remark's count")
  end
end)

test("a 备注 table whose labels are set at the top of their rows reads without an internal error", function()
  local found = rules_found("tests/hostile/remarks-top-set.txt")
  assert(not found:find("nianbao.", 1, true), found)
end)

-- its 栏次 row (1 2 … 7) before the first label is the columns' numbers, no
-- row's values before its label: the rows whose values stand on their
-- label's second line are read, not doubted as another row's
test("a 备注 table with a 栏次 row and labels wrapped round their values reads those rows", function()
  local R = assert(nianbao.read("tests/hostile/remarks-top-set.txt"))
  eq(454, R:cell("t3.result.partial.total").value, "（二）部分公开's 总计")
  eq(62, R:cell("t3.result.reject.petition.total").value, "1.信访举报投诉类申请's 总计")
end)
