-- each_pair's "span": each pair handed to found as values (a, b, share,
-- length, within, from, to), no table a pair, is the pair measured whole:
-- the same pairs, shares, lengths and passages, in the core's buckets and
-- band by band.

local similar = require "similar"

local TEMPLATE = "本机关认真贯彻落实政府信息公开条例，主动公开政府信息，依申请公开工作规范有序，"
                 .. "全年未发生因政府信息公开引起的行政复议和行政诉讼，信息公开平台建设不断加强。"

test("a pair handed as values is the pair measured whole", function()
  local entries = {}
  for i = 1, 24 do
    local text = i % 5 == 0 and "" or (i % 3 == 0 and TEMPLATE:sub(1, 150) .. "第" .. i .. "项"
                                       or "本年度" .. i .. TEMPLATE)
    entries[i] = { index = i, key = "agency" .. (i % 8 == 0 and i - 1 or i), year = 2024, text = text,
                   sig = similar.signature(text) }
  end
  local seen_max = similar.SEEN_MAX
  for _, max in ipairs { seen_max, 0 } do
    similar.SEEN_MAX = max
    local whole, spans = {}, {}
    local ok, err = pcall(similar.each_pair, entries, nil, function(m)
      whole[#whole + 1] = string.format("%d-%d %.17g %d %s", m.a.index, m.b.index, m.share, m.length, similar.said_of(m))
    end, nil, true)
    local ok2, err2 = pcall(similar.each_pair, entries, nil, function(a, b, share, length, within, from, to)
      eq(b.text, within, "within b's narrative")
      spans[#spans + 1] = string.format("%d-%d %.17g %d %s", a.index, b.index, share, length,
                                        similar.said_at(within, from, to))
    end, nil, "span")
    similar.SEEN_MAX = seen_max
    assert(ok, err)
    assert(ok2, err2)
    table.sort(whole)
    table.sort(spans)
    eq(true, #whole > 10, "pairs found (" .. max .. ")")
    eq(table.concat(whole, "\n"), table.concat(spans, "\n"), "the same pairs (" .. max .. ")")
  end
end)
