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

test("an entry keeps four fields of its own; its agency, format, place in the spool and year before are asked", function()
  local root = tmp .. "/batch-columns-four"
  os.execute("rm -rf '" .. root .. "'; mkdir -p '" .. root .. "/jiuqu' '" .. root .. "/tanghe'")
  write("batch-columns-four/jiuqu/2023.txt", assert(nbio.readfile("examples/previous/jiuqu-2023.txt")))
  write("batch-columns-four/jiuqu/2024.txt", JIUQU)
  write("batch-columns-four/tanghe/2024.txt", (JIUQU:gsub("九曲街道", "汤河镇")))
  local was = batch.KEPT
  batch.KEPT = 0                     -- as a large batch: the reports stowed in the spool
  local ok, B = pcall(batch.new, nianbao.engine, { files = { root } }, nil, 1)
  batch.KEPT = was
  assert(ok, B)
  -- what the report says, bound again, is what the entry is asked
  local E = nianbao.engine
  for _, path in ipairs(B.files) do
    local e = B.by_path[path]
    local own = {}
    for k in pairs(e) do own[#own + 1] = k end
    table.sort(own)
    eq("index key path year", table.concat(own, " "), "own fields of " .. path)
    local R = assert(E:read(path))
    eq(R.agency, e.agency, path .. ": its agency")
    eq(R.format, e.format, path .. ": its format")
    eq("number", type(e.stowed), path .. ": its report in the spool")
  end
  local y2023, y2024 = B.by_path[root .. "/jiuqu/2023.txt"], B.by_path[root .. "/jiuqu/2024.txt"]
  eq(y2023, y2024.before, "2024's year before, of the batch")
  eq("batch", y2024.from, "from the batch")
  eq(nil, y2023.before, "2023 has none")
  eq(nil, B.by_path[root .. "/tanghe/2024.txt"].before, "nor tanghe")
  -- restored from the spool as the survey bound it
  local R = assert(B:read(y2024.path))
  eq(y2023.path, R.previous and R.previous.path, "its previous")
  B:finish({}, nil)
end)

test("a file found in a folder keeps where its name in the tree starts: named with slashes at its end or not, and a level down", function()
  local root = tmp .. "/batch-columns-tree"
  os.execute("rm -rf '" .. root .. "'; mkdir -p '" .. root .. "/tree/jiuqu/old'")
  write("batch-columns-tree/tree/jiuqu/2024.txt", JIUQU)
  write("batch-columns-tree/tree/jiuqu/old/2023.txt", assert(nbio.readfile("examples/previous/jiuqu-2023.txt")))
  write("batch-columns-tree/named.txt", (JIUQU:gsub("九曲街道", "汤河镇")))
  for _, folder in ipairs { root .. "/tree", root .. "/tree//" } do
    local B = batch.new(nianbao.engine, { files = { folder, root .. "/named.txt" } }, nil, 1)
    local rels = {}
    for i = 1, #B.all do rels[i] = batch.rel_of(B, i) end
    eq("jiuqu/2024.txt jiuqu/old/2023.txt named.txt", table.concat(rels, " "), folder)
    eq(root .. "/tree/jiuqu/old/2023.txt", B.all[2], folder .. ": the path as walked")
    eq("jiuqu/old/2023.html", B:page(B.all[2], "html"), folder .. ": its page")
    B:finish({}, nil)
  end
end)

test("a legacy report of an agency and a year is not paired: no year before or after, nor the year before of the next", function()
  local root = tmp .. "/batch-columns-legacy"
  os.execute("rm -rf '" .. root .. "'; mkdir -p '" .. root .. "'")
  write("batch-columns-legacy/2019.txt", assert(nbio.readfile("examples/broken/fmt-legacy.txt")))
  local E = nianbao.engine
  local agency = assert(E:read("examples/jiuqu-2024.txt")).agency
  local legacy = assert(E:read(root .. "/2019.txt"))
  eq("legacy", legacy.format, "the legacy report")
  for year = 2018, 2020, 2 do
    write("batch-columns-legacy/" .. year .. ".txt",
          (JIUQU:gsub(agency, legacy.agency):gsub("2024", tostring(year)):gsub("2023", tostring(year - 1))))
  end
  local B = batch.new(E, { files = { root } }, nil, 1)
  local y2018, y2019, y2020 = B.by_path[root .. "/2018.txt"], B.by_path[root .. "/2019.txt"], B.by_path[root .. "/2020.txt"]
  eq("legacy", y2019.format, "2019 is legacy")
  eq(2019, y2019.year, "of its year")
  eq(y2018.key, y2019.key, "and the same agency key")
  eq(nil, y2019.before, "2019 has no year before")
  eq(nil, y2019.from, "nor where it came from")
  eq(nil, y2019.after, "nor a year after")
  eq(nil, y2020.before, "2020's year before is not the legacy report")
  eq("none", y2020.from, "2020 has none")
  eq(nil, y2018.after, "2018 has no year after")
  B:finish({}, nil)
end)

test("the files' sums are let go before the pairs are measured; a second copy is still skipped", function()
  local root = tmp .. "/batch-columns-sums"
  os.execute("rm -rf '" .. root .. "'; mkdir -p '" .. root .. "'")
  write("batch-columns-sums/a.txt", JIUQU)
  write("batch-columns-sums/b.txt", JIUQU)
  write("batch-columns-sums/c.txt", (JIUQU:gsub("九曲街道", "汤河镇")))
  -- the batch's methods, of a batch of no files
  local Batch = getmetatable(batch.new(nianbao.engine, { files = {} }, nil, 1)).__index
  local measure_years, same = Batch.measure_years, "not asked"
  Batch.measure_years = function(self, ...)
    same = self.same
    return measure_years(self, ...)
  end
  local ok, B = pcall(batch.new, nianbao.engine, { files = { root } }, nil, 1)
  Batch.measure_years = measure_years
  assert(ok, B)
  eq(nil, same, "the sums let go when the pairs are measured")
  eq(2, #B.entries, "a and c")
  eq(1, #B.skipped, "b skipped")
  eq(root .. "/b.txt", B.skipped[1].path, "as the second copy")
  B:finish({}, nil)
end)
