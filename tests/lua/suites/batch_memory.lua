-- What a batch keeps of each file while it checks: compact, so memory
-- stays flat over ten thousand files.

local batch = require "batch"
local similar = require "similar"

local TEMPLATE = "本机关认真贯彻落实政府信息公开条例，主动公开政府信息，依申请公开工作规范有序，"
                 .. "全年未发生因政府信息公开引起的行政复议和行政诉讼，信息公开平台建设不断加强。"

test("pairs found with the signatures kept apart are those found with them in the entries", function()
  local within, apart, sigs = {}, {}, {}
  for i = 1, 10 do
    local text = i % 3 == 0 and TEMPLATE:sub(1, 120) .. i or TEMPLATE .. i
    within[i] = { index = i, key = "agency" .. i, year = 2024, text = text, sig = similar.signature(text) }
    apart[i] = { index = i, key = "agency" .. i, year = 2024, text = text }
    sigs[i] = within[i].sig
  end
  local a = similar.pairs(within)
  local out = {}
  similar.each_pair(apart, nil, function(m) out[#out + 1] = m end, sigs)
  table.sort(out, similar.in_order)
  eq(true, #a > 10, "pairs found")
  eq(#a, #out, "as many pairs")
  for k, m in ipairs(a) do
    eq(m.a.index, out[k].a.index, "a")
    eq(m.b.index, out[k].b.index, "b")
    eq(m.share, out[k].share, "share")
    eq(m.passage, out[k].passage, "passage")
  end
end)

test("an entry of the batch holds what the check needs and no more; its copies wait in the spool, the year before first", function()
  local root = tmp .. "/batch-memory"
  os.execute("mkdir -p '" .. root .. "/jiuqu' '" .. root .. "/tanghe'")
  local function put(rel, bytes) write("batch-memory/" .. rel, bytes) end
  put("jiuqu/2023.txt", assert(nbio.readfile("examples/previous/jiuqu-2023.txt")))
  put("jiuqu/2024.txt", JIUQU)
  put("tanghe/2024.txt", (JIUQU:gsub("九曲街道", "汤河镇")))
  -- as a batch too large to keep its reports as bound (a small one keeps
  -- its few copies as settled: copies_bound.lua)
  local was = batch.KEPT
  batch.KEPT = 0
  local ok, B = pcall(batch.new, nianbao.engine, { files = { root } }, nil, 1)
  batch.KEPT = was
  assert(ok, B)
  eq(3, #B.entries, "three reports")
  for _, e in ipairs(B.entries) do
    local n = 0
    for _ in pairs(e) do n = n + 1 end
    -- index, path, digest, agency, year, format, key, stowed, told, from,
    -- copied and a year before or after: its name in the tree stays in
    -- the list of files, its signature and count of copies apart
    eq(true, n <= 12, "fields of " .. e.path .. ": " .. n)
    eq(nil, e.rel, "its name in the tree apart")
    eq(nil, e.sig, "no signature kept")
    eq(nil, e.copies, "the copies in the spool")
  end
  local e = B.by_path[root .. "/jiuqu/2024.txt"]
  local copies = B:copies_of(e)
  eq(2, #copies, "the year before and the other agency")
  eq("previous", copies[1].kind, "the year before first")
  eq(root .. "/jiuqu/2023.txt", copies[1].file, "its file")
  eq("string", type(copies[1].passage), "its passage read back")
  eq("peer", copies[2].kind, "then the peer")
  eq(root .. "/tanghe/2024.txt", copies[2].file, "the peer's file")
  B:finish({}, nil)
end)

test("a pair is measured once over the bands it agrees on; a band passed over as common wording does not count", function()
  -- signatures made here: 16 bands of 16 bytes
  local function sig(i, shared)
    local bands = {}
    for b = 0, 15 do bands[b + 1] = string.pack("<I8I8", i, b) end
    for b, v in pairs(shared) do bands[b + 1] = string.pack("<I8I8", v, 999) end
    return table.concat(bands)
  end
  local entries, sigs = {}, {}
  for i = 1, 30 do
    entries[i] = { index = i, key = "agency" .. i, year = 2024, text = TEMPLATE }
    local shared = { [0] = 1 }                       -- band 0: all thirty, passed over
    if i == 1 or i == 2 then shared[5] = 2 end       -- 1 and 2 agree on band 5 alone besides
    if i == 3 or i == 4 then shared[1], shared[2], shared[9] = 3, 3, 3 end   -- 3 and 4 on three
    sigs[i] = sig(i, shared)
  end
  local kept = similar.SEEN_MAX
  for _, max in ipairs { kept, 0 } do     -- the pairs met in a set, then asked of the signatures
    similar.SEEN_MAX = max
    local got = {}
    local ok, err = pcall(similar.each_pair, entries, nil,
                          function(m) got[#got + 1] = m.a.index .. "-" .. m.b.index end, sigs)
    similar.SEEN_MAX = kept
    assert(ok, err)
    table.sort(got)
    eq("1-2 3-4", table.concat(got, " "), "each pair once, the crowded band none (" .. max .. ")")
  end
end)

test("a file chosen is kept as its path alone, one found in a folder with where its name in the tree starts; pages and skips alike", function()
  local root = tmp .. "/batch-named"
  os.execute("mkdir -p '" .. root .. "/tree/jiuqu'")
  local function put(rel, bytes) write("batch-named/" .. rel, bytes) end
  put("tree/jiuqu/2024.txt", JIUQU)
  put("named.txt", (JIUQU:gsub("九曲街道", "汤河镇")))
  put("again.txt", (JIUQU:gsub("九曲街道", "汤河镇")))
  put("tree/notes.yaml", "packs: [gb2021]\n")
  local B = batch.new(nianbao.engine, { files = { root .. "/named.txt", root .. "/tree", root .. "/again.txt" } }, nil, 1)
  eq(root .. "/named.txt", B.all[1], "a file named: its path")
  eq(nil, B.tree:get(1), "and no name in a tree")
  eq(root .. "/tree/jiuqu/2024.txt", B.all[2], "a file of the folder: its path too")
  eq("jiuqu/2024.txt", batch.rel_of(B, 2), "with its name in the tree")
  eq(4, #B.all, "four files chosen")
  eq(2, #B.entries, "the second copy and the config are not reports")
  local why = {}
  for _, s in ipairs(B.skipped) do why[s.path:match("[^/]+$")] = s.why end
  eq(true, why["again.txt"] ~= nil, "the second copy skipped")
  eq(true, why["notes.yaml"] ~= nil, "the tool's own file in the tree skipped")
  eq("named.html", B:page(root .. "/named.txt", "html"), "a named file's page: its name")
  eq("jiuqu/2024.html", B:page(root .. "/tree/jiuqu/2024.txt", "html"), "a file of the tree: its place in it")
  local R = B:read(root .. "/named.txt")
  eq("汤河镇", R and R.agency and R.agency:match("汤河镇") or nil, "the named file read back")
  B:finish({}, nil)
end)

test("the signatures wait in the spool while the pairs are measured: the same copies found, pairs met asked of them or kept as a set", function()
  local root = tmp .. "/batch-sigs"
  os.execute("mkdir -p '" .. root .. "'")
  for i, place in ipairs { "九曲街道", "汤河镇", "临江乡", "白沙镇" } do
    write("batch-sigs/" .. i .. ".txt", (JIUQU:gsub("九曲街道", place)))
  end
  local function copies(seen_max)
    local kept = similar.SEEN_MAX
    similar.SEEN_MAX = seen_max
    local ok, B = pcall(batch.new, nianbao.engine, { files = { root } }, nil, 1)
    similar.SEEN_MAX = kept
    assert(ok, B)
    local out = {}
    for _, e in ipairs(B.entries) do
      for _, c in ipairs(B:copies_of(e)) do out[#out + 1] = e.path .. " " .. c.kind .. " " .. c.file .. " " .. c.share end
    end
    B:finish({}, nil)
    return table.concat(out, "\n")
  end
  local as_set = copies(2000)
  eq(12, select(2, as_set:gsub("peer", "")), "each of four a copy of the three others")
  eq(as_set, copies(0), "the pairs met asked of the spooled signatures")
end)
