-- Part 6 in practice also covers the year's 政务公开工作要点, 建议提案 and innovation.
id       = "gb2021.struct.s6_items"
severity = "info"
message  = { zh = "“其他需要报告的事项”未涉及{items}", en = "part 6 does not mention {items}" }
rationale = {
  zh = "其他需要报告的事项通常还报告落实上级年度政务公开工作要点、人大代表建议和政协提案办理结果公开、政务公开创新的情况。",
  en = "Part 6 usually also reports on the year's key points of open government work, the handling of deputies' suggestions and proposals, and innovation.",
}
basis    = { "各地年度报告编制通知的通行要求" }

items = {
  { "落实上级年度政务公开工作要点情况", { "工作要点" } },
  { "人大代表建议和政协提案办理结果公开情况", { "建议", "提案" } },
  { "政务公开工作创新情况", { "创新" } },
}

function check(report, emit)
  local s6 = report:section("s6")
  if not s6 then return end
  local missing = {}
  for _, it in ipairs(items) do
    -- (its prose: a word a PDF wrapped over two lines is found)
    if not text.mentions(s6, it[2]) then missing[#missing + 1] = "“" .. it[1] .. "”" end
  end
  if #missing > 0 then
    emit { line = s6.line, col = s6.col, vars = { items = table.concat(missing, "、") } }
  end
end
