-- A layout writes a line's distance from the first token's as its bytes
-- say: zigzag (0, -1, 1, -2, ...), then seven bits a byte from the low
-- end, the high bit set on all but the last.

local tables = require "tables"
local core = require "nianbao"

local F = nianbao.engine:pack("gb2021").format

local function varint(v)
  local u = (v << 1) ~ (v < 0 and -1 or 0)
  local out = {}
  repeat
    local c = u & 0x7F
    u = u >> 7
    if u ~= 0 then c = c | 0x80 end
    out[#out + 1] = string.char(c)
  until u == 0
  return table.concat(out)
end

test("a layout's line numbers are written in the bytes of their zigzag varint", function()
  local function layout(d)
    local tokens = { { text = "信息内容", line = 5 }, { text = "信息内容", line = 5 + d } }
    return core.stream_layout(tokens, nil, tables.value_state, F)
  end
  local same = layout(0)
  local x = same:sub(1, #same // 2)
  eq(x .. x, same, "two like tokens, two like pieces")
  eq("\0", x:sub(2, 2), "the first token's line, 0")
  for _, d in ipairs { 1, -1, 63, -64, 64, -65, 8191, 8192, -8193, 1 << 20, -(1 << 35), 1 << 50 } do
    eq(x .. x:sub(1, 1) .. varint(d) .. x:sub(3), layout(d), "a line " .. d .. " further")
  end
end)
