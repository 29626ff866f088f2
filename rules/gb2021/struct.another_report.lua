-- A second report after this one's last part (two offices' reports in one
-- file): its text and tables are not this report's, and are not checked.
id       = "gb2021.struct.another_report"
severity = "warning"
message  = {
  zh = "第六部分之后另起一份报告（自“{text}”起），其文字和表格未作为本报告核对，请将其单独核对",
  en = "another report begins after part six (from “{text}”): its text and tables were not checked as this report's; check it on its own",
}
rationale = {
  zh = "一个文件中有两份年度报告时，后一份的数据不属于前一份；分开核对，各自的问题才能查出。",
  en = "When one file holds two annual reports, the second one's figures are not the first one's; only checked apart are the faults of each found.",
}
basis    = { "国办公开办函〔2021〕30号规定的报告结构" }

function check(report, emit)
  for _, d in ipairs(report.diagnostics) do
    if d.kind == "another_report" then
      emit { line = d.line, col = d.col, found = d.text, vars = { text = d.text } }
    end
  end
end
