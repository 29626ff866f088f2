id       = "gb2021.txt.review"
severity = "warning"
message  = {
  zh = "正文称政府信息公开行政复议{where}{said}件，但表四“行政复议”{where}为{table}件{hint}",
  en = "the text says {said} administrative reconsiderations, but table 4 has {table}{hint_en}",
}

grammar = [[
  claim <- "行政复议" ("案件" / "申请")? (!%num %ch)^-2 %sp %num %sp %unit
]]

-- 其中结果维持X件，结果纠正Y件，其他结果Z件，尚未审结W件
check = text.claims {
  grammar = grammar,
  cells   = "t4.rv.total",
  parts   = {
    { { "结果维持", "维持" }, "t4.rv.upheld", "“结果维持”" },
    { { "结果纠正", "纠正" }, "t4.rv.corrected", "“结果纠正”" },
    { { "其他结果" }, "t4.rv.other", "“其他结果”" },
    { { "尚未审结" }, "t4.rv.pending", "“尚未审结”" },
  },
}
