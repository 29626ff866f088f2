-- "/", "-", "无" and the like where a number belongs.
id       = "gb2021.val.marker"
severity = "warning"
message  = { zh = "{where}填写“{text}”，应填数字", en = "{where} holds “{text}”; a number is expected" }
rationale = {
  zh = "统计表要填数字；“/”“-”“无”等符号不是数，没有的应填0。",
  en = "The tables hold numbers; “/”, “-” or “无” are none: write 0 where there is nothing.",
}
basis    = { "国办公开办函〔2021〕30号规定的表格格式" }

function check(report, emit)
  for cell in report:cells_in("marker") do
    emit { cell = cell, found = cell.text, expected = "0" }
  end
end
