id       = "gb2021.date.written_after"
severity = "info"
message  = {
  zh = "成文日期{written}晚于发布日期{published}",
  en = "written on {written}, after it was published on {published}",
}
rationale = {
  zh = "成文日期是报告签发的日期，不会晚于发布日期；晚了多半是两个日期填反或填错。",
  en = "The date written is the day the report was signed, which cannot be after the day it was published: the two dates are likely swapped or wrong.",
}
basis    = { "《党政机关公文处理工作条例》第九条（成文日期为负责人签发的日期）" }

function check(report, emit)
  local w, p = report.written, report.published
  if w and p and w > p then
    local m = report.meta.written
    emit { line = m and m.line, col = m and m.col, found = w, expected = "≤ " .. p,
           vars = { written = w, published = p } }
  end
end
