-- spool:decode: what the spool holds decoded where it was read, against
-- marshal.decode of spool:get's bytes (the path it stands in for).

local marshal = nianbao.marshal
local jobs = require "nianbao.jobs"

-- equal all the way down, numbers of one kind (integer or float) too
local function same(a, b, what)
  local d = differ(a, b, what, true)
  if d then error(d, 2) end
end

test("spool:decode gives what marshal.decode of spool:get gives, small and large, in any order", function()
  local spool = assert(jobs.spool())
  local values = {
    { format = "gb", year = 2024, ok = true, ratio = 0.5, list = { 1, "二", { false } } },
    string.rep("正文", 40000),            -- past the buffer a read keeps
    { text = string.rep("x", 5000), n = -7 },
    42,
    "",
  }
  local at = {}
  for i, v in ipairs(values) do
    local bytes = marshal.encode(v)
    at[i] = { assert(spool:put(bytes)), #bytes }
  end
  for _, i in ipairs { 3, 1, 2, 5, 4, 1, 3 } do
    local off, len = at[i][1], at[i][2]
    same(marshal.decode(spool:get(off, len)), spool:decode(off, len), "value " .. i)
  end
  -- the bytes a read leaves behind are not read again
  eq(marshal.encode(values[4]), spool:get(at[4][1], at[4][2]), "get after a larger read")
  local ok, err = pcall(spool.decode, spool, at[1][1], at[1][2] - 1)
  eq(false, ok, "bytes cut short")
  has(err, "marshal", "said by the decoder")
  ok = pcall(spool.decode, spool, at[5][1], at[5][2] + 1)
  eq(false, ok, "past the end of the spool")
  spool:close()
  eq(false, (pcall(spool.decode, spool, 0, 1)), "a closed spool")
end)

test("a batch's reports are restored from the spool for their check, none bound again", function()
  local batch = require "batch"
  local root = tmp .. "/spool-restore"
  os.execute("mkdir -p '" .. root .. "/jiuqu'")
  write("spool-restore/jiuqu/2023.txt", assert(nbio.readfile("examples/previous/jiuqu-2023.txt")))
  write("spool-restore/jiuqu/2024.txt", JIUQU)
  write("spool-restore/tanghe-2024.txt", (JIUQU:gsub("九曲街道", "汤河镇")))
  local E, kept = nianbao.engine, batch.KEPT
  batch.KEPT = 0                                  -- none kept as bound: each stowed
  local ok, B = pcall(batch.new, E, { files = { root } }, nil, 1)
  batch.KEPT = kept
  assert(ok, B)
  local binds = 0
  local bind_bytes, own = E.bind_bytes, rawget(E, "bind_bytes")
  E.bind_bytes = function(...) binds = binds + 1; return bind_bytes(...) end
  local read = {}
  for _, e in ipairs(B.entries) do
    eq("number", type(e.stowed), e.path .. ": stowed")
    read[#read + 1] = { B:read(e.path) }
  end
  E.bind_bytes = own
  eq(0, binds, "no report bound again")
  for i, r in ipairs(read) do eq(true, r[1] ~= nil and r[1].year ~= nil, "report " .. i .. " read back") end
  B:finish({}, nil)
end)
