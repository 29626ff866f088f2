-- An empty cell: the format wants 0 where there is nothing to report.
id       = "gb2021.val.blank"
severity = "warning"
message  = { zh = "{where}单元格为空，无数据应填0", en = "{where} is empty; write 0 where there is nothing to report" }

function check(report, emit)
  for cell in report:cells() do
    if cell.state == "blank" then emit { cell = cell, found = "", expected = "0" } end
  end
end
