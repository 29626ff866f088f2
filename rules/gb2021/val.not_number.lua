id       = "gb2021.val.not_number"
severity = "error"
message  = { zh = "{where}“{text}”不是有效数字", en = "{where}: “{text}” is not a number" }

function check(report, emit)
  for cell in report:cells() do
    if cell.state == "text" then emit { cell = cell, found = cell.text } end
  end
end
