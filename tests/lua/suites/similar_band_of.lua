-- Past SEEN_MAX the pairs are met band by band; a caller whose signatures
-- wait elsewhere hands each_pair band_of, and a band is read apart, not
-- the whole signature once a band: the same pairs are found.

local similar = require "similar"

local TEMPLATE = "本机关认真贯彻落实政府信息公开条例，主动公开政府信息，依申请公开工作规范有序，"
                 .. "全年未发生因政府信息公开引起的行政复议和行政诉讼，信息公开平台建设不断加强。"

local function listed(got)
  table.sort(got, similar.in_order)
  local out = {}
  for _, m in ipairs(got) do
    out[#out + 1] = string.format("%d-%d %.6f %d %s", m.a.index, m.b.index, m.share, m.length, m.passage)
  end
  return table.concat(out, "\n")
end

test("band_of reads each band apart, the signatures whole only for a bucket's pairs; the same pairs found", function()
  local entries, sigs = {}, {}
  for i = 1, 40 do
    local text = i % 4 == 0 and "" or (i % 3 == 0 and TEMPLATE:sub(1, 150) .. i or TEMPLATE .. "第" .. i .. "项")
    entries[i] = { index = i, key = "agency" .. i, year = 2024, text = text }
    sigs[i] = similar.signature(text) or false
  end
  local whole_reads, band_reads = 0, 0
  local counted = setmetatable({}, { __index = function(_, i) whole_reads = whole_reads + 1; return sigs[i] end })
  local function band_of(i, from, to)
    band_reads = band_reads + 1
    return sigs[i] and sigs[i]:sub(from, to) or nil
  end
  local seen_max = similar.SEEN_MAX
  similar.SEEN_MAX = 0
  local plain, apart = {}, {}
  local ok, err = pcall(similar.each_pair, entries, nil, function(m) plain[#plain + 1] = m end, counted)
  local whole_plain = whole_reads
  whole_reads = 0
  local ok2, err2 = pcall(similar.each_pair, entries, nil, function(m) apart[#apart + 1] = m end, counted, false,
                          band_of)
  similar.SEEN_MAX = seen_max
  assert(ok, err)
  assert(ok2, err2)
  eq(true, #plain > 20, "pairs found")
  eq(listed(plain), listed(apart), "the same pairs")
  eq(40 * similar.BANDS, band_reads, "each entry's band read once a band")
  eq(whole_plain - 40 * similar.BANDS, whole_reads, "whole signatures read for the buckets' pairs alone")
end)
