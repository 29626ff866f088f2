-- Text copied from last year's report: the previous year where this one belongs.
id       = "gb2021.date.stale_year"
severity = "warning"
message  = {
  zh = "正文年份疑似沿用上一年度报告：{where}中“{old}年”出现{n_old}次，“{year}年”仅{n_new}次",
  en = "the text seems copied from last year's report: in {where_en} “{old}” appears {n_old} times, “{year}” {n_new}",
}
rationale = {
  zh = "正文中上一年的年份比本年出现得还多，多半是照抄上一年的报告没有改；内容雷同、敷衍塞责的年度报告要追责。",
  en = "The previous year appears more often than this one: the text was most likely copied from last year's report; copied or perfunctory reports are to be pursued.",
}
basis    = { "国办公开办函〔2021〕30号（四）明确责任", "《中华人民共和国政府信息公开条例》第四十七条" }
params   = { min = 3 }    -- how often the old year must appear before it is suspicious

local names = { s1 = { "“总体情况”", "part 1" }, s5 = { "“存在的主要问题及改进情况”", "part 5" } }

local function count(s, pat)
  local n = 0
  for _ in s:gmatch(pat) do n = n + 1 end
  return n
end

function check(report, emit)
  local y = report.year
  if not y then return end
  for _, sid in ipairs { "s1", "s5" } do
    local s = report:section(sid)
    if s then
      -- "2023年" but not "2023年度报告"-style citations of other documents
      local n_old = count(s.text, tostring(y - 1) .. "%s*年")
      local stale = s.text:find("本年度?%s*" .. tostring(y - 1)) or s.text:find("今年%s*" .. tostring(y - 1))
      -- this year's mentions matter only where the old year is frequent
      local n_new = (n_old >= params.min or stale) and count(s.text, tostring(y) .. "%s*年")
      if (n_old >= params.min and n_old > 2 * n_new) or stale then
        emit { line = s.line, col = s.col, found = tostring(y - 1), expected = tostring(y),
               vars = { where = names[sid][1], where_en = names[sid][2], old = y - 1, year = y,
                        n_old = n_old, n_new = n_new } }
      end
    end
  end
end
