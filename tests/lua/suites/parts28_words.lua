-- Parts 一, 五 and 六 in other agencies' words: measures in verbs the old
-- list lacked (制定, 优化, 督促, 坚持…), a part 五 naming no problem, a fee
-- said without its name (未收取任何费用), assessment and accountability
-- stated under 其他需要报告的事项, the statistics' time in months or as the
-- year. Each fixture was once said to lack what it holds.

local DIR = "tests/fixtures/parts28/"

test("parts28: every fixture is checked with no finding at all", function()
  for _, name in ipairs { "w1-district-results-in-part6", "w2-bureau-measures-verbs", "w3-street-no-problems",
                          "w4-bureau-fee-words", "w5-city-measures-later", "w6-city-period-months",
                          "w7-bureau-period-year" } do
    eq("  ", rules_found(DIR .. name .. ".txt"), name)
  end
end)

-- a part's words put back the way the rule must still catch: the
-- warnings the mends are not to lose
test("parts28: problems with no measure, no word of the fee, results nowhere are still found", function()
  local function without(name, from, to)
    local page = assert(nbio.readfile(DIR .. name .. ".txt"))
    local i, j = page:find(from, 1, true)
    assert(i, name .. ": " .. from)
    return rules_found(write(name .. "-cut.txt", page:sub(1, i - 1) .. to .. page:sub(j + 1)))
  end
  has(without("w2-bureau-measures-verbs", "针对上述问题，我局已制定答复文书范本，答复前由专人审核；"
              .. "2023年着力优化网络申请办理流程，督促各科室按月报送栏目信息，持续做好政策解读，确保答复及时、规范。", ""),
      " gb2021.struct.s5_measures ", "problems alone")
  has(without("w4-bureau-fee-words", "● 本局在办理政府信息公开申请过程中未向申请人收取任何费用。\n", ""),
      " gb2021.struct.s6_fee ", "no fee said")
  has(without("w1-district-results-in-part6", "全区将政务公开工作纳入年度绩效考评，社会评价总体良好，"
              .. "未发生因政府信息公开工作被追责的情形。", ""),
      " gb2021.struct.s1_gov_results ", "results nowhere")
end)

-- a part's heading in other words: the part, under its numeral as the
-- format prints it, with a note that its heading differs (not missing)
test("parts28: 一、总体概况, 六、其他事项, 二、主动公开政府信息工作情况, 五、存在的不足及改进措施, 五、主要问题及改进情况 are the parts", function()
  for name, n in pairs { ["h1-bureau-headings-short"] = 2, ["h2-street-headings-words"] = 2,
                         ["h3-city-heading-held"] = 1 } do
    local found = rules_found(DIR .. name .. ".txt")
    local _, titles = found:gsub("gb2021.struct.section_title", "")
    eq(n, titles, name .. ": headings said to differ")
    eq(" " .. string.rep("gb2021.struct.section_title ", n), found, name .. ": nothing else")
  end
end)

-- the words only with the numeral as the format prints it: 表三's row
-- （六）其他处理 on a line of its own is no part 六, nor a variant of 五 that
-- holds 六's title (五、存在的主要问题、改进情况及其他需要报告的事项) part 六
test("parts28: （六）其他处理 on its own line is no heading; 五、其他需要报告的事项 is part 六 renumbered", function()
  local found = rules_found("tests/fixtures/convert23/c1-pymupdf-cells.txt")
  assert(not found:find("section_", 1, true), found)
  local R = assert(nianbao.read("tests/fixtures/whole25/n4-parts-merged.txt"))
  local s6 = R:section("s6")
  assert(s6 and s6.heading:find("其他需要报告的事项", 1, true), "part 六")
end)
