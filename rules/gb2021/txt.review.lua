-- 正文所述因政府信息公开被申请行政复议的件数（及其结果）与表四“行政复议”一致。
id       = "gb2021.txt.review"
severity = "warning"
message  = {
  zh = "正文称政府信息公开行政复议{said}件，但{where}为{table}件{hint}",
  en = "of administrative reconsiderations, the text says {said} for {where_en}, but the table has {table}{hint_en}",
}
rationale = {
  zh = "正文中行政复议的件数和结果要与表四“行政复议”一致。",
  en = "The administrative reviews the text states must equal table 4's 行政复议.",
}
basis    = { "国办公开办函〔2021〕30号（四）明确责任：内容不准确、不完整的依照条例第四十七条追责", "《中华人民共和国政府信息公开条例》第五十条第（三）项" }

words = [[
  -- the reviews the report's organ was party to (not those it decided as a review body)
  review   <- ("政府信息公开" ("方面" / "类" / "工作")? "的"? / "依申请公开" "类"?)? "行政复" ("议" / "仪")
              ("案件" / "申请")? "数量"?
  cause    <- "因" ("政府信息公开" / "依申请公开") ("工作" / "申请")? ("引发" / "引起" / "而")? "的"?
  by       <- ("被" "申请"? / "引发" / "发生" / "涉及" / "共有" / "共" / "有")*
  -- the results, as table 4 names them or near it
  upheld   <- (("结果" / "作出" / "复议")? "维持" ("决定" / "原" ("答复" / "决定"))?) -> 'upheld'
  corrected <- (("结果" / "作出")? ("纠正" / "纠错") "决定"? / "被" ("纠错" / "纠正") "的"? "有"?) -> 'corrected'
  other    <- (("终止" "等")? "其他结果") -> 'other'
  pending  <- "尚未审结" -> 'pending'
  result   <- upheld / corrected / other / pending
  -- …of which those about disclosure: the number before counts all reviews
  some     <- %comma? %sp "其中" (!disclosure !%count %ch)^-4 disclosure
  disclosure <- "政府信息公开" / "依申请公开"
  -- the organ named as the respondent (not 发生, which may count reviews it decided)
  -- (以市政府为被申请人的: read from 被申请人, not from the frequent 为)
  respondent <- "作为"? "被申请" "人"? "的"?
  -- …其中涉及政府信息公开的12件: the part about disclosure is table 4's
  of_them  <- "其中" ("涉及" / "有关" / "关于" / "属于" / "因")? disclosure ("工作" / "方面" / "类")?
              ("引发" / "引起" / "而")? ("被" "提起"? / "提起" / "被申请")? "的"?
  -- 行政复议、行政诉讼分别为2件、1件: the kinds, then as many counts in their order (lawsuits: txt.suit's)
  listed   <- entry (("、" / %and) ("被"? "提起")? by entry)+ ("的" "案件")?
  entry    <- review -> 'total' / ("行政诉讼" "案件"?) -> 'suit'
  counts   <- "分别" ("为" / "是")? {| %count |} (("、" / %and) {| %count |})+ !(("、" / %and) %sp %num)
]]
local body  = [[ "受理" / "办理" / "审理" / "审结" / "复议机关" ]]
-- a sentence outside part 四 counts the table's reviews only where it names disclosure:
-- 以市政府为被申请人的行政复议案件35件 in part 一's 法治政府 work counts every review
local about = [[ "政府信息公开" / "依申请公开" / "信息公开" ]]

check = text.claims {
  name   = "review",
  needs  = { "复议", "复仪" },       -- a sentence without one of these is not read
  topic  = "t4.rv",
  topic_words = [[ "行政复" ("议" / "仪") / "复议机关" ]],
  words  = words,
  cells  = { total = "t4.rv.total", upheld = "t4.rv.upheld", corrected = "t4.rv.corrected",
             other = "t4.rv.other", pending = "t4.rv.pending" },
  readers = {
    -- 行政复议 351件; 因政府信息公开被申请行政复议14件; 行政复议案件2件; 行政复议：2件 — in a sentence
    -- about disclosure or the organ as respondent (or in part 四), not counted by a
    -- review body (受理行政复议申请…), nor all reviews of which some concern disclosure
    { not_after = body, requires = about, parts = { "s4" },
      grammar = [[ claim <- (cause? by review) -> 'total' ("的" "案件")? ("共计" / "共" / "为" / "：" / ":")? %count !some ]] },
    -- 行政复议1件（结果维持）
    { not_after = body, requires = about, parts = { "s4" },
      grammar = [[ claim <- (cause? by review) -> 'total' %count ("（" / "(") result ("）" / ")") ]] },
    -- all reviews the organ was respondent to, of which those about disclosure are said next
    -- (作为被申请人的行政复议案件9件，其中涉及政府信息公开的3件): the number is read, no claim
    { silent = true, not_after = body, requires = about, parts = { "s4" },
      grammar = [[ claim <- cause? respondent review ("的" "案件")? ("共计" / "共" / "为" / "：" / ":")? %count &some ]] },
    -- after all reviews the organ was respondent to: 其中涉及政府信息公开的3件 (what `some` keeps
    -- the total from)
    { bare = true, requires = about, parts = { "s4" },
      grammar = [[ claim <- (of_them (review "共"? / "案件")?) -> 'total' ("为" / "有")? %count ]] },
    -- 尚未审结的行政复议案件2件
    { requires = about, parts = { "s4" }, grammar = [[ claim <- pending "的" review %count ]] },
    -- after a clause about reviews: 其中结果维持 72 件，结果纠正 64 件; 被纠错的有0件
    { bare = true, grammar = [[ claim <- ("其中" / "中")? result ("的" / "共")? %count ]] },
    -- 其余1件尚未审结
    { bare = true, grammar = [[ claim <- ("其余" / "另有")? %count pending ]] },
    -- 经复议维持原答复; 结果均为维持: as many as the reviews counted before
    { bare = true, cells = "t4.rv.upheld", like = "t4.rv.total", grammar = [[
        claim <- ("经复议" "均"? "维持" / "结果" "均" "为"? "维持" / "均" "维持") !%count !"决定" ]] },
    -- 均已审结, 均已结案: none pending (of the reviews counted before in the sentence)
    { bare = true, every = true, cells = { ["t4.rv"] = "t4.rv.pending" }, grammar = [[
        claim <- {:zero: "均已" ("审结" / "结案" / "办结") :} ]] },
    -- in a list said 分别为: 行政复议、行政诉讼分别为2件、1件 (as the reviews above);
    -- 结果维持、结果纠正、其他结果、尚未审结分别为72件、64件、178件、37件
    { not_after = body, requires = about, parts = { "s4" }, grammar = [[ claim <- cause? by listed counts ]] },
    { bare = true, grammar = [[ claim <- ("其中" / "中")? result (("、" / %and) result)+ counts ]] },
  },
  where   = {},
}
