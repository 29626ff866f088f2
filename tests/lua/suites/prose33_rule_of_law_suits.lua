-- A government's or a department's 法治政府 work in part 一 counts every lawsuit
-- and review it was party to (市政府作为被告的行政诉讼案件32件, 以市政府为被申请人的
-- 行政复议案件118件): no claim of table 4's, which counts those about disclosure.
-- Outside part 四 a sentence counts table 4's lawsuits and reviews only where it
-- names disclosure; in part 四 as before. And a text finding names its cell in
-- English by the table's labels, as the tables' own checks do, not by its id.

local P = "tests/fixtures/prose33/"
local F1 = P .. "f1-city-rule-of-law-suits.txt"
local F2 = P .. "f2-district-bureau-rule-of-law.txt"

-- the claims read of s in part `part` of a report of `year`
local text = nianbao.engine:pack("gb2021").rule_by_id["gb2021.txt.new"].env.text
local function claims_in_part(s, year, part)
  local out = {}
  for _, c in ipairs(text.read(s, { year = year, part = part })) do
    out[#out + 1] = string.format("%s %s = %s", c.kind, c.cells, tostring(c.value))
  end
  table.sort(out)
  return table.concat(out, "\n")
end

-- src with `from` put `to` once (the sentence must be there)
local function planted(src, from, to, name)
  local out, n = src:gsub(from, to, 1)
  eq(1, n, from)
  return write(name, out)
end

test("part 一's lawsuits and reviews of 法治政府 work are no claims of table 4", function()
  eq("", text_findings(F1))
  eq("", text_findings(F2))
  for _, s in ipairs {
    "全年市政府作为被告的行政诉讼案件共32件，其中败诉2件。",
    "以市政府为被申请人的行政复议案件118件，办结110件。",
    "全年市政府被申请行政复议126件，被提起行政诉讼38件。",
    "有5件被提起行政诉讼的案件经调解撤诉。",
    "尚未审结的行政复议案件8件。",
    "全年本局作为被告的行政诉讼案件15件，其中败诉1件。",
  } do
    eq("", claims_in_part(s, 2024, "s1"), s)
  end
end)

test("in part 四, or naming disclosure anywhere, they are still read", function()
  eq("is t4.la.pending + t4.ld.pending = 7\nis t4.la.total + t4.ld.total = 46\nis t4.la.upheld + t4.ld.upheld = 25"
     .. "\nis t4.rv.total = 351\nis t4.rv.upheld = 72",
     claims_in_part("全年被申请行政复议351件，其中结果维持72件；被提起行政诉讼46件，其中结果维持25件，尚未审结7件。", 2024, "s4"))
  eq("is t4.la.total + t4.ld.total = 46\nis t4.rv.total = 351",
     claims_in_part("因政府信息公开被申请行政复议351件，被提起行政诉讼46件。", 2024, "s1"))
  -- (a wrong count there is found: in part 四's prose, and in part 一's naming disclosure)
  local src = assert(nbio.readfile(F1))
  eq("gb2021.txt.suit 60", text_findings(planted(src, "被提起行政诉讼46件，其中结果维持25件",
                                                  "被提起行政诉讼48件，其中结果维持25件", "p33_f1_s4.txt")))
  eq("gb2021.txt.review 7", text_findings(planted(src, "因政府信息公开被申请行政复议351件",
                                                  "因政府信息公开被申请行政复议315件", "p33_f1_s1.txt")))
  local src2 = assert(nbio.readfile(F2))
  eq("gb2021.txt.suit 59", text_findings(planted(src2, "被提起行政诉讼12件，均为", "被提起行政诉讼13件，均为",
                                                   "p33_f2_s4.txt")))
end)

test("尚未审结的行政复议案件8件 after a count of lawsuits: the reviews pending, not every lawsuit", function()
  eq("is t4.la.total + t4.ld.total = 38\nis t4.rv.pending = 8",
     claims_in_part("被提起行政诉讼38件，尚未审结的行政复议案件8件。", 2024, "s4"))
  eq("is t4.la.pending + t4.ld.pending = 38\nis t4.la.total + t4.ld.total = 38",
     claims_in_part("被提起行政诉讼38件，尚未审结。", 2024, "s4"))
end)

test("a text finding names its cell in English by its table, row and column as printed", function()
  local src = assert(nbio.readfile(F1))
  local path = planted(src, "全年新收政府信息公开申请3119件", "全年新收政府信息公开申请3120件", "p33_f1_new.txt")
  local en = sh(NB .. " check --lang en " .. path)
  has(en, "but Table 3, row “一、本年新收政府信息公开申请数量”, column “总计” has 3119")
  eq(nil, en:find("t3.new.total", 1, true), "no cell's id")
  local none = planted(src, "全年新收政府信息公开申请3119件，", "全年未收到政府信息公开申请，", "p33_f1_none.txt")
  has(sh(NB .. " check --lang en " .. none), "but Table 3, row “一、本年新收政府信息公开申请数量”, column “总计” is 3119")
end)
