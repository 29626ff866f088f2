-- Plain data in C: nianbao.marshal (the spool, worker results) and the
-- JSON writer's native path, which writes what json.lua's writer in Lua does.

local marshal = require "marshal"
local json = require "json"
local C = getmetatable(nianbao).__index     -- the core's module behind the script API

-- A table constructor of plain data, as the batch once kept its reports:
-- the restored table must iterate as the one a constructor makes.
local function constructor(v, out)
  if type(v) == "table" then
    out[#out + 1] = "{"
    local n = #v
    for i = 1, n do constructor(v[i], out); out[#out + 1] = "," end
    for k, x in next, v do
      if not (math.type(k) == "integer" and k >= 1 and k <= n) then
        out[#out + 1] = "["; constructor(k, out); out[#out + 1] = "]="
        constructor(x, out); out[#out + 1] = ","
      end
    end
    out[#out + 1] = "}"
  elseif v == nil then out[#out + 1] = "nil"
  elseif type(v) == "boolean" then out[#out + 1] = tostring(v)
  else out[#out + 1] = string.format("%q", v) end
end

local function keys_in_order(t)
  local ks = {}
  for k in next, t do ks[#ks + 1] = tostring(k) end
  return table.concat(ks, " ")
end

test("marshal: integers stay integers and floats floats, strings keep every byte", function()
  local v = { math.maxinteger, math.mininteger, 0, -1, 300, 1.0, -0.0, 0.1, 1e308, math.huge, -math.huge,
              "", "\0\1\255三", true, false, { {} }, [-5] = "neg", [2.5] = "float key", [true] = 1 }
  local back = marshal.decode(marshal.encode(v))
  for i = 1, 15 do
    eq(math.type(v[i]), math.type(back[i]), "kind of item " .. i)
    eq(v[i], back[i], "item " .. i)
  end
  eq("-0.0", tostring(back[7]), "the sign of a zero")
  local nan = marshal.decode(marshal.encode(0 / 0))
  eq(true, nan ~= nan, "NaN")
  eq("table", type(back[16][1]), "nested")
  eq("neg", back[-5]); eq("float key", back[2.5]); eq(1, back[true])
  eq(nil, marshal.decode(marshal.encode(nil)), "nil alone")
end)

test("marshal: a table with holes keeps its length and its items", function()
  local v = { 1, nil, 3, nil, 5, [9] = 9, x = "x" }
  local back = marshal.decode(marshal.encode(v))
  eq(#v, #back, "length")
  for k, x in pairs(v) do eq(x, back[k], tostring(k)) end
  local n = 0
  for _ in pairs(back) do n = n + 1 end
  eq(5, n, "fields")
end)

test("marshal: a decoded table iterates as a constructor of the same fields does", function()
  local v = { 10, 20, 30, [7] = "seven" }
  for i = 1, 60 do v["k" .. (i * 7919 % 61)] = i end
  v.nested = { z = 1, y = 2, x = 3, w = { 1, 2, 3, c = "c", b = "b", a = "a" } }
  local out = { "return " }
  constructor(v, out)
  local want = assert(load(table.concat(out), "=want", "t", {}))()
  local got = marshal.decode(marshal.encode(v))
  eq(keys_in_order(want), keys_in_order(got), "top level")
  eq(keys_in_order(want.nested), keys_in_order(got.nested), "nested")
  eq(keys_in_order(want.nested.w), keys_in_order(got.nested.w), "two deep")
end)

test("marshal: what is not plain data is refused with a clean error", function()
  for what, v in pairs { ["a function"] = { print }, ["a coroutine"] = { x = coroutine.create(print) },
                         ["a userdata"] = { io.stdout }, ["a function as key"] = { [print] = 1 } } do
    local ok, err = pcall(marshal.encode, v)
    eq(false, ok, what)
    has(err, "marshal: cannot pass on a", what)
  end
  local deep = {}
  for _ = 1, 300 do deep = { deep } end
  local ok, err = pcall(marshal.encode, deep)
  eq(false, ok, "too deep to encode")
  has(err, "nested too deeply")
  local cycle = {}
  cycle[1] = cycle
  eq(false, (pcall(marshal.encode, cycle)), "a cycle")
  eq(false, (pcall(marshal.decode, string.rep("T\1\0\0\0\0", 300) .. "n")), "too deep to decode")
end)

test("marshal: bytes cut short, flipped or trailing are an error, never a crash or a read past them", function()
  local v = { 1, -2, 3.5, "text 文本", { a = true, b = false, c = { 99999999999 } }, [100] = "far", s = string.rep("x", 300) }
  local bytes = marshal.encode(v)
  for n = 0, #bytes - 1 do
    local ok, err = pcall(marshal.decode, bytes:sub(1, n))
    eq(false, ok, "cut at " .. n)
    has(err, "marshal:", "cut at " .. n)
  end
  eq(false, (pcall(marshal.decode, bytes .. "n")), "trailing byte")
  -- every byte flipped in a few ways: an error or some value, and the process lives on
  local values = 0
  for i = 1, #bytes do
    for _, x in ipairs { 0x01, 0x80, 0xFF, 0x40 } do
      local b = bytes:sub(1, i - 1) .. string.char(bytes:byte(i) ~ x) .. bytes:sub(i + 1)
      local ok, err = pcall(marshal.decode, b)
      if ok then values = values + 1 else eq("string", type(err), "an error message") end
    end
  end
  eq(true, values > 0 and values < 4 * #bytes, "some flips give a value, some are refused")
  -- counts far beyond the bytes given are refused before anything is allocated
  eq(false, (pcall(marshal.decode, "T\255\255\255\255\15\0\0\0\0")), "array count")
  eq(false, (pcall(marshal.decode, "T\0\255\255\255\127")), "field count")
  eq(false, (pcall(marshal.decode, "s\255\255\255\255\255\255\255\255\255\1")), "string length")
  eq(false, (pcall(marshal.decode, "i\255\255\255\255\255\255\255\255\255\127")), "integer too long")
  eq(false, (pcall(marshal.decode, "T\0\1\0\0\0nn")), "a nil key")
  eq(false, (pcall(marshal.decode, "T\0\1\0\0\0d" .. string.pack("n", 0 / 0) .. "t")), "a NaN key")
  eq(false, (pcall(marshal.decode, "")), "nothing")
  eq(false, (pcall(marshal.decode, "?")), "an unknown tag")
end)

test("marshal: apply calls a function with each item's values, as decode and a loop would", function()
  -- items as report:held() gives cells: some with nils inside, some shorter,
  -- one with a field past n and one with its values set in its hash part
  local late = {}
  late[3], late[2], late[1] = "c", "b", "a"
  local list = { { "id1", "number", 12, "12", 3, 4, 56 }, { "id2", "blank", nil, "", nil, nil, nil },
                 { "id3", "text" }, { "id4", "marker", nil, "/", 1, 2, 3, "past n", x = "ignored" }, late, {} }
  local seen = {}
  local first = {}
  marshal.apply(marshal.encode(list), function(f, ...)
    eq(first, f, "the first argument passed on")
    eq(7, select("#", ...), "always n values")
    seen[#seen + 1] = table.pack(...)
  end, first, 7)
  eq(#list, #seen, "one call an item")
  for i, item in ipairs(list) do
    for j = 1, 7 do eq(item[j], seen[i][j], "item " .. i .. " value " .. j) end
  end
  -- the calls are made in order, and an error of the function is raised
  local order = {}
  marshal.apply(marshal.encode { { 1 }, { 2 }, { 3 } }, function(t, v) t[#t + 1] = v end, order, 1)
  eq("1 2 3", table.concat(order, " "), "in order")
  local ok, err = pcall(marshal.apply, marshal.encode { { 1 } }, function() error("stop", 0) end, nil, 1)
  eq(false, ok, "the function's error")
  eq("stop", err, "raised as it is")
  -- what is not a list of tables, or not whole, is refused
  eq(false, (pcall(marshal.apply, marshal.encode { 1 }, print, nil, 1)), "an item not a table")
  eq(false, (pcall(marshal.apply, marshal.encode { x = {} }, print, nil, 1)), "a field not in the list")
  eq(false, (pcall(marshal.apply, marshal.encode "text", print, nil, 1)), "not a table")
  eq(false, (pcall(marshal.apply, marshal.encode { {} }, print, nil, 17)), "too many values an item")
  local bytes = marshal.encode(list)
  for n = 0, #bytes - 1 do
    local okc, why = pcall(marshal.apply, bytes:sub(1, n), function() end, nil, 7)
    eq(false, okc, "cut at " .. n)
    has(why, "marshal:", "cut at " .. n)
  end
  eq(false, (pcall(marshal.apply, bytes .. "n", function() end, nil, 7)), "trailing byte")
end)

-- The writer in Lua, reached by wrapping the value in a table json.lua's C
-- path leaves to it (a metatable with more than __order and __array).
local function in_lua(v)
  local text = json.encode(setmetatable({ v }, { __name = "wrap" }))
  return text:sub(2, -2)
end

test("json: the C writer gives the bytes json.lua's writer gives", function()
  local order = { __order = { "b", "a", "missing", "b" } }
  local values = {
    0, -7, math.maxinteger, math.mininteger, 0.1, -0.0, 1e300, 1 / 3, 2 ^ 53, 0 / 0, math.huge, -math.huge,
    "", "plain", "quote \" back \\ slash", "\b\f\n\r\t\0\1\31\127 control", "中文 \u{2028}",
    true, false, nianbao.null, {}, json.array(), json.array { 1, 2 }, { 1, "two", { 3 } },
    { z = 1, a = 2, m = { y = {}, x = json.array() } }, { ["b"] = 1, ["a"] = 2, ["ab"] = 3, ["a\0"] = 4, ["é"] = 5 },
    setmetatable({ a = 1, b = 2, c = 3 }, order), { [1.5] = "f", [true] = "t", x = "s", [-3] = "i" },
    { [2] = "hole at 1" }, { 1, nil, 3 },
  }
  for i, v in ipairs(values) do
    local native = C.json.encode(v)
    eq("string", type(native), "handled in C: value " .. i)
    eq(in_lua(v), native, "value " .. i)
    eq(native, json.encode(v), "json.encode of value " .. i)
  end
  eq('{"b":2,"a":1,"b":2,"c":3}', json.encode(setmetatable({ a = 1, b = 2, c = 3 }, order)), "__order first")
  eq('"\\u0000\\u001f\\u007f\\n"', json.encode("\0\31\127\n"), "control characters")
  -- an object inside an ordered one, with the same keys: each keeps its own order and its own others
  local rec = setmetatable({ file = "a", z = 1, inner = setmetatable({ file = "b", year = 2, z = 3, y = 4 },
                             { __order = { "year", "file" } }) }, { __order = { "file", "inner" } })
  local want = '{"file":"a","inner":{"year":2,"file":"b","y":4,"z":3},"z":1}'
  eq(want, C.json.encode(rec), "nested ordered objects in C")
  eq(want, in_lua(rec), "nested ordered objects in Lua")
  local all = {}
  for c = 0, 255 do all[#all + 1] = string.char(c) end
  eq(in_lua(table.concat(all)), C.json.encode(table.concat(all)), "every byte escaped as json.lua escapes it")
  eq("null", json.encode(nianbao.null), "null")
end)

test("json: an object whose metatable says __exact is written with its order's keys alone", function()
  local exact = { __order = { "b", "a", "missing", "b" }, __exact = true }
  local v = setmetatable({ a = 1, b = { 2 }, c = 3 }, exact)
  local native = C.json.encode(v)
  eq('{"b":[2],"a":1,"b":[2]}', native, "handled in C, c left out")
  eq(native, in_lua(v), "as json.lua writes it")
  local inner = { rec = setmetatable({ z = 1, file = "f" }, { __order = { "file" }, __exact = true }), x = 2 }
  eq('{"rec":{"file":"f"},"x":2}', C.json.encode(inner), "inside a plain table")
  eq(C.json.encode(inner), in_lua(inner), "inside a plain table, in Lua")
  -- many objects of one metatable (their keys' text made once), some keys absent; a key that
  -- needs an escape, and an order longer than the keys' text is made for
  local many = {}
  local ba = { __order = { "b", "a" }, __exact = true }
  for i = 1, 5 do many[i] = setmetatable({ b = i, a = i % 2 == 0 and "x" or nil, c = 0 }, ba) end
  local escaped = { __order = { 'q"', "k" }, __exact = true }
  local long = { __order = {}, __exact = true }
  for i = 1, 20 do long.__order[i] = "k" .. i end
  local mixed = { many, setmetatable({ ['q"'] = 1, k = 2 }, escaped), setmetatable({ k3 = 3, k20 = 20, k = 0 }, long),
                  setmetatable({ ['q"'] = 3 }, escaped) }
  eq('[[{"b":1},{"b":2,"a":"x"},{"b":3},{"b":4,"a":"x"},{"b":5}],{"q\\"":1,"k":2},{"k3":3,"k20":20},{"q\\"":3}]',
     C.json.encode(mixed), "objects of one metatable, a key escaped, a long order")
  eq(C.json.encode(mixed), in_lua(mixed), "the same in Lua")
  -- a key of the order that is no string: left to json.lua, which writes it as its tostring
  local odd = setmetatable({ [1.5] = "f", a = 1 }, { __order = { 1.5, "a" }, __exact = true })
  eq(nil, C.json.encode(odd), "left to Lua")
  eq('{"1.5":"f","a":1}', json.encode(odd), "written by json.lua")
end)

test("json: what the C writer leaves to Lua is still written, and errors stay json.lua's", function()
  local tricky = {
    setmetatable({}, { __len = function() return 2 end, __index = function(_, i) return i * 10 end }),
    setmetatable({ x = 1 }, { __pairs = function() return next, { y = 2 } end }),
    setmetatable({ a = 1 }, { __order = setmetatable({}, { __index = function() return "a" end }) }),
    { [2] = "int", ["2"] = "string" },
    { [{}] = 1 },
  }
  for i, v in ipairs(tricky) do
    eq(nil, C.json.encode(v), "left to Lua: value " .. i)
  end
  eq("[10,20]", json.encode(tricky[1]), "__len and __index")
  eq('{"y":null}', json.encode(tricky[2]), "__pairs, and v[k] read as json.lua reads it")
  local deep = "x"
  for _ = 1, 64 do deep = { deep } end
  eq(string.rep("[", 64) .. '"x"' .. string.rep("]", 64), json.encode(deep), "64 deep")
  local ok, err = pcall(json.encode, { deep })
  eq(false, ok, "65 deep")
  has(err, "json: value nested too deeply")
  ok, err = pcall(json.encode, { print })
  eq(false, ok, "a function")
  has(err, "json: cannot encode a function")
end)

test("json: random plain values are written alike in C and in Lua", function()
  local seed = 12345
  local function rand(n)
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n
  end
  local function value(depth)
    local r = rand(depth > 4 and 6 or 9)
    if r == 0 then return rand(2000) - 1000
    elseif r == 1 then return (rand(100000) - 50000) / 7
    elseif r == 2 then return string.char(rand(256), rand(128), 65 + rand(26))
    elseif r == 3 then return rand(2) == 0
    elseif r == 4 then return nianbao.null
    elseif r == 5 then return "k" .. rand(50)
    elseif r == 6 then
      local t = {}
      for i = 1, rand(6) do t[i] = value(depth + 1) end
      return t
    else
      local t = {}
      for _ = 1, rand(25) do t[rand(3) == 0 and rand(40) or ("k" .. rand(100))] = value(depth + 1) end
      return t
    end
  end
  for i = 1, 300 do
    local v = value(0)
    eq(in_lua(v), json.encode(v), "value " .. i)
  end
end)

test("a report checked in a batch, restored from the spool, finds what it finds checked alone", function()
  -- findings on cells' values and places (t3.balance, val.blank) and on text:
  -- the cells come back through marshal.apply, the rest through decode
  local files = { "examples/broken/t3-balance.txt", "examples/broken/val-blank.txt",
                  "examples/broken/txt-new.txt", CORPUS .. "/pingtan-2022.html" }
  local together, st = sh(NB .. " check --format json -j1 " .. table.concat(files, " "))
  eq(1, st, "the batch's exit status")
  local alone = {}
  for _, f in ipairs(files) do alone[#alone + 1] = sh(NB .. " check --format json -j1 " .. f) end
  eq(table.concat(alone), together, "each line as the file alone gives it")
  has(together, '"rule":"gb2021.t3.balance"')
  has(together, '"rule":"gb2021.val.blank"')
end)
