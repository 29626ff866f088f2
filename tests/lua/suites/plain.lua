-- Plain data in C: nianbao.marshal (the spool, worker results).

local marshal = require "marshal"

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
