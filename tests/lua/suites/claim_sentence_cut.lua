-- nianbao.claim_sentence cuts a text into sentences as the claims' pattern
-- does (a sentence ends after its first mark; the one-byte marks tried
-- before the listed ones, those in their order) and passes over those that
-- hold none of the words: a word across two sentences is in neither, a
-- mark inside a broken character still ends one, the last runs to the end.

local lpeg = require "lpeg"
local P, S, Cp = lpeg.P, lpeg.S, lpeg.Cp

local function index_of(words)
  local groups = {}
  for i = 1, #words do groups[i] = i end
  return select(2, nianbao.words_held("", words, groups))
end

-- the sentences one at a time by a pattern, each kept when a plain search finds a word in it
local function by_pattern(text, marks, words)
  local stop = S"\n;!?"
  for _, m in ipairs(marks) do stop = stop + P(m) end
  local search = (1 - stop)^0 * stop * Cp()
  local out, from = {}, 1
  while from <= #text do
    local e = search:match(text, from) or #text + 1
    local sentence = text:sub(from, e - 1)
    for _, w in ipairs(words) do
      if sentence:find(w, 1, true) then out[#out + 1] = from .. "-" .. e break end
    end
    from = e
  end
  return table.concat(out, " ")
end

local function by_c(text, marks, words)
  local index, out, from = index_of(words), {}, 1
  while from <= #text do
    local at, e = nianbao.claim_sentence(text, from, marks, index)
    if not at then break end
    out[#out + 1] = at .. "-" .. e
    from = e
  end
  return table.concat(out, " ")
end

-- as by_c, the groups held asked for as well: each sentence's are those
-- words_held finds in it (groups: some words share one)
local function listed(held)
  local keys = {}
  for k, v in pairs(held) do keys[#keys + 1] = tostring(k) .. "=" .. tostring(v) end
  table.sort(keys)
  return table.concat(keys, ",")
end
local function by_c_held(text, marks, words, groups)
  local index = select(2, nianbao.words_held("", words, groups))
  local out, from = {}, 1
  while from <= #text do
    local at, e, held = nianbao.claim_sentence(text, from, marks, index, true)
    if not at then break end
    eq(listed(nianbao.words_held(text:sub(at, e - 1), index)), listed(held), text:sub(at, e - 1))
    out[#out + 1] = at .. "-" .. e
    from = e
  end
  return table.concat(out, " ")
end

local MARKS = { "。", "；", "。」", "\xE3\x80" }    -- (one the start of another: the first listed wins)
local WORDS = { "收到", "件", "申请人", "\xE7\x94", "ab" }
local TEXTS = {
  "", "收到", "收到1件。", "本年度未收取费用。收到3件；办结2件", "收到。件", "a。b", "a;b!c?d\n收到",
  "收\n到", "申请人。」其他。", "甲。」收到", "\xE3\x80收到\xE3", "\xE3\x80\x82", "收到\xE3\x80\x82\xE3\x80",
  "无关的一句。又一句无关。", "ab", "a\nb", string.rep("无关", 300) .. "。收到5件",
}

test("the sentences kept are those a pattern cuts that hold a word", function()
  for _, marks in ipairs { MARKS, {}, { "\xE3\x80" } } do
    for _, text in ipairs(TEXTS) do
      eq(by_pattern(text, marks, WORDS), by_c(text, marks, WORDS), text)
    end
  end
end)

test("the groups held are found with the sentence, as words_held finds them", function()
  local groups = { 1, 2, 1, 3, 3 }
  for _, marks in ipairs { MARKS, {}, { "\xE3\x80" } } do
    for _, text in ipairs(TEXTS) do
      eq(by_pattern(text, marks, WORDS), by_c_held(text, marks, WORDS, groups), text)
    end
  end
  -- a word given to every text: no groups with the sentence (the caller asks words_held)
  local index = select(2, nianbao.words_held("", { "x", "" }, { 1, 2 }))
  local a, e, held = nianbao.claim_sentence("无关。x", 1, MARKS, index, true)
  eq(1, a); eq(#"无关。" + 1, e); eq(nil, held)
end)

test("random texts of the marks' and words' bytes are cut alike", function()
  local bytes = { "a", "b", "\n", ";", "!", "\xE3", "\x80", "\x82", "\xE3\x80\x82", "」", "收", "到", "件",
                  "\xE7", "\x94", "申请人" }
  local seed = 11
  local function rand(n) seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n + 1 end
  for _ = 1, 500 do
    local parts = {}
    for k = 1, rand(16) - 1 do parts[k] = bytes[rand(#bytes)] end
    local text = table.concat(parts)
    eq(by_pattern(text, MARKS, WORDS), by_c(text, MARKS, WORDS), text)
    eq(by_pattern(text, MARKS, WORDS), by_c_held(text, MARKS, WORDS, { 1, 2, 1, 3, 3 }), text)
  end
end)

test("many marks are tried in their order as few are", function()
  local many = {}
  for i = 1, 40 do many[i] = "x" .. i .. "。" end
  many[#many + 1] = "x1"                             -- (after the longer ones that start with it)
  for _, text in ipairs { "收到x12。件x1收到", "x40。收到", "收x1到", "收到x4" } do
    eq(by_pattern(text, many, WORDS), by_c(text, many, WORDS), text)
  end
end)

test("from a place inside the text, the next sentence that holds a word", function()
  local index = index_of(WORDS)
  local text = "收到1件。无关。收到2件"
  local a, e = nianbao.claim_sentence(text, 1, MARKS, index)
  eq(1, a); eq(#"收到1件。" + 1, e)
  a, e = nianbao.claim_sentence(text, e, MARKS, index)
  eq(#"收到1件。无关。" + 1, a); eq(#text + 1, e)
  eq(nil, nianbao.claim_sentence(text, #text + 1, MARKS, index), "past the end")
  eq(nil, nianbao.claim_sentence("无关。无关", 1, MARKS, index), "no word")
  eq(false, (pcall(nianbao.claim_sentence, text, 0, MARKS, index)), "a place before the text")
  eq(false, (pcall(nianbao.claim_sentence, text, 1, { "" }, index)), "an empty mark")
  eq(false, (pcall(nianbao.claim_sentence, text, 1, MARKS, {})), "no index")
end)

test("an index with an empty word holds in every sentence", function()
  local index = select(2, nianbao.words_held("", { "x", "" }, { 1, 2 }))
  local a, e = nianbao.claim_sentence("无关。无关", 1, MARKS, index)
  eq(1, a); eq(#"无关。" + 1, e)
end)

-- nianbao.word_at: the first place at init or after where a word begins, as
-- a plain find of each word (the least of their places) says
local function by_find(s, init, words)
  local best
  for _, w in ipairs(words) do
    local at = s:find(w, init, true)
    if at and (not best or at < best) then best = at end
  end
  return best
end

test("word_at finds the first place a word begins, as plain finds do", function()
  local index = index_of(WORDS)
  for _, text in ipairs(TEXTS) do
    for init = 1, #text + 1 do eq(by_find(text, init, WORDS), nianbao.word_at(text, init, index), text .. "@" .. init) end
  end
  local bytes = { "a", "b", "\xE3", "\x80", "\x82", "收", "到", "件", "\xE7", "\x94", "申请人" }
  local seed = 7
  local function rand(n) seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n + 1 end
  for _ = 1, 300 do
    local parts = {}
    for k = 1, rand(12) - 1 do parts[k] = bytes[rand(#bytes)] end
    local text = table.concat(parts)
    local init = rand(#text + 2)
    eq(by_find(text, init, WORDS), nianbao.word_at(text, init, index), text .. "@" .. init)
  end
  eq(nil, nianbao.word_at("收到", 10, index), "past the end")
  eq(false, (pcall(nianbao.word_at, "收到", 0, index)), "a place before the text")
  eq(1, nianbao.word_at("无关", 1, select(2, nianbao.words_held("", { "" }, { 1 }))), "an empty word")
end)

test("word_at gives the group of the word that begins the place it finds", function()
  -- (the quick look asks there only what the character found can begin)
  local index = select(2, nianbao.words_held("", { "3", "无", "上", "\xEF\xBC\x93" }, { 1, 2, 3, 4 }))
  local function found(s, init)
    local at, group = nianbao.word_at(s, init, index)
    return tostring(at) .. " " .. tostring(group)
  end
  eq("1 2", found("无结转", 1))
  eq("7 1", found("收到3件", 1))
  eq("7 4", found("收到３件", 1))
  eq("4 3", found("比上年增加", 1))
  eq("nil nil", found("比去年", 1))
end)
