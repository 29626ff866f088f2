-- A bundled script is found by the key of its source and its length: a
-- source that differs from it in any one byte, wherever (in each of the
-- four words a turn of the key reads, in its last words, in its last
-- bytes), or that is one byte shorter or longer, is not the build's and
-- is parsed as text.

local chunks = require "nianbao.chunks"

test("a source edited in any one byte is not a bundled one", function()
  local src = assert(nbio.readfile("scripts/lib/json.lua"))
  eq(true, chunks.bundled(src), "the source as built")
  eq(true, #src > 200 and #src % 32 ~= 0, "a source with words and bytes past its last turn")
  local places = { 1, 2, 8, 9, 16, 17, 24, 25, 32, 33, #src // 2, #src - (#src % 32) - 1, #src - (#src % 32) + 1,
                   #src - 8, #src - 1, #src }
  for i = 1, 64 do places[#places + 1] = i end
  local tried = 0
  for _, at in ipairs(places) do
    local b = src:byte(at)
    for _, other in ipairs { b ~ 1, b ~ 0x80, (b + 1) % 256 } do
      local edited = src:sub(1, at - 1) .. string.char(other) .. src:sub(at + 1)
      eq(false, chunks.bundled(edited), "byte " .. at .. " changed")
      tried = tried + 1
    end
  end
  eq(false, chunks.bundled(src:sub(1, -2)), "one byte shorter")
  eq(false, chunks.bundled(src .. " "), "one byte longer")
  eq(true, tried > 200, "edits tried")
end)
