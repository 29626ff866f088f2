-- A shared passage walked as a stretch: cover asks first whether a shingle
-- follows, in the other text, the one found before it, and walks such a
-- stretch in a loop of its own. Measured against the plain measure (shingles
-- as strings, sets as tables) on long shared passages broken by edits,
-- passages repeated, and stretches running to either text's end.

local sim = require "nianbao.similar"

-- the characters that count, as nb_similar.c decodes and folds them:
-- {cp =, from =, to =} (first and last byte)
local LEAD = {}
for c = 0xC2, 0xDF do LEAD[c] = { 1, 0x1F } end
for c = 0xE0, 0xEF do LEAD[c] = { 2, 0x0F } end
for c = 0xF0, 0xF4 do LEAD[c] = { 3, 0x07 } end
local function decode(text, i)
  local c = text:byte(i)
  if c < 0x80 then return c, 1 end
  local lead = LEAD[c]
  if not lead then return 0xFFFD, 1 end
  local cp = c & lead[2]
  for k = 1, lead[1] do
    local d = text:byte(i + k)
    if not d or d & 0xC0 ~= 0x80 then return 0xFFFD, 1 end
    cp = cp << 6 | (d & 0x3F)
  end
  return cp, lead[1] + 1
end
local function counted(text)
  local out, i = {}, 1
  while i <= #text do
    local cp, len = decode(text, i)
    if cp >= 0xFF01 and cp <= 0xFF5E then cp = cp - 0xFEE0 end
    if cp >= 65 and cp <= 90 then cp = cp + 32 end
    local keep
    if cp < 0x80 then keep = (cp >= 97 and cp <= 122) or (cp >= 48 and cp <= 57)
    else
      keep = not (cp < 0xC0 or (cp >= 0x2000 and cp <= 0x2BFF) or (cp >= 0x3000 and cp <= 0x303F)
                  or (cp >= 0xFE30 and cp <= 0xFE4F) or (cp >= 0xFF00 and cp <= 0xFFEF)
                  or cp == 0xFFFD or cp == 0xFEFF)
    end
    if keep then out[#out + 1] = { cp = cp, from = i, to = i + len - 1 } end
    i = i + len
  end
  return out
end

local function shingles(ch, k)
  local out = {}
  for i = 1, #ch - k + 1 do
    local cps = {}
    for j = i, i + k - 1 do cps[#cps + 1] = ch[j].cp end
    out[i] = table.concat(cps, ",")
  end
  return out
end

-- the plain measure: shares, passage of b, its length
local function plain_common(a, b, k)
  local ca, cb = counted(a), counted(b)
  local ha, hb = shingles(ca, k), shingles(cb, k)
  if #ha == 0 or #hb == 0 then return 0.0, 0.0, "", 0 end
  local function cover(xs, n, ys)
    local set = {}
    for _, y in ipairs(ys) do set[y] = true end
    local marked, covered, at, len, run_at, run = {}, 0, 0, 0, 0, 0
    for i, x in ipairs(xs) do
      if not set[x] then len = 0
      else
        if len == 0 then at = i end
        len = len + 1
        if len > run then run, run_at = len, at end
        for j = i, i + k - 1 do
          if not marked[j] then marked[j] = true; covered = covered + 1 end
        end
      end
    end
    return covered / n, run_at, run
  end
  local sa = cover(ha, #ca, hb)
  local sb, at, run = cover(hb, #cb, ha)
  if run == 0 then return sa, sb, "", 0 end
  return sa, sb, b:sub(cb[at].from, cb[at + run + k - 2].to), run + k - 1
end

local state = 20261204
local function rand(n) state = (state * 1103515245 + 12345) % 2147483648; return state % n + 1 end

local PHRASES = { "本机关认真贯彻落实政府信息公开条例，", "主动公开政府信息", "依申请公开工作规范有序。",
                  "全年未发生行政复议", "ＡＢＣ１２３", "abc 123", "政府", "\xff", "\n" }
local function text_of(n)
  local out = {}
  for i = 1, n do out[i] = PHRASES[rand(#PHRASES)] end
  return table.concat(out)
end
-- s with a few characters changed, dropped or added
local function edited(s, edits)
  local chars = {}
  for c in s:gmatch("[%z\1-\127\194-\244]?[\128-\191]*") do
    if c ~= "" then chars[#chars + 1] = c end
  end
  for _ = 1, edits do
    local at, how = rand(#chars + 1), rand(3)
    if how == 1 and at <= #chars then chars[at] = "变"
    elseif how == 2 and at <= #chars then table.remove(chars, at)
    else table.insert(chars, at, "新") end
  end
  return table.concat(chars)
end

test("similar.common over long shared stretches measures as the plain measure does", function()
  for round = 1, 120 do
    local k = ({ 1, 3, 5, 10 })[rand(4)]
    local base = text_of(rand(30))
    local a, b
    if round % 4 == 0 then        -- a passage twice over in one text
      a, b = base .. base, edited(base, rand(3) - 1)
    elseif round % 4 == 1 then    -- one text inside the other, to its ends
      a, b = base, text_of(rand(3) - 1) .. base .. text_of(rand(3) - 1)
    else
      a, b = edited(base, rand(6) - 1), edited(base, rand(6) - 1) .. text_of(rand(5))
    end
    if #base > 0 then
      local want = table.pack(plain_common(a, b, k))
      local ka, kb = sim.shingled(a, k), sim.shingled(b, k)
      for _, args in ipairs { { a, b }, { ka, kb }, { kb, ka } } do
        local got = table.pack(sim.common(args[1], args[2], k))
        if args[1] == kb then want = table.pack(plain_common(b, a, k)) end
        for i = 1, 4 do
          eq(want[i], got[i], string.format("value %d of %q, %q, k = %d", i, a, b, k))
        end
      end
      sim.release(ka)
      sim.release(kb)
    end
  end
end)

test("a text against itself is covered whole, its shingles repeated or not", function()
  for _, t in ipairs { "政府信息公开", "公开公开公开公开", "a" } do
    local sa, sb, passage, length = sim.common(t, t, 1)
    eq(1.0, sa, "share of a")
    eq(1.0, sb, "share of b")
    eq(t, passage, "the whole passage")
    eq(utf8.len(t), length, "its length")
  end
end)
