-- The copies a report says: the year before first, then the closest peers
-- (the larger share, then the file's name), six at most when more were
-- found, else all in the order of the files, each with the passage the
-- pair shares as the plain measure says it (said only for the copies kept).
-- Checked against every pair measured here and put in that order plainly.

local similar = require "similar"
local batch = require "batch"

local PLACES = { "汤河镇", "石门镇", "白沙镇", "青石镇", "云溪镇", "临江镇", "南浦镇", "东岚镇", "西岭镇" }

test("each report says the copies the plain order keeps", function()
  local root = tmp .. "/copies-kept"
  os.execute("rm -rf '" .. root .. "'; mkdir -p '" .. root .. "'")
  -- the same narrative under other names (shares alike: the names decide),
  -- some with a sentence more (shares apart), and one agency's year before
  for i, place in ipairs(PLACES) do
    local text = JIUQU:gsub("九曲街道", place)
    if i % 3 == 0 then text = text:gsub("总体情况", "总体情况。本年度新增政务公开专栏" .. i .. "个", 1) end
    os.execute("mkdir -p '" .. root .. "/" .. place .. "'")
    write("copies-kept/" .. place .. "/2024.txt", text)
  end
  write("copies-kept/" .. PLACES[1] .. "/2023.txt",
        (assert(nbio.readfile("examples/previous/jiuqu-2023.txt")):gsub("九曲街道", PLACES[1])))
  -- a passage is said for each copy a report keeps, not for each pair found
  local said_of, said, says = similar.said_of, similar.said, 0
  similar.said_of = function(...) says = says + 1; return said_of(...) end
  similar.said = function(...) says = says + 1; return said(...) end
  local ok, B = pcall(batch.new, nianbao.engine, { files = { root } }, nil, 1)
  similar.said_of, similar.said = said_of, said
  assert(ok, B)
  -- every pair of agencies, measured plainly
  local entries = {}
  for _, e in ipairs(B.entries) do
    if e.key then
      local text = B:narrative(e)
      entries[#entries + 1] = { index = e.index, key = e.key, year = e.year, path = e.path, text = text,
                                sig = similar.signature(text) }
    end
  end
  local of = {}
  for _, p in ipairs(similar.pairs(entries)) do
    if p.a.key ~= p.b.key then
      for _, side in ipairs { { p.a, p.b }, { p.b, p.a } } do
        local list = of[side[1].path] or {}
        of[side[1].path] = list
        list[#list + 1] = { file = side[2].path, index = side[2].index, share = p.share, passage = p.passage }
      end
    end
  end
  local checked = 0
  for _, e in ipairs(B.entries) do
    local peers = of[e.path] or {}
    local said = B:copies_of(e)
    local previous = said[1] and said[1].kind == "previous" and 1 or 0
    if #peers + previous > 5 then
      table.sort(peers, function(x, y)
        if x.share ~= y.share then return x.share > y.share end
        return x.file < y.file
      end)
    else
      table.sort(peers, function(x, y) return x.index < y.index end)
    end
    local want = math.min(#peers, 6 - previous)
    eq(want + previous, #said, e.path .. ": copies said")
    for i = 1, want do
      eq(peers[i].file, said[i + previous].file, e.path .. ": copy " .. i)
      eq(peers[i].share, said[i + previous].share, e.path .. ": share " .. i)
      eq(peers[i].passage, said[i + previous].passage, e.path .. ": passage " .. i)
    end
    checked = checked + 1
  end
  eq(#PLACES + 1, checked, "every report")
  local kept = 0
  for _, e in ipairs(B.entries) do kept = kept + #B:copies_of(e) end
  eq(true, kept > 0, "copies kept")
  eq(kept, says, "passages said")
  B:finish({}, nil)
end)
