-- Decisions said by the verb alone (作出行政许可12件) are table 2's; cases
-- handled and the kinds of permit are not. The year's months in numerals
-- (一月至十二月) are the year; two of them (十一月至十二月, 11月至12月) are not.
-- A year in numerals (二〇二〇年度) is that year, as 2020年度 is; 当年 after it too.

local read = claims_read     -- (the claims read from s, as sorted "kind cells = value" lines)

test("作出行政许可12件 is the permits decided; 行政处罚案件 and 行政许可事项 are not", function()
  eq("is t2.penalty.decisions = 1046\nis t2.permit.decisions = 12683",
     read("全年作出行政许可12,683件，作出行政处罚1,046件。", 2024))
  eq("is t2.permit.decisions = 369", read("本年度做出行政许可三百六十九件。", 2024))
  eq("", read("全年办理行政处罚案件56起，行政许可事项8项。", 2024))
  eq("", read("主动公开作出行政许可12件。", 2024))
end)

test("一月至十二月 is the whole year; 十一月至十二月 and 11月至12月 two months", function()
  eq("is t3.new.total = 70", read("一月至十二月，全县共收到政府信息公开申请七十件。", 2024))
  eq("is t3.new.total = 74", read("一至十二月共收到政府信息公开申请74件。", 2024))
  eq("", read("十一至十二月共收到政府信息公开申请9件。", 2024))
  eq("", read("11月至12月共收到政府信息公开申请9件。", 2024))
  eq("is t3.new.total = 74", read("1月至12月共收到政府信息公开申请74件。", 2024))
end)

test("a number corrected right after it (68件（现更正为70件）) is not read", function()
  eq("", read("年内收到政府信息公开申请68件（现更正为70件）。", 2024))
  eq("is t3.new.total = 70", read("年内收到政府信息公开申请70件。", 2024))
end)

test("a year in numerals (二〇二〇年度) is that year: last year's figure is not this year's", function()
  eq("prev t3.new.total = 56", read("二〇二〇年度，全区共收到政府信息公开申请五十六件。", 2021))
  eq("prev t3.new.total = 56", read("二○二○年度，全区共收到政府信息公开申请五十六件。", 2021))
  eq("is t3.new.total = 70", read("二〇二一年度，全区共收到政府信息公开申请七十件。", 2021))
  eq("", read("二〇一九年，全区共收到政府信息公开申请六十件。", 2021))
end)

test("当年 after a year is that year (2023年度报告显示，当年收到…): last year's figure", function()
  eq("prev t3.new.total = 60", read("2023年度报告显示，当年收到申请60件。", 2024))
  eq("is t3.new.total = 75", read("当年收到政府信息公开申请75件。", 2024))
end)

test("其中上年结转1件 after review cases is theirs, not the requests'; 有效申请 is a part", function()
  eq("is t4.rv.total = 3", read("全年发生政府信息公开行政复议案件3件，其中上年结转1件。", 2024))
  eq("is t3.carried.total = 2\nis t3.result.total.total = 41", read("全年共办结政府信息公开申请41件，其中上年结转2件。", 2024))
  eq("is t3.carried.total + t3.new.total = 3153\nis t3.carried.total = 34",
     read("全年收到政府信息公开申请3153件，其中上年结转34件。", 2024))
  eq("", read("本年度共收到有效政府信息公开申请72件。", 2024))
end)

test("作出行政许可、行政处罚决定共计1,256件 is two kinds together, not the penalties", function()
  eq("", read("作出行政许可、行政处罚决定共计1,256件。", 2024))
  eq("", read("行政处罚、行政强制决定共60件。", 2024))
  eq("is t2.penalty.decisions = 2113\nis t2.permit.decisions = 10690",
     read("作出行政许可决定10690件、行政处罚决定2113件。", 2024))
end)
