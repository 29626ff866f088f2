-- A city's report (prose30/z1) whose prose gives, beside the table's counts,
-- the new ones answered after a verb of answering that governs a list
-- (本年度办结上年度结转申请34件，新收申请3016件; …、新收申请3016件), after a clause
-- saying the carried ones were answered (上年度结转的34件申请均已办结，本年度新收申请
-- 3119件，已办结3016件), of the new ones counted before (新收申请3119件中，已办结3016件),
-- all answered under one verb (共办结上年度结转申请和本年度新收申请3050件), after a
-- sentence that goes on (上年度结转申请34件已于本年度全部办结；…办结3016件), and last
-- year's figures after a year and a word of comparison opening the sentence with a
-- comma (2023年对比，…; 2023年对比情况，…): none of them is this year's table figure.
-- The text checks say nothing of them, and still find a wrong number beside them.

local SOURCE = "tests/fixtures/prose30/z1-city-answered-carried.txt"

test("the new ones answered, all answered under one verb, last year's after 对比，: no text finding", function()
  eq("", text_findings(SOURCE))
end)

test("a wrong number planted beside them is still found", function()
  local src = assert(nbio.readfile(SOURCE))
  local planted = src:gsub("全市共收到政府信息公开申请3119件", "全市共收到政府信息公开申请3129件")
                     :gsub("本年度新收申请3119件，已办结", "本年度新收申请3118件，已办结")
                     :gsub("其余103件", "其余104件")
                     :gsub("结转下年度103件。本年度答复", "结转下年度105件。本年度答复")
  eq("gb2021.txt.new 7\ngb2021.txt.new 7\ngb2021.txt.next 7\ngb2021.txt.next 7",
     text_findings(write("z1-planted.txt", planted)))
end)

test("a year compared with (与2023年对比，…) is no heading: the figures after it are this year's", function()
  local src = assert(nbio.readfile(SOURCE))
  local planted = src:gsub("。2023年对比，新收申请2707件", "。与2023年对比，新收申请2707件")
  -- (办结2650件 right after 新收申请2707件, nothing said of carried ones: all answered only
  -- where none were carried over, and 34 were: unknown)
  eq("gb2021.txt.new 7", text_findings(write("z1-compared.txt", planted)))
end)

test("without the verb of answering before them, the new ones are the received: found", function()
  local src = assert(nbio.readfile(SOURCE))
  local planted = src:gsub("本年度办结上年度结转申请34件，新收申请3016件", "本年度上年度结转申请34件，新收申请3016件")
  eq("gb2021.txt.new 7", text_findings(write("z1-no-verb.txt", planted)))
end)
