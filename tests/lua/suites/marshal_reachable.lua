-- marshal.reachable: the tables a report refers to and does not own (a
-- format's), found in one walk in C as the walk in Lua found them.

local marshal = nianbao.marshal

local function walk_lua(...)
  local set = {}
  local function walk(t)
    if type(t) ~= "table" or set[t] then return end
    set[t] = true
    for k, v in next, t do walk(k); walk(v) end
    walk(getmetatable(t))
  end
  for i = 1, select("#", ...) do walk((select(i, ...))) end
  return set
end

local function same_set(want, got, what)
  local n = 0
  for t in next, want do
    n = n + 1
    eq(true, got[t], what .. ": a table reached")
  end
  for t in next, got do
    eq(true, want[t], what .. ": no table more")
    n = n - 1
  end
  eq(0, n, what .. ": as many")
end

test("marshal.reachable reaches what the walk in Lua reaches: keys, values, metatables, cycles, a __metatable", function()
  local hidden = { secret = {} }
  local shown = { a = 1 }
  local guarded = setmetatable({}, { __metatable = shown, __index = hidden })
  local falsy = setmetatable({}, { __metatable = false, inner = {} })
  local plain_mt = setmetatable({}, { deep = { deeper = {} } })
  local key = { "a key" }
  local a = { [key] = { 1, 2, { 3 } }, guarded = guarded, falsy = falsy, plain = plain_mt, s = "x", n = 5 }
  a.self, a.list = a, { a, a, { a } }
  local b = { a, other = { shared = a.list } }
  local got = marshal.reachable(a, "not a table", b, nil, 7)
  same_set(walk_lua(a, "not a table", b, nil, 7), got, "synthetic")
  eq(nil, got[hidden], "a metatable behind __metatable not reached")
  eq(true, got[shown], "its __metatable reached")
  eq(nil, got[getmetatable(falsy)], "nor one behind a false __metatable")
  local count = 0
  for _ in next, marshal.reachable() do count = count + 1 end
  eq(0, count, "nothing given, nothing reached")
end)

test("marshal.reachable of a pack's format and identity system is the walk in Lua's", function()
  local P = nianbao.engine:pack("gb2021")
  same_set(walk_lua(P.format, P.system), marshal.reachable(P.format, P.system), "gb2021")
end)
