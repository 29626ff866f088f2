id       = "gb2021.struct.section_order"
severity = "warning"
message  = {
  zh = "各部分顺序与统一格式不一致：“{title}”出现在“{after}”之后",
  en = "the parts are out of order: “{title}” comes after “{after}”",
}
rationale = {
  zh = "六个部分按统一格式的顺序排列，便于阅读、比较和汇总。",
  en = "The six parts come in the format's order, for reading, comparing and adding up.",
}
basis    = { "国办公开办函〔2021〕30号一、报告内容" }

function check(report, emit)
  local last, last_index
  for _, s in ipairs(report.sections) do
    local part = s.part
    if part then
      local index = part.index
      if last and index < last_index then
        emit { line = s.line, col = s.col, vars = { title = s.heading, after = last.heading } }
      end
      last, last_index = s, index
    end
  end
end
