-- While the pairs are measured each report holds its copies in the core's
-- store (share, passage, length, other: 24 bytes a copy, the closest
-- first), not a table a report: ten thousand files held thousands of them.
-- What the reports say of them is checked in copies_kept.lua.

local batch = require "batch"
local similar = require "similar"

local PLACES = { "汤河镇", "石门镇", "白沙镇", "青石镇", "云溪镇", "临江镇", "南浦镇", "东岚镇" }

test("the copies found are held in the store, a list a report, the year before first, at most six", function()
  local root = tmp .. "/copies-flat"
  os.execute("rm -rf '" .. root .. "'; mkdir -p '" .. root .. "'")
  for i, place in ipairs(PLACES) do
    local text = JIUQU:gsub("九曲街道", place)
    if i % 2 == 0 then text = text:gsub("总体情况", "总体情况。本年度新增政务公开专栏" .. i .. "个", 1) end
    os.execute("mkdir -p '" .. root .. "/" .. place .. "'")
    write("copies-flat/" .. place .. "/2024.txt", text)
  end
  write("copies-flat/" .. PLACES[1] .. "/2023.txt",
        (assert(nbio.readfile("examples/previous/jiuqu-2023.txt")):gsub("九曲街道", PLACES[1])))
  local sim = require "nianbao.similar"
  local each_pair, copies, store, seen = similar.each_pair, sim.copies, nil, {}
  sim.copies = function(...)
    store = copies(...)
    return store
  end
  similar.each_pair = function(entries, ...)
    each_pair(entries, ...)
    for i, e in ipairs(entries) do
      local n = store:count(i)
      if n > 0 then
        seen[#seen + 1] = e.path
        eq(true, n <= 6, e.path .. ": six copies at most")
        for k = 1, n do
          local share, passage, length, other = store:get(i, k)
          eq("number", type(share), "share")
          eq("integer", math.type(passage), "passage: a place in the spool")
          eq("integer", math.type(length), "length")
          eq(true, other >= 0 and other <= #entries and other ~= i, "the other report's place")
          if k > 1 then eq(false, other == 0, "the year before first") end
        end
      end
    end
  end
  local was = batch.KEPT
  batch.KEPT = 0
  local ok, B = pcall(batch.new, nianbao.engine, { files = { root } }, nil, 1)
  batch.KEPT, similar.each_pair, sim.copies = was, each_pair, copies
  assert(ok, B)
  eq(#PLACES + 1, #seen, "every report's list looked at")
  local e = B.by_path[root .. "/" .. PLACES[1] .. "/2024.txt"]
  local said = B:copies_of(e)
  eq(6, #said, "the year before and five peers")
  eq("previous", said[1].kind, "the year before first")
  eq(root .. "/" .. PLACES[1] .. "/2023.txt", said[1].file, "its file")
  eq(2023, said[1].year, "its year")
  for i = 2, #said do
    eq("peer", said[i].kind, "then peers")
    eq(true, i == 2 or said[i - 1].share >= said[i].share, "the larger share first")
  end
  B:finish({}, nil)
end)
