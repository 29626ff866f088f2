-- 存在的主要问题及改进情况 names what was or will be done, not only the problems.
id       = "gb2021.struct.s5_measures"
severity = "warning"
message  = {
  zh = "“存在的主要问题及改进情况”缺少改进措施",
  en = "part 5 names problems but no improvement",
}
rationale = {
  zh = "这一部分要写存在的主要问题和改进情况；只列问题、不写改进措施，内容不完整。",
  en = "Part 5 gives the main problems and the improvements; problems without measures leave it incomplete.",
}
basis    = { "《中华人民共和国政府信息公开条例》第五十条第（四）项" }

-- (a plan is a measure too: 计划开展…, 进一步规范…, 力争…; so is a thing
-- done: 已制定…, 督促…, 优化…, in the many verbs agencies use. Verbs a
-- problem is worded in as often are not here: 有待提高, 不够规范, 尚未建立)
words = { "改进", "整改", "措施", "下一步", "加强", "完善", "提升", "将", "计划", "进一步", "力争",
          "优化", "强化", "推动", "着力", "做好", "持续", "深化", "确保", "督促", "制定", "拓展",
          "拓宽", "加大", "加快", "注重", "坚持", "今后", "努力", "改善", "整治" }

-- the words that name a problem: a part naming none (无) is not one of
-- problems without measures, nor one saying it found none (未发现明显问题)
problems = { "问题", "不足", "差距", "有待", "不够", "不到位", "不及时", "欠缺", "滞后", "薄弱",
             "短板", "不强", "不高", "单一", "不全", "不一" }
none_found = { "未发现", "没有发现", "无明显", "不存在", "未出现", "暂无", "没有问题" }

function check(report, emit)
  local s5 = report:section("s5")
  if not s5 or s5.text == "" then return end
  -- (its prose: a word a PDF wrapped over two lines is found)
  if text.mentions(s5, words) or not text.mentions(s5, problems) or text.mentions(s5, none_found) then
    return
  end
  emit { line = s5.line, col = s5.col }
end
