-- How alike two labels are (1 − edit distance / the longer length) is
-- measured with two rows of distances taken in turn: the same as a new
-- row made for each character with the least of three taken by math.min.

local tables = require "tables"

-- edit distance with a new row per character (the reference)
local function reference(a, b)
  local x, y = {}, {}
  for _, c in utf8.codes(a) do x[#x + 1] = c end
  for _, c in utf8.codes(b) do y[#y + 1] = c end
  if #x == 0 or #y == 0 then return 0 end
  local have, shared = {}, 0
  for i = 1, #y do local c = y[i]; have[c] = (have[c] or 0) + 1 end
  for i = 1, #x do
    local c = x[i]
    if (have[c] or 0) > 0 then shared, have[c] = shared + 1, have[c] - 1 end
  end
  local bound = shared / math.max(#x, #y)
  if bound < 0.6 then return bound end
  local prev = {}
  for j = 0, #y do prev[j] = j end
  for i = 1, #x do
    local cur = { [0] = i }
    for j = 1, #y do
      local cost = x[i] == y[j] and 0 or 1
      cur[j] = math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
    end
    prev = cur
  end
  return 1 - prev[#y] / math.max(#x, #y)
end

test("two labels are as alike as edit distance row by row measures them", function()
  local words = { "", "a", "ab", "ba", "abc", "acb", "kitten", "sitting", "其他", "其它", "结果维持", "结果维特",
                  "社会公益组织", "社会公益组识", "法人或其他组织", "法人或其它组织", "本年新收政府信息公开申请数量",
                  "本年新收政府信息申请数量", "申请人情况", "情况申请人", "予以公开", "部分公开", "不予公开",
                  "行政复议", "行政诉讼", "复议后起诉", "未经复议直接起诉", "aaaa", "aaab", "abab", "baba",
                  "3.其他法律行政法规禁止公开", "2.其他法律行政止公开", "其他法律行政法规禁止公开", "5.要求行政机关确认或重新出具已获取信息",
                  "要求行政机关确认或重新出", "1.信访举报投诉类申请", "信访举报投诉申请", "1.本机关不掌握相关政府信息", "本机关不掌握政府信息" }
  local measured = 0
  for _, a in ipairs(words) do
    for _, b in ipairs(words) do
      local want, got = reference(a, b), tables.likeness(a, b)
      eq(want, got, "likeness of " .. a .. " and " .. b)
      if want >= 0.6 and a ~= b then measured = measured + 1 end
    end
  end
  eq(true, measured > 20, "pairs measured by edit distance (" .. measured .. ")")
end)
