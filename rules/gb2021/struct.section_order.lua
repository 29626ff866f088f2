id       = "gb2021.struct.section_order"
severity = "warning"
message  = {
  zh = "各部分顺序与统一格式不一致：“{title}”出现在“{after}”之后",
  en = "the parts are out of order: “{title}” comes after “{after}”",
}

function check(report, emit)
  local rank = {}
  for i, s in ipairs(format.sections) do rank[s.id] = i end
  local last
  for _, s in ipairs(report.sections) do
    if rank[s.id] then
      if last and rank[s.id] < rank[last.id] then
        emit { line = s.line, col = s.col, vars = { title = s.heading, after = last.heading } }
      end
      last = s
    end
  end
end
