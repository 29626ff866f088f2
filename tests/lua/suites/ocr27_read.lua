-- A scanned report read by tesseract: a Latin letter read into a number
-- makes it a text; a table's rules kept as bars among cells parted by
-- spaces part no cells of their own; two bars read as 1 in one sum, an
-- empty cell, and a reading by the format's order in such a text are
-- unknown, never a guess.

local E = nianbao.engine

local T2 = "二、主动公开政府信息情况\n第二十条第（五）项\n信息内容      本年处理决定数量\n%s\n"
        .. "第二十条第（六）项\n信息内容      本年处理决定数量\n行政处罚          3985758\n行政强制          88283\n"
        .. "三、收到和处理政府信息公开申请情况\n"

test("a Latin letter glued to a number is a misread, not the digits beside it", function()
  for _, printed in ipairs { "H47228", "4472H8", "447228A" } do
    local path = write("ocr27_letter.txt", T2:format("行政许可          " .. printed))
    local R = assert(E:read(path))
    eq("text", R.c:state("t2.permit.decisions"), printed)
    eq(printed, R:cell("t2.permit.decisions").text, printed)
    has(rules_found(path), "gb2021.val.not_number", printed)
  end
  -- a word of letters beside a number, or a number alone, is read as before
  local R = assert(E:read(write("ocr27_plain.txt", T2:format("行政许可          447228"))))
  eq(447228, R:cell("t2.permit.decisions").value, "447228")
end)

-- (an OCR joins a scan's pages by form feeds)
local T3 = "\f三、收到和处理政府信息公开申请情况\n"
        .. "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） 申请人情况\n"
        .. "自然人 法人或其他组织 总计\n商业企业 科研机构 社会公益组织 法律服务机构 其他\n"
        .. "一、本年新收政府信息公开申请数量              64 |0   0   2    0    4 |70\n"
        .. "二、上年结转政府信息公开申请数量              0 |0   0   0    0    0 |0\n"
        .. "(七 ) 总计                      63 |0   0   2    0    4 |69\n"
        .. "四、结转下年度继续办理                     1 |0   0   0    0    0 11\n"

test("rows whose rules an OCR kept in part as bars are read by their spaces", function()
  local R = assert(E:read(write("ocr27_ruled.txt", T3)))
  eq(64, R:cell("t3.new.np").value, "本年新收 自然人")
  eq(2, R:cell("t3.new.ngo").value, "本年新收 社会公益组织")
  eq(70, R:cell("t3.new.total").value, "本年新收 总计")
  eq(69, R:cell("t3.result.total.total").value, "总计")
  -- "|1" read 11: a 1 at the edge of a number whose sum it breaks, in a text so ruled
  eq("unknown", R.c:state("t3.next.total"), "11 for |1")
  eq(1, R:cell("t3.next.np").value, "the row's other cells")
end)

local T4 = "\f四、政府信息公开行政复议、行政诉讼情况\n"
        .. "行政复议                                                 行政诉讼\n"
        .. "未经复议直接起诉                       复议后起诉\n"
        .. "结果|结果|其他|尚未       结果|结果|其他| 尚未审\n总计                             总计\n"
        .. "维持 | 纠正 | 结果 | 审结               维持 | 纠正 | 结果 | 结\n"
        .. "72 |64 |178 137 1351 113 14 8 1 26 |12 |1 1 6  20\n"
        .. "五、存在的主要问题及改进情况\n"

test("two bars read as 1 in one sum leave the numbers that may hold them unknown", function()
  local path = write("ocr27_t4.txt", T4)
  local R = assert(E:read(path))
  eq(72, R:cell("t4.rv.upheld").value, "结果维持")
  eq(64, R:cell("t4.rv.corrected").value, "结果纠正")
  for _, id in ipairs { "t4.rv.pending", "t4.rv.total", "t4.ld.upheld", "t4.ld.corrected" } do
    eq("unknown", R.c:state(id), id)
  end
  eq(26, R:cell("t4.ld.total").value, "未经复议直接起诉 总计")
  eq(20, R:cell("t4.la.total").value, "复议后起诉 总计")
  local found = rules_found(path)
  assert(not found:find("t4.rv_total", 1, true) and not found:find("t4.ld_total", 1, true), found)
end)

test("an empty cell in a scanned report's table is a lost value, not a blank", function()
  local page = assert(nbio.readfile("tests/fixtures/convert23/c5-ocr.txt"))
  local lost = page:gsub("2.重复申请 ｜ 0 ｜ 0 ｜ 0", "2.重复申请 ｜ 0 ｜  ｜ 0", 1)
  assert(lost ~= page, "a cell emptied")
  local path = write("ocr27_lost.txt", lost)
  eq("unknown", assert(E:read(path)).c:state("t3.result.reject.repeat.biz"), "the empty cell")
  assert(not rules_found(path):find("gb2021.val.blank", 1, true), "val.blank said of a lost value")
end)

test("a table read by spaces and without OCR's marks is read as before", function()
  -- a Markdown table whose numbers part thousands with a space keeps its cells
  local R = assert(E:read("tests/fixtures/shapes/s6-spaced-numbers.md"))
  eq(447228, R:cell("t2.permit.decisions").value, "447 228")
end)

test("a value a scan lost leaves its row short, no digits said run together", function()
  -- 表四 of 1 0 2 0 3 | 12 0 0 0 12 | 0 0 0 0 0, its first 1 read as 工
  local lost = T4:gsub("72 |64 |178 137 1351 113 14 8 1 26 |12 |1 1 6  20",
                       "\xE5\xB7\xA5       0       2       0       3 |12      0       0       0       12 |0       0       0       0       0", 1)
  assert(lost ~= T4, "a value made a character")
  local found = rules_found(write("ocr27_t4_lost.txt", lost))
  assert(not found:find("gb2021.val.glued_open", 1, true), "digits said glued: " .. found)
  has(found, "gb2021.parse.row_values", "the row short of a value")
end)
