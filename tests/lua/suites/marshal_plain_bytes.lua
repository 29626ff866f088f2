-- encode_plain writes each key and value where it is (no copy pushed): its
-- bytes are encode's, byte for byte, for plain tables of every kind of key
-- and value, holes and fields past the list included.

local marshal = nianbao.marshal

test("encode_plain's bytes are encode's for random plain tables", function()
  local seed = 4242
  local function rand(n)
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n
  end
  local function scalar()
    local r = rand(9)
    if r == 0 then return rand(2) == 0
    elseif r == 1 then return rand(1000) - 500
    elseif r == 2 then return (rand(1000) - 500) / 8
    elseif r == 3 then return math.mininteger + rand(3)
    elseif r == 4 then return 2.5e300
    elseif r == 5 then return string.rep("字", rand(30))
    elseif r == 6 then return string.rep("k", rand(60))
    elseif r == 7 then return ""
    else return "id" .. rand(20) end
  end
  local function value(depth)
    if depth > 4 or rand(3) > 0 then return scalar() end
    local t = {}
    for i = 1, rand(8) do t[i] = value(depth + 1) end
    if rand(3) == 0 and #t > 2 then t[2] = nil end                -- a hole
    for _ = 1, rand(8) do
      local k = scalar()
      if k == k then t[k] = value(depth + 1) end                 -- never a NaN key
    end
    return t
  end
  for n = 1, 300 do
    local v = { value(0), value(0), x = value(0) }
    eq(marshal.encode(v), marshal.encode_plain(v, {}, {}), "value " .. n)
  end
  eq(marshal.encode("s"), marshal.encode_plain("s", {}, {}), "a string alone")
  eq(marshal.encode(1.5), marshal.encode_plain(1.5, {}, {}), "a float alone")
end)

test("encode_plain leaves out only the field skip names, of its own table, and refuses a key not plain", function()
  local inner = { part = "x", text = "t", [1] = "a" }
  local v = { part = "kept", inner = inner }
  local skipped = marshal.decode(marshal.encode_plain(v, {}, {}, { [inner] = "part" }))
  eq(nil, skipped.inner.part, "left out")
  eq("t", skipped.inner.text, "the rest kept")
  eq("kept", skipped.part, "the same key of another table kept")
  eq(nil, marshal.encode_plain({ [print] = 1 }, {}, {}), "a function as a key")
  eq(nil, marshal.encode_plain({ a = { [io.stdout] = 1 } }, {}, {}), "a userdata as a key, deep")
end)

test("decode reads a value's tag for holes and refused keys and values: the same tables and errors", function()
  local function T(narr, nrec, ...) return "T" .. string.char(narr) .. string.pack("<I4", nrec) .. table.concat { ... } end
  local nan = "d" .. string.pack("=d", 0/0)
  local t = marshal.decode(T(3, 1, "n", "i\2", "n", "s\1k", "t"))
  eq(nil, t[1], "a hole first")
  eq(1, t[2], "the value between")
  eq(nil, t[3], "a hole last")
  eq(true, t.k, "the field")
  local function refused(bytes, at, what)
    local ok, err = pcall(marshal.decode, bytes)
    eq(false, ok, what)
    has(err, "bad data at byte " .. at, what)
  end
  refused(T(0, 1, "n", "t"), 7, "a nil key, where it starts")
  refused(T(1, 1, "t", nan, "t"), 8, "a NaN key, where it starts")
  refused(T(0, 1, "s\1k", "n"), 10, "a nil value, where it starts")
  refused(T(2, 0, "n"), 7, "more values than bytes left")
  refused(T(0, 1, "s\1k"), 10, "a value missing")
  refused(T(1, 0, "x"), 7, "an unknown tag, where it is")
  refused(T(1, 0, "s\5ab"), 9, "a string longer than the bytes left, after its length")
  refused(T(1, 0, "i"), 8, "an integer cut short, after its tag")
  refused(T(1, 0, "d\0\0"), 8, "a float cut short, after its tag")
  eq(-3, marshal.decode(T(1, 0, "i\5"))[1], "an integer, zigzag")
  eq(0.5, marshal.decode(T(1, 0, "d" .. string.pack("=d", 0.5)))[1], "a float")
  eq("ab", marshal.decode(T(1, 0, "s\2ab"))[1], "a string")
  eq(false, marshal.decode(T(1, 0, "f"))[1], "false")
end)
