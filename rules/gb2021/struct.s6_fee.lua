-- 国办函〔2020〕109号: part 6 says whether 信息处理费 was collected.
id       = "gb2021.struct.s6_fee"
severity = "warning"
message  = { zh = "未报告信息处理费收取情况", en = "part 6 does not say whether processing fees were collected" }
rationale = {
  zh = "其他需要报告的事项中要说明是否收取了信息处理费（收取的写明情况）。",
  en = "Part 6 says whether information processing fees were collected (and, if so, how much).",
}
basis    = { "国办函〔2020〕109号《政府信息公开信息处理费管理办法》", "国办公开办函〔2021〕30号" }

-- (未收取任何费用, 未向申请人收取费用, 均免费提供: said without the fee's name)
words = { "信息处理费", "处理费", "收费", "收取", "免费" }

-- 费用 alone says the fee where its clause denies one (未产生任何费用,
-- 不涉及费用) or counts it (相关费用0元); a cost of the work named so
-- (专栏运维等相关费用按规定列入部门预算) does not
cost = "费用"
denials = { "未", "无", "没有", "不", "零" }
clause_ends = { "，", "。", "；", "：", "！", "？", ",", ";", "\n" }

-- where the clause around i..j of the prose starts and ends
local function clause_of(prose, i, j)
  local from, to = 1, #prose
  for _, e in ipairs(clause_ends) do
    local at = 1
    while true do
      local k = prose:find(e, at, true)
      if not k or k >= i then break end
      if k + #e > from then from = k + #e end
      at = k + 1
    end
    local k = prose:find(e, j + 1, true)
    if k and k - 1 < to then to = k - 1 end
  end
  return from, to
end

-- does the prose say the fee with 费用 alone?
local function cost_said(prose)
  local at = 1
  while true do
    local i, j = prose:find(cost, at, true)
    if not i then return false end
    local from, to = clause_of(prose, i, j)
    local before = prose:sub(from, i - 1)
    for _, d in ipairs(denials) do
      if before:find(d, 1, true) then return true end
    end
    if prose:sub(j + 1, to):find("%d") then return true end
    at = j + 1
  end
end

function check(report, emit)
  local s6 = report:section("s6")
  if not s6 then return end
  for _, w in ipairs(words) do
    if s6.heading:find(w, 1, true) then return end
  end
  if text.mentions(s6, words) then return end      -- (its prose: a word a PDF wrapped over two lines is found)
  if text.mentions(s6, { cost }) and cost_said(text.prose(s6)) then return end
  emit { line = s6.line, col = s6.col }
end
