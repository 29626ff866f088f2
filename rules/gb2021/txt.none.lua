-- What the text says did not happen ("未收到政府信息公开申请", "未发生行政复议、行政诉讼")
-- while the tables count some. A negation claims only what it names, and only
-- in these forms: "未发生行政复议纠错" says nothing of how many reviews there were.
id       = "gb2021.txt.none"
severity = "warning"
message  = {
  zh = "正文称“{quote}”，但{where}为{table}件，正文与表格数据矛盾",
  en = "the text says “{quote}”, but {where_en} is {table}: text and tables disagree",
}
rationale = {
  zh = "正文说没有发生（如“未收到政府信息公开申请”），表格却有数，两者矛盾。",
  en = "The text says something did not happen (no requests, no review) while the tables count some.",
}
basis    = { "国办公开办函〔2021〕30号（四）明确责任：内容不准确、不完整的依照条例第四十七条追责" }

words = [[
  cause    <- "因" ("政府信息公开" / "依申请公开") ("工作" / "申请")? ("引发" / "引起" / "而")? "的"?
  happen   <- ("发生" / "收到" / "涉及" / "出现" / "被申请" / "被提起" / "提起" / "申请" / "被")*
  about    <- (("政府信息公开" / "依申请公开") ("方面" / "类" / "工作")? "的"?)?
  review   <- about "行政复" ("议" / "仪") ("案件" / "申请")?
  suit     <- about "行政诉讼" "案件"?
  -- a clause ends there: not 行政复议纠错, 行政诉讼败诉, 行政复议纠错率
  done     <- ("的"? ("申请" / "情况" / "情形" / "案件" / "事项" / "问题") / "件")? %sp &(%comma / %stop / !.)
  request  <- ("政府信息公开" / "信息公开") "申请" / "依申请公开" ("申请" / "事项" / "件")?
  carried  <- %last_year ("结转" / "转结")
  next     <- ("结转" / "转结") ("至" / "到")? %next_year
  made     <- "制定" / "制发" / "出台" / "印发" / "新增" / "新制定"
  term     <- "行政规范性文件" -> 'nrm' / ("规章" !"制度") -> 'reg'
  decision <- "行政许可" -> 'permit' / "行政处罚" -> 'penalty' / "行政强制" -> 'coercion'
  -- other things said not to have happened with them: "…行政诉讼及举报投诉情况"
  others   <- (%and (!%and !%comma !%digit !done %ch)+)*
  fault    <- review "被"? ("纠错" / "纠正") -> 'rv_fault' / suit "被"? ("败诉" / "纠错" / "纠正") -> 'suit_fault'
  zero     <- {:zero: %zero %unit? :}
]]

local grammar = text.grammar {
  name  = "none",
  needs = { "未", "没有", "无", "零", "为0", "0发生" },   -- a sentence without one of these is not read
  words = words,
  cells = {
    new = "t3.new.total", carried = "t3.carried.total", ["next"] = "t3.next.total",
    rv = "t4.rv.total", suit = "t4.ld.total + t4.la.total",
    rv_fault = "t4.rv.corrected", suit_fault = "t4.ld.corrected + t4.la.corrected",
    reg = "t2.reg.made", nrm = "t2.nrm.made",
    reg_repealed = "t2.reg.repealed", nrm_repealed = "t2.nrm.repealed",
    permit = "t2.permit.decisions", penalty = "t2.penalty.decisions", coercion = "t2.coercion.decisions",
    fee = "t2.fee.amount",
  },
  readers = {
    -- 未收到政府信息公开申请; 无依申请公开事项; 未收到新的政府信息公开申请
    { grammar = [[ claim <- {:zero: %neg :} ("收到" / "受理" / "接收")? ("有关" / "任何" / "新的" / "新")? (request -> 'new') others done ]] },
    -- 依申请公开数量为零
    { grammar = [[ claim <- (("依申请公开" / "政府信息公开申请") -> 'new') ("数量" / "件数")? "均"? "为" zero ]] },
    -- 未发生政府信息公开行政复议、行政诉讼; 没有因政府信息公开被申请行政复议或提起行政诉讼
    { grammar = [[
        claim <- {:zero: %neg :} happen ("有关" / "任何")? cause? happen either (%and happen either)* others done
        either <- review -> 'rv' / suit -> 'suit' ]] },
    -- 行政复议、行政诉讼均为0件; 行政复议和行政诉讼数量均为零
    { grammar = [[
        claim <- cause? either (%and either)* "数量"? ("均" / "都") "为" zero
        either <- review -> 'rv' / suit -> 'suit' ]] },
    -- 未发生行政复议纠错和行政诉讼败诉; 未发生因政府信息公开工作被纠错的情况
    { grammar = [[
        claim <- {:zero: %neg :} ("发生" / "出现")? cause? "被"? fault (%and "被"? fault)* done
               / {:zero: %neg :} ("发生" / "出现")? cause "被" ("纠错" / "纠正") ("" -> 'rv_fault') ("" -> 'suit_fault') done ]] },
    -- 实现政府信息公开行政复议纠错“零发生”
    { grammar = [[ claim <- fault "“"? {:zero: %zero :} "发生" ]] },
    -- 无上年结转申请; 无结转下年度办理的申请; 无上年结转和结转下年度办理件
    { grammar = [[
        claim <- {:zero: %neg :} item (%and item)* ("继续"? "办理")? done
        item  <- carried -> 'carried' / next -> 'next' ]] },
    -- 上年无结转
    { grammar = [[ claim <- (%last_year -> 'carried') {:zero: %neg :} ("结转" / "转结") done ]] },
    -- 未制定规章; 未制发规章和行政规范性文件; 无新增规章和行政规范性文件; 无规章制定任务
    { grammar = [[ claim <- {:zero: %neg :} made term (%and term)* done
                         / {:zero: %neg :} term "制定任务" ]] },
    { cells = { reg = "t2.reg.repealed", nrm = "t2.nrm.repealed" },
      grammar = [[ claim <- {:zero: %neg :} ("废止" / "废除") term (%and term)* done ]] },
    -- 未作出行政许可、行政处罚和行政强制决定
    { grammar = [[ claim <- {:zero: %neg :} "作出"? decision (%and decision)* "决定" done ]] },
    -- 无行政事业性收费
    { grammar = [[ claim <- {:zero: %neg :} "收取"? ("行政事业性收费" -> 'fee') "项目"? done ]] },
  },
}

-- where each cell is, as the message names it
local where = {
  ["t3.new.total"] = "表三“本年新收”总计", ["t3.carried.total"] = "表三“上年结转”总计",
  ["t3.next.total"] = "表三“结转下年度继续办理”总计", ["t4.rv.total"] = "表四“行政复议”总计",
  ["t4.la.total + t4.ld.total"] = "表四“行政诉讼”总计",
  ["t4.rv.corrected"] = "表四“行政复议”“结果纠正”",
  ["t4.la.corrected + t4.ld.corrected"] = "表四“行政诉讼”“结果纠正”",
  ["t2.reg.made"] = "表二“规章”“本年制发件数”", ["t2.nrm.made"] = "表二“行政规范性文件”“本年制发件数”",
  ["t2.reg.repealed"] = "表二“规章”“本年废止件数”", ["t2.nrm.repealed"] = "表二“行政规范性文件”“本年废止件数”",
  ["t2.permit.decisions"] = "表二“行政许可”", ["t2.penalty.decisions"] = "表二“行政处罚”",
  ["t2.coercion.decisions"] = "表二“行政强制”", ["t2.fee.amount"] = "表二“行政事业性收费”（万元）",
}

function check(report, emit)
  for _, c in ipairs(grammar.claims(report)) do
    local v = text.sum_of(report, c.cells)
    if v ~= nil and not text.same(v, 0) then
      emit { line = c.line, col = c.col, found = "0", expected = tostring(v),
             cells = text.ids(c.cells), quote = c.text,
             vars = { quote = c.quote, where = where[c.cells] or c.cells, where_en = text.where(c.cells, nil, "en"), table = v } }
    end
  end
end
