-- Replaces the national rule of the same name: here an empty cell is an
-- error, not a warning.
id       = "gb2021.val.blank"
severity = "error"
message  = { zh = "{where}单元格为空：本省要求无数据的单元格一律填0", en = "{where} is empty; this province requires 0" }

function check(report, emit)
  for cell in report:cells() do
    if cell.state == "blank" then emit { cell = cell, found = "", expected = "0" } end
  end
end
