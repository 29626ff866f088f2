-- 存在的主要问题及改进情况 names what was or will be done, not only the problems.
id       = "gb2021.struct.s5_measures"
severity = "warning"
message  = {
  zh = "“存在的主要问题及改进情况”缺少改进措施",
  en = "part 5 names problems but no improvement",
}
rationale = {
  zh = "这一部分要写存在的主要问题和改进情况；只列问题、不写改进措施，内容不完整。",
  en = "Part 5 gives the main problems and the improvements; problems without measures leave it incomplete.",
}
basis    = { "《中华人民共和国政府信息公开条例》第五十条第（四）项" }

-- (a plan is a measure too: 计划开展…, 进一步规范…, 力争…; so is a thing
-- done: 已制定…, 督促…, 优化…, in the many verbs agencies use. Verbs a
-- problem is worded in as often are not here: 有待提高, 不够规范, 尚未建立)
words = { "改进", "整改", "措施", "下一步", "加强", "完善", "提升", "将", "计划", "进一步", "力争",
          "优化", "强化", "推动", "着力", "做好", "持续", "深化", "确保", "督促", "制定", "拓展",
          "拓宽", "加大", "加快", "注重", "坚持", "今后", "努力", "改善", "整治" }

-- the words that name a problem: a part naming none (无) is not one of
-- problems without measures, nor one saying it found none (未发现明显问题)
problems = { "问题", "不足", "差距", "有待", "不够", "不到位", "不及时", "欠缺", "滞后", "薄弱",
             "短板", "不强", "不高", "单一", "不全", "不一" }
none_found = { "未发现", "没有发现", "无明显", "不存在", "未出现", "暂无", "没有问题" }

-- what makes a measure's word right after it a problem's: not done
-- (尚未制定, 未将…纳入, 没有建立), not enough (不够完善, 欠规范), still
-- wanting (有待提升, 亟待加强); a measure's word after one so made is the
-- problem's too (有待进一步加强). (Not 仍需, 需要: 仍需加强 is as often
-- a plan; nor 不断, which holds no 不 right before its word.)
wanting = { "未能", "未", "没有", "不够", "不", "欠", "待" }

-- what makes a measure's word a problem's where it ends its clause, no
-- object after it: still needed (…的及时性需要加强；, 说理仍需进一步完善。);
-- 仍需加强培训, its object after it, is a plan
needing = { "需要", "需" }
clause_ends = { "，", "。", "；", "：", "！", "、", ",", ".", ";", "\n" }

-- unless its sentence opens as an answer to the problems named before it
-- (对此，宣传力度仍需加强。, 为此，…还需完善。): then the need is the plan
responding = { "对此", "为此", "针对" }
sentence_ends = { "。", "；", "！", "？", ";", "\n" }

-- the last characters of those words and of the measures' (a character
-- of three bytes each): a measure's word after none of them is a measure
-- at once, with no look further back (most are)
local last_chars = {}
for _, list in ipairs { wanting, needing, words } do
  for _, w in ipairs(list) do last_chars[w:sub(-3)] = true end
end

-- does the clause end at j of the text, or after measures' words from j
-- on (需要进一步加强。)?
local function ends_clause(prose, j)
  for _ = 1, 8 do
    if j >= #prose then return true end
    local after
    for _, e in ipairs(clause_ends) do
      if prose:sub(j + 1, j + #e) == e then return true end
    end
    for _, w in ipairs(words) do
      if prose:sub(j + 1, j + #w) == w then after = w; break end
    end
    if not after then return false end
    j = j + #after
  end
  return false
end

-- does the sentence holding the text's byte i open with a word of responding?
local function responded(prose, i)
  local from = 1
  for _, e in ipairs(sentence_ends) do
    local k = 1
    while true do
      local a, b = prose:find(e, k, true)
      if not a or a >= i then break end
      if b + 1 > from then from = b + 1 end
      k = b + 1
    end
  end
  local opening = prose:sub(from, i - 1):match("^%s*(.*)$")
  for _, w in ipairs(responding) do
    if opening:sub(1, #w) == w then return true end
  end
  return false
end

-- is the word at i..j of the text made a problem's by a word of wanting
-- right before it, or by a word of needing with its clause ending after
-- it, or by a measure's word so made right before it?
local function wanting_before(prose, i, j)
  for _ = 1, 8 do
    local before
    for _, w in ipairs(wanting) do
      if i > #w and prose:sub(i - #w, i - 1) == w then return true end
    end
    for _, w in ipairs(needing) do
      if i > #w and prose:sub(i - #w, i - 1) == w and ends_clause(prose, j) then return not responded(prose, i) end
    end
    for _, w in ipairs(words) do
      if i > #w and prose:sub(i - #w, i - 1) == w then before = w; break end
    end
    if not before then return false end
    i = i - #before
  end
  return false
end

-- does the text hold a measure's word that no word of wanting makes a problem's?
local function measured(prose)
  for _, w in ipairs(words) do
    local from = 1
    while true do
      local i, j = prose:find(w, from, true)
      if not i then break end
      if not (i > 3 and last_chars[prose:sub(i - 3, i - 1)]) or not wanting_before(prose, i, j) then return true end
      from = j + 1
    end
  end
  return false
end

function check(report, emit)
  local s5 = report:section("s5")
  if not s5 or s5.text == "" then return end
  -- (its text first; its prose, a PDF's wrapped lines joined, only where
  -- the text holds no measure as it stands)
  if measured(s5.text) or s5.text:find("\n", 1, true) and measured(text.prose(s5)) then return end
  -- (its prose: a word a PDF wrapped over two lines is found)
  if not text.mentions(s5, problems) or text.mentions(s5, none_found) then return end
  emit { line = s5.line, col = s5.col }
end
