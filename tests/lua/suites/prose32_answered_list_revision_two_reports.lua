-- Three false text findings of earlier rounds' held fixtures: a verb of answering
-- governing the list after it (办结新收申请69件、上年结转申请0件: the new ones
-- answered, not received), a two-digit value printed beside its revision in the
-- prose (7274件 for 74), and the second of two offices' reports on one page
-- through turndown, its prose glued into the first's part 六 and checked
-- against the first's tables.

local P = "tests/fixtures/prose32/"
local N1 = "tests/fixtures/hostile31/n1-district-new-answered-listed.txt"

test("办结 governing a list: the new ones answered are no count of the received", function()
  eq("", text_findings(N1))
  eq("is t3.carried.total = 0\nis t3.new.total = 70\nis t3.next.total = 1",
     claims_read("全年收到政府信息公开申请70件，办结新收申请69件、上年结转申请0件，结转下年度1件。", 2021))
  for _, s in ipairs { "本年度办结本年新收申请69件、上年结转申请0件。", "全年办结：本年新收申请69件，上年结转申请0件。" } do
    eq("is t3.carried.total = 0", claims_read(s, 2021), s)
  end
  -- (包括 after a count of the answered lists its parts, as 其中 does)
  eq("is t3.carried.total = 0\nis t3.result.total.total = 69",
     claims_read("本年度共办结申请69件，包括本年新收申请69件和上年结转申请0件。", 2021))
  -- (but after a count of the received, the applicants listed are still read)
  eq("is t3.new.np = 69\nis t3.new.total = 70", claims_read("全年收到申请70件，包括自然人申请69件。", 2021))
end)

test("the received still checked where no verb of answering governs them", function()
  local src = assert(nbio.readfile(N1))
  local planted, n = src:gsub("全年收到政府信息公开申请70件，", "全年收到政府信息公开申请71件，", 1)
  eq(1, n, "the sentence")
  eq("gb2021.txt.new 7", text_findings(write("p32_n1_planted.txt", planted)))
  local received = src:gsub("办结新收申请69件、", "新收申请69件、", 1)
  has(text_findings(write("p32_n1_received.txt", received)), "gb2021.txt.new 7", "新收申请69件 with no 办结 before it")
end)

test("a two-digit value run together with a near revision (7274件 for 74) makes no text finding", function()
  eq("", text_findings(P .. "p2-bureau-revision-in-prose.txt"))
  local src = assert(nbio.readfile(P .. "p2-bureau-revision-in-prose.txt"))
  -- (not the table's value beside another near it: found)
  for _, wrong in ipairs { "7276", "7474", "3074", "1074", "744" } do
    local planted = src:gsub("全年收到政府信息公开申请7274件", "全年收到政府信息公开申请" .. wrong .. "件", 1)
    eq("gb2021.txt.new 7", text_findings(write("p32_p2_" .. wrong .. ".txt", planted)), wrong)
  end
end)

test("two reports on one page through turndown: the second's prose is not the first's", function()
  local f = P .. "p1-turndown-two-reports.txt"
  eq("", text_findings(f))
  local found = rules_found(f)
  has(found, " gb2021.struct.another_report ", "the second report said")
  eq(nil, found:find("copies_differ", 1, true), "the table's copies: the first report's own")
  eq(nil, found:find("reg_no_power", 1, true), "the second's agency not the first's")
  local src = assert(nbio.readfile(f))
  -- (a count in the second report's opening, before its part 一: not the first's)
  local opening, n = src:gsub("(所列数据统计期限为2024年1月1日至12月31日。)", "%1全年共受理政府信息公开申请5件。")
  eq(1, n, "the second's opening")
  eq("", text_findings(write("p32_p1_opening.txt", opening)))
  -- (the first report's own prose is still checked)
  local planted, m = src:gsub("年内我局制发行政规范性文件8件", "年内我局制发行政规范性文件9件", 1)
  eq(1, m, "the first's part 一")
  eq("gb2021.txt.t2 17", text_findings(write("p32_p1_planted.txt", planted)))
end)
