-- The numbers of a layout (places, lines, texts' lengths) are written in
-- as few bytes as they need: tokens that differ in any of them still make
-- layouts that differ, small or large, negative or not, and a text's
-- length never reads as part of the next token.

local tables = require "tables"
local core = require "nianbao"

local F = nianbao.engine:pack("gb2021").format

local function placed(x0, x1, text)
  return core.table_layout({ { text = text or "信息内容", grid = 1, row = 1, x0 = x0, x1 = x1 },
                             { text = "1", grid = 1, row = 1, x0 = 1000, x1 = 1001 } },
                           nil, tables.value_state, F)
end

local function streamed(lines, texts)
  local tokens = {}
  for i, line in ipairs(lines) do tokens[i] = { kind = "cell", text = texts and texts[i] or "规章", line = line, col = 1 } end
  return core.stream_layout(tokens, nil, tables.value_state, F)
end

test("layouts of tokens that differ in a place, a line or a text's length differ", function()
  local ints = { 0, 1, 2, 63, 64, 127, 128, 255, 256, 16383, 16384, -1, -2, -64, -65, -129, 1 << 40,
                 math.maxinteger, math.mininteger }
  local seen = {}
  local function once(layout, what)
    eq("string", type(layout), what)
    eq(nil, seen[layout], what .. ": a layout of its own")
    seen[layout] = what
  end
  for _, a in ipairs(ints) do
    for _, b in ipairs(ints) do once(placed(a, b), "places " .. a .. ", " .. b) end
  end
  eq(placed(5, 6), placed(5, 6), "the same places, the same layout")
  -- lines from the first token's: later, earlier, far
  for _, d in ipairs { 0, 1, -1, 127, 128, -128, 100000 } do
    once(streamed({ 10, 10 + d, 10 + 2 * d }), "lines " .. d)
  end
  eq(streamed({ 3, 4 }), streamed({ 30, 31 }), "the same lines from the first, the same layout")
  -- texts whose lengths cross a byte's worth, and a length that could pass
  -- for the next token's start were lengths not written whole
  for _, n in ipairs { 1, 126, 127, 128, 129, 255, 256, 300 } do
    once(streamed({ 1, 2 }, { string.rep("a", n), "b" }), "a text of " .. n)
    once(streamed({ 1, 2 }, { string.rep("a", n - 1), "ab" }), "a text of " .. n .. " less one")
  end
end)
