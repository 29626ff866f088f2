-- A table printed twice with a line of text between (last year's first, or a
-- table and its correction), and 表二 rows short of a value (a cell left empty,
-- a value printed after the next block's caption): which number a cell holds
-- cannot be told from the page, so the cell is unknown, never a guess.

local E = nianbao.engine
local DIR = "tests/fixtures/hostile26/"

local function value(R, id)
  local c = R:cell(id)
  return c and c.value
end

test("last year's table first, this year's after a line of text: the cells the two differ in are unknown", function()
  local path = DIR .. "h1-last-year-first.txt"
  local R = assert(E:read(path))
  eq(nil, value(R, "t3.new.np"), "自然人 of 一、 (2991 last year, 3001 this year)")
  eq(nil, value(R, "t3.result.total.total"), "（七）总计 (3040 | 3050)")
  eq(34, value(R, "t3.carried.total"), "a cell both print alike")
  local found = rules_found(path)
  assert(found:find("gb2021.val.copies_differ", 1, true), found)
  assert(not found:find("gb2021.txt.new", 1, true), found)
  assert(not found:find("gb2021.txt.done", 1, true), found)
end)

test("a table, a note that it was wrong, then the corrected one: no cell is read from the first", function()
  local path = DIR .. "h2-corrected-table.txt"
  local R = assert(E:read(path))
  eq(nil, value(R, "t3.new.total"), "总计 of 一、 (3109 | 3119)")
  eq(nil, value(R, "t3.result.public.np"), "予以公开's 自然人 (1278 | 1288)")
  local found = rules_found(path)
  assert(not found:find("gb2021.txt.result", 1, true), found)
end)

test("this year's table, then last year's under a line naming last year: this year's is read", function()
  local text = assert(nbio.readfile(DIR .. "h1-last-year-first.txt"))
  local from = text:find("上年度同期情况如下表：", 1, true)
  local mid = text:find("本年度情况如下表：", 1, true)
  local to = text:find("## 四、", 1, true)
  local last_year = text:sub(from + #"上年度同期情况如下表：", mid - 1)
  local this_year = text:sub(mid + #"本年度情况如下表：", to - 1)
  local path = write("this-year-first.txt", text:sub(1, from - 1) .. this_year
                                            .. "上年度同期数据如下：\n" .. last_year .. text:sub(to))
  local R = assert(E:read(path))
  eq(3001, value(R, "t3.new.np"), "this year's 自然人")
  eq(3050, value(R, "t3.result.total.total"), "this year's （七）总计")
end)

test("表二's row of two separate values for three cells is short of one, not digits run together", function()
  for _, name in ipairs { "h3-t2-blank-cell.tab.txt", "h3-t2-blank-cell.layout.txt" } do
    local path = DIR .. name
    local R = assert(E:read(path))
    eq(nil, value(R, "t2.nrm.repealed"), name .. ": 废止 (26, not 2)")
    eq(nil, value(R, "t2.nrm.valid"), name .. ": 现行有效 (empty, not 6)")
    local found = rules_found(path)
    assert(found:find("gb2021.parse.row_values", 1, true), found)
    assert(not found:find("gb2021.txt.t2", 1, true), found)
    assert(not found:find("gb2021.val.glued", 1, true), found)
  end
end)

test("a row's last value after the next block's caption leaves both rows unknown", function()
  local path = DIR .. "h4-t2-value-past-caption.txt"
  local R = assert(E:read(path))
  eq(nil, value(R, "t2.nrm.repealed"), "废止")
  eq(nil, value(R, "t2.nrm.valid"), "现行有效")
  eq(nil, value(R, "t2.permit.decisions"), "行政许可 (66 447228)")
  local found = rules_found(path)
  assert(not found:find("gb2021.txt.t2", 1, true), found)
end)

test("digits of 表二's row run together in one value are still cut where one cut fits", function()
  local text = assert(nbio.readfile(DIR .. "h3-t2-blank-cell.tab.txt"))
  local path = write("t2-glued.txt", (text:gsub("行政规范性文件\t8\t26\t\n", "行政规范性文件\t826\n")))
  local R = assert(E:read(path))
  eq(8, value(R, "t2.nrm.made"), "制发")
  eq(6, value(R, "t2.nrm.valid"), "现行有效")
end)

test("clauses after one naming last year (去年, 上年度, 上年同期) are last year's, not this year's", function()
  local found = rules_found(DIR .. "h5-last-year-clauses.txt")
  for _, rule in ipairs { "gb2021.txt.new", "gb2021.txt.done", "gb2021.txt.result", "gb2021.txt.next" } do
    assert(not found:find(rule, 1, true), found)
  end
end)

test("a converter's Markdown: a footnote's reference (3001[^2]), a superscript (447228^3^) and struck text (~~1278~~ 1288) are no part of a number", function()
  local path = DIR .. "h6-converter-marks.md"
  local R = assert(E:read(path))
  eq(3001, value(R, "t3.new.np"), "3001[^2]")
  eq(447228, value(R, "t2.permit.decisions"), "447228^3^")
  eq(1288, value(R, "t3.result.public.np"), "~~1278~~ 1288")
  eq(2932, value(R, "t3.result.total.np"), "~~2922~~2932")
  eq(72, value(R, "t4.rv.upheld"), "72[^4]")
  local found = rules_found(path)
  assert(not found:find("gb2021.val.not_number", 1, true), found)
end)

test("表四 under a Markdown header whose last line opens with empty cells: a wrong total is found, not left unknown", function()
  local text = assert(nbio.readfile(DIR .. "h6-converter-marks.md"))
  local path = write("t4-wrong-total.md", (text:gsub("| 72%[%^4%] | 64 |", "| 72 | 65 |")))
  local R = assert(E:read(path))
  eq(65, value(R, "t4.rv.corrected"), "结果纠正 as printed")
  local found = rules_found(path)
  assert(found:find("gb2021.t4.rv_total", 1, true), found)
  assert(not found:find("gb2021.parse.row_values", 1, true), found)
end)

test("a page drawn from its state beside the portal's own small table (索引号, 发布机构): the state's article is read", function()
  local path = DIR .. "h7-state-beside-meta.html"
  local R = assert(E:read(path))
  eq(3001, value(R, "t3.new.np"), "表三 from the state")
  eq(351, value(R, "t4.rv.total"), "表四 from the state")
  local found = rules_found(path)
  assert(not found:find("gb2021.struct.section_missing", 1, true), found)
  assert(not found:find("gb2021.struct.table_missing", 1, true), found)
end)

test("a note naming last year in passing between a table and its correction is no caption: the copies' cells are unknown", function()
  local text = assert(nbio.readfile(DIR .. "h2-corrected-table.txt"))
  local path = write("note-last-year.txt", (text:gsub("注：上表中部分数据统计有误，现更正如下：",
                                                      "注：上表沿用上年度口径，有误，现更正如下：")))
  local R = assert(E:read(path))
  eq(nil, value(R, "t3.new.np"), "自然人 of 一、 (2991 | 3001)")
  eq(nil, value(R, "t3.result.total.total"), "（七）总计 (3040 | 3050)")
end)

test("a row and values struck through by a class of the page's style sheet (.old{text-decoration:line-through}) are left out", function()
  local path = DIR .. "h8-struck-class.html"
  local R = assert(E:read(path))
  eq(3001, value(R, "t3.new.np"), "the new row under the struck one")
  eq(3119, value(R, "t3.new.total"), "its 总计")
  eq(1288, value(R, "t3.result.public.np"), "<span class=\"old\">1286</span> 1288")
  local found = rules_found(path)
  assert(not found:find("gb2021.val.not_number", 1, true), found)
  assert(not found:find("gb2021.txt.new", 1, true), found)
  -- (the words line-throu… before the rule, cut short or run on, the rule still read)
  local text = assert(nbio.readfile(path))
  local decoys = write("h8-struck-decoys.html", (text:gsub("<head>", "<head><meta name=\"x\" content=\"line-throu line-throug line-throuline-through-x\">", 1)))
  eq(1288, value(assert(E:read(decoys)), "t3.result.public.np"), "the struck 1286 left out after the decoys")
end)
