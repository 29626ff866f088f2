id       = "gb2021.val.not_number"
severity = "error"
message  = { zh = "{where}“{text}”不是有效数字", en = "{where}: “{text}” is not a number" }
rationale = {
  zh = "单元格里不是数字，无法统计，也无法核对。",
  en = "A cell that is not a number cannot be counted or checked.",
}
basis    = { "国办公开办函〔2021〕30号规定的表格格式" }

function check(report, emit)
  for cell in report:cells_in("text") do
    emit { cell = cell, found = cell.text }
  end
end
