-- Readings of last round's attacked as other agencies' pages write (tests/fixtures/hostile28):
-- a caption between two copies of 表三 that names last year and this year too; a sentence
-- opening with 其中 after one of last year's; 其中自然人申请… after a count of results.

local read = claims_read     -- (the claims read from s, as sorted "kind cells = value" lines)

local DIR = "tests/fixtures/hostile28/"

test("本年度数据（较上年度有所增长）between two copies of 表三: copies, not last year's table", function()
  local out = sh(NB .. " run tests/lua/corpus.lua " .. DIR .. "unread --no-wrong")
  has(out, " 0 WRONG")
  for _, f in ipairs({ "c1-html-caption-both-years.html", "c2-text-caption-year.txt" }) do
    local found = rules_found(DIR .. "unread/" .. f)
    has(found, " gb2021.val.copies_differ ")
    eq(nil, found:find(" gb2021.txt.", 1, true), f .. ": no text finding")
  end
  -- a caption naming last year alone still makes the second another table
  local found = rules_found("tests/fixtures/copies27/ly2-html-last-year-after.html")
  eq(nil, found:find(" gb2021.val.copies_differ ", 1, true), "ly2")
end)

test("2023年…2707件。其中办结2650件，结转下年度34件: the 其中 sentence is last year's", function()
  local found = rules_found(DIR .. "q1-city-last-year-then-qizhong.txt")
  eq(nil, found:find(" gb2021.txt.", 1, true), "no text finding")
  -- this year's 其中… after this year's is read
  local src = JIUQU:gsub("方便了不同群体获取政务信息。", "%0本年新收政府信息公开申请5件。其中自然人申请9件。", 1)
  has(rules_found(write("hostile28-qizhong.txt", src)), " gb2021.txt.new ")
  local last = JIUQU:gsub("方便了不同群体获取政务信息。", "%0上年新收政府信息公开申请3件。其中自然人申请9件，结转下年度1件。", 1)
  eq(nil, rules_found(write("hostile28-qizhong-last.txt", last)):find(" gb2021.txt.", 1, true))
end)

test("予以公开1362件，其中自然人申请1288件: a part of the answered, not of the received", function()
  eq("is t3.result.public.total = 1362", read("予以公开1362件，其中自然人申请1288件。", 2024))
  eq("is t3.result.public.total = 1362",
     read("本年度办结的申请中，予以公开1362件，其中自然人申请1288件。", 2024))
  -- of the received: read
  eq("is t3.new.np = 3001\nis t3.new.total = 3119", read("本年新收申请3119件，其中自然人申请3001件。", 2024))
  eq("is t3.new.np = 3001", read("其中自然人申请3001件。", 2024))
end)

test("2021年度：新收申请68件；办结67件；结转下年度1件: the year goes on over each ；", function()
  eq(nil, rules_found(DIR .. "q2-bureau-results-part.txt"):find(" gb2021.txt.", 1, true), "no text finding")
  local function with(s)
    local src = JIUQU:gsub("方便了不同群体获取政务信息。", "%0" .. s, 1)
    return rules_found(write("hostile28-chain.txt", src))
  end
  local found = with("2023年新收政府信息公开申请3件；办结4件；结转下年度1件。")
  eq(nil, found:find(" gb2021.txt.done ", 1, true), "txt.done")
  eq(nil, found:find(" gb2021.txt.next ", 1, true), "txt.next")
  -- a clause that names this year stops it
  has(with("2023年新收政府信息公开申请3件；本年办结4件；结转下年度1件。"), " gb2021.txt.next ")
end)
