-- A city's report (prose31/w1) whose prose gives the new ones answered after the
-- new ones received with nothing said of carried ones (本年度新收申请3119件，已办结3016件:
-- all answered only where none were carried over; 34 were), a tracked change's old
-- and new numbers printed both (447282447228件, 8882388283件), last year's figures
-- after 2023年同期对比，, and three sentences read now: the results after
-- 共处理…申请3050件，其中…, 行政许可处理决定447228件 and 未收到新的政府信息公开申请.

local SOURCE = "tests/fixtures/prose31/w1-city-new-answered-glued.txt"
local src = assert(nbio.readfile(SOURCE))

test("the new ones answered, numbers run together, 2023年同期对比: no text finding", function()
  eq("", text_findings(SOURCE))
end)

test("a wrong number planted beside them is still found, and the sentences read now are checked", function()
  local planted = src:gsub("本年度新收申请3119件，已办结", "本年度新收申请3118件，已办结")
                     :gsub("其中予以公开1362件", "其中予以公开1363件")
                     :gsub("行政许可处理决定447228件", "行政许可处理决定447229件")
  eq("gb2021.txt.new 7\ngb2021.txt.result 7\ngb2021.txt.t2 63", text_findings(write("w1-planted.txt", planted)))
  local none = src:gsub("本年度收取信息处理费0元。", "本年度收取信息处理费0元。本年度未收到新的政府信息公开申请。")
  eq("gb2021.txt.none 63", text_findings(write("w1-none.txt", none)))
end)

test("新收…已办结 with nothing said of carried ones is checked where none were carried over", function()
  -- (a department's report of prose22 whose table has none carried over)
  local dept = assert(nbio.readfile("tests/fixtures/prose22/q8-dept-bureau.txt"))
  local right = dept:gsub("本局全年登记政府信息公开申请70件，均已受理。", "本年度新收申请70件，已办结69件。")
  eq("", text_findings(write("q8-right.txt", right)))
  local wrong = dept:gsub("本局全年登记政府信息公开申请70件，均已受理。", "本年度新收申请70件，已办结68件。")
  eq("gb2021.txt.done 6", text_findings(write("q8-wrong.txt", wrong)))
  -- (where the sentence says all, 共办结, it is all answered also with some carried over)
  local all = src:gsub("本年度新收申请3119件，已办结3016件", "本年度新收申请3119件，共办结3016件")
  eq("gb2021.txt.done 7", text_findings(write("w1-all.txt", all)))
end)

test("the English message of a lawsuit's or a review's result says what it counts", function()
  local planted = src:gsub("行政诉讼结果维持25件", "行政诉讼结果维持26件"):gsub("结果纠正64件", "结果纠正65件")
  local out = sh(NB .. " check --lang en --select gb2021.txt " .. write("w1-en.txt", planted))
  has(out, "of administrative lawsuits, the text says 26 for the sum of")
  has(out, "of administrative reconsiderations, the text says 65 for")
  eq(nil, out:find("26 lawsuits", 1, true), "no count of lawsuits said for a result")
end)

test("a share or a change said of such a claim holds only where it holds", function()
  local text = nianbao.engine:pack("gb2021").rule_by_id["gb2021.txt.new"].env.text
  local out = {}
  for _, c in ipairs(text.read("本年度新收申请3119件，已办结3016件，占收到申请总数的96.7%。", { year = 2024 })) do
    out[#out + 1] = c.kind .. " " .. c.cells .. " " .. tostring(c.if_zero)
  end
  eq("is t3.new.total nil\nis t3.result.total.total t3.carried.total\nshare t3.result.total.total t3.carried.total",
     table.concat(out, "\n"))
end)
