id       = "gb2021.txt.suit"
severity = "warning"
message  = {
  zh = "正文称政府信息公开行政诉讼{where}{said}件，但表四行政诉讼两部分{where}之和为{table}件{hint}",
  en = "the text says {said} lawsuits, but table 4's two lawsuit totals add up to {table}{hint_en}",
}

grammar = [[
  claim <- "行政诉讼" ("案件" / "申请")? (!%num %ch)^-2 %sp %num %sp %unit
]]

check = text.claims {
  grammar = grammar,
  cells   = "t4.ld.total + t4.la.total",
  explain = {
    { cells = "t4.ld.total", zh = "（只计了未经复议直接起诉）", en = " (lawsuits filed directly only)" },
  },
  parts   = {     -- 其中结果维持X件…: both kinds of lawsuit together
    { { "结果维持", "维持" }, "t4.ld.upheld + t4.la.upheld", "“结果维持”" },
    { { "结果纠正", "纠正" }, "t4.ld.corrected + t4.la.corrected", "“结果纠正”" },
    { { "其他结果" }, "t4.ld.other + t4.la.other", "“其他结果”" },
    { { "尚未审结" }, "t4.ld.pending + t4.la.pending", "“尚未审结”" },
  },
}
