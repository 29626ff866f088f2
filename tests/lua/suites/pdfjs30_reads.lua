-- A PDF's text as pdf.js gives it (pdf-parse's page text, getTextContent()'s
-- items joined at their ends of line): the page's running header and its
-- address set in the middle of a table, where the drawing order put them,
-- and a table given twice whose first row's label wraps in its cell.

local DIR = "tests/fixtures/pdfjs30/"
local COLS = { "np", "biz", "research", "ngo", "legal", "other", "total" }

local function cell(R, id)
  local c = R.c:get(id)
  return c.state .. ":" .. tostring(c.value)
end

test("pdfjs30: a table given twice, its first row's label wrapped: the cells the copies differ in are unknown", function()
  local path = DIR .. "j1-pdfjs-lines-copies-label-wrapped.txt"
  local R = assert(nianbao.read(path))
  eq("unknown", R.c:state("t3.new.np"), "2991 | 3001")
  eq("unknown", R.c:state("t3.new.total"), "3109 | 3119")
  eq("number:53", cell(R, "t3.new.biz"), "a cell the copies agree in")
  local found = rules_found(path)
  has(found, "gb2021.val.copies_differ", "said")
  eq(nil, found:find(" gb2021.txt.", 1, true), "no text finding")
end)

test("pdfjs30: the print's time in the running header and the page's address inside a row are none of its values", function()
  local R = assert(nianbao.read(DIR .. "j2-pdfjs-lines-header-in-row.txt"))
  for _, col in ipairs(COLS) do
    eq("number:0", cell(R, "t3.result.reject.petition." .. col), "信访举报投诉类 " .. col)
  end
  eq("number:64", cell(R, "t3.new.np"), "the table's first row, before a page's header")
  eq("number:1", cell(R, "t3.next.np"), "结转下年度, its values around a page's header")
  eq("number:1", cell(R, "t3.next.total"), "结转下年度's 总计, after the page's address")
  local path = DIR .. "j3-pdfparse-print-time-in-row.txt"
  R = assert(nianbao.read(path))
  eq("number:0", cell(R, "t2.fee.amount"), "行政事业性收费, the header's 12/7/26, 7:06 AM after it")
  for _, col in ipairs(COLS) do
    eq("number:0", cell(R, "t3.result.reject.mass." .. col), "无正当理由大量反复申请 " .. col)
  end
  eq(nil, rules_found(path):find("parse.row_values", 1, true), "no row read too long")
end)

test("pdfjs30: a row's value on the running header's line, run into its time, is not dropped unsaid", function()
  -- (pypdf's 行政处罚 398575812/7/26, 12:54 AM 临溪市…: the row's 3985758 and the time's 12 run together)
  local path = "tests/fixtures/pdftext28/p4-pypdf-bracketed-items.txt"
  local R = assert(nianbao.read(path))
  eq("unknown", R.c:state("t2.penalty.decisions"), "not read")
  has(sh(NB .. " check " .. path), "398575812", "said, with what was read")
  -- (and after a label's last piece on the line: 其他情形）447 7 0 0 0 0 4512/7/26, 4:00 AM …)
  has(sh(NB .. " check tests/fixtures/pdftext29/q3-pypdf-total-clipped.txt"), "4512", "部分公开's values, said")
end)
