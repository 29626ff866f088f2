id       = "gb2021.txt.carried"
severity = "warning"
message  = {
  zh = "正文称上年结转申请{said}件，但表三“二、上年结转政府信息公开申请数量”为{table}件{hint}",
  en = "the text says {said} requests were carried over, but table 3 has {table}{hint_en}",
}

-- 上年（度）结转 … X 件；“转结”是常见笔误
grammar = [[
  claim <- "上" "一"? "年" "度"? ("结转" / "转结") (!%num %ch)^-20 %num %sp %unit
]]

check = text.claims { grammar = grammar, cells = "t3.carried.{c}" }
