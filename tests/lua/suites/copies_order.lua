-- Copies alike in share are kept by the order of the files' names, not
-- the order the files were given in: a batch named in reverse keeps, for
-- each report, the copies the batch named in order keeps (the store
-- compares the names' places). A report with more than six copies holds
-- the six closest, in order.

local batch = require "batch"
local similar = require "similar"

local PLACES = { "汤河镇", "石门镇", "白沙镇", "青石镇", "云溪镇", "临江镇", "南浦镇", "东岚镇", "西岭镇" }

local function copies_by_path(files)
  local lists = {}
  local sim = require "nianbao.similar"
  local each_pair, copies, store = similar.each_pair, sim.copies, nil
  sim.copies = function(...)
    store = copies(...)
    return store
  end
  similar.each_pair = function(entries, ...)
    each_pair(entries, ...)
    for i, e in ipairs(entries) do
      if store:count(i) > 0 then lists[e.path] = { n = store:count(i) } end
    end
  end
  local was = batch.KEPT
  batch.KEPT = 0
  local ok, B = pcall(batch.new, nianbao.engine, { files = files }, nil, 1)
  batch.KEPT, similar.each_pair, sim.copies = was, each_pair, copies
  assert(ok, B)
  local out = {}
  for _, e in ipairs(B.entries) do out[e.path] = B:copies_of(e) end
  B:finish({}, nil)
  return out, lists
end

test("copies alike in share are kept by name, whatever the order of the files", function()
  local root = tmp .. "/copies-order"
  os.execute("rm -rf '" .. root .. "'; mkdir -p '" .. root .. "'")
  local files = {}
  for i, place in ipairs(PLACES) do
    local text = JIUQU:gsub("九曲街道", place)
    if i % 4 == 0 then text = text:gsub("总体情况", "总体情况。本年度新增政务公开专栏" .. i .. "个", 1) end
    write("copies-order/" .. i .. ".txt", text)
    files[#files + 1] = root .. "/" .. i .. ".txt"
  end
  local reversed = {}
  for i = #files, 1, -1 do reversed[#reversed + 1] = files[i] end
  local forward, lists = copies_by_path(files)
  local backward = copies_by_path(reversed)
  local checked = 0
  for _, path in ipairs(files) do
    local a, b = forward[path], backward[path]
    eq(6, #a, path .. ": six copies kept of eight")
    eq(#a, #b, path .. ": as many copies")
    for k = 1, #a do
      eq(a[k].file, b[k].file, path .. ": copy " .. k)
      eq(a[k].share, b[k].share, path .. ": share " .. k)
      eq(a[k].passage, b[k].passage, path .. ": passage " .. k)
      if k > 1 and a[k].share == a[k - 1].share then
        eq(true, a[k - 1].file < a[k].file, path .. ": shares alike by name")
      end
    end
    eq(6, lists[path].n, path .. ": six copies in the list")
    checked = checked + 1
  end
  eq(#PLACES, checked, "every report")
end)
