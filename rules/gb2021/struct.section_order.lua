id       = "gb2021.struct.section_order"
severity = "warning"
message  = {
  zh = "各部分顺序与统一格式不一致：“{title}”出现在“{after}”之后",
  en = "the parts are out of order: “{title}” comes after “{after}”",
}

function check(report, emit)
  local last
  for _, s in ipairs(report.sections) do
    if s.part then
      if last and s.part.index < last.part.index then
        emit { line = s.line, col = s.col, vars = { title = s.heading, after = last.heading } }
      end
      last = s
    end
  end
end
