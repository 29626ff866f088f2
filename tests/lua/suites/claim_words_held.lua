-- nianbao.words_held finds the grammars whose words a sentence holds as a
-- plain search for each word does: words inside others, broken characters,
-- words at the very end, words longer than the text, empty words.

local function by_find(s, words, groups)
  local found = {}
  for i, w in ipairs(words) do
    if s:find(w, 1, true) then found[groups[i]] = true end
  end
  return found
end

local function listed(t)
  local out = {}
  for k, v in pairs(t) do out[#out + 1] = tostring(k) .. "=" .. tostring(v) end
  table.sort(out)
  return table.concat(out, " ")
end

local WORDS = { "依申请公开", "申请", "件", "\xE7\x94", "复议", "5", "ab", "abc", "b", "申请人", "" }
local GROUPS = { 1, 2, 3, 4, 6, 7, 8, 8, 9, 10, 11 }
local TEXTS = {
  "", "a", "ab", "依申请公开，收到1件。", "申请：收到1件", "收到1件\xE7\x94，复议", "\xE7收到\x94",
  "申", "申请", "5", "xxab", "xxa", "abc", "申请人数5件", "\xE7\x94\xB3", "bbbbbb", string.rep("办结", 500) .. "复议",
}

test("the words a sentence holds are found as a plain search for each finds them", function()
  -- without the empty word, and with it (found in every text)
  for _, with_empty in ipairs { false, true } do
    local words, groups = {}, {}
    for i, w in ipairs(WORDS) do
      if with_empty or w ~= "" then words[#words + 1], groups[#groups + 1] = w, GROUPS[i] end
    end
    for _, s in ipairs(TEXTS) do
      eq(listed(by_find(s, words, groups)), listed(nianbao.words_held(s, words, groups)), s)
    end
  end
  eq("", listed(nianbao.words_held("申请", {}, {})), "no words")
  eq("2=true", listed(nianbao.words_held("收到申请", { "申请", "申请" }, { 2, 2 })), "a group named twice")
end)

test("random texts of the words' bytes hold what a plain search finds", function()
  local bytes = { "a", "b", "c", "5", "\xE7", "\x94", "\xB3", "\xE8", "\xAF", "\xB7", "件" }
  local seed = 7
  local function rand(n) seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n + 1 end
  local words, groups = {}, {}
  for i, w in ipairs(WORDS) do
    if w ~= "" then words[#words + 1], groups[#groups + 1] = w, GROUPS[i] end
  end
  for _ = 1, 400 do
    local parts = {}
    for k = 1, rand(12) - 1 do parts[k] = bytes[rand(#bytes)] end
    local s = table.concat(parts)
    eq(listed(by_find(s, words, groups)), listed(nianbao.words_held(s, words, groups)), s)
  end
end)

test("words that are not strings, or groups not integers, are refused", function()
  eq(false, (pcall(nianbao.words_held, "abc", { 5 }, { 1 })), "a number for a word")
  eq(false, (pcall(nianbao.words_held, "abc", { "a" }, { "x" })), "a group that is no integer")
  eq(false, (pcall(nianbao.words_held, "abc", { "a", "b" }, { 1 })), "fewer groups than words")
end)

test("the words compiled by one look, given to the next, find what the tables find", function()
  local words, groups = {}, {}
  for i, w in ipairs(WORDS) do words[i], groups[i] = w, GROUPS[i] end
  local _, index = nianbao.words_held("", words, groups)
  eq("userdata", type(index), "the words compiled")
  for _, s in ipairs(TEXTS) do
    local held, again = nianbao.words_held(s, index)
    eq(listed(by_find(s, words, groups)), listed(held), s)
    eq(index, again, "the same index given back")
  end
  -- (the index keeps its own copy: the tables changed after it change nothing)
  words[1], words[2] = "x", "y"
  eq(listed(by_find("申请", WORDS, GROUPS)), listed(nianbao.words_held("申请", index)), "the tables changed")
  local _, none = nianbao.words_held("x", {}, {})
  eq("", listed(nianbao.words_held("申请", none)), "no words")
  eq(false, (pcall(nianbao.words_held, "abc", require("lpeg").P"a")), "a userdata not an index")
  eq(false, (pcall(nianbao.words_held, "abc", io.stdout)), "another userdata")
end)

test("words whose first two bytes are listed together are told apart, of any group", function()
  -- (pairs of first bytes that share a list of the index: "\1\0" and "\0@", "\xE5\x90" and "\xE1\x90")
  local words = { "\1\0x", "\0@y", "\0@", "\xE5\x90\x8C", "\xE1\x90\x8C", "\xE5\x90", "\1", "\0" }
  local groups = { 1, 2, 3, 100, -4, 0, 65, 1 }
  local bytes = { "\0", "\1", "@", "x", "y", "\xE5", "\xE1", "\x90", "\x8C" }
  local seed = 11
  local function rand(n) seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n + 1 end
  local _, index = nianbao.words_held("", words, groups)
  for _ = 1, 600 do
    local parts = {}
    for k = 1, rand(10) - 1 do parts[k] = bytes[rand(#bytes)] end
    local s = table.concat(parts)
    eq(listed(by_find(s, words, groups)), listed(nianbao.words_held(s, words, groups)), s)
    eq(listed(by_find(s, words, groups)), listed(nianbao.words_held(s, index)), s)
  end
end)
