-- 正文所述各类办理结果的件数（予以公开、不予公开、无法提供……）与表三“三、本年度办理结果”一致。
id       = "gb2021.txt.result"
severity = "warning"
message  = {
  zh = "正文所述办理结果为{said}件，但{where}为{table}件{hint}",
  en = "the text says {said} requests had this result, but {where_en} has {table}{hint_en}",
}
rationale = {
  zh = "正文中各类办理结果的件数要与表三“三、本年度办理结果”一致。",
  en = "The outcomes the text states must equal table 3's results.",
}
basis    = { "国办公开办函〔2021〕30号（四）明确责任：内容不准确、不完整的依照条例第四十七条追责" }

-- the results as the text names them: a group (不予公开) or one of its rows
-- (属于国家秘密), and the cells they count; the groups are sums of their rows
local deny   = "t3.result.deny.secret.total + t3.result.deny.law.total + t3.result.deny.safety.total + "
            .. "t3.result.deny.third.total + t3.result.deny.internal.total + t3.result.deny.process.total + "
            .. "t3.result.deny.enforce.total + t3.result.deny.query.total"
local unable = "t3.result.unable.nohold.total + t3.result.unable.create.total + t3.result.unable.unclear.total"
local reject = "t3.result.reject.petition.total + t3.result.reject.repeat.total + "
            .. "t3.result.reject.publication.total + t3.result.reject.mass.total + t3.result.reject.confirm.total"
local other  = "t3.result.other.nocorrect.total + t3.result.other.nofee.total + t3.result.other.misc.total"

results = {
  public    = "t3.result.public.total",
  partial   = "t3.result.partial.total",
  both      = "t3.result.public.total + t3.result.partial.total",
  deny = deny, unable = unable, reject = reject, other = other,
  secret    = "t3.result.deny.secret.total",    law     = "t3.result.deny.law.total",
  safety    = "t3.result.deny.safety.total",    third   = "t3.result.deny.third.total",
  internal  = "t3.result.deny.internal.total",  process = "t3.result.deny.process.total",
  enforce   = "t3.result.deny.enforce.total",   query   = "t3.result.deny.query.total",
  nohold    = "t3.result.unable.nohold.total",  create  = "t3.result.unable.create.total",
  unclear   = "t3.result.unable.unclear.total",
  petition  = "t3.result.reject.petition.total", ["repeat"] = "t3.result.reject.repeat.total",
  publication = "t3.result.reject.publication.total", mass = "t3.result.reject.mass.total",
  confirm   = "t3.result.reject.confirm.total",
  nocorrect = "t3.result.other.nocorrect.total", nofee = "t3.result.other.nofee.total",
}

-- one row, by the words that name it uniquely
local row = [[
  row      <- "国家秘密" -> 'secret' / "其他法律行政法规禁止公开" -> 'law' / "三安全一稳定" -> 'safety'
            / "第三方合法权益" -> 'third' / "三类内部事务" -> 'internal' / "四类过程性" -> 'process'
            / "行政执法案卷" -> 'enforce' / "行政查询事项" -> 'query'
            / "不掌握相关政府信息" -> 'nohold' / "另行制作" -> 'create' / "仍不明确" -> 'unclear'
            / "信访举报投诉类" -> 'petition' / "重复申请" -> 'repeat' / "公开出版物" -> 'publication'
            / "大量反复申请" -> 'mass' / "重新出具" -> 'confirm'
            / ("逾期" ("不" / "未") "补正") -> 'nocorrect'
            / ("逾期未" ("按收费通知要求")? "缴纳") -> 'nofee'
]]
-- a group of results, as the table names it
local single = [[
  single   <- "予以公开" -> 'public' / "部分公开" -> 'partial' / "不予公开" -> 'deny'
            / "无法提供" -> 'unable' / "不予处理" -> 'reject' / "其他处理" -> 'other'
]]
-- 予以公开、部分公开、不予公开分别为40件、10件、4件: the groups, then as many counts in their order
local list_words = single .. row .. [[
  groups   <- single (("、" / %and) single)+ "的"? ("申请" / "件")?
  -- 属于国家秘密、…、危及“三安全一稳定”的分别为2件、31件、5件: rows, each with the words around it
  -- (not 国家秘密、第三方合法权益等…: 等 — the counts may hold more than the rows)
  rows     <- item (("、" / %and) item)+ "的"? ("申请" / "件")?
  item     <- (!row !%comma !"分别" !%digit %ch)^-12 row (!row !%comma !%and !"分别" !%digit !"的" !"等" %ch)^-8
  counts   <- "分别" ("为" / "是")? {| %count |} (("、" / %and) {| %count |})+ !(("、" / %and) %sp %num)
]]

words = single .. row .. [[
  group    <- ("予以公开" ("及" / "和" / "与" / "、") "部分公开") -> 'both' / single
  -- what may stand between a row's words and its count: 属于…的, …而不予公开的申请
  named    <- "予以公开" / "部分公开" / "不予公开" / "无法提供" / "不予处理" / "其他处理" / "不再处理"
  -- (…逾期不补正等原因其他处理187件: 等 — the count holds more than the row)
  -- (…危及“三安全一稳定”的分别为2件、31件、5件: 分别 — the count is of a list's first row)
  rest     <- (!%digit !named !"等" !"分别" %ch)^-16 ("而"? named)? "的"? ("申请" ("共计" / "共")? / "共计" / "共")?
]]

local where = {
  [deny] = "表三“（三）不予公开”各行“总计”列之和", [unable] = "表三“（四）无法提供”各行“总计”列之和",
  [reject] = "表三“（五）不予处理”各行“总计”列之和", [other] = "表三“（六）其他处理”各行“总计”列之和",
  ["t3.result.public.total + t3.result.partial.total"] = "表三“（一）予以公开”与“（二）部分公开”总计之和",
}

-- (对新收的5件申请，予以公开…; 2024年新收申请中，予以公开…: the results of the new ones
-- only, where the table's count those carried over too)
local of_new_ones = [[
  of_new   <- "对" %sp year? %sp received "的"
            / ("在" / "从")? %sp year? %sp received (!(%comma / "中" %sp %comma / "办结" / "办理" / "处理") %any)^-20
              "中" %sp %comma
  year     <- %this_year / %digit+ %sp "年" "度"?
  received <- "新收" / "新增" / "收到" / "受理" / "接收" / "接到"
]]

local stated = text.claims {
  name   = "result",
  needs  = { "予以公开", "部分公开", "禁止公开", "不予", "无法提供", "其他处理", "秘密", "三安全", "第三方", "内部事务", "过程性",
             "执法案卷", "查询事项", "不掌握", "另行制作", "不明确", "信访", "重复申请", "出版物",
             "反复", "重新出具", "补正", "缴纳" },   -- a sentence without one of these is not read
  topic  = "t3",
  words  = words,
  cells  = results,
  -- after a clause about requests, or at the start of a sentence (从办理结果看，…)
  readers = {
    -- 予以公开412件; 不予公开的申请共计17件; 予以公开及部分公开的42件; 予以公开：21件
    -- (not 部分公开 of 公开和部分公开共1816件, or of 不予公开和部分公开: its count is of more results;
    -- nor 不予处理 of 无法提供和不予处理的申请共869件, 不予公开 of 驳回或不予公开的…)
    { bare = true, follows = { "t3", "start" }, not_after_clause = of_new_ones, not_after = [[ "公开" ("及" / "和" / "与" / "、")
        / ("提供" / "处理" / "驳回" / "公开") ("以及" / "或者" / "及" / "和" / "与" / "、" / "或") !. ]],
      grammar = [[ claim <- group "的"? ("申请" / "件")? ("共计" / "共" / "：" / ":")? %count ]] },
    -- 全年办结六件，均予以公开: as many as were answered (not 均予以公开或部分公开)
    { cells = "t3.result.public.total", like = "t3.result.total.total", grammar = [[
        claim <- ("均" / "全部") "已"? "予以公开" !("或" / "和" / "及" / "与" / "、" / "部分") ]] },
    -- 属于本机关不掌握相关政府信息的3件; 属于国家秘密不予公开1件
    { bare = true, follows = { "t3", "start" }, not_after_clause = of_new_ones, grammar = [[ claim <- row rest %count ]] },
  },
  where   = where,
}

-- the results in a list: 予以公开、部分公开、不予公开分别为40件、10件、4件 (only a sentence that says 分别)
local listed = text.claims {
  name   = "result_list",
  needs  = { "分别" },
  topic  = "t3",
  words  = list_words,
  cells  = results,
  readers = {
    { bare = true, follows = { "t3", "start" }, not_after_clause = of_new_ones, grammar = [[ claim <- groups counts ]] },
    { bare = true, follows = { "t3", "start" }, not_after_clause = of_new_ones, grammar = [[ claim <- rows counts ]] },
  },
  where   = where,
}

function check(report, emit)
  stated(report, emit)
  listed(report, emit)
end
