-- PyMuPDF's text of a table whose label cells sit lower than the row's
-- numbers: each row's values come before its label. Read so where every
-- row's count fits that order exactly; where the first row's values stand
-- before its label but a later count does not fit, the rows are unread,
-- never each given the next row's values.

local E = nianbao.engine
local FIXTURE = "tests/fixtures/convert23/c10-pymupdf-after.txt"
local PAGE = assert(nbio.readfile(FIXTURE))

test("labels after their values: each row takes the values before its label", function()
  local R = assert(E:read(FIXTURE))
  eq(1, R:cell("t2.reg.made").value, "规章 本年制发")
  eq(66, R:cell("t2.nrm.valid").value, "行政规范性文件 现行有效")
  eq(447228, R:cell("t2.permit.decisions").value, "行政许可")
  eq("96171.6", tostring(R:cell("t2.fee.amount").value), "行政事业性收费")
  eq(3001, R:cell("t3.new.np").value, "一、 自然人")
  eq(103, R:cell("t3.next.total").value, "四、 总计")
  eq(0, #assert(nianbao.check(FIXTURE)), "no finding")
end)

test("labels after their values with a value lost: the rows unread, none shifted", function()
  local lost = PAGE:gsub("\n8\n26\n66\n", "\n8\n66\n", 1)
  assert(lost ~= PAGE, "a value taken out")
  local R = assert(E:read(write("labels_after_lost.txt", lost)))
  for _, id in ipairs { "t2.reg.made", "t2.reg.valid", "t2.nrm.made", "t2.permit.decisions", "t2.penalty.decisions" } do
    assert(R.c:state(id) ~= "number", id .. " read as " .. tostring(R:cell(id).value))
  end
  assert(not rules_found(write("labels_after_lost.txt", lost)):find("row_missing", 1, true), "rows said missing")
end)

test("a number before the first label, the rest label then values: read as printed", function()
  -- a stray number before 表二's first label, the last row with its value: no row's
  local cells = assert(nbio.readfile("tests/fixtures/convert23/c1-pymupdf-cells.txt"))
  local page = cells:gsub("\n规章\n", "\n3\n规章\n", 1)
  assert(page ~= cells, "a number put in")
  local R = assert(E:read(write("labels_before_stray.txt", page)))
  eq(0, R:cell("t2.reg.made").value, "规章 本年制发")
  eq(69, R:cell("t2.nrm.made").value, "行政规范性文件 本年制发")
end)

test("labels after their values with the groups' labels before theirs: no row given another's values", function()
  -- each group's label moved before its first item's values (a merged cell set higher)
  local lines = {}
  for line in (PAGE .. "\n"):gmatch("([^\n]*)\n") do lines[#lines + 1] = line end
  local groups = { ["（三）不予公开"] = true, ["（四）无法提供"] = true, ["（五）不予处理"] = true,
                   ["（六）其他处理"] = true, ["三、本年度办理结果"] = true }
  local out = {}
  for _, line in ipairs(lines) do
    if groups[line] then table.insert(out, #out - 6, line) else out[#out + 1] = line end
  end
  local moved = table.concat(out, "\n")
  assert(moved ~= PAGE, "the groups' labels moved")
  local got = assert(nianbao.extract(write("labels_after_groups.txt", moved)))
  local expected = assert(nianbao.yaml.decode(assert(nbio.readfile("tests/fixtures/convert23/c10-pymupdf-after.expected.yaml"))))
  local _, _, wrong = compare(expected, got)
  for _, w in ipairs(wrong) do
    assert(w:find("got (missing)", 1, true), "a cell read wrong: " .. w)
  end
end)
