-- A unit printed in the cell ("251000元", "5件"): the number is read, the unit set aside.
id       = "gb2021.val.unit_in_cell"
severity = "info"
message  = {
  zh = "{where}数值中含单位“{unit}”（“{text}”），已剥离",
  en = "{where}: the unit “{unit}” was printed with the value (“{text}”) and set aside",
}

function check(report, emit)
  for _, u in ipairs(report.units or {}) do
    emit { cell = report:cell(u.id), line = u.line, col = u.col, found = u.text,
           vars = { unit = u.unit, text = u.text } }
  end
end
