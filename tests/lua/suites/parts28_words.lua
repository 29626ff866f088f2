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
