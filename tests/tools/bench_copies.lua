-- Copy detection at a region's scale: N narratives made of sentences drawn
-- from the real reports of the repository (each report its own draw, its
-- own numbers), with COPIES of them planted under other agencies' names;
-- signatures, buckets and the exact measure of the pairs found, timed. Prints
-- the time, the Lua memory, the pairs measured and the planted copies found.
--   nianbao run tests/tools/bench_copies.lua [N] [COPIES]
local nbio = require "nianbao.io"
local similar = require "similar"

local N, COPIES = math.tointeger(tonumber(arg[1] or "10000")), math.tointeger(tonumber(arg[2] or "20"))
local pool = {}
for _, f in ipairs { "tests/corpus/jiuqu-2024.txt", "tests/corpus/pingtan-2021.txt", "tests/corpus/pingtan-2022.txt",
                     "tests/corpus/huaian-2024.layout.txt", "examples/previous/jiuqu-2023.txt" } do
  local text = assert(nbio.readfile(f))
  for line in text:gmatch("[^\n]+") do
    for s in (line .. "。"):gmatch("(.-)。") do
      if #s > 45 and #s < 600 and not s:find("|", 1, true) and utf8.len(s) then pool[#pool + 1] = s end
    end
  end
end
local state = 20261202
local function rand(n) state = (state * 1103515245 + 12345) % 2147483648; return state % n end

local entries = {}
collectgarbage(); collectgarbage()
local mem0 = collectgarbage("count")
local t0 = os.clock()
for i = 1, N do
  local parts = {}
  for k = 1, 14 do
    parts[k] = pool[rand(#pool) + 1]:gsub("%d+", function() return tostring(rand(5000)) end)
  end
  local text = table.concat(parts, "。")
  entries[i] = { index = i, path = "r" .. i, key = "agency" .. i, year = 2024, text = text }
end
for c = 1, COPIES do
  local from = entries[rand(N) + 1]
  entries[#entries + 1] = { index = #entries + 1, path = "copy-of-" .. from.path, key = "copier" .. c,
                            year = 2024, text = from.text, planted = from }
end
local chars = 0
for _, e in ipairs(entries) do chars = chars + utf8.len(e.text) end
local t1 = os.clock()
for _, e in ipairs(entries) do e.sig = similar.signature(e.text) end
local t2 = os.clock()
local pairs_found = similar.pairs(entries)
local t3 = os.clock()
local mem1 = collectgarbage("count")
local found = 0
for _, p in ipairs(pairs_found) do
  if (p.b.planted == p.a or p.a.planted == p.b) and p.share > 0.95 then found = found + 1 end
end
print(string.format("%d narratives (%.0f characters each on average): signatures %.2f s, buckets and measures %.2f s",
                    #entries, chars / #entries, t2 - t1, t3 - t2))
print(string.format("pairs measured and kept: %d; planted copies found: %d of %d; Lua memory %.0f MB (texts included)",
                    #pairs_found, found, COPIES, (mem1 - mem0) / 1024))
return found == COPIES and 0 or 1
