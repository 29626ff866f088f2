-- A batch's columns: a positive integer or none a file, packed in strings,
-- read back as set across the blocks; the paths of a batch a view of its
-- entries.

local column = require "column"
local batch = require "batch"

test("a column gives back what was set, none where nothing was, across its blocks", function()
  local c = column.new()
  local want = {}
  local i = 0
  -- places with gaps, over several blocks of 256, values up to 2^62
  for step = 1, 900 do
    i = i + (step % 7 == 0 and 300 or step % 3 + 1)
    local x = (step * 2654435761) % (1 << 62) + 1
    c:set(i, x)
    want[i] = x
  end
  for k = 0, i + 5 do eq(want[k], c:get(k), "place " .. k) end
  eq(false, pcall(c.set, c, i, 1), "a place at or before the last is refused")
  eq(false, pcall(c.set, c, i + 1, 0), "zero is none, not a value")
end)

test("a batch's paths are its entries' paths, in order", function()
  local root = tmp .. "/batch-columns"
  os.execute("rm -rf '" .. root .. "'; mkdir -p '" .. root .. "/jiuqu' '" .. root .. "/tanghe'")
  write("batch-columns/jiuqu/2024.txt", JIUQU)
  write("batch-columns/tanghe/2024.txt", (JIUQU:gsub("九曲街道", "汤河镇")))
  write("batch-columns/notes.yaml", "packs: []\n")
  local B = batch.new(nianbao.engine, { files = { root } }, nil, 1)
  eq(2, #B.files, "two reports")
  local seen = {}
  for i, path in ipairs(B.files) do
    eq(B.entries[i].path, path, "file " .. i)
    seen[#seen + 1] = path
  end
  eq(2, #seen, "ipairs walks them all")
  eq(nil, B.files[3], "none past the last")
  eq("number", type(B.by_path[B.files[1]].told), "the narrative's place in the spool")
  B:finish({}, nil)
end)
