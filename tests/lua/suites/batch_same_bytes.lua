-- The files of a batch are told apart by a sum of their bytes; the digest
-- (a byte a step) is worked out only for two files of one sum, where it
-- decides as it did for every file, and for an archive, which keeps it.

local batch = require "batch"
local sim = require "nianbao.similar"
local jobs = require "nianbao.jobs"

local function folder(name)
  local root = tmp .. "/" .. name
  os.execute("rm -rf '" .. root .. "'; mkdir -p '" .. root .. "'")
  write(name .. "/a-2024.txt", JIUQU)
  write(name .. "/b-2024.txt", JIUQU)                           -- a's bytes
  write(name .. "/c-2024.txt", (JIUQU:gsub("九曲街道", "汤河镇")))
  write(name .. "/d-2024.txt", (JIUQU:gsub("九曲街道", "白沙镇")))  -- c's length, other bytes
  write(name .. "/m-note.txt", "not a report at all\n")
  write(name .. "/n-note.txt", "not a report at all\n")          -- m's bytes
  return root
end

-- the batch over root: its skipped files (path → why), the digests worked out
local function surveyed(root, opts, sum)
  local digest, digests = sim.digest, 0
  local was_sum = jobs.sum
  sim.digest = function(...) digests = digests + 1; return digest(...) end
  if sum then jobs.sum = sum end
  local ok, B = pcall(batch.new, nianbao.engine, opts or { files = { root } }, nil, 1)
  sim.digest, jobs.sum = digest, was_sum
  assert(ok, B)
  local skipped = {}
  for _, s in ipairs(B.skipped) do skipped[s.path] = s.why end
  return B, skipped, digests
end

local function same_skips(root, B, skipped)
  eq(3, #B.entries, "a, c and d")
  local n = 0
  for _ in pairs(skipped) do n = n + 1 end
  eq(3, n, "m not a report, b and n copies")
  eq(true, skipped[root .. "/b-2024.txt"]:find(root .. "/a-2024.txt", 1, true) ~= nil, "b as a's copy")
  eq(true, skipped[root .. "/n-note.txt"]:find(root .. "/m-note.txt", 1, true) ~= nil, "n as m's copy")
end

test("a file of the same bytes is skipped naming the first; digests only for the two of one sum", function()
  local root = folder("same-bytes")
  local B, skipped, digests = surveyed(root)
  same_skips(root, B, skipped)
  eq(4, digests, "a and b, m and n")
  eq(true, jobs.sum(JIUQU) ~= jobs.sum((JIUQU:gsub("九", "十", 1))), "one character apart: other sums")
  B:finish({}, nil)
end)

test("every file of one sum: the digest tells them apart as before", function()
  local root = folder("same-bytes-one-sum")
  local B, skipped, digests = surveyed(root, nil, function() return 7 end)
  same_skips(root, B, skipped)
  eq(6, digests, "each file's once")
  B:finish({}, nil)
end)

test("for an archive every report keeps the digest of its bytes", function()
  local root = folder("same-bytes-archive")
  local db = tmp .. "/same-bytes.db"
  os.remove(db)
  local B, skipped = surveyed(root, { files = { root }, db = db })
  same_skips(root, B, skipped)
  for _, e in ipairs(B.entries) do
    eq(sim.digest(assert(nbio.readfile(e.path))), e.digest, e.path .. ": its digest")
  end
  B:finish({}, nil)
end)
