-- A large batch's collector: the growth it allows before a full
-- collection stops at GC_ROOM, so the garbage waiting does not grow with
-- the entries the batch holds.

local batch = require "batch"

test("the full collections' allowance is a share of a small heap, and GC_ROOM of a large one", function()
  local room = batch.GC_ROOM
  eq(batch.GC_MAJOR, batch.major_for(room * 100 // batch.GC_MAJOR), "a heap that small: the share as set")
  eq(batch.GC_MAJOR, batch.major_for(1024), "a smaller one too")
  local kb = room * 100 // 25
  eq(25, batch.major_for(kb), "four times GC_ROOM of heap: a quarter")
  eq(true, kb * batch.major_for(kb) // 100 <= room, "growth allowed within GC_ROOM")
  eq(batch.GC_MAJOR_LEAST, batch.major_for(room * 1000), "never below the least")
end)

test("a batch fits the allowance to its heap as it goes, and the pairs measured incrementally do not", function()
  local root = tmp .. "/batch-gc-room"
  os.execute("mkdir -p '" .. root .. "/jiuqu' '" .. root .. "/tanghe'")
  write("batch-gc-room/jiuqu/2023.txt", assert(nbio.readfile("examples/previous/jiuqu-2023.txt")))
  write("batch-gc-room/jiuqu/2024.txt", JIUQU)
  write("batch-gc-room/tanghe/2024.txt", (JIUQU:gsub("九曲街道", "汤河镇")))
  local was = { batch.GC_YOUNG_FROM, batch.GC_ROOM }
  batch.GC_YOUNG_FROM, batch.GC_ROOM = 2, 1      -- a heap of any size is large
  local ok, B = pcall(batch.new, nianbao.engine, { files = { root } }, nil, 1)
  batch.GC_YOUNG_FROM, batch.GC_ROOM = was[1], was[2]
  collectgarbage("incremental")
  assert(ok, B)
  eq(batch.GC_MAJOR_LEAST, B.major, "the allowance cut to the least")
  eq(3, #B.entries, "three reports")
  B:finish({}, nil)
end)
