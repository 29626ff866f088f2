-- The national format of 国办公开办函〔2021〕30号: every fact the engine
-- needs to read, check and write a report in it. The engine names none of
-- these words; change them here.
--
-- Policy staff: a new spelling of a label is one more string in its `keys`
-- (any one of the keys found in a label identifies it). Matching ignores
-- spaces, full/half width, quotes, commas and enumerator style, and folds
-- the traditional characters listed under `fold`.

basis = "国办公开办函〔2021〕30号"

-- How a report of this format is titled: "{agency}{year}年政府信息公开工作年度报告".
title = "{agency}{year}年政府信息公开工作年度报告"

--{=== the six parts ===

-- A part's heading is printed "{n}、{title}"; `variants` are other titles
-- real reports use for the same part; `table` is the table it carries.
-- `words`: a short heading with the part's numeral and one of these words
-- is the part's, worded otherwise ("六、其他事项", "五、存在的不足及改进措施");
-- none for parts 三 and 四, whose words other kinds of reports head theirs
-- with (a hospital's 三、依申请公开情况) or a wrapped line begins (四、…行政复议、行政);
-- a part found by its words alone does not make a text a report of this format
-- (a hospital's 二、主动公开情况).
heading = "{n}、{title}"
-- Other ways reports number a part before its title ("第一部分 总体情况",
-- "第一章 总体情况", "（一）总体情况", "1. 总体情况", "1、总体情况", "（1）总体情况",
-- "I. 总体情况", "Ⅳ、…", "壹、总体情况"): {n} its numeral, {i} its number, and
-- the part's number in each list of `part_numerals` by its name.
heading_numbers = { "第{n}部分", "第{n}部分：", "第{n}部分—", "第{n}部分——", "第{n}章", "第{n}章：",
                    "（{n}）", "{i}.", "{i}、", "（{i}）", "{roman}.", "{roman}、", "{roman_sign}.", "{roman_sign}、",
                    "{capital}、", "{capital}." }
-- The parts' numbers written otherwise, in the parts' order: Roman numerals
-- in Latin letters and as their own signs, the financial numerals (大写).
part_numerals = {
  roman = { "I", "II", "III", "IV", "V", "VI" },
  roman_sign = { "Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ", "Ⅴ", "Ⅵ" },
  capital = { "壹", "贰", "叁", "肆", "伍", "陆" },
}
-- Of those, the ones that number a report's parts and nothing else (not a
-- table's row or a list's item): after one, a title worded otherwise is read
-- as after the part's own numeral ("第五部分 主要问题及改进情况").
part_numbers = { "第{n}部分", "第{n}章" }
-- A table of contents before the report names each part, then dot leaders
-- and a page number ("一、总体情况……1"): such a line is no heading.
contents_leaders = { "…", "⋯", "·", ".", "．", "。" }

parts = {
  { id = "s1", n = "一", title = "总体情况", variants = { "概述", "总体概况" },
    words = { "总体", "概况", "概述" } },
  { id = "s2", n = "二", title = "主动公开政府信息情况", table = "t2",
    words = { "主动公开" } },
  { id = "s3", n = "三", title = "收到和处理政府信息公开申请情况", table = "t3",
    variants = { "依申请公开政府信息情况" } },
  { id = "s4", n = "四", title = "政府信息公开行政复议、行政诉讼情况", table = "t4",
    variants = { "政府信息公开行政复议及行政诉讼情况", "政府信息公开行政复议和行政诉讼情况",
                 "因政府信息公开工作被申请行政复议和提起行政诉讼情况",
                 "政府信息公开行政法复议、行政诉讼情况" } },
  { id = "s5", n = "五", title = "存在的主要问题及改进情况",
    variants = { "政府信息公开工作存在的主要问题及改进情况", "存在问题及改进情况",
                 "存在的主要问题及改进措施",
                 -- parts 五 and 六 printed as one: part 五, and no part 六
                 "存在的主要问题、改进情况及其他需要报告的事项" },
    words = { "问题", "不足", "改进" } },
  { id = "s6", n = "六", title = "其他需要报告的事项",
    variants = { "其他需要报告事项" },
    words = { "其他" } },
}

-- The untitled opening before part 一.
opening = { id = "s0" }

--}===

--{=== the three tables ===

-- A table is one or more blocks. A block may have a caption row, a header
-- cell over its label column (`head`, or a `corner` note spanning the
-- header rows), data columns (each with the header cells `over` it), and
-- rows; a row with `rows` is a group whose label spans them. Cell ids are
-- table.row.column (spec §5). `starts` are words where the table begins in
-- a page that runs everything together.

tables = {}

local decisions = { { id = "decisions", label = "本年处理决定数量" } }

tables.t2 = {
  title  = "表二",
  starts = { "第二十条" },
  blocks = {
    { caption = "第二十条第（一）项", head = "信息内容",
      columns = { { id = "made", label = "本年制发件数" }, { id = "repealed", label = "本年废止件数" },
                  { id = "valid", label = "现行有效件数" } },
      rows = { { id = "reg", label = "规章" },
               { id = "nrm", label = "行政规范性文件", keys = { "规范性文件" } } } },
    { caption = "第二十条第（五）项", head = "信息内容", columns = decisions,
      rows = { { id = "permit", label = "行政许可" } } },
    { caption = "第二十条第（六）项", head = "信息内容", columns = decisions,
      rows = { { id = "penalty", label = "行政处罚" }, { id = "coercion", label = "行政强制" } } },
    { caption = "第二十条第（八）项", head = "信息内容",
      columns = { { id = "amount", label = "本年收费金额（单位：万元）", kind = "money", unit = "万元" } },
      rows = { { id = "fee", label = "行政事业性收费" } } },
  },
}

local applicant = { "申请人情况" }
local organisation = { "申请人情况", "法人或其他组织" }

tables.t3 = {
  title  = "表三",
  starts = { "勾稽关系", "申请人情况", "本年新收" },
  -- the corner note is a header however a page words or cuts it
  header_keys = { "勾稽关系" },
  blocks = { {
    corner  = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
    columns = {
      { id = "np",       label = "自然人",       over = applicant },
      { id = "biz",      label = "商业企业",     over = organisation },
      { id = "research", label = "科研机构",     over = organisation },
      { id = "ngo",      label = "社会公益组织", over = organisation },
      { id = "legal",    label = "法律服务机构", over = organisation },
      { id = "other",    label = "其他",         over = organisation },
      -- not in the official grid: some renderings add the organisations' subtotal
      { id = "org",      label = "法人或其他组织小计", keys = { "小计" }, printed = false },
      { id = "total",    label = "总计",         over = applicant, keys = { "总计", "合计" } },
    },
    rows = {
      { id = "new",     label = "一、本年新收政府信息公开申请数量", keys = { "本年新收" } },
      { id = "carried", label = "二、上年结转政府信息公开申请数量",
        keys = { "上年结转", "上年度结转", "上一年度结转", "上一年结转" } },
      { id = "result",  label = "三、本年度办理结果", keys = { "本年度办理结果" }, rows = {
        { id = "public",  label = "（一）予以公开", keys = { "予以公开" } },
        { id = "partial", label = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
          keys = { "部分公开" } },
        -- a group marked `subtotal` may print a row of its own: the sum of its items
        { id = "deny", label = "（三）不予公开", keys = { "不予公开" }, subtotal = true, rows = {
          { id = "secret",   label = "1.属于国家秘密",             keys = { "国家秘密" } },
          { id = "law",      label = "2.其他法律行政法规禁止公开", keys = { "禁止公开" } },
          { id = "safety",   label = "3.危及“三安全一稳定”",       keys = { "三安全一稳定" } },
          { id = "third",    label = "4.保护第三方合法权益",       keys = { "第三方" } },
          { id = "internal", label = "5.属于三类内部事务信息",     keys = { "内部事务" } },
          { id = "process",  label = "6.属于四类过程性信息",       keys = { "过程性" } },
          { id = "enforce",  label = "7.属于行政执法案卷",         keys = { "执法案卷" } },
          { id = "query",    label = "8.属于行政查询事项",         keys = { "查询事项" } },
        } },
        { id = "unable", label = "（四）无法提供", keys = { "无法提供" }, subtotal = true, rows = {
          { id = "nohold",  label = "1.本机关不掌握相关政府信息", keys = { "不掌握" } },
          { id = "create",  label = "2.没有现成信息需要另行制作", keys = { "另行制作" } },
          { id = "unclear", label = "3.补正后申请内容仍不明确",   keys = { "仍不明确" } },
        } },
        { id = "reject", label = "（五）不予处理", keys = { "不予处理" }, subtotal = true, rows = {
          { id = "petition",    label = "1.信访举报投诉类申请",     keys = { "信访" } },
          { id = "repeat",      label = "2.重复申请",               keys = { "重复申请" } },
          { id = "publication", label = "3.要求提供公开出版物",     keys = { "出版物" } },
          { id = "mass",        label = "4.无正当理由大量反复申请", keys = { "大量反复" } },
          { id = "confirm",     label = "5.要求行政机关确认或重新出具已获取信息", keys = { "重新出具" } },
        } },
        { id = "other", label = "（六）其他处理", keys = { "其他处理" }, subtotal = true, rows = {
          { id = "nocorrect",
            label = "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            keys = { "逾期不补正" } },
          { id = "nofee",
            label = "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            keys = { "缴纳费用" } },
          -- "其他" alone is a word of many labels: only the whole label, inside its group
          { id = "misc", label = "3.其他", keys = { "其他" }, exact = true },
        } },
        { id = "total", label = "（七）总计", keys = { "（七）总计", "（七）合计" } },
      } },
      { id = "next", label = "四、结转下年度继续办理",
        keys = { "结转下年度", "结转下一年度", "结转至下年度", "结转到下年度", "年度结转" } },
    },
  } },
}

-- Table 4: one row of fifteen values under three header rows.
tables.t4 = {
  title  = "表四",
  starts = { "行政复议", "行政诉讼" },
  blocks = { {
    groups  = {
      { id = "rv", label = "行政复议",                     over = { "行政复议" } },
      { id = "ld", label = "行政诉讼（未经复议直接起诉）", over = { "行政诉讼", "未经复议直接起诉" } },
      { id = "la", label = "行政诉讼（复议后起诉）",       over = { "行政诉讼", "复议后起诉" } },
    },
    columns = {
      { id = "upheld", label = "结果维持" }, { id = "corrected", label = "结果纠正" },
      { id = "other", label = "其他结果" }, { id = "pending", label = "尚未审结" },
      { id = "total", label = "总计", keys = { "总计", "合计" } },
    },
  } },
}

-- The suffix of a group's own subtotal row, where a rendering prints one.
subtotal = "小计"

--}===

-- The figures a one-line summary of a report shows (CSV, tallies): a label
-- and the cells whose sum it is.
key_figures = {
  { label = "本年新收",   en = "new",                  cells = "t3.new.total" },
  { label = "上年结转",   en = "carried",              cells = "t3.carried.total" },
  { label = "办结",       en = "answered",             cells = "t3.result.total.total" },
  { label = "结转下年度", en = "carried to next year", cells = "t3.next.total" },
  { label = "行政复议",   en = "reconsiderations",     cells = "t4.rv.total" },
  { label = "行政诉讼",   en = "lawsuits",             cells = "t4.ld.total + t4.la.total" },
}

--{=== cells ===

-- Printed in place of a number (a finding, read as 0 by the identities).
markers = { "-", "—", "--", "——", "/", "无", "－", "／", "\\" }

-- Units printed with a value ("251000元", "5件"): stripped, and reported.
units = { "万元", "元", "件", "条", "个", "项", "宗", "起", "次" }

-- The label of a row of column numbers under a table's header (栏次 1 2 3 …):
-- no values.
column_numbers = { "栏次", "行次" }

-- The header of a column of the rows' own numbers (序号 1, 2, 3 … before
-- each row's label): no values.
row_numbers = { "序号" }

-- The headers of last year's columns a table may print beside this year's
-- (上年同期 2790, 同比 +11.8%), by their first words: no values of this year.
last_year_columns = { "上年", "去年", "同比", "增减", "比上年" }

-- The header of a column of remarks a table may add: its text is no value.
remarks = { "备注" }

-- The words opening a note printed under a table (注：数据统计时间为…):
-- the note and its lines wrapped on are no row, whatever numbers they hold.
table_notes = { "注：", "注:", "说明：", "说明:", "备注：", "备注:" }

-- The words of a caption numbering a table (表5 本年度…统计表, 附表1): after
-- a table's lines, one naming none of its rows or columns heads another
-- table, of the agency's own (a continued table's 续表 is none of them).
table_captions = { "表", "附表" }

-- Marks after a row's number that make it an enumerator of the next label
-- ("1、申请人…") when a page runs the table together.
enumerator_marks = { "、", "．" }

--}===

--{=== the page around the report ===

-- The metadata block that CMS pages print before the report: label → field.
metadata = {
  index     = { "索引号" },
  written   = { "成文日期" },
  published = { "发布日期", "发布时间", "公开日期", "公开时间" },
  publisher = { "发布机构", "发文机关" },
  catalogue = { "公开目录" },
  topic     = { "主题分类" },
  title     = { "标题", "名称" },
}

-- A date written in numerals (二〇二五年一月二十日): the characters printed
-- for a digit there besides the language's (○ for 〇; 元月, the first month).
date_digits = { ["○"] = 0, ["元"] = 1 }

-- Grammars (LPeg re), each searched for in a text. %ch is one character,
-- %d a digit, %s a space.
grammars = {
  -- the year of a title: "2024年政府信息公开工作年度报告", "2024年度…"; what
  -- comes before it in the title is the agency
  report_year = [[
    title  <- {%d %d %d %d} %s* "年" "度"? %s* "政府信息公开" ("工作"? "年度报告" / "工作报告")
  ]],
  -- "…发布河东区九曲街道2024年政府信息公开工作年度报告" in an opening paragraph
  agency = [[
    agency <- "发布" {(!year %ch)^-40} year
    year   <- %d %d %d %d %s* "年" "度"? %s* "政府信息公开工作年度报告"
  ]],
  -- a date as printed: 2025-01-24, 2025年1月24日, 2025/1/24, 2025.01.24, and a lost 年 (20251月24日)
  date = [[
    date   <- {%d %d %d %d} %s* sep? %s* {%d %d?} %s* sep %s* {%d %d?}
    sep    <- "年" / "月" / "-" / "/" / "."
  ]],
  -- a deadline as a config or a pack writes it (the day of the year after the
  -- report's): 02-20, 2-20, 2月20日, 2025-02-20, 2025年2月20日; the whole text
  deadline = [[
    day    <- %s* (%d %d %d %d %s* ysep %s*)? {%d %d?} %s* msep %s* {%d %d?} %s* ("日" / "号")? %s* !.
    ysep   <- "年" / "-" / "/" / "."
    msep   <- "月" / "-" / "/" / "."
  ]],
  -- the date under the issuer's name that ends a report (落款): the whole line
  signed = [[
    day    <- %s* {%d %d %d %d} %s* sep %s* {%d %d?} %s* sep %s* {%d %d?} %s* ("日" / "号")? %s* !.
    sep    <- "年" / "月" / "-" / "/" / "."
  ]],
  -- a line that is only a page's number, left by print or PDF: "-4-", "— 4 —", "第4页 共6页", "4/6"
  page_number = [[
    line   <- %s* (dash %s* %d+ %s* dash / "第" %s* %d+ %s* "页" .* / %d+ %s* "/" %s* %d+) %s* !.
    dash   <- "-" / "—" / "－" / "–"
  ]],
  -- the statistics period: 2024年1月1日至12月31日 (the second year may be left out)
  period = [[
    range  <- {| from %s* to %s* upto |}
    from   <- {:y1: %d %d %d %d :} %s* "年"? %s* {:m1: %d %d? :} %s* "月" %s* {:d1: %d %d? :} %s* "日" (%s* "起")?
    upto   <- ({:y2: %d %d %d %d :} %s* "年"? %s*)? {:m2: %d %d? :} %s* "月" %s* {:d2: %d %d? :} %s* "日"
    to     <- "至" / "到" / "—" / "－" / "～" / "~" / "-" / "–"
  ]],
}

-- A notice's words round the agency's name in a title that is a notice's
-- ("关于印发《某市人民政府2024年…》的通知", "某局关于2024年…"): no part of the name.
agency_frame = { "关于印发", "关于公布", "关于发布", "关于", "《" }

-- A short line before part 一 that names the report is its title, unless
-- it starts with one of these (the opening's "根据《条例》…").
title_not = { "根据" }

-- Where the statistics period is stated when the opening does not: a
-- paragraph holding this word.
period_words = { "统计期限" }

-- A text with none of the parts or tables is still a report if it says so.
report_words = { "政府信息公开工作年度报告", "政府信息公开年度报告", "政府信息公开工作报告" }
-- Parts with no table, in a text that names itself so and not as above,
-- are another format's report (a hospital's, 条例第五十五条).
other_reports = { "信息公开工作年度报告", "信息公开年度报告" }
-- A part whose table is published elsewhere (a picture, an attachment)
-- may point to it, in a clause of at most table_pointer_chars characters
-- holding one of these words and no count, its number after the word where
-- it has one (详见图1, 见附件2: no count of the part's own); `[图片]` is a
-- converter's mark of a picture (图片 alone is prose's: 以图片、视频解读),
-- 附后 an attachment's (表格附后).
table_pointers = { "下表", "附件", "附表", "[图片]", "见表", "见图", "附图", "下图", "附后", "为图片" }
table_pointer_chars = 30

--}===

-- How the publishable report is set: the fonts of 党政机关公文 (GB/T 9704),
-- then common fallbacks.
typography = {
  body    = { "FangSong", "仿宋", "FangSong_GB2312", "SimSun", "宋体", "Songti SC", "Noto Serif CJK SC", "serif" },
  heading = { "SimHei", "黑体", "Noto Sans CJK SC", "sans-serif" },
}

--{=== label folding (spec §9.1) ===

fold = {
  -- traditional forms (mainland, Hong Kong and Taiwan standards) of every
  -- character this format's words use, to simplified: pairs of characters
  traditional = "萬万與与業业東东兩两個个箇个為为爲为舉举鄉乡於于僅仅從从會会體体黨党關关內内寫写決决況况準准減减齣出劃划則则製制辦办務务"
             .. "動动區区韆千華华單单捲卷廳厅縣县發发髮发衹只隻只號号閤合後后員员諮咨迴回國国處处復复複复實实審审傢家對对侷局屬属佈布並并"
             .. "併并應应廢废開开強强噹当當当彔录錄录録录懷怀態态總总戶户執执護护報报據据數数旂旗無无時时麯曲麴曲機机權权條条構构査查標标"
             .. "沒没濟济狀状現现確确祕秘稱称稅税穩稳簡简類类係系繫系糾纠納纳組组織织經经結结統统繼继續续維维編编繳缴網网罰罚範范獲获穫获"
             .. "補补錶表見见規规計计認认訓训議议訊讯許许訟讼設设訪访訴诉詢询說说説说請请讀读費费資资轉转過过這这進进踰逾鎭镇鎮镇門门問问"
             .. "間间際际頁页項项題题額额驗验齡龄",
  -- punctuation that varies between renderings of one label → ASCII
  punctuation = { ["、"] = ",", ["，"] = ",", ["。"] = ".", ["〔"] = "(", ["〕"] = ")" },
  -- items numbered with circled or parenthesized digits, and groups with
  -- parenthesized numerals (Word's ⑴, ㈠: one character each) → as the
  -- format numbers them
  enumerators = { ["①"] = "1.", ["②"] = "2.", ["③"] = "3.", ["④"] = "4.", ["⑤"] = "5.",
                  ["⑥"] = "6.", ["⑦"] = "7.", ["⑧"] = "8.", ["⑨"] = "9.",
                  ["⑴"] = "1.", ["⑵"] = "2.", ["⑶"] = "3.", ["⑷"] = "4.", ["⑸"] = "5.",
                  ["⑹"] = "6.", ["⑺"] = "7.", ["⑻"] = "8.", ["⑼"] = "9.",
                  ["㈠"] = "(一)", ["㈡"] = "(二)", ["㈢"] = "(三)", ["㈣"] = "(四)", ["㈤"] = "(五)",
                  ["㈥"] = "(六)", ["㈦"] = "(七)", ["㈧"] = "(八)", ["㈨"] = "(九)", ["㈩"] = "(十)" },
  -- quotes and brackets dropped from labels
  drop = { "“", "”", "‘", "’", "「", "」", "『", "』" },
}

-- Numerals that number parts and groups: "一、" "（三）".
numerals = "一二三四五六七八九十"

--}===

--{=== prose ===

-- What the text checks need of the language: numbers written in words,
-- the units of counted things, where a sentence ends, and the words that
-- every claim grammar of the txt.* rules shares (%neg, %and, %this_year …):
-- what negates a claim, and what makes a number another body's, another
-- period's, a plan or not exact. The subjects and verbs are in the rules.
language = {
  digits    = { ["零"] = 0, ["〇"] = 0, ["一"] = 1, ["二"] = 2, ["两"] = 2, ["三"] = 3,
                ["四"] = 4, ["五"] = 5, ["六"] = 6, ["七"] = 7, ["八"] = 8, ["九"] = 9,
                -- financial numerals (大写)
                ["壹"] = 1, ["贰"] = 2, ["貳"] = 2, ["叁"] = 3, ["參"] = 3, ["肆"] = 4, ["伍"] = 5,
                ["陆"] = 6, ["陸"] = 6, ["柒"] = 7, ["捌"] = 8, ["玖"] = 9 },
  multiples = { ["十"] = 10, ["百"] = 100, ["千"] = 1000, ["万"] = 10000,
                ["拾"] = 10, ["佰"] = 100, ["仟"] = 1000 },
  units     = { "件", "条", "宗", "起", "个", "项", "次", "份" },
  sentence_end = { "。", "；", "！", "？" },
  -- a line break after these ends a line of prose; after anything else it only wraps it (PDF text)
  break_after  = { "。", "；", "！", "？", "：" },
  -- (and the bullets a list's lines start with, ● 新收申请：74件: where the lines are joined, each ends the item before)
  clause_end   = { "，", ",", "、", "；", "●", "■", "◆", "▲", "★" },
  -- a sentence opening with these goes on with the one before it ("2023年收到申请2707件。其中办结…"):
  -- it keeps the time that one leaves
  goes_on_from = { "其中" },
  -- a clause opening with these lists the parts of the count before it (共办结申请69件，包括本年新收
  -- 申请69件和上年结转申请0件: the new ones answered), as 其中 does, but keeps no time
  lists_from   = { "包括", "包含" },
  spaces       = { "\u{3000}", "\u{A0}" },

  -- %money: a sum of money, its unit as a power of ten of 万元 (the unit of table 2)
  money     = { ["万元"] = 0, ["元"] = -4 },
  percent   = { "%", "％" },                                       -- %pct
  -- %neg: a negation before a subject ("未收到…申请", "无结转下年度…")
  negation  = { "均未", "都未", "从未", "未", "没有", "无", "尚无" },
  -- a line that starts so is a heading: the line after it is not its continuation
  heading   = [[ %sp (("（" / "(") %sp %numeral+ %sp ("）" / ")") / %numeral+ %sp ("、" / "．")
                     / %digit+ %sp ("、" / "．" / "." !%digit)) ]],
  -- %zero: none, said as a number ("均为零", "收费金额为0")
  zero      = { "零", "0" },
  -- %and: subjects of one verb ("未发生行政复议、行政诉讼")
  list      = { "、", "以及", "或者", "和", "及", "或", "与" },
  -- years: "2024年", "2024年度"; a year followed by a month is a day of it
  year_mark = { "年度", "年" },
  date_mark = { "月", "日", "号" },
  this_year = { "本年度", "本年", "今年", "全年", "当年" },           -- %this_year, or the report's year
  -- before a claim: this year's, not last year's (not 当年: after a year, that year's — "2023年度报告显示，当年收到…")
  frame_this = { "本年度", "本年", "今年" },
  as_of     = { "截至", "截止", "截止到" },                            -- before a day after the year: the count's time
  -- a sentence's first clause with these compares: its year is not the time of the clauses after it
  comparison = { "比", "较" },
  -- a clause or line ending with these leads into what follows: "2023年度对比：" is no
  -- comparison but the time of the figures after it, as "2023年度情况：" of the lines after it
  lead_in = { "：", ":" },
  -- after a year, words that make it part of a subject ("2023年结转的5件"), not the time of a sentence
  year_subject = { "结转", "遗留", "未办结", "未结" },
  last_year = { "上一个年度", "上一年度", "上个年度", "上年度", "上一年", "上年", "去年", "前一年度", "前一年" },     -- %last_year, or the year before
  next_year = { "下一年度", "下年度", "下一年", "下年", "明年", "次年" }, -- %next_year, or the year after
  -- a number is not exact after these ("近百件", "约300件") or before these ("400件左右");
  -- "3000余件", "13.6万件" have no unit right after the number and are no count
  -- (a number corrected right after it, "68件（现更正为70件）", is not the figure either)
  inexact   = { before = { "将近", "大约", "超过", "不足", "不到", "近", "约", "逾", "超" },
                after  = { "左右", "以上", "以下", "之多", "有余",
                           "（更正", "（现更正", "（已更正", "(更正", "(现更正", "(已更正" } },
  not_before = { "第" },                                           -- ordinals: 第3件
  -- after a unit, words that make the number something else: "6个百分点", "20个工作日"
  not_count = { "百分点", "工作日", "小时", "季度", "月" },

  -- Words before a claim in its sentence that take it away from the report:
  -- the figure of another body (a sub-unit: 代表, 本级, 各部门, 其中…局),
  -- of another period (a quarter, several years) or a plan. `own_*` words
  -- look like them but are not (本分局, 各级, 今年以来). re grammars.
  claims = {
    other_body = [[
      body  <- "代表" / "本级" / "下属" / "所属" / "直属" / ("局" / "厅" / "委" / "院") "属"
             / "系统" / "支队" / "大队" / "执法队" / "分局" / "部门"
             -- units stationed in the area (驻区单位): not the organ's own
             / "驻" ("区" / "县" / "市" / "镇" / "乡" / "村" / "地" / "街")
             / ("部分" / "个别") ("乡镇" / "单位" / "街道" / "镇" / "村" / "学校" / "医院")
             / "各" ("乡镇" / "镇街" / "镇" / "乡" / "街道" / "县" / "区" / "市" / "学校" / "村"
                    / "社区" / "科室" / "处室" / "地")
             / "其中" (!org !%comma !%digit %any)^-8 org
             / ("个" / "多数" / "少数") place / ("市直" / "县直" / "区直" / "省直") / ("乡镇" / "街道") ("政府" / "人民政府" / "办事处")
      place <- "乡镇" / "镇街" / "镇" / "乡" / "街道" / "村" / "社区" / "部门" / "单位"
      org   <- "政府" !"信息" / "单位" / "乡镇" / "街道" / "局" / "委" / "厅" / "办公室" / "中心"
    ]],
    -- (部门规章: a kind of rule a ministry makes, no body)
    own_body = [[ "本分局" / "本部门" / "本单位" / "各级" / "各类" / "各项" / "各种" / "部门规章" ]],
    -- in a summary report of an area (issuer kinds below), the organ itself is one of its bodies
    summary_issuers = { "gov" },
    -- (the government's own office too: its figure may be the organ's, or the area's where the
    -- office answers for it; which one a sentence cannot tell)
    -- (a body right before 统计 or 数据 names who counted, not whose the figures are:
    -- 据县司法局统计，全县… in the government's report is its own area's)
    summary_body = [[ body <- "本机关" / ("市" / "县" / "区") (!dept !"政府" !%comma !%digit %any)^-8 dept !("统计" / "数据")
                            / ("市" / "县" / "区") "人民"? "政府" ("办公室" / "办公厅" / "办" !"理" !"结")
      dept <- ("局" / "委员会" / "委" / "办") !"公室" ]],
    -- in a township's or a department's report (issuer kinds below), the area it is in and
    -- its government (全县, 县政府, 据县司法局统计, 芦溪县全年共…): their figures are not the
    -- issuer's own (a department's own 全县 is lost with them: no claim, never a false one)
    higher_issuers = { "township", "dept" },
    higher_body = [[ body <- "全" area !"域" / area ("委" / "人民政府" / "政府" / "级" / "直")
                            / "据" (!%comma !%digit %any)^-2 area (!%comma !%digit %any)^-10 ("统计" / "数据")
                            / area ("全年" / "共" / "累计" / "今年" / "本年")
                            -- (the area's service centre: 区政务服务中心全年受理…)
                            / area "政务服务" ("中心" / "大厅" / "管理")
      area <- "区" / "县" / "市" / "州" / "旗" / "省" ]],
    other_period = [[
      period <- "季度" / "上半年" / "下半年" / "月份" / "累计" / "历年" / "以来" / "此后" / "逐年"
              / "至今"
              / "近" ("两" / "三" / "四" / "五" / "十" / "几")? "年"
              / "月" %sp ("至" / "到" / "-" / "—" / "－") / "月底" / "月末"
              / %digit %sp ("至" / "到" / "-" / "—" / "－") %sp %digit+ %sp "月"
              / %digit %sp "年"? %sp ("至" / "到" / "-" / "—" / "－" / "和" / "、" / "及" / "与") %sp %digit%digit%digit%digit %sp "年"
              / "年来" / "期间" / "往年" / "前" ("两" / "三" / "几")? "年" !"度"
              -- a year of two digits (23年收到…, in a report of 2024): a year, but which cannot be told
              / !%after_digit %digit %digit %sp "年"
              -- a figure before a correction, or with some taken out (更正前…, 扣除重复申请后…): not the table's
              / ("更正" / "修正" / "调整") "前" / "扣除" / "剔除"
              / "月均" / "日均" / "月平均" / "平均每月" / "单日" / "当月" / "上月" / "本月"
              -- a month named with no year and no day (12月收到…): that month's
              / %digit %sp "月" !(%sp %digit)
              -- in numerals, found by its 月 (十二月收到…), or before a day of it (十一月三十日前)
              / &"月" %after_numeral "月" (!(%sp (%digit / %numeral))
                                           / %sp (%digit+ / %numeral+) %sp ("日" / "号") %sp ("以前" / "之前" / "前"))
              -- as of a day before the year's last month, with no year (截至6月30日, 截至十一月三十日),
              -- or of the day of writing (截至目前)
              / ("截至" / "截止") "到"? %sp (("目前" / "发稿" / "当前" / "现在")
                                             / !(("12" / "十二") %sp "月") (%digit+ / month) %sp "月")
              -- before a day of the year, or in its first months (6月30日前, 前11个月)
              / %digit %sp "月" %sp %digit+ %sp ("日" / "号") %sp ("以前" / "之前" / "前")
              / "前" %sp %digit+ %sp "个"? %sp "月"
      -- a month in numerals (no 个 between: 一个月 is a length of time)
      month  <- "十" ("一" / "二")? / "一" / "二" / "三" / "四" / "五" / "六" / "七" / "八" / "九"
    ]],
    own_period = [[ "今年以来" / "本年以来" / "本年度以来" / "年初以来" / "12月底" / "12月末" / "12月31日"

                  -- January to December added up (1-12月累计受理…): the year's own figure
                  / (!%after_digit "1" %sp ("月" %sp)? ("至" / "到" / "-" / "—" / "－") %sp "12" %sp "月"
                     / !%after_numeral "一" %sp ("月" %sp)? ("至" / "到" / "-" / "—" / "－") %sp "十二" %sp "月") %sp "累计"
                  -- the whole year, January to December (not 11月至12月, 十一月至十二月)
                  / !%after_digit "1月" %sp ("1日" %sp)? ("至" / "到" / "-" / "—" / "－") %sp "12月"
                  / !%after_digit "1" %sp ("至" / "到" / "-" / "—" / "－") %sp "12" %sp "月"
                  / !%after_numeral "一月" %sp ("一日" %sp)? ("至" / "到" / "-" / "—" / "－") %sp "十二月"
                  / !%after_numeral "一" %sp ("至" / "到" / "-" / "—" / "－") %sp "十二" %sp "月"
                  -- a month after its year is a day of that year, read by the year (2024年6月)
                  / "年" %sp %digit+ %sp "月" !(%sp ("至" / "到" / "-" / "—" / "－")
                                                  / %sp %digit+ %sp ("日" / "号") %sp ("以前" / "之前" / "前")) ]],
    plan = [[ "计划" / "预计" / "拟" / "力争" / "争取" / "目标" / "下一步" / "今后" ]],
  },
}

--}===

--{=== who publishes, and by when (条例第四十九条) ===

-- First match wins; names are tested as they end. A township's date is
-- local policy (怀化: 2月20日); change `deadline` in a local pack.
issuers = {
  { kind = "township", name = "乡镇、街道", en = "township", deadline = "01-31",
    endings = { "街道", "街道办事处", "街道办", "乡", "镇", "乡人民政府", "镇人民政府", "街道人民政府" } },
  { kind = "gov", name = "人民政府", en = "people's government", deadline = "03-31",
    endings = { "人民政府", "人民政府办公室", "人民政府办公厅", "管理委员会", "管委会",
                -- an area's own name stands for its government's report
                "省", "市", "区", "县", "州", "盟", "旗", "实验区", "新区" } },
  { kind = "dept", name = "部门", en = "department", deadline = "01-31", endings = {} },   -- 局、委、办、中心、厅…
}
-- A short line of the opening that ends so is the issuer's name, where the
-- title does not give it ("桃江县松木塘镇人民政府" under a bare title).
agency_endings = { "人民政府", "人民政府办公室", "人民政府办公厅", "政府办公室", "办公室", "办公厅",
                   "局", "委员会", "委", "厅", "中心", "办事处", "管理委员会", "管委会", "院", "署", "部" }
-- One issuer under the names its reports give it from year to year: the
-- key that pairs its reports across years (width, spaces and quotes are
-- folded first). A year at the end ("某县2023年度", "（2024年）") goes; the
-- name of its office stands for the organ (某县人民政府办公室 → 某县人民政府);
-- then the words it is written with either way are made one.
agency_key = {
  years    = { "年度", "年" },
  suffixes = { "办公室", "办公厅" },
  same     = { { "人民政府", "政府" } },
}
-- The parts whose prose is the agency's own account: compared between
-- agencies and with the year before for copied text (qlt.copy_peer, xy.copy).
narrative = { "s1", "s5" }
-- A region's reports summed up (the dashboard, the sheet, `nianbao sum`):
-- the outcome kinds are the groups and rows under `group`, each summed in
-- `column`, as shares of the `total` row; `sum` adds these tables.
rollup = {
  outcomes = { group = "t3.result", total = "t3.result.total", column = "total" },
  tables   = { "t2", "t3", "t4" },
}
-- an issuer the report does not name
unknown_issuer = { kind = "unknown", name = "发布机关类型不明", en = "issuer unknown", deadline = "01-31" }

--}===

--{=== other formats: how to tell a report is not in this one ===

-- Numbered part headings of reports under the 2008 条例 (before 2019):
-- two of them, and not the six parts, mark a legacy report.
legacy = {
  headings = { "概述", "基本工作情况", "政府信息公开的收费及减免情况", "咨询处理情况", "回应解读情况",
               "机构设置、保障经费和培训会议情况", "因政府信息公开申请行政复议", "存在问题及工作打算",
               "政府信息公开情况统计表", "政府信息依申请公开" },
  at_least = 2,
}

--}===

--{=== authoring: the blank report that `nianbao new` writes ===

authoring = {
  header = {
    "{agency}{year}年政府信息公开工作年度报告（{basis}格式）",
    "每个单元格填数字，没有的填0；各行“总计”、（七）总计和表四“总计”可以留空（~），",
    "由 nianbao fill 按各项之和算出。写好后：nianbao check 本文件；nianbao render 本文件 --format html",
  },
  published = "发布日期，如 {example}",
  written   = "成文日期",
  index     = "索引号",
  date      = "{y}年{m}月{d}日",          -- a date in a text: the signature (落款) of a rendered report
  kind      = "{kind} {name}（{m}月{d}日前发布）",   -- one issuer kind
  opening   = "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和{basis}要求，"
           .. "编制{agency}{year}年政府信息公开工作年度报告。本报告中所列数据统计期限从{year}年1月1日到12月31日止。",
  text      = "（文字描述）",        -- a part still to write
  table     = "（表格见下，可在此补充文字说明）",   -- a part whose table follows
  columns   = "列：",
}

--}===
