-- A city's report (prose28/y1), and a county bureau's as a PDF's text
-- with its lines wrapped (prose28/y2), whose prose counts, beside the table's, those
-- not answered (未办结103件), answered late (逾期办结的申请0件), the new ones
-- answered (新收申请中已办结3016件), a month of the next year (2025年1月收到…),
-- a day of last year (截至2023年12月31日…) and results counted together
-- (无法提供和不予处理的申请共869件): none of them is a table's figure. The
-- text checks say nothing of them, and still find a wrong number beside them.

local SOURCE = "tests/fixtures/prose28/y1-city-pending-late.txt"
local WRAPPED = "tests/fixtures/prose28/y2-county-bureau-wrapped.txt"

test("counts of parts and other times beside the table's: no text finding", function()
  eq("", text_findings(SOURCE))
  eq("", text_findings(WRAPPED))
end)

test("a wrong number planted beside them is still found", function()
  local src = assert(nbio.readfile(SOURCE))
  local planted = src:gsub("共接收政府信息公开申请3119件", "共接收政府信息公开申请3129件")
                     :gsub("全年共办结3050件", "全年共办结3060件")
                     :gsub("行政复议351件", "行政复议352件")
  eq("gb2021.txt.done 7\ngb2021.txt.new 7\ngb2021.txt.review 10", text_findings(write("y1-planted.txt", planted)))
end)

test("in the wrapped text, Chinese numerals and a list's counts are still read", function()
  local src = assert(nbio.readfile(WRAPPED))
  local planted = src:gsub("\n七十四件，同比", "\n七十六件，同比")
                     :gsub("\n结七十五件", "\n结七十七件")
                     :gsub("分别为21件", "分别为22件")
  eq("gb2021.txt.done 9\ngb2021.txt.new 8\ngb2021.txt.result 11", text_findings(write("y2-planted.txt", planted)))
end)
