-- The pairs a batch measures are met in the core (similar.met) up to
-- SEEN_MAX entries, and asked of the signatures band by band past it:
-- both find the same pairs, with crowded buckets passed over, entries
-- without a signature left out, and a report twice not paired.

local sim = require "nianbao.similar"
local similar = require "similar"

local TEMPLATE = "本机关认真贯彻落实政府信息公开条例，主动公开政府信息，依申请公开工作规范有序，"
                 .. "全年未发生因政府信息公开引起的行政复议和行政诉讼，信息公开平台建设不断加强。"
local WORDS = { "政务", "公开", "年度", "报告", "申请", "办理", "复议", "诉讼", "平台", "栏目" }

local function entries_of(n, seed)
  local state = seed
  local function rand(m) state = (state * 1103515245 + 12345) % 2147483648; return state % m + 1 end
  local entries = {}
  for i = 1, n do
    local text
    if i % 7 == 0 then text = ""                           -- no narrative: no signature
    elseif i % 3 == 0 then text = TEMPLATE                 -- the template whole: crowded buckets
    else
      local extra = {}
      for j = 1, rand(30) do extra[j] = WORDS[rand(#WORDS)] end
      text = TEMPLATE:sub(1, 3 * rand(30) + 30) .. table.concat(extra) .. TEMPLATE:sub(3 * rand(30) + 1)
    end
    -- every tenth the same agency and year as the one before it
    local key = "agency" .. (i % 10 == 0 and i - 1 or i)
    entries[i] = { index = i, key = key, year = 2024, text = text, sig = similar.signature(text) }
  end
  return entries
end

local function listed(got)
  local out = {}
  for _, m in ipairs(got) do
    out[#out + 1] = string.format("%d-%d %.6f %d %s", m.a.index, m.b.index, m.share, m.length, m.passage)
  end
  return table.concat(out, "\n")
end

test("the pairs met in the core are those the signatures give band by band", function()
  for _, n in ipairs { 2, 30, 90 } do
    local entries = entries_of(n, 20261204 + n)
    local seen_max = similar.SEEN_MAX
    local ok, core = pcall(similar.pairs, entries)
    similar.SEEN_MAX = 0
    local ok2, bands = pcall(similar.pairs, entries)
    similar.SEEN_MAX = seen_max
    assert(ok, core)
    assert(ok2, bands)
    eq(listed(bands), listed(core), n .. " entries")
    if n == 30 then eq(true, #core >= 36, "the template's nine copies paired") end
  end
end)

test("a bucket of more than BUCKET_MAX is passed over, of BUCKET_MAX not", function()
  local sig = similar.signature(TEMPLATE)
  for _, n in ipairs { similar.BUCKET_MAX, similar.BUCKET_MAX + 1 } do
    local sigs = {}
    for i = 1, n do sigs[i] = sig end
    local met = sim.met(sigs, n, similar.BANDS, similar.HASHES // similar.BANDS, similar.BUCKET_MAX)
    local pairs_met = 0
    for _, id in ipairs(met) do
      if id ~= 0 then pairs_met = pairs_met + 1 end
    end
    eq(n <= similar.BUCKET_MAX and n * (n - 1) // 2 or 0, pairs_met, n .. " alike")
  end
end)

test("met lists each pair once, i before j, a 0 after each bucket", function()
  local a = similar.signature(TEMPLATE)
  local b = similar.signature(TEMPLATE .. "另有一段不同的文字说明本机关的情况")
  local met = sim.met({ a, false, a, b }, 4, similar.BANDS, similar.HASHES // similar.BANDS, similar.BUCKET_MAX)
  local seen = {}
  for _, id in ipairs(met) do
    if id ~= 0 then
      local i, j = id >> 26, id & 0x3FFFFFF
      eq(true, i < j and i ~= 2 and j ~= 2, "a pair of entries with signatures")
      eq(nil, seen[id], "once")
      seen[id] = true
    end
  end
  eq(true, seen[1 << 26 | 3], "the two alike")
  eq(0, met[#met], "the last bucket closed")
  eq(false, (pcall(sim.met, { "short" }, 1, similar.BANDS, 4, similar.BUCKET_MAX)), "a signature of another size")
  eq(false, (pcall(sim.met, { {} }, 1, similar.BANDS, 4, similar.BUCKET_MAX)), "not a signature")
end)
