-- 规章 and 行政规范性文件 made, repealed and in force, the decisions of table 2 and
-- its fees, as the text states them. Only the exact terms count: "政策性文件" or
-- "规范性文件" alone are other things; a draft (草案) or an explanation (解读) is none.
id       = "gb2021.txt.t2"
severity = "warning"
message  = {
  zh = "正文称{where}为{said}，但表二为{table}{hint}",
  en = "the text says {said} for {where_en}, but the table has {table}{hint_en}",
}
rationale = {
  zh = "正文中规章、行政规范性文件的制发、废止、现行有效件数以及表二其他数字要与表二一致。",
  en = "The 规章 and 行政规范性文件 made, repealed and in force, and table 2's other figures, as the text states them, must equal table 2.",
}
basis    = { "国办公开办函〔2021〕30号（四）明确责任：内容不准确、不完整的依照条例第四十七条追责", "《中华人民共和国政府信息公开条例》第二十条" }

words = [[
  made     <- "新制定" / "制发" / "制定" / "出台" / "印发" / "新增"
  repealed <- "废止" / "废除"
  term     <- "行政规范性文件" -> 'nrm' / ("规章" !"制度" !"草案") -> 'reg'
  filler   <- (!%digit !term !made %ch)^-10
  total    <- ("共计" / "合计" / "数量为" / "共" / "为")?
  fee      <- "行政事业性收费"
]]

local published = [[ "公开" / "公示" / "发布" / "上网" ]]
-- a part of the decisions or another kind of them is not the table's count:
-- 其中当场作出行政许可决定300112件, 不予行政许可决定206件, 撤销行政许可决定15件
local not_counted = published .. [[ / "其中" / ("不予" / "准予" / "撤销" / "变更" / "从轻" / "减轻" / "免予") !. ]]

local compare = text.claims {
  name   = "t2",
  needs  = { "规章", "规范性文件", "行政许可", "行政处罚", "行政强制", "收费" },       -- a sentence without one of these is not read
  words  = words,
  topic_words = { ["t2.nrm"] = [[ "行政规范性文件" ]], ["t2.reg"] = [[ "规章" !"制度" ]],
                  ["t2.fee"] = [[ "行政事业性收费" ]] },
  readers = {
    -- 制发行政规范性文件3件; 新制定政府规章2件; 新增公开市政府规章 1 件
    { cells = { nrm = "t2.nrm.made", reg = "t2.reg.made" },
      grammar = [[ claim <- made filler term %sp total %count ]] },
    -- 行政规范性文件制发3件; 规章制定1件
    { cells = { nrm = "t2.nrm.made", reg = "t2.reg.made" },
      grammar = [[ claim <- term ("本年" "度"?)? made total %count ]] },
    -- 废止行政规范性文件11件
    { cells = { nrm = "t2.nrm.repealed", reg = "t2.reg.repealed" },
      grammar = [[ claim <- repealed filler term %sp total %count ]] },
    -- 现行有效行政规范性文件698件; 行政规范性文件现行有效件数为12件
    { cells = { nrm = "t2.nrm.valid", reg = "t2.reg.valid" },
      grammar = [[ claim <- "现行有效" "的"? filler term %sp total %count
                          / term "现行有效" ("件数" / "数量")? total %count ]] },
    -- after a clause about one of them: 废止3件，现行有效86件 (修改1件 has no cell)
    { bare = true, follows = { "t2.nrm" }, cells = { rep = "t2.nrm.repealed", valid = "t2.nrm.valid" },
      grammar = [[ claim <- ("本年度" / "本年")? (repealed -> 'rep' / "现行有效" -> 'valid') total %count ]] },
    { bare = true, follows = { "t2.reg" }, cells = { rep = "t2.reg.repealed", valid = "t2.reg.valid" },
      grammar = [[ claim <- ("本年度" / "本年")? (repealed -> 'rep' / "现行有效" -> 'valid') total %count ]] },
    { bare = true, follows = { "t2.nrm", "t2.reg" }, silent = true,
      grammar = [[ claim <- ("修改" / "修订" / "清理" / "审核") %count ]] },
    -- 行政许可决定423件; 作出行政处罚决定数量为二万三千零五十六件; 行政强制措施四百一十二起;
    -- 行政许可处理决定447228件 (the table's column's words)
    -- (decisions made, not published: 公开行政处罚决定412件)
    -- (作出行政许可12件: the decisions, said by the verb; not 行政许可事项8项, 行政处罚案件5起)
    { cells = "t2.permit.decisions", not_after = not_counted, grammar = [[
        claim <- "行政许可" "处理"? "决定" !"书" total %count / ("作出" / "做出") "行政许可" total %count ]] },
    { cells = "t2.penalty.decisions", not_after = not_counted, grammar = [[
        claim <- "行政处罚" "处理"? "决定" !"书" total %count / ("作出" / "做出") "行政处罚" total %count ]] },
    { cells = "t2.coercion.decisions", not_after = not_counted,
      grammar = [[ claim <- "行政强制" "处理"? ("决定" / "措施")? !"书" total %count ]] },
    -- 作出行政许可、行政处罚决定共计1,256件: the kinds together, none's own count
    { silent = true, grammar = [[
        claim <- decided ("决定" / "措施")? (("、" / "和" / "及" / "与") decided ("决定" / "措施")?)+ total %count
        decided <- "行政许可" / "行政处罚" / "行政强制" ]] },
    -- 行政事业性收费4,326.58万元; 行政事业性收费金额为12,800,000元; 行政事业性收费为0
    { cells = "t2.fee.amount", not_after = [[ "减免" / "减征" / "免征" / "退还" / "清理" / "取消" ]], grammar = [[
        claim <- fee "金额"? ("共计" / "合计" / "共" / "为")? %money
               / fee "金额"? "为" %sp {:zero: %zero :} !%unit ]] },
    { cells = "t2.fee.amount", bare = true, follows = { "t2.fee" }, grammar = [[
        claim <- "收费金额" ("为" / "共计" / "合计")? %money ]] },
  },
  where  = {
    ["t2.reg.made"] = "本年制发规章", ["t2.nrm.made"] = "本年制发行政规范性文件",
    ["t2.reg.repealed"] = "本年废止规章", ["t2.nrm.repealed"] = "本年废止行政规范性文件",
    ["t2.reg.valid"] = "现行有效规章", ["t2.nrm.valid"] = "现行有效行政规范性文件",
    ["t2.permit.decisions"] = "行政许可决定", ["t2.penalty.decisions"] = "行政处罚决定",
    ["t2.coercion.decisions"] = "行政强制决定", ["t2.fee.amount"] = "行政事业性收费（万元）",
  },
}

-- A fee printed in 元 with the table's figure in 万元 ("收取行政事业性收费2.35元", table
-- 2.35): the table was not converted, which gb2021.val.fee_scale reports.
-- A fee the text rounds ("24252.31万元", table 24252.311082) is the same fee:
-- it differs from the table's by at most half its last decimal place.
local function rounded(said, table_value)
  local places = #(said:match("%.(%d+)$") or "")
  if #(table_value:match("%.(%d+)$") or "") <= places then return false end
  local a, b = tonumber(said), tonumber(table_value)
  return a ~= nil and b ~= nil and math.abs(a - b) <= 0.5 * 10 ^ -places + 1e-9
end

function check(report, emit)
  compare(report, function(f)
    local fee = f.cells[1] == "t2.fee.amount"
    if fee and f.vars.unit ~= "" and text.same(f.vars.printed, f.expected) then return end
    if fee and rounded((f.vars.printed ~= "" and f.vars.printed or f.found):gsub(",", ""), f.expected) then return end
    emit(f)
  end)
end
