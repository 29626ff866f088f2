-- 正文所述结转下年度继续办理的申请数与表三“四、结转下年度继续办理”一致。
id       = "gb2021.txt.next"
severity = "warning"
message  = {
  zh = "正文称结转下年度继续办理{said}件，但{where}为{table}件{hint}",
  en = "the text says {said} requests go on into next year, but {where_en} has {table}{hint_en}",
}
rationale = {
  zh = "正文中结转下年度继续办理的申请数要与表三“四、结转下年度继续办理”一致。",
  en = "The requests the text says were carried to next year must equal table 3's row 四.",
}
basis    = { "国办公开办函〔2021〕30号（四）明确责任：内容不准确、不完整的依照条例第四十七条追责" }

-- 结转下年度 X 件 / X 件结转下年度 / 顺延到下年度 / 结转至2026年（2025年报告）
words = [[
  next     <- ("结转" / "转结" / "顺延" / "转入") ("到" / "至")? %sp %next_year
  go_on    <- ("继续" ("办理" / "答复") / "办理" / "答复")?
  request  <- "的"? ("政府信息公开" / "信息公开")? ("申请" / "办理件" / "件")? "的"?
  -- 7件申请因处于法定答复期限内，结转至2025年办理; 61件申请尚在法定答复期限内，将于2025年继续办理
  why      <- ("因" / "尚在" / "处于") (!next !"将于" !%digit (%ch / %comma))^-24
]]

check = text.claims {
  name   = "next",
  needs  = { "结转", "转结", "顺延", "转入", "继续", "将于" },       -- a sentence without one of these is not read
  topic  = "t3",
  words  = words,
  readers = {
    -- 结转下年度61件; 结转至2026年6件; 结转下年度继续办理的申请 6 件; 结转下年度：0件
    { cells = "t3.next.total", grammar = [[ claim <- next go_on request ("共计" / "共" / "：" / ":")? %count ]] },
    -- 结转下年度的3件申请
    { cells = "t3.next.total", grammar = [[ claim <- next go_on "的" %count "申请" ]] },
    -- 1件结转下年度继续办理; 另有 103 件顺延到下年度答复; 另有7件申请转结至下一年度继续办理
    { cells = "t3.next.total", grammar = [[ claim <- %count "申请"? "均"? next ]] },
    -- 7件申请因处于法定答复期限内，结转至2025年办理
    { cells = "t3.next.total", grammar = [[
        claim <- %count "申请"? why (next / "将于" %sp %next_year ("继续" / "办理")) ]] },
  },
  explain = {
    { cells = "t3.carried.{c}", zh = "；该数等于上年结转，疑似混淆上年结转与结转下年度",
      en = "; that is last year's carry-over" },
  },
}
