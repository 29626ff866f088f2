-- 总体情况 covers five aspects (国办公开办函〔2021〕30号, 报告内容（一）).
id       = "gb2021.struct.s1_aspects"
severity = "info"
message  = { zh = "总体情况未涉及{aspects}", en = "part 1 (总体情况) does not mention {aspects}" }
rationale = {
  zh = "30号文要求总体情况综述主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障五个方面。",
  en = "30号 asks part 1 to cover five aspects: proactive disclosure, requests, information management, the disclosure platform, and supervision.",
}
basis    = { "国办公开办函〔2021〕30号一、报告内容（一）总体情况" }

-- each aspect, and the words that show a report covers it
aspects = {
  { "主动公开",         { "主动公开" } },
  { "依申请公开",       { "依申请公开", "公开申请" } },
  { "政府信息管理",     { "信息管理", "政府信息管理", "公开属性", "源头认定" } },
  { "政府信息公开平台建设", { "平台", "网站", "新媒体", "公开专栏", "公报" } },
  { "监督保障",         { "监督保障", "监督", "考核", "培训", "保障" } },
}

function check(report, emit)
  if report.format == "legacy" then return end   -- the old structure's parts: reported once, as such
  local s1 = report:section("s1")
  if not s1 then return end
  local missing = {}
  for _, a in ipairs(aspects) do
    -- (its prose: a word a PDF wrapped over two lines is found)
    if not text.mentions(s1, a[2]) then missing[#missing + 1] = "“" .. a[1] .. "”" end
  end
  if #missing > 0 then
    emit { line = s1.line, col = s1.col, vars = { aspects = table.concat(missing, "、") } }
  end
end
