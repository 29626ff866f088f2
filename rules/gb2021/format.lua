-- The national format of 国办公开办函〔2021〕30号: the six parts, the three
-- tables with their exact labels and ids, and what real pages do to them.
-- Policy staff: a label variant is one more string in a list below.
-- Matching ignores spaces, full/half width, quotes and enumerator style.

name    = "gb2021"
title   = "政府信息公开工作年度报告（国办公开办函〔2021〕30号格式）"

-- The parts of the report, in order. `variants` are other headings that
-- real reports use for the same part.
sections = {
  { id = "s1", n = "一", heading = "总体情况" },
  { id = "s2", n = "二", heading = "主动公开政府信息情况" },
  { id = "s3", n = "三", heading = "收到和处理政府信息公开申请情况",
    variants = { "依申请公开政府信息情况" } },
  { id = "s4", n = "四", heading = "政府信息公开行政复议、行政诉讼情况",
    variants = { "政府信息公开行政复议及行政诉讼情况", "政府信息公开行政复议和行政诉讼情况",
                 "因政府信息公开工作被申请行政复议和提起行政诉讼情况",
                 "政府信息公开行政法复议、行政诉讼情况" } },
  { id = "s5", n = "五", heading = "存在的主要问题及改进情况",
    variants = { "政府信息公开工作存在的主要问题及改进情况", "存在问题及改进情况",
                 "存在的主要问题及改进措施" } },
  { id = "s6", n = "六", heading = "其他需要报告的事项",
    variants = { "其他需要报告事项" } },
}

-- Table 2 (第二十条 data). Each row names its own columns.
t2 = {
  title   = "表二",
  section = "s2",
  columns = {
    made = "本年制发件数", repealed = "本年废止件数", valid = "现行有效件数",
    decisions = "本年处理决定数量", amount = "本年收费金额（单位：万元）",
  },
  rows = {
    { id = "reg",      label = "规章",           match = { "规章" },
      columns = { "made", "repealed", "valid" } },
    { id = "nrm",      label = "行政规范性文件", match = { "规范性文件" },
      columns = { "made", "repealed", "valid" } },
    { id = "permit",   label = "行政许可",       match = { "行政许可" },   columns = { "decisions" } },
    { id = "penalty",  label = "行政处罚",       match = { "行政处罚" },   columns = { "decisions" } },
    { id = "coercion", label = "行政强制",       match = { "行政强制" },   columns = { "decisions" } },
    { id = "fee",      label = "行政事业性收费", match = { "行政事业性收费" }, columns = { "amount" },
      kind = "money" },
  },
  -- labels that belong to the table but hold no value
  headers = { "第二十条第(一)项", "第二十条第(五)项", "第二十条第(六)项", "第二十条第(八)项",
              "信息内容", "本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量",
              "本年收费金额(单位:万元)" },
}

-- Table 3 (requests). Every row has the seven applicant columns.
t3 = {
  title   = "表三",
  section = "s3",
  columns = { "np", "biz", "research", "ngo", "legal", "other", "total" },
  column_labels = {
    np = "自然人", biz = "商业企业", research = "科研机构", ngo = "社会公益组织",
    legal = "法律服务机构", other = "其他", total = "总计",
  },
  -- a row is found by `match` (every word must occur in its label) within
  -- its `group`, if it has one; `group` rows only set the context.
  groups = {
    { id = "result",  label = "三、本年度办理结果", match = { "本年度办理结果" } },
    { id = "deny",    label = "（三）不予公开", match = { "不予公开" },  parent = "result" },
    { id = "unable",  label = "（四）无法提供", match = { "无法提供" },  parent = "result" },
    { id = "reject",  label = "（五）不予处理", match = { "不予处理" },  parent = "result" },
    { id = "other",   label = "（六）其他处理", match = { "其他处理" },  parent = "result" },
  },
  rows = {
    { id = "new",     label = "一、本年新收政府信息公开申请数量", match = { "本年新收" } },
    { id = "carried", label = "二、上年结转政府信息公开申请数量", match = { "上年结转" } },
    { id = "result.public",  label = "（一）予以公开", match = { "予以公开" } },
    { id = "result.partial", label = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
      match = { "部分公开" } },
    { id = "result.deny.secret",   label = "1.属于国家秘密",             match = { "国家秘密" } },
    { id = "result.deny.law",      label = "2.其他法律行政法规禁止公开", match = { "禁止公开" } },
    { id = "result.deny.safety",   label = "3.危及“三安全一稳定”",       match = { "三安全一稳定" } },
    { id = "result.deny.third",    label = "4.保护第三方合法权益",       match = { "第三方" } },
    { id = "result.deny.internal", label = "5.属于三类内部事务信息",     match = { "内部事务" } },
    { id = "result.deny.process",  label = "6.属于四类过程性信息",       match = { "过程性" } },
    { id = "result.deny.enforce",  label = "7.属于行政执法案卷",         match = { "执法案卷" } },
    { id = "result.deny.query",    label = "8.属于行政查询事项",         match = { "查询事项" } },
    { id = "result.unable.nohold", label = "1.本机关不掌握相关政府信息", match = { "不掌握" } },
    { id = "result.unable.create", label = "2.没有现成信息需要另行制作", match = { "另行制作" } },
    { id = "result.unable.unclear", label = "3.补正后申请内容仍不明确",  match = { "仍不明确" } },
    { id = "result.reject.petition",    label = "1.信访举报投诉类申请",       match = { "信访" } },
    { id = "result.reject.repeat",      label = "2.重复申请",                 match = { "重复申请" } },
    { id = "result.reject.publication", label = "3.要求提供公开出版物",       match = { "出版物" } },
    { id = "result.reject.mass",        label = "4.无正当理由大量反复申请",   match = { "大量反复" } },
    { id = "result.reject.confirm",     label = "5.要求行政机关确认或重新出具已获取信息",
      match = { "重新出具" } },
    { id = "result.other.nocorrect",
      label = "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
      match = { "逾期不补正" } },
    { id = "result.other.nofee",
      label = "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
      match = { "缴纳费用" } },
    { id = "result.other.misc",  label = "3.其他", match = { "其他" }, group = "other", exact = true },
    { id = "result.total",       label = "（七）总计", match = { "(七)总计" } },
    { id = "next",    label = "四、结转下年度继续办理", match = { "结转下年度" } },
  },
  -- subtotal rows some renderings print under a group label (validated when present)
  subtotals = { "result.deny", "result.unable", "result.reject", "result.other" },
  headers = { "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
              "本列数据的勾稽关系为", "申请人情况", "自然人", "法人或其他组织", "商业企业", "科研机构",
              "社会公益组织", "法律服务机构", "其他", "总计" },
}

-- Table 4 (review and litigation): one row of fifteen values under a
-- three-level header.
t4 = {
  title   = "表四",
  section = "s4",
  columns = { "upheld", "corrected", "other", "pending", "total" },
  column_labels = { upheld = "结果维持", corrected = "结果纠正", other = "其他结果",
                    pending = "尚未审结", total = "总计" },
  groups = {
    { id = "rv", label = "行政复议" },
    { id = "ld", label = "行政诉讼（未经复议直接起诉）" },
    { id = "la", label = "行政诉讼（复议后起诉）" },
  },
  headers = { "行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉", "结果维持", "结果纠正",
              "其他结果", "尚未审结", "总计" },
}

-- Labels that exist only in the 2019 trial format (国办公开办函〔2019〕60号).
format_2019 = {
  "本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减",
  "其他对外管理服务事项", "第二十条第(九)项", "政府集中采购", "采购项目数量", "采购总金额",
}

-- Numbered part headings found only in reports written under the 2008 条例
-- (before 2019): two of them, and not the six parts, mark a legacy report.
legacy_headings = {
  "概述", "基本工作情况", "政府信息公开的收费及减免情况", "咨询处理情况", "回应解读情况",
  "机构设置、保障经费和培训会议情况", "因政府信息公开申请行政复议", "存在问题及工作打算",
  "政府信息公开情况统计表", "政府信息依申请公开",
}

-- Who publishes, for the deadlines of 条例第四十九条. First match wins;
-- names are tested as they end.
issuers = {
  { kind = "township", endings = { "街道", "街道办事处", "街道办", "乡", "镇", "乡人民政府", "镇人民政府",
                                   "街道人民政府" } },
  { kind = "gov",      endings = { "人民政府", "人民政府办公室", "人民政府办公厅", "管理委员会", "管委会",
                                   -- an area's own name stands for its government's report
                                   "省", "市", "区", "县", "州", "盟", "旗", "实验区", "新区" } },
  { kind = "dept",     endings = {} },   -- everything else: 局、委、办、中心、厅…
}
