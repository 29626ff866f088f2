-- Labels are folded a character at a time by a look-up in C
-- (nianbao.text.folder): the same text as the LPeg pass it stands for
-- (labels.char_folder), for any bytes, and as gsub over the characters
-- gives for UTF-8; and labels' simplify as its gsub.

local labels = require "labels"

-- the format's folding, as its pack declares it
local env = setmetatable({}, { __index = _G })
assert(loadfile("rules/gb2021/format.lua", "t", env))()
local F = labels.new(env.fold, env.numerals)

local function lpeg_fold(map, s) return labels.char_folder(map):match(s) end
local function gsub_fold(map, s) return (s:gsub(utf8.charpattern, map)) end

test("a character that is a key is replaced, by any length of text, others kept", function()
  local map = { a = "A", [","] = "", ["、"] = ",", ["萬"] = "万", ["\u{3000}"] = "", ["😀"] = "smile",
                ["é"] = "e", ["ab"] = "never" }
  local fold = nianbao.text.folder(map)
  for _, s in ipairs { "", "a", "b", "abc,、萬\u{3000}😀é", "萬萬萬", "xyz", "ab", "中文，、" } do
    eq(gsub_fold(map, s), fold(s), s)
    eq(lpeg_fold(map, s), fold(s), s)
  end
end)

test("a text with nothing to replace comes back as it is", function()
  local fold = nianbao.text.folder({ ["萬"] = "万" })
  eq("万事", fold("万事"))
  eq("万事", fold("萬事"))
end)

test("a value that is no string is refused", function()
  eq(false, (pcall(nianbao.text.folder, { a = 1 })))
  eq(false, (pcall(nianbao.text.folder, { a = true })))
end)

-- texts made of characters drawn from the keys, characters near them and plain ones
local function random_text(rnd, pool)
  local out = {}
  for i = 1, rnd(0, 12) do out[i] = pool[rnd(1, #pool)] end
  return table.concat(out)
end

-- n such texts (from a seed, the same each run) folded by C as by the LPeg pass
local function agrees(map, pool, seed, n)
  local fold = nianbao.text.folder(map)
  local function rnd(a, b)
    seed = (seed * 1103515245 + 12345) % 2147483648
    return a + seed % (b - a + 1)
  end
  for _ = 1, n do
    local s = random_text(rnd, pool)
    eq(lpeg_fold(map, s), fold(s), s)
  end
end

test("random texts: the same as the LPeg pass and gsub, for the format's map", function()
  local map, pool = {}, {}
  for c = 0xFF01, 0xFF5E do map[utf8.char(c)] = string.char(c - 0xFEE0) end
  for _, c in utf8.codes(env.fold.traditional) do
    local ch = utf8.char(c)
    pool[#pool + 1] = ch
    if #pool % 2 == 1 then map[ch] = "<" .. ch .. ">" end
  end
  for _, s in ipairs { "a", ",", ".", ":", " ", "\t", "中", "é", "😀", "\u{3000}", "ｚ", "ａ", "\u{FEFF}", "丟" } do
    pool[#pool + 1] = s
  end
  map[","], map[" "], map["\u{3000}"] = "", "", ""
  agrees(map, pool, 7, 3000)
end)

test("random bytes, valid UTF-8 or not: the same pieces replaced as by the LPeg pass", function()
  local map = { a = "A", ["\xE4"] = "<e4>", ["a\x80"] = "<a80>", ["\x80"] = "<80>", ["\xFE"] = "<fe>",
                ["萬"] = "万", ["\xE8\x90"] = "<cut>", ["\xE8\x90\xAC\x80"] = "<long>", ["ab"] = "<ab>" }
  local pool = { "a", "b", "\x80", "\xBF", "\xC0", "\xC2", "\xE4", "\xE8", "\x90", "\xAC", "\xFE", "\xFF",
                 "萬", "中", " ", "\0" }
  agrees(map, pool, 11, 5000)
end)

test("simplify: the gsub of three-byte characters it stands for", function()
  local simple = {}
  local chars = {}
  for _, c in utf8.codes(env.fold.traditional) do chars[#chars + 1] = utf8.char(c) end
  for i = 1, #chars - 1, 2 do simple[chars[i]] = chars[i + 1] end
  for _, s in ipairs { "萬與業", "國務院辦公廳關於", "中文 text 報告,", "", "ab\xff萬", "萬\xe4\xb8" } do
    local want = s
    if utf8.len(s) then want = s:gsub("[\228-\233][\128-\191][\128-\191]", simple) end
    eq(want, F.simplify(s), s)
  end
end)

test("norm: full width folded, spaces, quotes and commas dropped, closing colons and stops cut", function()
  eq("(一)予以公开", F.norm("（一）予以公开"))
  eq("总体情况", F.norm("總體 情况：。"))
  eq("ab", F.norm("“ａ，b”"))
  eq("", F.norm("：：.."))
  eq("\xff:", F.norm("\xff:"))
end)
