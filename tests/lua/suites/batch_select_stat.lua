-- The files of a batch are found with one stat a path: a file named is
-- stat'ed once (its kind and its identity from the same answer), as is
-- each path met walking a folder; what is chosen is as it was.

local batch = require "batch"

test("a batch stats each path it chooses from once, named or found in a folder", function()
  local root = tmp .. "/select-stat"
  os.execute("rm -rf '" .. root .. "'; mkdir -p '" .. root .. "/jiuqu'")
  write("select-stat/jiuqu/2024.txt", JIUQU)
  write("select-stat/jiuqu/notes.bin", "x")
  write("select-stat/tanghe-2024.txt", (JIUQU:gsub("九曲街道", "汤河镇")))
  local named, missing = root .. "/tanghe-2024.txt", root .. "/missing.txt"
  local stat, asked = nbio.stat, {}
  nbio.stat = function(p, ...)
    asked[p] = (asked[p] or 0) + 1
    return stat(p, ...)
  end
  local folder = root .. "/jiuqu"
  local ok, B = pcall(batch.new, nianbao.engine, { files = { folder, named, named, missing } }, nil, 1)
  nbio.stat = stat
  assert(ok, B)
  for _, p in ipairs { folder, folder .. "/2024.txt", folder .. "/notes.bin", missing } do
    eq(1, asked[p], p .. ": stat'ed once")
  end
  eq(2, asked[named], "named twice, stat'ed once each time")
  -- named twice: chosen once
  local all = {}
  for _, f in ipairs(B.all) do all[#all + 1] = type(f) == "table" and f.path or f end
  eq(3, #all, "the files chosen")
  eq(folder .. "/2024.txt", all[1], "the folder's report")
  eq(named, all[2], "the file named")
  eq(missing, all[3], "the file named that is not there, for the check to say so")
  eq(1, #B.skipped, "one skipped")
  eq(folder .. "/notes.bin", B.skipped[1].path, "the file no reader reads")
  B:finish({}, nil)
end)
