-- An entry of the batch is made whole at once, and holds the file's
-- digest only for the archive; a second copy of a file is still skipped
-- as the copy of the first, named.

local batch = require "batch"

local function folder(name)
  local root = tmp .. "/" .. name
  os.execute("rm -rf '" .. root .. "'; mkdir -p '" .. root .. "/jiuqu' '" .. root .. "/tanghe'")
  write(name .. "/jiuqu/2024.txt", JIUQU)
  write(name .. "/jiuqu/2024-copy.txt", JIUQU)
  write(name .. "/tanghe/2024.txt", (JIUQU:gsub("九曲街道", "汤河镇")))
  return root
end

test("an entry keeps the file's digest only for the archive; a second copy is skipped naming the first", function()
  local root = folder("batch-entry")
  local B = batch.new(nianbao.engine, { files = { root } }, nil, 1)
  eq(2, #B.entries, "two reports, the copy skipped")
  for _, e in ipairs(B.entries) do
    eq(nil, e.digest, e.path .. ": no digest without an archive")
    eq("string", type(e.agency), e.path .. ": its agency")
    eq("number", type(e.year), e.path .. ": its year")
  end
  eq(1, #B.skipped, "one file skipped")
  eq(root .. "/jiuqu/2024.txt", B.skipped[1].path, "the second in the order of the names")
  eq(true, B.skipped[1].why:find(root .. "/jiuqu/2024-copy.txt", 1, true) ~= nil, "named as the copy of the first")
  B:finish({}, nil)
  local db = tmp .. "/batch-entry.db"
  os.remove(db)
  local A = batch.new(nianbao.engine, { files = { root }, db = db }, nil, 1)
  for _, e in ipairs(A.entries) do
    eq("string", type(e.digest), e.path .. ": the digest, for the archive")
  end
  A:finish({}, nil)
end)

test("an entry holds eight fields at most of its own; its year after, its twin and where its year before came from are asked", function()
  local root = folder("batch-entry-eight")
  write("batch-entry-eight/jiuqu/2023.txt", assert(nbio.readfile("examples/previous/jiuqu-2023.txt")))
  -- another report of jiuqu's 2024: the first of the year is paired in its place
  write("batch-entry-eight/jiuqu/2024-other.txt", (JIUQU:gsub("总体情况", "总体情况。本年度新增政务公开专栏3个", 1)))
  local was = batch.KEPT
  batch.KEPT = 0                     -- as a large batch: copies and narratives in the spool
  local ok, B = pcall(batch.new, nianbao.engine, { files = { root } }, nil, 1)
  batch.KEPT = was
  assert(ok, B)
  local y2023, y2024 = B.by_path[root .. "/jiuqu/2023.txt"], B.by_path[root .. "/jiuqu/2024-copy.txt"]
  local other, tanghe = B.by_path[root .. "/jiuqu/2024-other.txt"], B.by_path[root .. "/tanghe/2024.txt"]
  for _, e in ipairs(B.entries) do
    local n = 0
    for _ in pairs(e) do n = n + 1 end
    eq(true, n <= 8, "own fields of " .. e.path .. ": " .. n)
    eq(nil, rawget(e, "copies"), e.path .. ": its copies not its own")
  end
  eq(y2024, y2023.after, "2023's year after")
  eq(nil, y2024.after, "2024 has none")
  eq("batch", y2024.from, "2024's year before of the batch")
  eq(y2023, y2024.before, "that one")
  eq("none", y2023.from, "2023 has none")
  eq(nil, y2024.same_as, "the first of jiuqu's 2024")
  eq(y2024, other.same_as, "the other report of the year paired in its place")
  eq("number", type(y2024.told), "the narrative in the spool")
  eq("number", type(tanghe.copied), "the copies in the spool")
  eq(true, #B:copies_of(tanghe) > 0, "read back")
  B:finish({}, nil)
end)
