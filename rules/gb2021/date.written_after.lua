id       = "gb2021.date.written_after"
severity = "info"
message  = {
  zh = "成文日期{written}晚于发布日期{published}",
  en = "written on {written}, after it was published on {published}",
}

function check(report, emit)
  local w, p = report.written, report.published
  if w and p and w > p then
    local m = report.meta.written
    emit { line = m and m.line, col = m and m.col, found = w, expected = "≤ " .. p,
           vars = { written = w, published = p } }
  end
end
