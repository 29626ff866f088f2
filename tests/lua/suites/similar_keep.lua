-- A small batch's narratives are read and cut once for all the bands they
-- meet in, and what they measure is what each pair measures alone.

local similar = require "similar"

local TEMPLATE = "本机关认真贯彻落实政府信息公开条例，主动公开政府信息，依申请公开工作规范有序，"
                 .. "全年未发生因政府信息公开引起的行政复议和行政诉讼，信息公开平台建设不断加强。"
local WORDS = { "政务", "公开", "年度", "报告", "申请", "办理", "复议", "诉讼", "平台", "栏目" }

-- texts sharing parts of one template, so that their pairs meet in
-- different bands
local function entries_of(n)
  local state = 20261203
  local function rand(m) state = (state * 1103515245 + 12345) % 2147483648; return state % m + 1 end
  local entries = {}
  for i = 1, n do
    local extra = {}
    for j = 1, rand(30) do extra[j] = WORDS[rand(#WORDS)] end
    local text = TEMPLATE:sub(1, 3 * rand(30) + 30) .. table.concat(extra) .. TEMPLATE:sub(3 * rand(30) + 1)
    entries[i] = { index = i, key = "agency" .. i, year = 2024, text = text, sig = similar.signature(text) }
  end
  return entries
end

test("a small batch's narratives are read once for every band", function()
  local entries = entries_of(24)
  local reads, most = {}, 0
  local got = similar.pairs(entries, function(e)
    reads[e] = (reads[e] or 0) + 1
    most = math.max(most, reads[e])
    return e.text
  end)
  eq(true, #got > 24, "pairs found")
  eq(1, most, "each narrative read once")
end)

test("narratives kept for every band, some or none, measure as each pair alone", function()
  local entries = entries_of(24)
  local keep = similar.KEEP_BYTES
  local want
  for _, budget in ipairs { keep, 2000, 0 } do
    similar.KEEP_BYTES = budget
    local ok, got = pcall(similar.pairs, entries)
    similar.KEEP_BYTES = keep
    assert(ok, got)
    want = want or #got
    eq(want, #got, "the same pairs")
    for _, m in ipairs(got) do
      local alone = similar.measure({ text = m.a.text }, { text = m.b.text })
      eq(alone.share, m.share, "share")
      eq(alone.passage, m.passage, "passage")
      eq(alone.length, m.length, "length")
    end
  end
end)

test("past SEEN_MAX entries the narratives kept for every band are held to KEEP_BYTES_MANY", function()
  local entries = entries_of(24)
  local seen_max, keep, many = similar.SEEN_MAX, similar.KEEP_BYTES, similar.KEEP_BYTES_MANY
  -- most reads of one narrative, and the pairs, with these limits
  local function walk(seen, k, m)
    similar.SEEN_MAX, similar.KEEP_BYTES, similar.KEEP_BYTES_MANY = seen, k, m
    local reads, most = {}, 0
    local ok, got = pcall(similar.pairs, entries, function(e)
      reads[e] = (reads[e] or 0) + 1
      most = math.max(most, reads[e])
      return e.text
    end)
    similar.SEEN_MAX, similar.KEEP_BYTES, similar.KEEP_BYTES_MANY = seen_max, keep, many
    assert(ok, got)
    return most, #got
  end
  local once, n = walk(10, 0, 1 << 20)
  eq(true, n > 24, "pairs found")
  eq(1, once, "past SEEN_MAX: KEEP_BYTES_MANY kept them all, each read once")
  local again, n2 = walk(10, 1 << 20, 0)
  eq(true, again > 1, "past SEEN_MAX: KEEP_BYTES is not its limit")
  eq(n, n2, "the same pairs")
  local small = walk(100, 1 << 20, 0)
  eq(1, small, "up to SEEN_MAX: KEEP_BYTES kept them all")
end)
