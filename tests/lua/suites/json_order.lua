-- The JSON writer's objects that their __order list names whole: the C
-- writer writes them from the list alone, and must still give the bytes
-- json.lua's writer in Lua gives when the list names a key twice, names
-- keys the object lacks, or leaves some out.

local json = require "json"
local C = getmetatable(nianbao).__index     -- the core's module behind the script API

-- The writer in Lua, reached by wrapping the value in a table the C path
-- leaves to it (a metatable with more than __order and __array).
local function in_lua(v)
  local text = json.encode(setmetatable({ v }, { __name = "wrap" }))
  return text:sub(2, -2)
end

local function ordered(t, ...) return setmetatable(t, { __order = { ... } }) end

test("json: objects their order names whole, twice or in part are written as in Lua", function()
  local long = string.rep("k", 60)           -- a key of a long string: two copies are two objects
  local values = {
    ordered({ b = 1, a = 2 }, "b", "a"),
    ordered({ b = 1, a = 2 }, "b", "missing", "a", "gone"),
    ordered({ b = 1, a = 2 }, "b", "b"),                      -- a twice, a left out
    ordered({ b = 1, a = 2, c = 3 }, "b", "a", "b"),          -- as many names as keys, one left out
    ordered({ [long] = 1, x = 2 }, long, string.rep("k", 60)),
    ordered({ [long] = 1 }, long, string.rep("k", 60)),
    ordered({}, "a", "b"),
    ordered({ a = 1, [1] = "one" }, "a"),
    ordered({ [1] = "one", a = 1 }, 1, "a"),
    ordered({ a = { z = 1, y = ordered({ q = 1, p = 2 }, "q", "p") }, n = -12 }, "n", "a"),
    ordered({ a = 1, b = 2, c = 3, d = 4, e = 5, f = 6, g = 7, h = 8, i = 9, j = 10, k = 11, l = 12, m = 13,
              n = 14, o = 15, p = 16, q = 17 },
            "q", "p", "o", "n", "m", "l", "k", "j", "i", "h", "g", "f", "e", "d", "c", "b", "a"),
  }
  for i, v in ipairs(values) do
    local native = C.json.encode(v)
    eq("string", type(native), "handled in C: value " .. i)
    eq(in_lua(v), native, "value " .. i)
  end
  eq('{"b":1,"b":1,"a":2}', C.json.encode(values[3]), "a key named twice, and the one left out after")
  eq('{"b":1,"a":2,"b":1,"c":3}', C.json.encode(values[4]), "as many names as keys, one of them left out")
  eq('{"n":-12,"a":{"y":{"q":1,"p":2},"z":1}}', C.json.encode(values[10]), "nested, and a negative count")
  eq(string.format('{"%s":1,"%s":1}', long, long), C.json.encode(values[6]), "a long key named twice")
end)

test("json: a value the C writer leaves to Lua, inside an object its order names whole", function()
  local v = ordered({ a = 1, b = setmetatable({}, { __index = function() return 1 end }) }, "a", "b")
  eq(nil, C.json.encode(v), "left to Lua")
  eq('{"a":1,"b":{}}', json.encode(v), "written by json.lua")
  local n = { math.mininteger, math.maxinteger, 0, -1, 10, -10 }
  eq(string.format("[%d,%d,0,-1,10,-10]", math.mininteger, math.maxinteger), C.json.encode(n), "integers")
end)

test("json: objects that share a metatable, among others, are written as in Lua", function()
  -- the C writer looks at a metatable once a call: the objects after the
  -- first of each are written by what it found then
  local ROW = { __order = { "b", "a" } }
  local LIST = { __array = true }
  local BARE = { __order = false }
  local rows = setmetatable({}, LIST)
  for i = 1, 12 do
    local row = setmetatable({ a = i, b = { i, i + 1 }, c = "x" .. i }, i % 3 == 0 and BARE or ROW)
    row.list = setmetatable(i % 2 == 0 and {} or { "y" }, LIST)
    rows[i] = row
  end
  -- more metatables than the C writer keeps, each met twice
  local many = {}
  for i = 1, 20 do
    local mt = { __order = { "k" .. i } }
    many[i] = setmetatable({ ["k" .. i] = i, z = setmetatable({ i }, mt) }, mt)
  end
  for i, v in ipairs { rows, many, { rows, many, rows } } do
    local native = C.json.encode(v)
    eq("string", type(native), "handled in C: value " .. i)
    eq(in_lua(v), native, "value " .. i)
  end
  eq('[[],{"b":1}]', C.json.encode({ setmetatable({}, LIST), setmetatable({ b = 1 }, ROW) }), "an empty list and an object")
end)
