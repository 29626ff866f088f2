-- view.copy: a deep copy of a declaration (a format.lua applied over its
-- parent's starts from one): tables copied, a table reached twice copied
-- once, cycles kept, metatables not; the copy lists its keys in the order
-- the original's were copied in.

local view = require "view"

-- the copy as it was made: a call for every key and value
local function reference(v, seen)
  if type(v) ~= "table" then return v end
  seen = seen or {}
  if seen[v] then return seen[v] end
  local c = {}
  seen[v] = c
  for k, x in pairs(v) do c[reference(k, seen)] = reference(x, seen) end
  return c
end

-- a table's contents in the order pairs gives them, tables by their shape
local function listed(t, seen, out)
  seen, out = seen or {}, out or {}
  if seen[t] then out[#out + 1] = "@" .. seen[t]; return out end
  seen.n = (seen.n or 0) + 1
  seen[t] = seen.n
  out[#out + 1] = "{"
  for k, v in pairs(t) do
    if type(k) == "table" then listed(k, seen, out) else out[#out + 1] = tostring(k) end
    out[#out + 1] = "="
    if type(v) == "table" then listed(v, seen, out) else out[#out + 1] = tostring(v) end
  end
  out[#out + 1] = "}"
  return out
end

test("a copy of a declaration is deep, keeps what is shared and cyclic, and drops metatables", function()
  local shared = { "a", "b" }
  local decl = { name = "x", rows = { { id = "r1", keys = shared }, { id = "r2", keys = shared } }, n = 3 }
  decl.self = decl
  decl[{ key = "table" }] = shared
  setmetatable(decl.rows, { __index = function() return "meta" end })
  local c = view.copy(decl)
  eq(true, c ~= decl and c.rows ~= decl.rows, "new tables")
  eq(c, c.self, "a cycle kept")
  eq(c.rows[1].keys, c.rows[2].keys, "a table reached twice copied once")
  eq(true, c.rows[1].keys ~= shared, "copied")
  eq(nil, getmetatable(c.rows), "no metatable")
  eq(nil, c.rows.missing, "nothing from the metatable")
  c.rows[1].keys[1] = "changed"
  eq("a", shared[1], "the original untouched")
  eq(7, view.copy(7), "a value that is no table")
end)

test("the copy of the national declaration is the copy as it was made, key for key in order", function()
  local decl = nianbao.engine.packs:declaration("gb2021").decl
  eq(table.concat(listed(reference(decl))), table.concat(listed(view.copy(decl))), "gb2021")
end)
