-- spool:put_plain: encode_plain's bytes put in the spool as they are made
-- (no string of them); nil, and nothing the spool gives, for what is not
-- plain. A batch surveyed in its own process stows its reports so.

local marshal = nianbao.marshal
local jobs = require "nianbao.jobs"

test("spool:put_plain puts what encode_plain gives, and puts nothing for what it refuses", function()
  local spool = assert(jobs.spool())
  local F = { name = "fmt" }
  local sec = { id = "s1", text = "正文", places = { { at = 1, line = 2, col = 3 } }, part = F, order = 1.5 }
  local v = { format = "gb", fields = { meta = { ["索引号"] = { text = "x", line = 1 } }, sections = { sec },
              year = 2024, ok = true, [3] = "three" }, list = { 1, 2, "三", { false } },
              cells = string.rep("格", 3000) }
  local ext, skip = { [F] = true }, { [sec] = "part" }
  local before = assert(spool:put("ahead"))
  for round = 1, 3 do                  -- the size of the one before taken as a guess, smaller and larger
    if round == 2 then v.cells = "" elseif round == 3 then v.cells = string.rep("x", 100000) end
    local bytes = assert(marshal.encode_plain(v, ext, {}, skip))
    local at, len = spool:put_plain(v, ext, {}, skip)
    eq(#bytes, len, round .. ": its length")
    eq(bytes, spool:get(at, len), round .. ": the same bytes")
    eq(F, sec.part, round .. ": the table itself untouched")
  end
  eq("ahead", spool:get(before, 5), "what was put before")
  local next_at = assert(spool:put("after"))
  eq(nil, spool:put_plain({ a = setmetatable({}, {}) }, {}, {}), "a table with a metatable")
  eq(nil, spool:put_plain({ a = { b = F } }, ext, {}), "a table of the format's")
  local t = {}
  eq(nil, spool:put_plain({ t }, {}, { [t] = true }), "a table already seen")
  eq(next_at + 5, assert(spool:put("end")), "nothing put for those refused")
  eq(false, (pcall(spool.put_plain, spool, {}, nil, {})), "ext not a table")
  spool:close()
  eq(false, (pcall(spool.put_plain, spool, {}, {}, {})), "a closed spool")
end)

test("a batch surveyed in this process puts its reports in the spool as they are stowed, and restores them as bound", function()
  local batch = require "batch"
  local root = tmp .. "/spool-put-plain"
  os.execute("rm -rf '" .. root .. "'; mkdir -p '" .. root .. "/jiuqu'")
  write("spool-put-plain/jiuqu/2023.txt", assert(nbio.readfile("examples/previous/jiuqu-2023.txt")))
  write("spool-put-plain/jiuqu/2024.txt", JIUQU)
  local E, kept = nianbao.engine, batch.KEPT
  local encode_plain, encoded = marshal.encode_plain, 0
  marshal.encode_plain = function(...) encoded = encoded + 1; return encode_plain(...) end
  batch.KEPT = 0                                  -- none kept as bound: each stowed
  local ok, B = pcall(batch.new, E, { files = { root } }, nil, 1)
  batch.KEPT = kept
  marshal.encode_plain = encode_plain
  assert(ok, B)
  eq(0, encoded, "no report's bytes made a string")
  for _, e in ipairs(B.entries) do
    eq("number", type(e.stowed), e.path .. ": stowed")
    local R = B:bind(e.path)
    local fresh = E:bind_bytes(assert(nbio.readfile(e.path)), e.path)
    eq(fresh.agency, R.agency, e.path .. ": its agency")
    eq(fresh.year, R.year, e.path .. ": its year")
    eq(#fresh.sections, #R.sections, e.path .. ": its sections")
    eq(nil, differ(fresh.c:dump(), R.c:dump(), "cells"), e.path .. ": its cells")
  end
  B:finish({}, nil)
end)

test("a larger batch's copies wait in the store, settled at each check, none encoded", function()
  local batch = require "batch"
  local root = tmp .. "/spool-put-value"
  os.execute("rm -rf '" .. root .. "'; mkdir -p '" .. root .. "'")
  write("spool-put-value/jiuqu-2024.txt", JIUQU)
  write("spool-put-value/tanghe-2024.txt", (JIUQU:gsub("九曲街道", "汤河镇")))
  local E, kept = nianbao.engine, batch.KEPT
  local encode, encoded = marshal.encode, 0
  marshal.encode = function(...) encoded = encoded + 1; return encode(...) end
  batch.KEPT = 0
  local ok, B = pcall(batch.new, E, { files = { root } }, nil, 1)
  batch.KEPT, marshal.encode = kept, encode
  assert(ok, B)
  eq(0, encoded, "no copies encoded as a string")
  eq(true, B.found_copies ~= nil, "the copies found wait in their store")
  for _, e in ipairs(B.entries) do
    local copies = B:copies_of(e)
    eq(true, e.copied ~= nil, e.path .. ": its copies wait in the store")
    local function said(list)
      local out = {}
      for _, c in ipairs(list) do
        out[#out + 1] = table.concat({ c.kind, c.file, c.agency, c.year, c.share, c.passage, c.length }, "|")
      end
      return table.concat(out, "\n")
    end
    eq(said(copies), said(B:copies_of(e)), e.path .. ": settled alike when asked again")
    eq(1, #copies, e.path .. ": the other town's report")
    eq("peer", copies[1].kind, e.path .. ": a peer")
    eq("string", type(copies[1].passage), e.path .. ": its passage said")
    eq(true, copies[1].share > 0.9, e.path .. ": its share")
  end
  B:finish({}, nil)
  eq(nil, B.found_copies, "the store let go at the end")
end)
