-- 正文所述因政府信息公开被提起行政诉讼的件数（及其结果）与表四“行政诉讼”两部分之和一致。
id       = "gb2021.txt.suit"
severity = "warning"
message  = {
  zh = "正文称政府信息公开行政诉讼{said}件，但{where}为{table}件{hint}",
  en = "of administrative lawsuits, the text says {said} for {where_en}, but the table has {table}{hint_en}",
}
rationale = {
  zh = "正文中行政诉讼的件数和结果要与表四“行政诉讼”两部分之和一致。",
  en = "The lawsuits the text states must equal the sum of table 4's two 行政诉讼 parts.",
}
basis    = { "国办公开办函〔2021〕30号（四）明确责任：内容不准确、不完整的依照条例第四十七条追责", "《中华人民共和国政府信息公开条例》第五十条第（三）项" }

words = [[
  suit     <- ("政府信息公开" ("方面" / "类" / "工作")? "的"? / "依申请公开" "类"?)? "行政诉讼" "案件"? "数量"?
  cause    <- "因" ("政府信息公开" / "依申请公开") ("工作" / "申请")? ("引发" / "引起" / "而")? "的"?
  by       <- ("被" "提起"? / "提起" / "引发" / "发生" / "涉及" / "共有" / "共" / "有" / "作为被告的")*
  -- the two kinds of lawsuit of table 4
  kind     <- "未经复议直接起诉" -> 'direct' / "复议后起诉" -> 'after'
  upheld   <- (("结果" / "法院" / "判决" / "一审")* "维持" "原"? ("答复" / "判决" / "决定")?) -> 'upheld'
  corrected <- (("结果" / "判决")? ("纠正" / "纠错" / "败诉") / "被" ("纠错" / "纠正") "的"? "有"?) -> 'corrected'
  other    <- (("终止" "等")? "其他结果") -> 'other'
  pending  <- "尚未审结" -> 'pending'
  result   <- upheld / corrected / other / pending
  some     <- %comma? %sp "其中" (!disclosure !%count %ch)^-4 disclosure
  disclosure <- "政府信息公开" / "依申请公开"
  -- the organ named as the one sued (not 发生, which may count lawsuits it did not answer)
  -- (以市政府为被告的: read from 被告, not from the frequent 为)
  respondent <- "作为"? "被告" "的"? / "被" ("提起" / "起诉" / "诉") "的"?
  -- …其中涉及政府信息公开的12件: the part about disclosure is table 4's
  of_them  <- "其中" ("涉及" / "有关" / "关于" / "属于" / "因")? disclosure ("工作" / "方面" / "类")?
              ("引发" / "引起" / "而")? ("被" "提起"? / "提起" / "被申请")? "的"?
  -- 行政复议、行政诉讼分别为2件、1件: the kinds, then as many counts in their order (reviews: txt.review's)
  listed   <- entry (("、" / %and) by entry)+ ("的" "案件")?
  entry    <- suit -> 'total' / ("申请"? "行政复" ("议" / "仪") ("案件" / "申请")?) -> 'review'
  counts   <- "分别" ("为" / "是")? {| %count |} (("、" / %and) {| %count |})+ !(("、" / %and) %sp %num)
]]
-- a sentence outside part 四 counts the table's lawsuits only where it names disclosure:
-- 市政府作为被告的行政诉讼案件32件 in part 一's 法治政府 work counts every lawsuit
local about = [[ "政府信息公开" / "依申请公开" / "信息公开" ]]
-- a later instance's result (一审判决维持2件，二审维持1件): the lawsuit is counted once, by
-- the table's result; the appeal's count is no table's
local appeal = [[ "二审" / "再审" / "上诉" ]]

check = text.claims {
  name   = "suit",
  needs  = { "诉讼", "起诉" },       -- a sentence without one of these is not read
  topic  = "t4.suit",
  topic_words = [[ "行政诉讼" ]],
  words  = words,
  cells  = { total = "t4.ld.total + t4.la.total", direct = "t4.ld.total", after = "t4.la.total",
             upheld = "t4.ld.upheld + t4.la.upheld", corrected = "t4.ld.corrected + t4.la.corrected",
             other = "t4.ld.other + t4.la.other", pending = "t4.ld.pending + t4.la.pending" },
  readers = {
    -- 行政诉讼 46 件; 被提起政府信息公开行政诉讼8起; 行政诉讼：1件 (as for the reviews of txt.review)
    { not_after = [[ "受理" / "审理" / "审结" / "应诉" / "法院" ]], requires = about, parts = { "s4" },
      grammar = [[ claim <- (cause? by suit) -> 'total' ("的" "案件")? ("共计" / "共" / "为" / "：" / ":")? %count !some ]] },
    -- 被提起行政诉讼1件（复议后起诉）
    { requires = about, parts = { "s4" },
      grammar = [[ claim <- (cause? by suit) -> 'total' %count ("（" / "(") kind ("）" / ")") ]] },
    -- 有1件被提起行政诉讼
    { requires = about, parts = { "s4" },
      grammar = [[ claim <- "有"? %count ("被提起" / "被起诉") ("政府信息公开" / "依申请公开")? (suit -> 'total') ]] },
    -- 法院判决维持25件: the court names the lawsuits (after a ；, where they are not named again)
    { requires = about, parts = { "s4" }, not_after = appeal, grammar = [[ claim <- &"法院" result ("的" / "共")? %count ]] },
    -- all lawsuits the organ was respondent to, of which those about disclosure are said next
    -- (本局作为被告的行政诉讼案件15件，其中涉及政府信息公开的12件): the number is read, no claim
    { silent = true, not_after = [[ "受理" / "审理" / "审结" / "应诉" / "法院" ]], requires = about, parts = { "s4" },
      grammar = [[ claim <- cause? respondent suit ("的" "案件")? ("共计" / "共" / "为" / "：" / ":")? %count &some ]] },
    -- after all lawsuits the organ was respondent to: 其中涉及政府信息公开的12件 (what `some` keeps
    -- the total from)
    { bare = true, requires = about, parts = { "s4" },
      grammar = [[ claim <- (of_them (suit "共"? / "案件")?) -> 'total' ("为" / "有")? %count ]] },
    -- 未经复议直接起诉3件，复议后起诉2件
    { grammar = [[ claim <- "其中"? kind %count ]] },
    -- after a clause about lawsuits: 其中结果维持 25件; 其中败诉4件
    { bare = true, not_after = appeal, grammar = [[ claim <- ("其中" / "中")? result ("的" / "共")? %count ]] },
    { bare = true, grammar = [[ claim <- ("其余" / "另有")? %count pending ]] },
    -- 均胜诉: none lost
    { bare = true, cells = "t4.ld.corrected + t4.la.corrected", grammar = [[ claim <- {:zero: "均胜诉" :} ]] },
    -- 均在审理中, 尚未审结: all pending (尚未审结的行政复议案件8件 names other cases)
    { bare = true, cells = "t4.ld.pending + t4.la.pending", like = "t4.ld.total + t4.la.total",
      grammar = [[ claim <- ("目前" / "现" / "均" / "目前均")* ("在审理中" / "尚未审结" / "正在审理") !"的" !%count ]] },
    -- 均已判决, 均已审结: none pending (of the lawsuits counted before in the sentence)
    { bare = true, every = true, cells = { ["t4.suit"] = "t4.ld.pending + t4.la.pending" }, grammar = [[
        claim <- {:zero: "均已" ("判决" / "审结" / "结案") :} ]] },
    -- in a list said 分别为: 行政复议、行政诉讼分别为2件、1件 (as the lawsuits above);
    -- 结果维持、结果纠正分别为25件、5件
    { not_after = [[ "受理" / "审理" / "审结" / "应诉" / "法院" ]], requires = about, parts = { "s4" },
      grammar = [[ claim <- cause? by listed counts ]] },
    { bare = true, grammar = [[ claim <- ("其中" / "中")? result (("、" / %and) result)+ counts ]] },
  },
  where   = { ["t4.ld.total + t4.la.total"] = "表四行政诉讼两部分“总计”之和",
              ["t4.ld.upheld + t4.la.upheld"] = "表四行政诉讼两部分“结果维持”之和",
              ["t4.ld.corrected + t4.la.corrected"] = "表四行政诉讼两部分“结果纠正”之和",
              ["t4.ld.other + t4.la.other"] = "表四行政诉讼两部分“其他结果”之和",
              ["t4.ld.pending + t4.la.pending"] = "表四行政诉讼两部分“尚未审结”之和" },
  explain = {
    { cells = "t4.ld.total", of = "t4.ld.total + t4.la.total", zh = "（只计了未经复议直接起诉）", en = " (lawsuits filed directly only)" },
  },
}
