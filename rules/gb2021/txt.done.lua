-- 正文所述办结（答复）的申请数与表三“（七）总计”一致。
id       = "gb2021.txt.done"
severity = "warning"
message  = {
  zh = "正文称办结（答复）申请{said}件，但{where}为{table}件{hint}",
  en = "the text says {said} requests were answered, but {where_en} has {table}{hint_en}",
}
rationale = {
  zh = "正文中办结（答复）的申请数要与表三“（七）总计”一致。",
  en = "The requests the text says were answered must equal table 3's （七）总计.",
}
basis    = { "国办公开办函〔2021〕30号（四）明确责任：内容不准确、不完整的依照条例第四十七条追责" }

-- 答复 X 件 / 办结 X 件 / 办理完成 X 件 / 办理完毕 X 件（“办结率”“答复期限”不是件数）
words = [[
  verb     <- ("已" / "共" / "按期" / "按时" / "依法" / "及时")* ("办结" / "答复" / "办理完成" / "处理完成" / "办理完毕") !"率"
  request  <- ("政府信息公开" / "信息公开")? "申请" / "依申请公开" "件"?
]]

-- 线上办结…2001件: those that came in one way, a part of all (but 通过网上、当面等方式: all of them)
local channel = [[ ("线上" / "网上" / "在线" / "网络" / "网站" / "当面" / "现场" / "窗口" / "信函" / "邮寄"
                   / "传真" / "电子邮件") !((!"等" !%comma %any)^-12 "等") ]]

-- 作出不予公开答复178件: answers of one result, a part of all (but 依申请公开办结: all of them)
local one_result = [[ ("予以" / "部分" / "不予") "公开" !. / ("无法提供" / "不予处理" / "其他处理") !. ]]

-- after a clause that says last year's carried ones were answered, a count of the answered
-- is of this year's new ones (上年度结转的3件申请均已办结，本年度新收申请32件，已办结30件: 30 of
-- 32, not all 33 answered)
local carried_answered = [[
  head     <- %last_year (!carried !%comma %any)^-12 carried (!answered !%comma %any)^-20 answered
  carried  <- "结转" / "转结" / "遗留"
  answered <- "办结" / "答复"
]]

-- last year's carried ones named in a sentence (其中1件为上年结转, 含上年度结转申请34件)
local carried_said = [[
  said     <- %last_year (!carried !%comma %any)^-6 carried
  carried  <- "结转" / "转结" / "遗留"
]]

check = text.claims {
  name   = "done",
  needs  = { "办结", "答复", "完成", "完毕", "处理政府信息公开", "处理信息公开", "处理申请", "处理依申请", "处理了", "处理各类" },
                 -- a sentence without one of these is not read
  topic  = "t3",
  words  = words,
  readers = {
    -- 办结政府信息公开申请37件; 共办结申请20件; 办结各类政府信息公开申请1,271件
    -- (but 办结各类申请1200件, unnamed, may be of every kind a service centre takes)
    { cells = "t3.result.total.total", not_after = channel .. " / " .. one_result,
      not_after_clause = carried_answered, grammar = [[
        claim <- verb ("了" / "各类" &("政府信息公开" / "信息公开") / "的")* request %sp ("共计" / "共" / "：" / ":")? %count ]] },
    -- 尚未办结的申请103件, 未能按期办结的103件, 逾期答复的申请5件, 超期办结2件: those not
    -- answered, or answered late, a part of all (read, no claim)
    { silent = true, grammar = [[
        claim <- (("尚" / "暂" / "仍")? ("未" "能"? / "没有") / "逾期" / "超期" / "延期" / "超时") verb ("的" / "了")*
                 request? %sp %count ]] },
    -- 共处理政府信息公开申请3050件: handled, not said answered (read, no claim: its results
    -- after it, 其中予以公开1363件, are read)
    { silent = true, grammar = [[
        claim <- ("共" / "依法" / "全年")* "处理" !"完成" ("了" / "各类")* request %sp ("共计" / "共")? %count ]] },
    -- 收到的3119件申请中，当年办结3016件, 新收申请中已办结3016件, 当年新收申请办结3016件,
    -- 新收申请156件中，已办结148件: a
    -- part of those received, not all answered (read, no claim)
    { bare = true, follows = { "t3", "start" }, silent = true, grammar = [[
        claim <- ("申请中" %comma? / "新收" ("的" / "政府信息公开" / "信息公开")* "申请" (%sp %digit+ %sp %unit "中" %comma?)?)
                 %sp (!verb %ch)^-6 verb
                 ("了" / "共")? %count ]] },
    -- 办结69件, 答复3050件, 办结的3050件中, 办结：75件: after a clause about requests (or at the start of a sentence)
    -- (新收申请32件，已办结30件, nothing said of carried ones: 30 may be of the 32 only, all
    -- answered only where none were carried over; 共办结33件 is all)
    { cells = "t3.result.total.total", bare = true, follows = { "t3", "start" }, not_after_clause = carried_answered,
      if_none = { after = "t3.new", cells = "t3.carried.total", unless = [[ "共" / "总" / "合计" / "累计" / "全年" ]],
                  said = carried_said },
      not_after = [[ "其中" / "期限内" / "期内" / "延期" / "逾期" / "方式" / ]] .. one_result .. " / " .. channel,
      grammar = [[
        claim <- verb ("了" / "共" / "的" / "：" / ":")? %count ]] },
  },
  explain = {
    { cells = "t3.result.total.{c} + t3.next.{c}", zh = "；该数等于办结加结转下年度",
      en = "; that is answered plus carried to next year" },
    { cells = "t3.new.{c}", zh = "；该数等于本年新收，疑似混淆收到与办结",
      en = "; that is the number received this year" },
  },
}
