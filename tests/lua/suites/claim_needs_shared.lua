-- The pass that looks for the words grammars need tells them apart a byte
-- at a time: words of several grammars that share their first character,
-- a word of one character beside longer words beginning with it, and many
-- first characters side by side are each found where a plain find finds
-- them, and only there.

local F = nianbao.engine:pack("gb2021").format
local claims = require "claims"

local verbs = { "收到", "办结", "受理", "处理", "答复" }
local cells = { "t3.new.total", "t3.carried.total", "t3.next.total", "t3.new.np", "t3.new.lp" }
local SENTENCE = "收到1件，办结2件，受理3件，处理4件，答复5件。"

-- what each grammar needs: shared first characters (申, 公, 不), a word of
-- one character that begins longer ones (公 / 公开, 不 / 不予), words of
-- one, two and three bytes first, and first characters of many first bytes
local NEEDS = {
  { "申请", "公", "甲乙丙" },
  { "申报", "公开", "%" },
  { "申", "不予", "é" },
  { "不", "公开申请", "①" },
  { "丁", "戊", "己", "庚", "辛", "壬", "癸", "子", "丑", "寅", "卯" },
}

local function reading()
  local T = claims.for_format(F)
  for k, needs in ipairs(NEEDS) do
    T.grammar { name = "g" .. k, topic = "t3", needs = needs, cells = cells[k],
                readers = { { grammar = 'claim <- "' .. verbs[k] .. '" %count' } } }
  end
  return T
end

local function read_by(T, s)
  local out = {}
  for _, c in ipairs(T.read(s, { year = 2024 })) do out[#out + 1] = c.grammar.name end
  table.sort(out)
  return table.concat(out, " ")
end

local function found_by(s)
  local out = {}
  for k, needs in ipairs(NEEDS) do
    for _, w in ipairs(needs) do
      if s:find(w, 1, true) then out[#out + 1] = "g" .. k; break end
    end
  end
  table.sort(out)
  return table.concat(out, " ")
end

test("words grammars need that share first characters are found where a plain find finds them", function()
  local T = reading()
  local n = 0
  for _, before in ipairs {
    "", "申请：", "申报：", "申：", "公：", "公开：", "公开申请：", "不：", "不予：", "甲乙丙：", "甲乙：",
    "é：", "e：", "①：", "②：", "%：", "癸：", "卯", "申公不", "中请公正不足", "子丑寅卯", "ÉÈ",
  } do
    local s = before .. SENTENCE
    local want = found_by(s)
    eq(want, read_by(T, s), s)
    if want ~= "" then n = n + 1 end
  end
  eq(true, n >= 15, "sentences that hold a needed word: " .. n)
end)
