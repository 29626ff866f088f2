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

-- a comparison names last year as last year, and is no copied text:
-- "比2021年", "（2021年度为69件）", "与2021年相比", "2021年同期"
compared_before = { "比", "较", "与", "同", "（", "(" }
compared_after  = { "为", "同期", "相比", "相较" }

local names = { s1 = { "“总体情况”", "part 1" }, s5 = { "“存在的主要问题及改进情况”", "part 5" } }

-- how often pattern pat is said in text s (the matches counted in one call)
local function count(s, pat)
  local _, n = s:gsub(pat, "")
  return n
end

local function said_at(s, at, words)
  for _, w in ipairs(words) do
    if s:sub(at, at + #w - 1) == w then return true end
  end
  return false
end

local function said_before(s, at, words)
  for _, w in ipairs(words) do
    if at > #w and s:sub(at - #w, at - 1) == w then return true end
  end
  return false
end

-- how often the old year is said (pattern pat), less where it is compared with
local function count_old(s, pat)
  local n = 0
  for at, after in s:gmatch("()" .. pat .. "()") do
    if s:sub(after, after + 2) == "度" then after = after + 3 end
    if not said_before(s, at, compared_before) and not said_at(s, after, compared_after) then n = n + 1 end
  end
  return n
end

function check(report, emit)
  local y = report.year
  if not y then return end
  local old, new = tostring(y - 1), tostring(y)
  -- a part that never names the old year has nothing stale in it (looked
  -- for as it is written when it is digits alone, as every mention holds it)
  local digits = old:find("^%d+$") ~= nil
  for _, sid in ipairs { "s1", "s5" } do
    local s = report:section(sid)
    local text = s and s.text
    if text and (not digits or text:find(old, 1, true)) then
      -- "2023年" but not "2023年度报告"-style citations of other documents
      local n_old = count_old(text, old .. "%s*年")
      local stale = text:find("本年度?%s*" .. old) or text:find("今年%s*" .. old)
      -- this year's mentions matter only where the old year is frequent
      local n_new = (n_old >= params.min or stale) and count(text, new .. "%s*年")
      if (n_old >= params.min and n_old > 2 * n_new) or stale then
        emit { line = s.line, col = s.col, found = old, expected = new,
               vars = { where = names[sid][1], where_en = names[sid][2], old = y - 1, year = y,
                        n_old = n_old, n_new = n_new } }
      end
    end
  end
end
