-- 条例第五十条第（四）项: a people's government reports the results of
-- 工作考核、社会评议和责任追究.
id       = "gb2021.struct.s1_gov_results"
severity = "warning"
message  = {
  zh = "人民政府年度报告未报告工作考核、社会评议和责任追究结果情况",
  en = "a people's government report must state the results of assessment, public review and accountability",
}
rationale = {
  zh = "各级人民政府的年度报告还要报告工作考核、社会评议和责任追究的结果。",
  en = "A people's government's report also gives the results of appraisal, public review and accountability.",
}
basis    = { "《中华人民共和国政府信息公开条例》第五十条第（四）项", "国办公开办函〔2021〕30号一、报告内容（一）总体情况" }

-- (纳入绩效考评, 社会评价, 未发生被追责情况, 第三方评估中获评优秀, 满意度测评,
-- 未发生追究责任的情形: the same results in other words; not 测评 or 满意度
-- alone, which a part names as often in its work: 针对日常测评反馈的问题,
-- 提升群众满意度)
words = { "考核", "评议", "责任追究", "问责", "追责", "考评", "绩效", "社会评价", "第三方评估",
          "满意度测评", "追究责任" }

function check(report, emit)
  if report.format == "legacy" then return end   -- the old structure's parts: reported once, as such
  if report.issuer ~= "gov" then return end
  local s1 = report:section("s1")
  if not s1 then return end
  -- (stated in any part: many reports give them under 其他需要报告的事项)
  for _, sid in ipairs { "s1", "s5", "s6" } do
    local s = report:section(sid)
    if s and text.mentions(s, words) then return end
  end
  emit { line = s1.line, col = s1.col }
end
