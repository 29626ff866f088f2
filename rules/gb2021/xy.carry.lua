-- This year's 上年结转 is last year's 结转下年度继续办理 (needs the year before: --previous).
id       = "gb2021.xy.carry"
severity = "warning"
message  = {
  zh = "本年“上年结转”与上年度报告“结转下年度继续办理”不一致（{col}：{this}≠{prev}）",
  en = "carried over ({col}: {this}) differs from last year's report, carried to next year ({prev})",
}

function check(report, emit)
  local prev = report.previous
  if not prev then return end
  for _, c in ipairs(t3.columns) do
    local now, before = report:cell("t3.carried." .. c), prev:cell("t3.next." .. c)
    if now.state == "number" and before.state == "number" and nianbao.compare(now.value, before.value) ~= 0 then
      emit { cell = now, found = tostring(now.value), expected = tostring(before.value),
             vars = { col = now.col_label, this = tostring(now.value), prev = tostring(before.value) } }
    end
  end
end
