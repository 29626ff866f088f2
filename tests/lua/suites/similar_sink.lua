-- each_pair's sink: the pairs added to a store of copies in the core give
-- the store the batch's found function gives it, pair by pair in Lua: the
-- same copies kept of each report (share, length, other), the passage
-- where it is in the other's narrative, one agency's entries never a pair;
-- texts cut ahead or not cut at all, lists full or not.

local similar = require "similar"
local sim = require "nianbao.similar"

local SHIFT = 28
local TEMPLATE = "本机关认真贯彻落实政府信息公开条例，主动公开政府信息，依申请公开工作规范有序，"
                 .. "全年未发生因政府信息公开引起的行政复议和行政诉讼，信息公开平台建设不断加强。"
local TAILS = { "", "另有说明。", "今年新增专栏三个，更新信息一百条。", "", "本年度无其他事项需要说明。",
                "全年接受咨询二十次。", "", "平台改版一次，栏目更新及时。" }

local function entries_of()
  local list = {}
  for i, who in ipairs { { "甲", 2023 }, { "甲", 2024 }, { "乙", 2024 }, { "丙", 2024 }, { "乙", 2024 },
                         { "丁", 2024 }, { nil, 2024 }, { "戊", 2024 }, { "己", 2024 } } do
    local text = i == 6 and "" or TAILS[(i % #TAILS) + 1] .. TEMPLATE .. TAILS[((i * 3) % #TAILS) + 1]
    list[i] = { index = i, key = who[1], year = who[2], text = text, sig = similar.signature(text) }
  end
  return list
end

local function told_of(entries)
  local told = {}
  for n, e in ipairs(entries) do told[n] = (1000 * n) << SHIFT | #e.text end
  return told
end

local function dump(store, n)
  local out = {}
  for i = 1, n do
    for k = 1, store:count(i) do
      local share, passage, length, other = store:get(i, k)
      out[#out + 1] = string.format("%d:%d %.17g %d %d %d", i, k, share, passage, length, other)
    end
  end
  return table.concat(out, "\n")
end

-- the batch's found function, as it was before the sink
local function by_lua(entries, told, most)
  local store = sim.copies({ 9, 8, 7, 6, 5, 4, 3, 2, 1 }, most)
  similar.each_pair(entries, nil, function(_, _, share, length, _, from, to, i, j)
    local at_a = store:add(i, share, length, j)
    local at_b = store:add(j, share, length, i)
    local passage = ((told[j] >> SHIFT) + from - 1) << SHIFT | (to - from + 1)
    if at_a then store:set(i, at_a, passage) end
    if at_b then store:set(j, at_b, passage) end
  end, nil, "span", nil, true)
  return dump(store, #entries)
end

local function by_sink(entries, told, most)
  local store = sim.copies({ 9, 8, 7, 6, 5, 4, 3, 2, 1 }, most)
  similar.each_pair(entries, nil, function() error("found called with a sink") end, nil, "span", nil, true,
                    { store = store, told = told, shift = SHIFT })
  return dump(store, #entries)
end

test("the sink's store is the found function's, cut ahead or not, lists full or not", function()
  local cut_bytes, keep_bytes = similar.CUT_BYTES, similar.KEEP_BYTES
  for _, limits in ipairs { { cut_bytes, keep_bytes }, { cut_bytes, 0 }, { 0, 0 } } do
    for _, most in ipairs { 6, 2 } do
      similar.CUT_BYTES, similar.KEEP_BYTES = limits[1], limits[2]
      local entries = entries_of()
      local told = told_of(entries)
      local ok, want = pcall(by_lua, entries, told, most)
      local ok2, got = pcall(by_sink, entries, told, most)
      similar.CUT_BYTES, similar.KEEP_BYTES = cut_bytes, keep_bytes
      assert(ok, want)
      assert(ok2, got)
      assert(want ~= "", "copies found")
      eq(want, got, "the same copies, limits " .. limits[1] .. "/" .. limits[2] .. ", " .. most .. " kept")
      assert(not want:find("\n1:%d+ [^\n]* 2\n") and not want:find("\n2:%d+ [^\n]* 1\n"),
             "one agency's years are no pair")
    end
  end
end)
