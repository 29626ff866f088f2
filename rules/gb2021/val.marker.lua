-- "/", "-", "无" and the like where a number belongs.
id       = "gb2021.val.marker"
severity = "warning"
message  = { zh = "{where}填写“{text}”，应填数字", en = "{where} holds “{text}”; a number is expected" }

function check(report, emit)
  for cell in report:cells() do
    if cell.state == "marker" then emit { cell = cell, found = cell.text, expected = "0" } end
  end
end
