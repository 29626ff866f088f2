-- Copied narrative measured fast and the same: similar.common against a
-- plain measure written here (shingles as strings, sets as tables), for
-- texts and for texts cut once (similar.shingled); each narrative of a
-- bucket read once for all its pairs.

local sim = require "nianbao.similar"
local similar = require "similar"

-- the plain measure the core is held against (shingles as strings, sets as tables)
local plain_common = dofile("tests/lua/similar_plain.lua")

local state = 20261202
local function rand(n) state = (state * 1103515245 + 12345) % 2147483648; return state % n + 1 end
-- few letters, so that texts share shingles, repeat them, and meet wide
-- and full-width forms, case, punctuation, spaces and a bad byte
local LETTERS = { "政", "府", "信", "息", "公", "开", "A", "a", "Ａ", "1", "１", "，", "。", " ", "\xff", "\n" }
local function text_of(n, letters)
  local out = {}
  for i = 1, n do out[i] = LETTERS[rand(letters or #LETTERS)] end
  return table.concat(out)
end

test("similar.common measures as the plain measure does, for texts and for texts cut once", function()
  for round = 1, 300 do
    local k = ({ 1, 2, 3, 5, 10 })[rand(5)]
    local base = text_of(rand(60), round % 3 == 0 and 4 or nil)
    local a = base:sub(1, rand(#base)) .. text_of(rand(30))
    local b = text_of(rand(20)) .. base:sub(rand(#base))
    local want = table.pack(plain_common(a, b, k))
    local ka, kb = sim.shingled(a, k), sim.shingled(b, k)
    for _, args in ipairs { { a, b }, { ka, kb }, { ka, b }, { a, kb } } do
      local got = table.pack(sim.common(args[1], args[2], k))
      for i = 1, 4 do
        eq(want[i], got[i], string.format("value %d of %q, %q, k = %d", i, a, b, k))
      end
    end
    sim.release(ka)
    sim.release(kb)
  end
end)

test("a text cut in shingles is measured only with its own k, and not once released", function()
  local a = sim.shingled("本机关认真贯彻落实条例主动公开政府信息", 5)
  eq(false, (pcall(sim.common, a, "本机关认真贯彻落实条例", 10)), "another k")
  eq(true, (pcall(sim.common, a, "本机关认真贯彻落实条例", 5)), "its k")
  sim.release(a)
  eq(false, (pcall(sim.common, a, "本机关认真贯彻落实条例", 5)), "released")
  eq(false, (pcall(sim.common, "本机关认真贯彻落实条例", {}, 5)), "not a text")
end)

local TEMPLATE = "本机关认真贯彻落实政府信息公开条例，主动公开政府信息，依申请公开工作规范有序，"
                 .. "全年未发生因政府信息公开引起的行政复议和行政诉讼，信息公开平台建设不断加强。"

test("a bucket's narratives are read once for all their pairs", function()
  local entries = {}
  for i = 1, 12 do
    entries[i] = { index = i, key = "agency" .. i, year = 2024, text = TEMPLATE, sig = similar.signature(TEMPLATE) }
  end
  local reads = 0
  local got = similar.pairs(entries, function(e) reads = reads + 1; return e.text end)
  eq(66, #got, "every pair of twelve")
  eq(12, reads, "each narrative read once")
end)

test("pairs measured in a bucket measure as each pair alone", function()
  local entries = {}
  for i = 1, 20 do
    local text = TEMPLATE:sub(1, 3 * rand(40) + 60) .. text_of(rand(40)) .. TEMPLATE:sub(3 * rand(20) + 1)
    entries[i] = { index = i, key = "agency" .. i, year = 2024, text = text, sig = similar.signature(text) }
  end
  local kept = similar.CUT_BYTES
  for _, budget in ipairs { kept, 1000, 0 } do    -- every text kept cut, some, none
    similar.CUT_BYTES = budget
    local ok, got = pcall(similar.pairs, entries)
    similar.CUT_BYTES = kept
    assert(ok, got)
    eq(true, #got > 20, "pairs found")
    for _, m in ipairs(got) do
      local alone = similar.measure({ text = m.a.text }, { text = m.b.text })
      eq(alone.share, m.share, "share")
      eq(alone.passage, m.passage, "passage")
      eq(alone.length, m.length, "length")
    end
  end
end)

test("a signature is the same minima as ever", function()
  local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
  eq("982d2b04f04c0100b57ff002ee89700294249b0039471c06e15a5d068b7eec026a09dc07728889075dfea703a6f3e008"
     .. "5b2d2a0587f4e30256392900ad2836047b4eb100c0342c04508ba305c0b3ed091d8e36007a53b7028ec2b30335b1180"
     .. "001ea5e024a3129019aa1b3009c79e901f0735909cb318a007adf02053bdb0e01bb2b3e03fb470f01e64de107d8daf9"
     .. "010ba11d01e298fc01e95cfd00433008039648030101d5e202a9a4e200bbd307017374630c28c46204b974e0041bbe0d"
     .. "02cf344f01b93e0505643589005802e404d3547902b82f4d04ae844e0836f46302b9232b0591a8ac0763d65c0eb19fa6"
     .. "02935d7001476b0402cdf2b5055b2d260a", hex(sim.signature(TEMPLATE)), "64 minima of shingles of 10")
  eq("0a748d02c9c891034dd7b20440320501df04ce000e83cf04710f6704", hex(sim.signature(TEMPLATE, 3, 7)), "7 of 3")
  eq("a1a5d4178de5ced7", sim.fnv(sim.signature(TEMPLATE, 10, 256)), "256 of 10")
end)
