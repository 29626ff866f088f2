-- A unit printed in the cell ("251000元", "5件"): the number is read, the unit set aside.
id       = "gb2021.val.unit_in_cell"
severity = "info"
message  = {
  zh = "{where}数值中含单位“{unit}”（“{text}”），已剥离",
  en = "{where}: the unit “{unit}” was printed with the value (“{text}”) and set aside",
}
rationale = {
  zh = "单位在表头里，单元格只填数字。",
  en = "The unit belongs in the header; a cell holds the number alone.",
}
basis    = { "国办公开办函〔2021〕30号规定的表格格式" }

function check(report, emit)
  for _, u in ipairs(report.units or {}) do
    emit { cell = report:cell(u.id), line = u.line, col = u.col, found = u.text,
           vars = { unit = u.unit, text = u.text } }
  end
end
