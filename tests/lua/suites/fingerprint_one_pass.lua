-- The fingerprint walks a table's keys once, each value walked where
-- lua_next left it: the same text as the Lua walk's for records with
-- tables, numbers and lists among their values, the same refusals when a
-- value or key is not plain, and nothing left behind on the stack.

local claims = require "claims"
local limits = require "nianbao.sandbox"

test("fingerprint: records of nested values, walked in one pass, read as the walk writes them", function()
  local record = { [0] = { 1, 2, x = { y = 2.5 } }, [7] = "seven", name = "n", words = ("词"):rep(500),
                   list = { "a", "b", [4] = "gap" }, [-3] = true, deep = { a = { b = { c = { d = 1 } } } } }
  for i = 1, 300 do record["k" .. i] = (i % 3 == 0) and { i, tostring(i) } or i * 1.5 end
  local c, walk = limits.fingerprint(record), claims.fingerprint_walk(record)
  eq("string", type(c), "fingerprinted")
  eq(walk, c, "the walk's text")
end)

test("fingerprint: a value not plain, or a key C does not order, met after other keys is refused as before", function()
  for i = 1, 2000 do   -- (each refusal leaves the stack as it found it, or this would overflow it)
    local t = { a = 1, b = { c = 2 }, z = { f = print } }
    eq(nil, limits.fingerprint(t), "a function among the values")
    eq(false, limits.fingerprint({ a = 1, b = { 2 }, [true] = 3 }), "a boolean key")
    eq(false, limits.fingerprint({ a = 1, nested = { [2.5] = "x" } }), "a fraction as a key, one table down")
  end
  eq(nil, claims.fingerprint_walk({ a = 1, b = { c = 2 }, z = { f = print } }), "the walk agrees")
end)

test("fingerprint: a wide record met where the stack has little room left is the walk's to fingerprint, not an error", function()
  local wide = {}
  for i = 1, 20000 do wide["k" .. i] = i end
  local raised
  -- (frames of many slots each, deeper and deeper, until Lua's own stack overflows)
  local function deeper(n)
    local a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16 = n, n, n, n, n, n, n, n, n, n, n, n, n, n, n, n
    local b1, b2, b3, b4, b5, b6, b7, b8, b9, b10, b11, b12, b13, b14, b15, b16 = n, n, n, n, n, n, n, n, n, n, n, n, n, n, n, n
    if n % 250 == 0 then
      local ok, got = pcall(limits.fingerprint, wide)
      if not ok then raised = raised or got
      elseif got ~= false then eq("string", type(got), "a fingerprint or the walk's turn") end
    end
    return deeper(n + 1) + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11 + a12 + a13 + a14 + a15 + a16
           + b1 + b2 + b3 + b4 + b5 + b6 + b7 + b8 + b9 + b10 + b11 + b12 + b13 + b14 + b15 + b16
  end
  local ok = pcall(deeper, 1)
  eq(false, ok, "the recursion ends in Lua's stack overflow")
  eq(nil, raised, "no fingerprint raised")
  eq(claims.fingerprint_walk(wide), claims.fingerprint(wide), "the same text either way")
end)
