-- A report says all its copies, in the order of the files, when no more
-- than MAX_PEERS (five) were found, and the closest six, by share and then
-- name, when more were: a copy is dropped only from a full list of six,
-- so the list itself tells which (no count of every copy found is kept).

local batch = require "batch"

local PLACES = { "汤河镇", "石门镇", "白沙镇", "青石镇", "云溪镇", "临江镇", "南浦镇" }

-- the copies said of each report of n agencies alike, the files named in
-- the reverse order of their names (so the two orders differ)
local function said_of(n)
  local root = tmp .. "/copies-count-" .. n
  os.execute("rm -rf '" .. root .. "'; mkdir -p '" .. root .. "'")
  local files = {}
  for i = n, 1, -1 do
    write("copies-count-" .. n .. "/" .. i .. ".txt", (JIUQU:gsub("九曲街道", PLACES[i])))
    files[#files + 1] = root .. "/" .. i .. ".txt"
  end
  local was = batch.KEPT
  batch.KEPT = 0
  local ok, B = pcall(batch.new, nianbao.engine, { files = files }, nil, 1)
  batch.KEPT = was
  assert(ok, B)
  local out = {}
  for _, e in ipairs(B.entries) do out[#out + 1] = { path = e.path, copies = B:copies_of(e) } end
  B:finish({}, nil)
  return out
end

test("five copies found are said in the order of the files, six or more the closest six by name", function()
  for _, n in ipairs { 6, 7 } do
    local reports = said_of(n)
    eq(n, #reports, n .. " reports")
    for _, r in ipairs(reports) do
      local said = r.copies
      eq(math.min(n - 1, 6), #said, r.path .. ": copies said of " .. n)
      for k = 2, #said do
        eq("peer", said[k].kind, "peers")
        eq(said[k - 1].share, said[k].share, "shares alike")
        if n - 1 <= 5 then
          eq(true, said[k - 1].file > said[k].file, r.path .. ": in the order of the files (names reversed)")
        else
          eq(true, said[k - 1].file < said[k].file, r.path .. ": the closest, by name")
        end
      end
    end
  end
end)
