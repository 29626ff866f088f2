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
