-- each_pair's agencies: the entries of one agency key, whatever their
-- years, are never a pair (a batch measures an agency's years apart), in
-- the pairs listed by the core and in those met band by band alike; the
-- others are the pairs found without it.

local similar = require "similar"

local TEMPLATE = "本机关认真贯彻落实政府信息公开条例，主动公开政府信息，依申请公开工作规范有序，"
                 .. "全年未发生因政府信息公开引起的行政复议和行政诉讼，信息公开平台建设不断加强。"

local function entries_of()
  local list = {}
  for i, who in ipairs { { "甲", 2023 }, { "甲", 2024 }, { "乙", 2024 }, { "丙", 2024 }, { "乙", 2024 } } do
    local text = TEMPLATE .. (i == 5 and "另有说明。" or "")
    list[i] = { index = i, key = who[1], year = who[2], text = text, sig = similar.signature(text) }
  end
  return list
end

local function found_by(entries, agencies)
  local got = {}
  similar.each_pair(entries, nil, function(a, b) got[#got + 1] = a.index .. "-" .. b.index end,
                    nil, "span", nil, agencies)
  table.sort(got)
  return table.concat(got, " ")
end

test("an agency's own years are not a pair with agencies, the other pairs are as without", function()
  local seen_max = similar.SEEN_MAX
  for _, most in ipairs { seen_max, 0 } do        -- the core's list, then band by band
    similar.SEEN_MAX = most
    local ok, all = pcall(found_by, entries_of(), nil)
    local ok2, apart = pcall(found_by, entries_of(), true)
    similar.SEEN_MAX = seen_max
    assert(ok, all)
    assert(ok2, apart)
    eq("1-2 1-3 1-4 1-5 2-3 2-4 2-5 3-4 4-5", all, "one key and year twice is no pair (3 and 5)")
    eq("1-3 1-4 1-5 2-3 2-4 2-5 3-4 4-5", apart, "nor one key's two years (1 and 2)")
  end
end)
