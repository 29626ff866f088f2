-- A reader's sniff is given the text's first 64 KiB: a shorter text
-- whole (the same bytes, not a copy), a longer one cut there.

local read = require "pipeline.read"

test("sniff is given the whole of a short text and the first 65536 bytes of a long one", function()
  read.load(".")                                  -- (the limits sniffs run under)
  local given
  local readers = { { name = "probe", extensions = {}, sniff = function(head) given = head; return true end } }
  local by_name = { probe = readers[1], text = readers[1] }
  for _, n in ipairs { 0, 1, 100, 65535, 65536, 65537, 200000 } do
    local text = ("年报|\n"):rep(n // 8) .. ("x"):rep(n % 8)
    given = nil
    eq(readers[1], read.pick(readers, by_name, nil, "a.unknown", text, "en"), n .. ": picked by its sniff")
    eq(math.min(#text, 65536), #given, n .. ": the head's length")
    eq(text:sub(1, 65536), given, n .. ": the head's bytes")
  end
end)
