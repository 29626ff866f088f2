-- A small batch, its reports kept as bound, keeps the copies it settled as
-- they are; a larger one settles them at each report's check. Either way
-- each report says the same copies.

local batch = require "batch"

test("a small batch keeps its copies as settled, a larger one settles them when asked, alike", function()
  local root = tmp .. "/copies-bound"
  os.execute("rm -rf '" .. root .. "'; mkdir -p '" .. root .. "'")
  for _, place in ipairs { "汤河镇", "石门镇", "白沙镇" } do
    os.execute("mkdir -p '" .. root .. "/" .. place .. "'")
    write("copies-bound/" .. place .. "/2024.txt", (JIUQU:gsub("九曲街道", place)))
  end
  local function said(B)
    local out, spooled = {}, 0
    for _, e in ipairs(B.entries) do
      if e.copied then spooled = spooled + 1 end
      for _, c in ipairs(B:copies_of(e)) do
        out[#out + 1] = table.concat({ e.path, c.kind, c.file, c.agency, c.year, c.share, c.passage, c.length }, "|")
      end
    end
    return table.concat(out, "\n"), spooled
  end
  local small = batch.new(nianbao.engine, { files = { root } }, nil, 1)
  eq(true, small.bound ~= nil, "kept as bound")
  local kept, none = said(small)
  small:finish({}, nil)
  local was = batch.KEPT
  batch.KEPT = 0
  local ok, large = pcall(batch.new, nianbao.engine, { files = { root } }, nil, 1)
  batch.KEPT = was
  assert(ok, large)
  eq(nil, large.bound, "bound afresh")
  local spooled, some = said(large)
  large:finish({}, nil)
  eq(0, none, "copies waiting of the small batch")
  eq(3, some, "copies waiting of the larger")
  eq(true, #kept > 0, "copies found")
  eq(spooled, kept, "the copies said")
end)
