-- The plain measure of copied narrative the similarity tests hold the
-- core against: shingles as strings, sets as tables, written for reading.
--   local plain_common = dofile("tests/lua/similar_plain.lua")

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


return plain_common
