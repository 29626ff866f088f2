-- A city's report (prose29/z1) whose prose gives, beside the table's counts,
-- the new ones answered in a 其中 list of the answered (办结3050件，其中上年结转
-- 申请34件，本年度新收申请3016件), one day's count (2024年3月5日收到申请1件) and
-- last year's figures after 2023年度对比： and under a line 2023年度情况： (its
-- bullets ● 新收申请：2707件 …) and an appeal's result (二审维持4件): none of them is
-- this year's table figure. The text checks say nothing of them, and still
-- find a wrong number beside them.

local SOURCE = "tests/fixtures/prose29/z1-city-answered-list.txt"

test("the answered's 其中 list, one day's count, last year's figures: no text finding", function()
  eq("", text_findings(SOURCE))
end)

test("a wrong number planted beside them is still found", function()
  local src = assert(nbio.readfile(SOURCE))
  local planted = src:gsub("全市共收到政府信息公开申请3119件", "全市共收到政府信息公开申请3129件")
                     :gsub("本年度办结申请3050件", "本年度办结申请3060件")
                     :gsub("另有103件", "另有104件")
                     :gsub("一审判决维持25件", "一审判决维持26件")
  eq("gb2021.txt.done 7\ngb2021.txt.new 7\ngb2021.txt.next 7\ngb2021.txt.suit 14",
     text_findings(write("z1-planted.txt", planted)))
end)

test("the bullets under a line of this year's are this year's: their wrong numbers are found", function()
  local src = assert(nbio.readfile(SOURCE))
  local planted = src:gsub("\n2023年度情况：\n", "\n2024年度情况：\n")
  -- (● 办结：2650件 right after ● 新收申请, nothing said of carried ones: all answered only
  -- where none were carried over, and 34 were: unknown)
  eq("gb2021.txt.new 9\ngb2021.txt.next 11", text_findings(write("z1-this-year.txt", planted)))
end)
