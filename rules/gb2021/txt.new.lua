-- 正文所述本年收到的申请数与表三“一、本年新收政府信息公开申请数量”一致。
id       = "gb2021.txt.new"
severity = "warning"
message  = {
  zh = "正文称本年收到申请{said}件，但表三“一、本年新收政府信息公开申请数量”“{column}”列为{table}件{hint}",
  en = "the text says {said} requests were received, but table 3 “new requests”, column “{column}”, has {table}{hint_en}",
}

-- 收到/受理/新收 …（政府信息公开）申请 X 件；或 收到 X 件申请
grammar = [[
  claim   <- verb (!request !%num %ch)^-20 request %sp %num %sp %unit
           / verb (!%num %ch)^-6 %num %sp %unit (!request %ch)^-4 request
  verb    <- "收到" / "受理" / "新收" / "接收"
  request <- "政府信息公开申请" / "信息公开申请" / "申请" !"公开"   -- not 依申请公开
]]

check = text.claims {
  grammar = grammar,
  cells   = "t3.new.{c}",
  parts   = true,              -- 其中自然人X件、商业企业Y件 …
  explain = {
    { cells = "t3.new.{c} + t3.carried.{c}", zh = "；该数等于本年新收加上年结转，疑似将上年结转计入本年新收",
      en = "; that is new plus carried over: last year's carry-over seems counted as new" },
    { cells = "t3.result.total.{c}", zh = "；该数等于办结总数，疑似混淆收到与办结",
      en = "; that is the number answered" },
  },
}
