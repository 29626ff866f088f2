-- Times and corrections around a count: a year of two digits (23年) is not
-- this one; a figure before a correction (更正前) or with some taken out
-- (扣除重复申请后) is not the table's; January to December added up
-- (1-12月累计) is the year's; a court's rulings (法院判决维持) name the
-- lawsuits after a ；; and a sentence after a ； that names no time is of
-- the year the one before it named (2023年新收…；办结…).

local read = claims_read     -- (the claims read from s, as sorted "kind cells = value" lines)

-- the same, of s in part `part` (a lawsuit named by no word of disclosure is table 4's in part 四 only)
local text = nianbao.engine:pack("gb2021").rule_by_id["gb2021.txt.new"].env.text
local function read_in(part, s, year)
  local out = {}
  for _, c in ipairs(text.read(s, { year = year, part = part })) do
    out[#out + 1] = string.format("%s %s = %s", c.kind, c.cells, tostring(c.value))
  end
  table.sort(out)
  return table.concat(out, "\n")
end

test("23年收到…: a year of two digits is no count of this year", function()
  eq("", read("23年收到政府信息公开申请2707件，24年增长15.2%。", 2024))
  eq("is t3.new.total = 3119", read("2024年收到政府信息公开申请3119件。", 2024))
end)

test("更正前…, 扣除重复申请后…: not the figure the table holds", function()
  eq("", read("更正前统计的新收申请为3121件，经核对更正为3119件。", 2024))
  eq("", read("扣除重复申请后，全市实际收到政府信息公开申请3094件。", 2024))
  eq("", read("剔除重复申请后，收到政府信息公开申请65件。", 2024))
end)

test("1-12月累计受理…: the whole year added up (not 11-12月, nor several years)", function()
  eq("is t3.carried.total = 34\nis t3.new.total = 3119",
     read("1-12月累计受理政府信息公开申请3119件，上年结转34件；", 2024))
  eq("is t3.new.total = 5", read("一月至十二月累计受理政府信息公开申请五件。", 2024))
  eq("", read("11-12月累计收到政府信息公开申请9件。", 2024))
  eq("", read("2022年至2024年累计收到政府信息公开申请312件。", 2024))
end)

test("法院判决维持25件, … after a ；: the court's rulings are the lawsuits'", function()
  eq("is t4.la.corrected + t4.ld.corrected = 5\nis t4.la.other + t4.ld.other = 9\n"
     .. "is t4.la.pending + t4.ld.pending = 7\nis t4.la.upheld + t4.ld.upheld = 25",
     read_in("s4", "法院判决维持25件，判决撤销等纠正5件，驳回起诉等其他结果9件，尚未审结7件。", 2024))
  eq("", read_in("s1", "法院判决维持25件，判决撤销等纠正5件，驳回起诉等其他结果9件，尚未审结7件。", 2024))
end)

-- the example report (5 received, 6 answered, none carried to next year) with s in its part 一
local function with(s)
  local src = JIUQU:gsub("方便了不同群体获取政务信息。", "%0" .. s, 1)
  return rules_found(write("prose27-semicolon.txt", src))
end

test("2023年新收…；办结…: after a ；, last year's counts go on (no finding of this year's)", function()
  local found = with("2023年新收政府信息公开申请3件；办结4件，结转下年度1件。")
  eq(false, found:find(" gb2021.txt.done ", 1, true) ~= nil, "txt.done")
  eq(false, found:find(" gb2021.txt.next ", 1, true) ~= nil, "txt.next")
  -- a sentence after it that names this year, or one after this year's, is read
  has(with("2023年新收政府信息公开申请3件；2024年办结4件。"), " gb2021.txt.done ")
  has(with("本年新收政府信息公开申请5件；办结4件。"), " gb2021.txt.done ")
end)

test("● 新收申请：74件, 办结：75件: a list's items, each count after a colon, each bullet an item's end", function()
  eq("is t3.new.biz = 3\nis t3.new.np = 71\nis t3.new.total = 74",
     read("● 新收申请：74件（自然人71件，商业企业3件）", 2022))
  eq("is t3.carried.total = 1\nis t3.next.total = 0\nis t3.result.partial.total = 9\n"
     .. "is t3.result.public.total = 21\nis t3.result.total.total = 75",
     read("● 上年结转：1件● 办结：75件■ 予以公开：21件■ 部分公开：9件● 结转下年度：0件", 2022))
  eq("is t4.rv.total = 2", read("因政府信息公开被申请行政复议：2件。", 2022))
  eq("", read("● 平均答复用时：9个工作日● 逾期答复：0件", 2022))
  eq("", read("网上申请：60件。", 2022))
end)

test("a group's rows in a list (属于本机关不掌握…、…仍不明确的分别为769件、11件和1件): one count each, in order", function()
  eq("is t3.result.unable.create.total = 11\nis t3.result.unable.nohold.total = 769\nis t3.result.unable.unclear.total = 1",
     read("属于本机关不掌握相关政府信息、没有现成信息需要另行制作、补正后申请内容仍不明确的分别为769件、11件和1件。", 2024))
  -- so many rows, so many counts, none named twice, none with 等; else nothing
  eq("", read("属于国家秘密、行政执法案卷的分别为2件、9件、5件。", 2024))
  eq("", read("属于国家秘密、国家秘密的分别为2件、9件。", 2024))
  eq("", read("其中因国家秘密、第三方合法权益等原因不予公开的分别为2件、6件。", 2024))
end)

test("行政复议、行政诉讼分别为2件、1件; 结果维持、…分别为72件、…: the reviews' and lawsuits' lists, each its own", function()
  eq("is t4.la.total + t4.ld.total = 1\nis t4.rv.total = 2",
     read("因政府信息公开被申请行政复议、提起行政诉讼分别为2件、1件。", 2024))
  eq("is t4.la.total + t4.ld.total = 46\nis t4.rv.total = 351",
     read("本年度因政府信息公开引发的行政复议、行政诉讼案件分别为351件和46件。", 2024))
  eq("", read("受理行政复议、行政诉讼分别为2件、1件。", 2024))
  eq("is t4.rv.corrected = 64\nis t4.rv.other = 178\nis t4.rv.pending = 37\nis t4.rv.upheld = 72",
     read("行政复议案件中，结果维持、结果纠正、其他结果、尚未审结分别为72件、64件、178件、37件。", 2024))
  eq("is t4.la.corrected + t4.ld.corrected = 5\nis t4.la.total + t4.ld.total = 46\nis t4.la.upheld + t4.ld.upheld = 25",
     read_in("s4", "全年被提起行政诉讼46件，其中结果维持、结果纠正分别为25件、5件。", 2024))
  eq("", read("行政复议、行政诉讼分别为2件、1件、3件。", 2024))
end)
