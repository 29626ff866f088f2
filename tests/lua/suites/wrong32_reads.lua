-- pdf.js's text items sorted on their baselines (y, then x) of a table
-- with a 备注 column: a row's label wrapped below its values was taken for
-- a remark, and the next row's values, a line before their label, for the
-- rest of that remark; the row after took the 总计's values, with its own
-- sum holding. Such a line is now a run's donor: the rows are read as the
-- identities prove, else unknown, said.

local DIR = "tests/fixtures/wrong32/"

test("wrong32: a row's values taken for a remark's rest: 3.其他 not given 总计's values", function()
  local path = DIR .. "p1-pdfjs-yx-remark-swallows-row.txt"
  local R = assert(nianbao.read(path))
  eq("unknown", R.c:state("t3.result.other.misc.np"), "not 总计's 2932")
  eq("unknown", R.c:state("t3.result.other.misc.total"), "not 总计's 3050")
  eq("unknown", R.c:state("t3.result.total.total"), "总计, its values below 3.其他's label")
  has(rules_found(path), "gb2021.parse.row_values", "said")
end)

test("wrong32: the same with a remark's number under 总计's label: unknown, and no false prose finding", function()
  local path = DIR .. "held/p2-pdfjs-yx-remark-total-unvalued.txt"
  local R = assert(nianbao.read(path))
  eq("unknown", R.c:state("t3.result.other.misc.total"), "not 总计's 3050")
  eq("unknown", R.c:state("t3.carried.total"), "not 予以公开's 1362")
  local found = rules_found(path)
  eq(nil, found:find("txt.carried", 1, true), "the prose's 34 carried is no finding against 1362")
  has(found, "gb2021.parse.row_values", "said")
end)

test("wrong32: node-html-markdown's bold and italic inside a number, **6**_98_, is 698", function()
  local path = DIR .. "m1-nhm-number-bold-italic.md"
  local R = assert(nianbao.read(path))
  eq("number:698", R.c:state("t2.nrm.valid") .. ":" .. tostring(R.c:get("t2.nrm.valid").value), "现行有效件数")
  eq(nil, rules_found(path):find("val.not_number", 1, true), "no number refused")
end)

test("wrong32: Markdown's struck text with no other Markdown mark in the file, ~~1280~~1282, is left out", function()
  local path = DIR .. "m2-readability-nhm-struck.md"
  local R = assert(nianbao.read(path))
  eq(1282, R.c:get("t2.penalty.decisions").value, "行政处罚, the struck 1280 left out")
  eq(64, R.c:get("t3.new.np").value, "~~62~~ 64")
  eq(27, R.c:get("t3.result.public.np").value, "~~25~~27")
  eq(nil, rules_found(path):find("val.not_number", 1, true), "no number refused")
end)

