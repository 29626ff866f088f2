-- A reader's search goes on at the character after a match's first one,
-- found in one search past the bytes that continue it: the place a byte
-- at a time finds, from every place of text of one to four bytes a
-- character, broken characters and the ends among them.

local claims = require "claims"

-- the place a byte at a time: past every byte 0x80..0xBF after i
local function byte_at_a_time(s, i)
  local n = i + 1
  while n <= #s and s:byte(n) >= 0x80 and s:byte(n) < 0xC0 do n = n + 1 end
  return n
end

test("the character after a place is where stepping a byte at a time finds it", function()
  local texts = {
    "", "a", "年", "收到申请5件，x结转１件；𠀀上年结转3件。",
    "\x80\x80收\xBF", "结\x80\x80\x80\x80", "a\xE5", "全角　空格 4 1 2 件",
  }
  local tried = 0
  for _, s in ipairs(texts) do
    for i = 0, #s + 2 do
      eq(byte_at_a_time(s, i), claims.next_char(s, i), string.format("after %d of %q", i, s))
      tried = tried + 1
    end
  end
  if tried < 80 then error("too few places tried: " .. tried) end
end)
