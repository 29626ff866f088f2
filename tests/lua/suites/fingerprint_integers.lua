-- The fingerprint writes its integers (lengths, list sizes, keys) itself,
-- digit by digit: the same text as the Lua walk's for every size of
-- integer, the smallest and largest included.

local claims = require "claims"
local limits = require "nianbao.sandbox"

test("fingerprint: integer keys and lengths of every size read as the walk writes them", function()
  local keys = { [0] = "z", [-1] = "m", [-10] = "t", [9] = "n", [10] = "d", [99] = "a", [100] = "b",
                 [math.maxinteger] = "max", [math.mininteger] = "min", [-math.maxinteger] = "neg",
                 [1 << 40] = "big", [-(1 << 40)] = "small" }
  local cases = { keys, { ("x"):rep(9), ("y"):rep(10), ("字"):rep(34), ("z"):rep(12345) } }
  local list = {}
  for i = 1, 1000 do list[i] = i % 7 end
  cases[#cases + 1] = list
  for i, v in ipairs(cases) do
    local c, walk = limits.fingerprint(v), claims.fingerprint_walk(v)
    eq("string", type(c), "case " .. i .. " fingerprinted")
    eq(walk, c, "case " .. i)
  end
end)
