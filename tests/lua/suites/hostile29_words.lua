-- The part-rules' word lists read against other agencies' wordings: a
-- part 五 of problems alone worded with the measures' verbs (有待提升,
-- 尚未制定, 不够完善, 未将…), a part 六 whose fee is said as 免费, an
-- opening naming the data's time in months. The first was not warned
-- (a true finding missed), the other two were (false findings).

local DIR = "tests/fixtures/hostile29/"

local function with(name, from, to)
  local page = assert(nbio.readfile(DIR .. name .. ".txt"))
  local i, j = page:find(from, 1, true)
  assert(i, name .. ": " .. from)
  return rules_found(write(name .. "-cut.txt", page:sub(1, i - 1) .. to .. page:sub(j + 1)))
end

test("hostile29: problems worded as wanting a measure (有待提升, 尚未制定, 不够完善, 未将) name no measure", function()
  eq(" gb2021.struct.s5_measures ", rules_found(DIR .. "n1-bureau-problems-wanting.txt"))
end)

test("hostile29: a measure after the problems is read, whatever wanting words come before it", function()
  local problems = "群众留言回复周期偏长。"
  for _, measure in ipairs { "下一步，我局将统一答复文书样式。", "我局不断完善答复文书范本。",
                             "针对上述问题，已制定答复文书范本。", "今后进一步加强业务培训。" } do
    eq("  ", with("n1-bureau-problems-wanting", problems, problems .. measure), measure)
  end
end)

test("hostile29: 均免费提供 says the fee; a part 六 silent on it is still warned", function()
  eq("  ", rules_found(DIR .. "n2-bureau-fee-free.txt"))
  has(with("n2-bureau-fee-free", "● 本局依申请提供政府信息，均免费提供。\n", ""), " gb2021.struct.s6_fee ", "no fee said")
end)

test("hostile29: the data's time as the year's months is stated; the year's work in months is no such time", function()
  eq("  ", rules_found(DIR .. "n3-city-period-data-months.txt"))
  local said = "报告中所列数据的起止时间为2024年1月至12月。"
  eq("  ", with("n3-city-period-data-months", said, "本报告数据时间为2024年1-12月。"), "1-12月")
  has(with("n3-city-period-data-months", said, "2024年1月至12月，全市持续推进政务公开。"),
      " gb2021.struct.period_stated ", "no data named")
end)

test("hostile29: groups and items numbered as Word's one characters (㈠予以公开, ⑴属于国家秘密, ㈦总计) are the format's", function()
  eq("  ", rules_found(DIR .. "e1-city-word-enumerators.txt"))
  local F = nianbao.engine:pack("gb2021").format
  eq(F.labels.norm("（七）总计"), F.labels.norm("㈦总计"))
  eq(F.labels.norm("3.其他"), F.labels.norm("⑶其他"))
end)

test("hostile29: assessment and accountability in other words (第三方评估, 满意度测评, 追究责任) are stated; none at all is still warned", function()
  local name = "g1-district-results-other-words"
  eq("  ", rules_found(DIR .. name .. ".txt"))
  has(with(name, "在全市政务公开第三方评估中，全区获评优秀等次，群众满意度测评得分98.6分；全年未发生追究责任的情形。", ""),
      " gb2021.struct.s1_gov_results ", "results nowhere")
end)
