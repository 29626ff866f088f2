-- The spool writes what is put a buffer at a time: every put's bytes read
-- back as they were put, whether they wait in the buffer, are in the file
-- or lie across the two, and each put's place follows the one before.

local jobs = require "nianbao.jobs"

test("spool: what is put reads back the same, from the buffer, the file or across both", function()
  local spool = assert(jobs.spool())
  local put, size = {}, 0
  local seed = 12345
  local function rand(n)             -- the same numbers each run
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n
  end
  local sizes = { 0, 1, 850, 11000, 65535, 65536, 70000, 200000, 3 }
  for i = 1, 400 do
    local len = i <= #sizes and sizes[i] or (rand(10) == 0 and rand(90000) or rand(3000))
    local bytes = string.rep(string.char(65 + i % 26), len // 2) .. string.rep(string.char(97 + rand(26)), len - len // 2)
    local at = assert(spool:put(bytes))
    eq(size, at, "put " .. i .. " follows the one before")
    size = size + len
    put[i] = { at, bytes }
    -- reads between puts: a recent one, an old one, and a span across two
    for _, k in ipairs { i, 1 + rand(i) } do
      local p = put[k]
      eq(p[2], spool:get(p[1], #p[2]), "put " .. k .. " read after put " .. i)
    end
    local k = 1 + rand(i)
    local from = put[k][1] + rand(#put[k][2] + 1)
    local to = math.min(size, from + rand(140000))
    local want = {}
    for j = k, i do want[#want + 1] = put[j][2] end
    want = table.concat(want):sub(from - put[k][1] + 1, to - put[k][1])
    eq(want, spool:get(from, to - from), "a span from put " .. k .. " after put " .. i)
  end
  for i, p in ipairs(put) do eq(p[2], spool:get(p[1], #p[2]), "put " .. i .. " at the end") end
  eq(false, (pcall(spool.get, spool, size, 1)), "past what was put")
  spool:close()
end)

test("spool: a value waiting in the buffer decodes as one in the file does", function()
  local marshal = nianbao.marshal
  local spool = assert(jobs.spool())
  local v = { format = "gb", year = 2024, list = { 1, "二", { false } }, text = string.rep("x", 900) }
  local bytes = marshal.encode(v)
  local first = assert(spool:put(bytes))
  eq(nil, differ(v, spool:decode(first, #bytes), "waiting", true), "decoded from the buffer")
  assert(spool:put(string.rep("y", 70000)))       -- the buffer written out
  eq(nil, differ(v, spool:decode(first, #bytes), "written", true), "decoded from the file")
  spool:close()
end)

test("spool: a write refused (the file too large) refuses the put; every place given reads back", function()
  write("spool-full.lua", [[
local jobs = require "nianbao.jobs"
local spool = assert(jobs.spool())
local put, refused = {}, 0
for i = 1, 400 do
  local bytes = string.rep(string.char(97 + i % 26), i % 7 == 0 and 70000 or 900 + i)
  local at, why = spool:put(bytes)
  if at then put[#put + 1] = { at, bytes } else refused = refused + 1; assert(type(why) == "string") end
end
for _, p in ipairs(put) do assert(spool:get(p[1], #p[2]) == p[2], "put at " .. p[1]) end
print(#put, refused)
]])
  -- a file of 200 KB at most: the spool's writes past it fail (EFBIG), not the process
  local out, status = sh("ulimit -f 200; trap '' XFSZ; " .. NB .. " run " .. tmp .. "/spool-full.lua")
  eq(0, status, out)
  local n, refused = out:match("(%d+)%s+(%d+)")
  eq(true, tonumber(n) > 50, "puts kept: " .. out)
  eq(true, tonumber(refused) > 0, "puts refused: " .. out)
end)
