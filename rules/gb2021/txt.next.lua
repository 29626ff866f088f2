id       = "gb2021.txt.next"
severity = "warning"
message  = {
  zh = "正文称结转下年度继续办理{said}件，但表三“四、结转下年度继续办理”为{table}件{hint}",
  en = "the text says {said} requests go on into next year, but table 3 has {table}{hint_en}",
}

-- 结转下年度 X 件 / X 件结转下年度 / 顺延到下年度 / 结转至2026年
grammar = [[
  claim <- next (!%num %ch)^-8 %num %sp %unit
         / %num %sp %unit (!next %ch)^-4 next
  next  <- ("结转" / "顺延" / "转入") ("到" / "至")? ("下" "一"? "年" "度"? / [0-9]^4 "年")
]]

check = text.claims { grammar = grammar, cells = "t3.next.{c}" }
