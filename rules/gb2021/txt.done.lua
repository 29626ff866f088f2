id       = "gb2021.txt.done"
severity = "warning"
message  = {
  zh = "正文称办结（答复）申请{said}件，但表三“（七）总计”为{table}件{hint}",
  en = "the text says {said} requests were answered, but table 3 (七) total has {table}{hint_en}",
}

-- 答复 X 件 / 办结 X 件 / 办理完成 X 件（“办结率”不是件数）
grammar = [[
  claim <- ("答复" / "办结" / "办理完成" / "处理完成") !"率" (!%num %ch)^-4 %num %sp %unit
]]

check = text.claims {
  grammar = grammar,
  cells   = "t3.result.total.{c}",
  explain = {
    { cells = "t3.result.total.{c} + t3.next.{c}", zh = "；该数等于办结加结转下年度",
      en = "; that is answered plus carried to next year" },
  },
}
