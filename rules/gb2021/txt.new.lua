-- 正文所述本年收到的申请数（及各类申请人的申请数）与表三“一、本年新收政府信息公开申请数量”一致。
id       = "gb2021.txt.new"
severity = "warning"
message  = {
  zh = "正文称本年收到申请{said}件，但{where}为{table}件{hint}",
  en = "the text says {said} requests were received, but {where_en} has {table}{hint_en}",
}
rationale = {
  zh = "正文中本年收到的申请数要与表三“一、本年新收政府信息公开申请数量”一致。",
  en = "The requests the text says were received must equal table 3's row 一.",
}
basis    = { "国办公开办函〔2021〕30号（四）明确责任：内容不准确、不完整的依照条例第四十七条追责" }

-- The words: who receives, what, from whom.
words = [[
  -- (受理并办结…69件 counts those answered of them: not read as received)
  verb     <- (("受理" "并" "答复") / "收到" / "受理" / "新收" / "接收" / "登记") !("并" ("办结" / "办理" / "处理"))
  -- the request named in full; "申请" alone only right after the verb (not 行政许可申请)
  request  <- ("政府信息公开" / "信息公开") "申请" "申请"?
            / "依申请公开" ("申请" / "件" / "事项")?
  plain    <- "申请" !"人" !"公开"
  -- (not 收到有效政府信息公开申请72件: the valid ones are a part, the table counts all received)
  filler   <- ((%num %sp "名") / (!%count !request !%digit !"有效" %ch))^-20
  -- (新收申请：74件, a list's item: its count after a colon)
  total    <- ("数量" / "总数")? ("共计" / "合计" / "共" / "为" / "：" / ":")?
  -- 75件（不含重复申请10件）, 82件（含咨询类来电12件）: a count that leaves some out, or holds
  -- something else, is not the table's (but 不含上年结转: the new ones are all of them;
  -- 含上年结转: read below as new and carried together)
  leaves   <- %sp ("（" / "(") ("不含" / "不包括" / "含" / "包含" / "包括") !%last_year
  -- 受理申请6件（新收5件、结转1件）, 6件，其中本年新收5件: the new ones are a part of the count
            / %sp (("（" / "(") %sp "其中"? / %comma %sp "其中") %sp %this_year? %sp ("新收" / "新增")
]]
-- the applicants: 自然人申请126件, 法人或其他组织提出14件, 涉及商业企业3件
local applicant = [[
  column   <- "自然人" -> 'np' / "法人或其他组织" -> 'org' / "商业企业" -> 'biz' / "企业" -> 'biz'
            / "科研机构" -> 'research' / "社会公益组织" -> 'ngo' / "法律服务机构" -> 'legal'
  applies  <- ("提出" / "提交")? "的"? ("申请" / "依申请公开")? "的"? ("共计" / "共")?
]]
words = words .. applicant
-- 自然人、法人或其他组织申请分别为71件、3件: the kinds, then as many counts in their order
local list_words = applicant .. [[
  listed   <- entry (("、" / %and) entry)+
  entry    <- column / "其他组织" -> 'other'
  counts   <- "分别" ("为" / "是")? {| %count |} (("、" / %and) {| %count |})+ !(("、" / %and) %sp %num)
]]
-- who else receives applications of other kinds: 政务服务中心受理申请2,860件
-- 其中…收到的申请2件, 窗口受理…102件: a part of the requests, not all of them
-- (but 通过网上、信函、当面等方式收到: all the ways together)
-- (3月6日收到申请1件，8月19日收到4件: a day's, in its clause; not the year's last day)
local part = [[ ("其中" / "线上" / "网上" / "在线" / "网络" / "网站" / "互联网" / "当面" / "现场" / "窗口" / "信函"
                / "邮寄" / "传真" / "电子邮件" / "邮箱" / "微信") !((!"等" !%comma %any)^-12 "等")
              / !%after_digit !("12" %sp "月" %sp "31") %digit+ %sp "月" %sp %digit+ %sp ("日" / "号")
                !(%sp "起"? %sp ("至" / "到" / "-" / "—" / "－")) ]]
local service = [[ "服务" / "中心" / "大厅" / "平台" / "热线" / "信箱" / "审批" / "许可" / "办事" / ]] .. part

local where = { ["t3.new.total + t3.carried.total"] = "表三“一、本年新收”与“二、上年结转”总计之和",
                ["t3.new.biz + t3.new.research + t3.new.ngo + t3.new.legal + t3.new.other"] =
                  "表三“一、本年新收政府信息公开申请数量”行“法人或其他组织”各列之和" }
local explain = {
  { cells = "t3.new.{c} + t3.carried.{c}", zh = "；该数等于本年新收加上年结转，疑似将上年结转计入本年新收",
    en = "; that is new plus carried over: last year's carry-over seems counted as new" },
  { cells = "t3.result.total.{c}", zh = "；该数等于办结总数，疑似混淆收到与办结",
    en = "; that is the number answered" },
}
local applicants = {
  np = "t3.new.np", biz = "t3.new.biz", research = "t3.new.research", ngo = "t3.new.ngo",
  legal = "t3.new.legal", other = "t3.new.other",
  org = "t3.new.biz + t3.new.research + t3.new.ngo + t3.new.legal + t3.new.other" }

-- (in a list opened by 其中 after a count of the answered, the new ones are the new ones
-- answered: 办结3050件，其中上年结转申请34件，本年度新收申请3016件)
local answered = "t3.result"
-- (nor after a clause that opens with answering last year's carried ones, or this year's
-- new ones: the verb governs the list, 本年度办结上年度结转申请5件，新收申请77件: 77 are
-- the new ones answered; so are 办结新收申请69件、上年结转申请0件 and 全年办结：本年新收申请69件)
local answering_carried = [[ %this_year? ("共" / "已")? ("办结" / "答复" / "办理完成" / "办理完毕") "了"? %sp ("：" / ":")? %sp
                             (%last_year / &(%this_year? "新收")) ]]

local received = text.claims {
  name   = "new",
  needs  = { "申请", "依申请公开", "需办理", "自然人", "法人", "企业", "机构", "组织" },       -- a sentence without one of these is not read
  topic  = "t3",
  topic_words = [[ "政府信息公开申请" / "依申请公开" / "信息公开申请" ]],
  words  = words,
  readers = {
    -- 收到政府信息公开申请75件; 收到42名申请人提出的政府信息公开申请58件
    { cells = "t3.new.total", not_in_list_of = answered, not_after_clause = answering_carried, not_after = part, grammar = [[
        claim <- verb ("了" / "到" / "共" / "的")* filler request %sp total %count !leaves ]] },
    -- 收到申请154件: but not a service centre's applications (政务服务中心受理申请…)
    { cells = "t3.new.total", not_in_list_of = answered, not_after_clause = answering_carried, not_after = service, grammar = [[
        claim <- verb ("了" / "到" / "共" / "的")* plain %sp total %count !leaves ]] },
    -- 本年度收到政府信息公开申请75件（含上年结转1件）, …75件，其中上年结转1件: the 75 counts the carried one too
    { cells = "t3.new.total + t3.carried.total", grammar = [[
        claim <- verb ("了" / "到" / "共" / "的")* (filler request / plain) %sp total %count
                 %sp (("（" / "(") ("含" / "其中" "含"?) / %comma %sp "其中" "含"?) %last_year ("结转" / "转结") ]] },
    -- 收到70件申请; 收到的386件申请中
    { cells = "t3.new.total", not_in_list_of = answered, not_after_clause = answering_carried, not_after = part, grammar = [[ claim <- verb ("了" / "共" / "的")* %count request !leaves ]] },
    { cells = "t3.new.total", not_in_list_of = answered, not_after_clause = answering_carried, not_after = service, grammar = [[ claim <- verb ("了" / "共" / "的")* %count plain !leaves ]] },
    -- 依申请公开数量为15件; 依申请公开共3件
    { cells = "t3.new.total", not_in_list_of = answered, not_after_clause = answering_carried, not_after = part, grammar = [[
        claim <- ("依申请公开" / "政府信息公开申请") (("数量" / "件数" / "量") "为" / "共计" / "共") %count !leaves ]] },
    -- 全年需办理94件 (new and carried together)
    { cells = "t3.new.total + t3.carried.total", grammar = [[
        claim <- ("全年" / "本年度" / "合计" / "共计" / "共")* "需" ("办理" / "处理") %count ]] },
    -- the applicants: 自然人申请126件, 法人或其他组织申请6件, after a clause about
    -- requests (or at the start of a sentence), not in one about results
    -- (其中自然人申请… a part of the claim before it: of the received, not 予以公开…的)
    { bare = true, follows = { "t3", "start" }, part_of = "t3.new", cells = {
        np = "t3.new.np", biz = "t3.new.biz", research = "t3.new.research", ngo = "t3.new.ngo",
        legal = "t3.new.legal",
        org = "t3.new.biz + t3.new.research + t3.new.ngo + t3.new.legal + t3.new.other" },
      not_after = [[ "公开" / "不予" / "无法提供" / "处理" / "办结" / "答复" / "结果" / "行政复议" / "行政诉讼" ]],
      grammar = [[ claim <- ("涉及" / "其中")? column applies %count ]] },
    -- 全部为自然人申请, 均为自然人申请: the applicants of the requests counted before
    { cells = "t3.new.np", like = "t3.new.total", grammar = [[
        claim <- ("全部" / "均") "为" "自然人" ("申请" / "提出")  ]] },
    { cells = "t3.new.biz + t3.new.research + t3.new.ngo + t3.new.legal + t3.new.other", like = "t3.new.total",
      grammar = [[ claim <- ("全部" / "均") "为" "法人或其他组织" ("申请" / "提出")  ]] },
    { cells = "t3.new.legal", like = "t3.new.total", grammar = [[
        claim <- "申请人" ("均")? "为" "法律服务机构" ]] },
  },
  where   = where,
  explain = explain,
}

-- the applicants in a list: 自然人、法人或其他组织申请分别为71件、3件 (only a sentence that says 分别)
local listed = text.claims {
  name   = "new_list",
  needs  = { "分别" },
  topic  = "t3",
  words  = list_words,
  readers = {
    { bare = true, follows = { "t3", "start" }, cells = applicants,
      not_after = [[ "公开" / "不予" / "无法提供" / "处理" / "办结" / "答复" / "结果" / "行政复议" / "行政诉讼" ]],
      grammar = [[ claim <- ("涉及" / "其中")? listed applies counts ]] },
  },
  where   = where,
  explain = explain,
}

function check(report, emit)
  received(report, emit)
  listed(report, emit)
end
