-- A county government's own report whose figures a bureau of it counted
-- (据县司法局统计，全县共收到…): the county's figures are the government's own
-- and are read, those of its townships are not. And all lawsuits or reviews the
-- organ was respondent to, of which those about disclosure are said next
-- (本局作为被告的行政诉讼案件15件，其中涉及政府信息公开的12件): the part is table
-- 4's and is read, never the whole.

local P = "tests/fixtures/prose34/"
local F1 = P .. "f1-county-gov-bureau-counted.txt"
local F2 = P .. "f2-district-bureau-disclosure-part.txt"

local text = nianbao.engine:pack("gb2021").rule_by_id["gb2021.txt.new"].env.text
-- the claims read of s in a report of `year` by an issuer of kind `issuer`, in part `part`
local function claims_of(s, year, issuer, part)
  local out = {}
  for _, c in ipairs(text.read(s, { year = year, issuer = issuer, part = part })) do
    out[#out + 1] = string.format("%s %s = %s", c.kind, c.cells, tostring(c.kind == "pct_change" and c.pct or c.value))
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

test("a county government's 全县 figures counted by one of its bureaus are its own", function()
  eq("", text_findings(F1))
  eq("is t3.carried.total = 1\nis t3.new.total = 74\nis t3.result.total.total = 75",
     claims_of("据县司法局统计，2022年全县共收到政府信息公开申请74件，上年结转1件，共办结75件。", 2022, "gov"))
  -- (a wrong count there is found: the text says 47, the table 74)
  local src = assert(nbio.readfile(F1))
  eq("gb2021.txt.new 7", text_findings(planted(src, "全县共收到政府信息公开申请74件", "全县共收到政府信息公开申请47件",
                                               "p34_f1_new.txt")))
  eq("gb2021.txt.review 10", text_findings(planted(src, "全县因政府信息公开被申请行政复议2件",
                                                   "全县因政府信息公开被申请行政复议3件", "p34_f1_rv.txt")))
end)

test("the townships' figure, a bureau's own, and the county's in a department's report are not read", function()
  eq("", claims_of("据县司法局统计，全县各乡镇共受理政府信息公开申请26件。", 2022, "gov"))
  eq("", claims_of("县司法局共收到政府信息公开申请12件。", 2022, "gov"))
  eq("", claims_of("据县司法局统计，县司法局共收到政府信息公开申请12件。", 2022, "gov"))
  eq("", claims_of("据县司法局统计，全县共收到政府信息公开申请74件。", 2022, "dept"))
  eq("", claims_of("据县司法局统计，全县共收到政府信息公开申请74件。", 2022, "township"))
end)

test("of all lawsuits and reviews the organ was respondent to, the part about disclosure is table 4's", function()
  eq("", text_findings(F2))
  for _, part in ipairs { "s1", "s4" } do
    eq("is t4.la.total + t4.ld.total = 12",
       claims_of("本局作为被告的行政诉讼案件15件，其中涉及政府信息公开的12件。", 2021, nil, part), part)
    eq("is t4.rv.total = 3",
       claims_of("以市政府为被申请人的行政复议案件118件，其中涉及政府信息公开的3件。", 2021, nil, part), part)
  end
  eq("is t4.rv.other = 2\nis t4.rv.total = 3\nis t4.rv.upheld = 1",
     claims_of("本委作为被申请人的行政复议案件9件，其中因政府信息公开引发的3件，结果维持1件、其他结果2件。", 2021))
  -- (a wrong part is found; the whole, 15 or 9, is never compared)
  local src = assert(nbio.readfile(F2))
  eq("gb2021.txt.suit 9", text_findings(planted(src, "其中涉及政府信息公开的12件", "其中涉及政府信息公开的13件",
                                                "p34_f2_suit.txt")))
  eq("gb2021.txt.review 9", text_findings(planted(src, "其中涉及政府信息公开的3件", "其中涉及政府信息公开的4件",
                                                  "p34_f2_rv.txt")))
end)

test("a count said only to have happened (发生) is unsure: neither the whole nor the part is read", function()
  eq("", claims_of("全年共发生行政诉讼案件15件，其中涉及政府信息公开的12件。", 2021, nil, "s1"))
  eq("", claims_of("全年共发生行政复议案件12件，其中涉及政府信息公开的2件。", 2021, nil, "s1"))
end)

test("a list of a review and a lawsuit each said 被…: both counts read in their order", function()
  eq("is t4.la.total + t4.ld.total = 12\nis t4.rv.total = 3",
     claims_of("因政府信息公开被申请行政复议、被提起行政诉讼分别为3件、12件。", 2021))
end)

test("a change of 新收申请 (the row's own word) is the new requests' change", function()
  eq("change t3.new.total = -2\npct_change t3.new.total = -28.6",
     claims_of("与2023年相比，新收申请减少2件，下降28.6%。", 2024))
  eq("change t3.new.total = 0", claims_of("新收申请与上年持平。", 2024))
  eq("", claims_of("网上新收申请较上年减少2件。", 2024), "a way of asking names a part")
end)
