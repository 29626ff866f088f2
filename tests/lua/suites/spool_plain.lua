-- marshal.encode_plain: a report's tables encoded where they are, in place
-- of a deep copy checked in Lua and then encoded (the batch's stow).

local marshal = nianbao.marshal

-- the deep copy the batch once made: nil when not plain
local function copy(t, seen, ext, skip)
  if seen[t] or ext[t] or getmetatable(t) ~= nil then return nil end
  seen[t] = true
  local out = {}
  for k, v in next, t do
    local tk, tv = type(k), type(v)
    if tk ~= "string" and tk ~= "number" and tk ~= "boolean" then return nil end
    if k ~= (skip and skip[t]) then
      if tv == "table" then
        v = copy(v, seen, ext, skip)
        if v == nil then return nil end
      elseif tv ~= "string" and tv ~= "number" and tv ~= "boolean" then return nil end
      out[k] = v
    end
  end
  return out
end

-- equal all the way down, numbers of one kind (integer or float) too
local function same(a, b, what)
  local d = differ(a, b, what, true)
  if d then error(d, 2) end
end

test("encode_plain gives what encode of a deep copy decodes to, without the fields skipped", function()
  local F = { name = "fmt" }
  local sec = { id = "s1", text = "正文", places = { { at = 1, line = 2, col = 3 } }, part = F, order = 1.5 }
  local v = { format = "gb", fields = { meta = { ["索引号"] = { text = "x", line = 1 } }, sections = { sec },
              year = 2024, ok = true, [3] = "three" }, list = { 1, 2, "三", { false } } }
  local ext, skip = { [F] = true }, { [sec] = "part" }
  local bytes = marshal.encode_plain(v, ext, {}, skip)
  local want = marshal.decode(marshal.encode(copy(v, {}, ext, skip)))
  same(want, marshal.decode(bytes), "decoded")
  eq(nil, marshal.decode(bytes).fields.sections[1].part, "the part left out")
  eq(F, sec.part, "the table itself untouched")
  -- the tables met are kept in C: seen only says which were met already
  local seen = {}
  marshal.encode_plain(v, ext, seen, skip)
  eq(nil, next(seen), "seen left as it was")
  eq(nil, marshal.encode_plain(v, ext, { [sec.places[1]] = true }, skip), "a table of seen, deep inside")
end)

test("encode_plain: a table reached twice is refused however many tables come between", function()
  for _, n in ipairs { 1, 200, 5000 } do
    local list = {}
    for i = 1, n do list[i] = { i, tostring(i) } end
    local bytes = marshal.encode_plain({ list = list }, {}, {})
    same(marshal.decode(marshal.encode { list = list }), marshal.decode(bytes), n .. " tables")
    for _, at in ipairs { 1, n } do
      local again = { list = list, last = list[at] }
      eq(nil, marshal.encode_plain(again, {}, {}), n .. " tables, the one at " .. at .. " twice")
    end
  end
end)

test("encode_plain: nil for what the deep copy refused, each kind", function()
  local shared = { 1 }
  local F = { name = "fmt" }
  local cases = {
    { { a = setmetatable({}, {}) }, "a table with a metatable" },
    { { a = { b = F } }, "a table of the format's" },
    { { a = shared, b = { shared } }, "a table reached twice" },
    { { a = { [{}] = 1 } }, "a table as a key" },
    { { a = { f = print } }, "a function" },
    { { a = { io.stdout } }, "a userdata in a list" },
    { { part = F, a = { part = F } }, "a field skipped only in its own table" },
  }
  for _, c in ipairs(cases) do
    local v, what = c[1], c[2]
    local skip = { [v] = "part" }
    eq(nil, copy(v, {}, { [F] = true }, skip), what .. ": the copy refuses it")
    eq(nil, marshal.encode_plain(v, { [F] = true }, {}, skip), what)
  end
  local t = {}
  eq(nil, marshal.encode_plain({ t }, {}, { [t] = true }), "a table already seen")
  local deep = {}
  for _ = 1, 300 do deep = { deep } end
  eq(nil, marshal.encode_plain(deep, {}, {}), "nested past what encode takes")
  eq(nil, marshal.encode_plain({ part = F }, { [F] = true }, {}, {}), "no skip for it: the format's table refused")
end)
