-- A pair whose first text has no two shingles alike is measured in one
-- walk, of the second: each shingle of the first that the walk finds is
-- marked at its one place, and the marks give the first text's share.
-- Held against the plain measure: stretches marked and unmarked of every
-- length (eight marks are read at once), to either end of the text, the
-- second text repeating the first's passages, a first text of more
-- shingles than the marks kept on the stack, and first texts with
-- repeated shingles (walked as ever).

local sim = require "nianbao.similar"
local plain_common = dofile("tests/lua/similar_plain.lua")

local state = 20261206
local function rand(n) state = (state * 1103515245 + 12345) % 2147483648; return state % n + 1 end

-- n characters, no two alike (its shingles then none alike, whatever k)
local function distinct(n, from)
  local out = {}
  for i = 1, n do out[i] = utf8.char(0x4E00 + from + i) end
  return out
end

-- pieces of chars (a list of characters) of random lengths, some kept
-- and some replaced by characters of their own, some kept twice
local function mixed(chars)
  local out, i = {}, 1
  while i <= #chars do
    local n = rand(rand(2) == 1 and 4 or 30)
    local how = rand(4)
    for j = i, math.min(i + n - 1, #chars) do
      if how == 1 then out[#out + 1] = "变"
      else out[#out + 1] = chars[j] end
    end
    if how == 4 then
      for j = i, math.min(i + n - 1, #chars) do out[#out + 1] = chars[j] end
    end
    if rand(5) == 1 then out[#out + 1] = "，" end
    i = i + n
  end
  return table.concat(out)
end

local function same_as_plain(a, b, k, what)
  local want = table.pack(plain_common(a, b, k))
  local ka, kb = sim.shingled(a, k), sim.shingled(b, k)
  for _, args in ipairs { { a, b }, { ka, kb }, { ka, b } } do
    local got = table.pack(sim.common(args[1], args[2], k))
    for i = 1, 4 do eq(want[i], got[i], string.format("value %d, %s, k = %d", i, what, k)) end
  end
  sim.release(ka)
  sim.release(kb)
end

test("a first text of shingles all unlike measures as the plain measure does", function()
  for round = 1, 150 do
    local k = ({ 1, 2, 3, 5, 10 })[rand(5)]
    local a = distinct(rand(120) + k, rand(1000))
    local b = mixed(a)
    if round % 3 == 0 then b = b .. b end
    if round % 5 == 0 then b = table.concat(a) end          -- every shingle marked
    same_as_plain(table.concat(a), b, k, "round " .. round)
  end
end)

test("a first text of more shingles than the stack's marks measures as the plain measure does", function()
  local a = distinct(5000, 0)
  same_as_plain(table.concat(a), mixed(a), 1, "5000 shingles")
  same_as_plain(table.concat(a), mixed(a), 10, "4991 shingles")
end)

test("a first text with shingles repeated measures as the plain measure does", function()
  for round = 1, 60 do
    local k = ({ 1, 2, 3, 5 })[rand(4)]
    local a = distinct(rand(60) + k, rand(1000))
    local twice = table.concat(a) .. table.concat(a, "", 1, rand(#a))
    same_as_plain(twice, mixed(a), k, "round " .. round)
    same_as_plain(mixed(a), twice, k, "round " .. round .. ", turned")
  end
end)
