-- 正文所述上年结转的申请数与表三“二、上年结转政府信息公开申请数量”一致。
id       = "gb2021.txt.carried"
severity = "warning"
message  = {
  zh = "正文称上年结转申请{said}件，但{where}为{table}件{hint}",
  en = "the text says {said} requests were carried over, but {where_en} has {table}{hint_en}",
}
rationale = {
  zh = "正文中上年结转的申请数要与表三“二、上年结转政府信息公开申请数量”一致；不一致时至少有一处是错的。",
  en = "The carried-over requests the text states must equal table 3's row 二; where they differ one is wrong.",
}
basis    = { "国办公开办函〔2021〕30号（四）明确责任：内容不准确、不完整的依照条例第四十七条追责" }

-- 上年（度）结转 … X 件；“转结”是常见笔误；2023年结转至2024年办理的申请2件（2024年报告）
words = [[
  carried  <- %last_year ("结转" / "转结") ("至" / "到")? ("本年度" / "本年" / %this_year)? ("办理" / "继续办理")?
  what     <- "的"? ("政府信息公开" / "信息公开")? ("申请" / "办理数量" / "数量" / "件")* "的"?
]]

check = text.claims {
  name   = "carried",
  needs  = { "结转", "转结" },       -- a sentence without one of these is not read
  topic  = "t3",
  words  = words,
  readers = {
    -- 上年结转46件; 含上年度结转申请34件; 上年度结转政府信息公开办理数量1件; 上年结转：1件
    { cells = "t3.carried.total", not_after = [[ "其中" ]], grammar = [[
        claim <- carried what ("共计" / "共" / "：" / ":")? %count ]] },
    -- 上年度结转的1件申请; 上年度转结的2件申请均已办结
    { cells = "t3.carried.total", not_after = [[ "其中" ]],
      grammar = [[ claim <- carried "的"? %count ("申请" / "依申请公开")? ]] },
    -- 收到申请3153件，其中上年结转34件: after requests only (not 行政复议案件3件，其中上年结转1件)
    { cells = "t3.carried.total", bare = true, follows = { "t3", "start" }, grammar = [[
        claim <- "其中" %comma? ("含" / "包括")? (carried what ("共计" / "共")? %count / carried "的"? %count ("申请" / "依申请公开")?) ]] },
  },
}
