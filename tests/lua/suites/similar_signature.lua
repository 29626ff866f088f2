-- A signature is the MinHash of the text's shingles, each hash read off a
-- window of the last k characters: held here against the definition
-- written out in Lua (FNV-1a over the code points, mixed; minima of
-- a h + b over 2^64, their top 32 bits, little-endian).

local sim = require "nianbao.similar"

local function mix(x)                        -- splitmix64's finaliser
  x = x + 0x9E3779B97F4A7C15
  x = (x ~ (x >> 30)) * 0xBF58476D1CE4E5B9
  x = (x ~ (x >> 27)) * 0x94D049BB133111EB
  return x ~ (x >> 31)
end

local function plain_signature(cps, k, hashes)
  if #cps < k then return nil end
  local h = {}
  for i = 1, #cps - k + 1 do
    local x = 0xCBF29CE484222325
    for j = i, i + k - 1 do x = (x ~ cps[j]) * 0x100000001B3 end
    h[i] = mix(x)
  end
  local out = {}
  for f = 0, hashes - 1 do
    local a, b = mix(2 * f + 1) | 1, mix(2 * f + 2)
    local least
    for _, x in ipairs(h) do
      local v = a * x + b
      if not least or math.ult(v, least) then least = v end
    end
    out[#out + 1] = string.pack("<I4", least >> 32)
  end
  return table.concat(out)
end

-- characters that all count but the comma, which none of the hashes sees
local LETTERS = { "政", "府", "信", "息", "公", "开", "a", "1", "，" }

test("a signature is the MinHash of the shingles as the definition gives it", function()
  local state = 20261204
  local function rand(n) state = (state * 1103515245 + 12345) % 2147483648; return state % n + 1 end
  for round = 1, 60 do
    local k = ({ 1, 3, 10 })[rand(3)]
    local hashes = ({ 4, 7, 64 })[rand(3)]
    local n = round <= 6 and k - 1 + round % 2 or rand(40)  -- k - 1 and k characters, then any
    local parts, cps = {}, {}
    for i = 1, n do
      local c = LETTERS[rand(#LETTERS - 1)]
      parts[#parts + 1] = c
      cps[#cps + 1] = utf8.codepoint(c)
      if rand(4) == 1 then parts[#parts + 1] = "，" end
    end
    local text = table.concat(parts)
    eq(plain_signature(cps, k, hashes), sim.signature(text, k, hashes),
       string.format("%q, k = %d, %d hashes", text, k, hashes))
  end
end)

-- A file's digest is FNV-1a of its bytes (similar.fnv, a byte a step),
-- mixed with its length: the same taken eight bytes a turn.
test("a digest is FNV-1a of the bytes, mixed, at every length", function()
  local bytes = {}
  for i = 1, 300 do bytes[i] = string.char((i * 37 + 11) % 256) end
  local text = table.concat(bytes)
  local lengths = {}
  for n = 0, 40 do lengths[#lengths + 1] = n end
  for n = 41, 300, 23 do lengths[#lengths + 1] = n end
  for _, n in ipairs(lengths) do
    local s = text:sub(1, n)
    local fnv = math.tointeger(tonumber(sim.fnv(s):sub(1, 8), 16) << 32 | tonumber(sim.fnv(s):sub(9), 16))
    eq(string.format("%016x", mix(fnv ~ n)), sim.digest(s), n .. " bytes")
  end
  eq("fd76c7605e008685", sim.digest("本机关认真贯彻落实政府信息公开条例"), "the digest of a text as ever")
end)
