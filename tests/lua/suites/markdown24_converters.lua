-- PDF-to-Markdown layout converters print a report's tables in ways of
-- their own: MinerU as HTML tables with no bar in the whole text, PP-Structure
-- each table in "<html><body><table>", LlamaParse with row and column
-- numbers round a table, Docling with a merged cell's text in every place
-- it spans. Each is read cell for cell, and a wrong number in it is said.

local E = nianbao.engine
local DIR = "tests/fixtures/markdown24/"

local function all_right(stem)
  local expected = assert(nianbao.yaml.decode(assert(nbio.readfile(DIR .. stem .. ".expected.yaml"))))
  local ok, total, wrong = compare(expected, assert(nianbao.extract(DIR .. stem .. ".md")))
  eq(200, total, stem .. ": cells expected")
  eq(total, ok, stem .. ": cells right (" .. tostring(wrong[1]) .. ")")
end

-- the findings of a check but the 提示 on thin prose
local function warnings(path)
  local found = rules_found(path)
  for _, rule in ipairs { "struct.s1_aspects", "qlt.thin", "struct.s6_items" } do
    found = found:gsub(" gb2021%." .. rule:gsub("%.", "%%.") .. " ", " ")
  end
  return found
end

test("Markdown whose tables are all HTML (no bar) is read as Markdown: its parts and tables", function()
  local found = warnings(DIR .. "m1-mineru.md")
  assert(not found:find("%S"), "no finding but the prose\'s:" .. found)
  all_right("m1-mineru")
  local R = assert(E:read(DIR .. "m1-mineru.md"))
  eq(769, R:cell("t3.result.unable.nohold.total").value, "a row of the table's second half, after the page")
end)

test("PP-Structure's <html><body><table> lines are tables, not text", function()
  local found = warnings(DIR .. "m5-ppstructure.md")
  assert(not found:find("struct.extra", 1, true) and not found:find("parse.unplaced", 1, true), found)
  assert(not found:find("section_missing", 1, true), found)
  all_right("m5-ppstructure")
  -- with no heading, after a portal's fields between bars: the tables are still tables
  local page = assert(nbio.readfile(DIR .. "m5-ppstructure.md")):gsub("\n#+ ", "\n")
  local fields = "索 引 号: | 394445/2022-00017 |\n发布机构: | 梧桐县生态环境局 |\n成文日期: | 2022-01-20 |\n"
  local expected = assert(nianbao.yaml.decode(assert(nbio.readfile(DIR .. "m5-ppstructure.expected.yaml"))))
  local ok, total, wrong = compare(expected, assert(nianbao.extract(write("paged_tables.md", fields .. page))))
  eq(total, ok, "cells right (" .. tostring(wrong[1]) .. ")")
end)

test("a data frame's row and column numbers are no cells of the table", function()
  local found = warnings(DIR .. "m4-llamaparse.md")
  assert(not found:find("%S"), "no finding but the prose\'s:" .. found)
  all_right("m4-llamaparse")
  -- rows not numbered in turn keep their numbers: no number of the table is then read wrong
  local page = assert(nbio.readfile(DIR .. "m4-llamaparse.md"))
  local skipped = page:gsub("\n| 5 | 三、本年度办理结果 |", "\n| 6 | 三、本年度办理结果 |", 1)
  assert(skipped ~= page, "a row number changed")
  local expected = assert(nianbao.yaml.decode(assert(nbio.readfile(DIR .. "m4-llamaparse.expected.yaml"))))
  local _, _, wrong = compare(expected, assert(nianbao.extract(write("frame_skipped.md", skipped))))
  for _, w in ipairs(wrong) do assert(w:find("(missing)", 1, true), w) end
end)

test("a data frame's names for empty header cells (Unnamed: 1) are empty cells", function()
  local md = table.concat({
    "# 某县人民政府2024年政府信息公开工作年度报告", "", "## 二、主动公开政府信息情况", "",
    "|    | 第二十条第（一）项 | Unnamed: 1 | Unnamed: 2 | Unnamed: 3 |",
    "|---:|:---|:---|:---|:---|",
    "|  0 | 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |",
    "|  1 | 规章 | 0 | 0 | 0 |",
    "|  2 | 行政规范性文件 | 3 | 1 | 12 |", "" }, "\n")
  local path = write("unnamed.md", md)
  eq(12, assert(E:read(path)):cell("t2.nrm.valid").value, "现行有效件数")
  local found = rules_found(path)
  assert(not found:find("parse.unplaced", 1, true), found)
end)

test("a number Docling prints in every column it spans is one value", function()
  local found = warnings(DIR .. "m3-docling.md")
  assert(not found:find("%S"), "no finding but the prose\'s:" .. found)
  all_right("m3-docling")
  local R = assert(E:read(DIR .. "m3-docling.md"))
  eq(10690, R:cell("t2.permit.decisions").value, "行政许可")
  -- copies that differ are not one number: the row is not read
  local page = assert(nbio.readfile(DIR .. "m3-docling.md"))
  local odd = page:gsub("| 行政许可 | 10690 | 10690 | 10690 |", "| 行政许可 | 10690 | 10690 | 10600 |", 1)
  assert(odd ~= page, "a copy changed")
  has(rules_found(write("docling_odd.md", odd)), "gb2021.parse.row_values", "the row's values unread")
  -- a wrong number in 表三 is said
  local wrong = page:gsub("| 一、本年新收政府信息公开申请数量 | 一、本年新收政府信息公开申请数量 | 一、本年新收政府信息公开申请数量 | 71 |",
                          "| 一、本年新收政府信息公开申请数量 | 一、本年新收政府信息公开申请数量 | 一、本年新收政府信息公开申请数量 | 72 |", 1)
  assert(wrong ~= page, "a number changed")
  has(rules_found(write("docling_wrong.md", wrong)), "gb2021.t3.row_total", "the row's total")
end)

test("equal numbers under a header of different texts stay each its column's", function()
  local md = table.concat({
    "# 表",
    "",
    "## 二、主动公开政府信息情况",
    "",
    "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |",
    "|---|---|---|---|",
    "| 规章 | 0 | 0 | 0 |", "" }, "\n")
  local R = assert(E:read(write("equal_numbers.md", md)))
  eq(0, R:cell("t2.reg.valid").value, "现行有效件数")
end)

test("two rows a converter put in one cell by <br> are read as two rows", function()
  local page = assert(nbio.readfile(DIR .. "m2-marker.md"))
  local merged = page:gsub("|  |  | 5%.属于三类内部事务信息 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n"
                           .. "|  |  | 6%.属于四类过程性信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
                           "|  |  | 5.属于三类内部事务信息<br>6.属于四类过程性信息 | 1<br>0 | 0<br>0 | 0<br>0 | 0<br>0 "
                           .. "| 0<br>0 | 0<br>0 | 1<br>0 |", 1)
  assert(merged ~= page, "two rows merged")
  local R = assert(E:read(write("rows_in_one.md", merged)))
  eq(1, R:cell("t3.result.deny.internal.np").value, "5.'s value, not 10")
  eq(0, R:cell("t3.result.deny.process.np").value, "6.'s value")
  eq(1, R:cell("t3.result.deny.internal.total").value, "5.'s total")
  local found = rules_found(write("rows_in_one.md", merged))
  assert(not found:find("row_missing", 1, true) and not found:find("not_number", 1, true), found)
  -- two values in one cell with one label: no number of both
  local one = page:gsub("| 5%.属于三类内部事务信息 | 1 |", "| 5.属于三类内部事务信息 | 1<br>0 |", 1)
  has(rules_found(write("values_in_one.md", one)), "gb2021.val.not_number", "the cell said no number")
  -- a label's line break still joins its text
  eq(5, assert(E:read(DIR .. "m2-marker.md")):cell("t3.result.partial.np").value, "（二）部分公开（区分处理的，<br>只计…")
end)
