-- An identity's wildcard terms look at the schema ids that begin with
-- their written prefix, kept from one instance to the next while the
-- prefix stays: the terms are those of a plain walk of every id, in
-- schema order, whether the prefix stays, changes or alternates.

-- the schema, and its ids in order
local function schema_of(ids)
  local s = nianbao.schema()
  for _, id in ipairs(ids) do s:add(id, "count") end
  return s
end

-- does id match the dotted pattern (a "*" segment is any one segment)?
local function matches(id, pattern)
  local a, b = {}, {}
  for seg in id:gmatch("[^.]+") do a[#a + 1] = seg end
  for seg in pattern:gmatch("[^.]+") do b[#b + 1] = seg end
  if #a ~= #b then return false end
  for i = 1, #a do
    if b[i] ~= "*" and a[i] ~= b[i] then return false end
  end
  return true
end

-- the terms of instance `values` ({name = value}) by a walk of every id
local function reference(ids, terms, values)
  local out = {}
  for _, t in ipairs(terms) do
    local path = t.path:gsub("{(%w+)}", values)
    for _, id in ipairs(ids) do
      if (path:find("*", 1, true) and matches(id, path)) or id == path then
        out[#out + 1] = id .. " " .. t.side .. " " .. t.sign
      end
    end
  end
  return table.concat(out, "\n")
end

local function compiled_terms(s, ident, k)
  local out = {}
  for _, t in ipairs(ident:terms(s, k)) do out[#out + 1] = t.id .. " " .. t.side .. " " .. t.sign end
  return table.concat(out, "\n")
end

local IDS = {
  "t.a.x.c1", "t.a.x.c2", "t.b.x.c1", "t.a.y.c1", "t.ab.x.c1", "t.a.y.c2", "t.b.y.c2",
  "t.b.x.c2", "u.a.x.c1", "t.a.c1", "t.b.z.c1", "t.b.z.c2", "t.a.tot.c1", "t.a.tot.c2",
  "t.b.tot.c1", "t.b.tot.c2", "t.a", "t.b.x",
}

test("identity: wildcard terms are the ids a walk of the schema finds, prefix kept or not", function()
  local s = schema_of(IDS)
  local cases = {
    -- one prefix for every instance
    { expr = "t.a.tot.{c} = t.a.*.{c}", each = { c = { "c1", "c2" } },
      terms = { { path = "t.a.tot.{c}", side = "lhs", sign = 1 }, { path = "t.a.*.{c}", side = "rhs", sign = 1 } } },
    -- the prefix changes with the first name, stays with the second
    { expr = "{g}.tot.{c} = {g}.*.{c}", each = { g = { "t.a", "t.b" }, c = { "c1", "c2" } },
      terms = { { path = "{g}.tot.{c}", side = "lhs", sign = 1 }, { path = "{g}.*.{c}", side = "rhs", sign = 1 } } },
    -- the prefix changes with every instance
    { expr = "{g}.tot.c1 = {g}.*.c1", each = { g = { "t.b", "t.a", "t.b" } },
      terms = { { path = "{g}.tot.c1", side = "lhs", sign = 1 }, { path = "{g}.*.c1", side = "rhs", sign = 1 } } },
    -- two wildcard terms of different prefixes in one instance, one subtracted
    { expr = "t.a.tot.{c} = t.a.*.{c} - t.b.*.{c} + t.*.x.{c}", each = { c = { "c1", "c2" } },
      terms = { { path = "t.a.tot.{c}", side = "lhs", sign = 1 }, { path = "t.a.*.{c}", side = "rhs", sign = 1 },
                { path = "t.b.*.{c}", side = "rhs", sign = -1 }, { path = "t.*.x.{c}", side = "rhs", sign = 1 } } },
    -- no written prefix at all
    { expr = "t.a.tot.c1 = *.a.x.c1", each = nil,
      terms = { { path = "t.a.tot.c1", side = "lhs", sign = 1 }, { path = "*.a.x.c1", side = "rhs", sign = 1 } } },
  }
  for _, case in ipairs(cases) do
    local ident = nianbao.identity(s, case.expr, case.each)
    local names = {}
    for k in pairs(case.each or {}) do names[#names + 1] = k end
    table.sort(names)
    eq(true, ident:instances() >= 1, case.expr .. ": instances")
    for k = 1, ident:instances() do
      local values = ident:values(k, names)
      eq(reference(IDS, case.terms, values), compiled_terms(s, ident, k), case.expr .. " instance " .. k)
    end
  end
end)

test("identity: a prefix that matches nothing for one instance still fails, naming the pattern", function()
  local s = schema_of(IDS)
  local ok, err = pcall(nianbao.identity, s, "t.a.tot.c1 = t.a.y.c1 + t.a.*.c9")
  eq(false, ok, "refused")
  has(err, "t.a.*.c9", "naming the pattern")
  -- the first instance's ids kept, the second's prefix has none
  ok, err = pcall(nianbao.identity, s, "t.a.tot.c1 = {g}.*.c1", { g = { "t.a", "t.c" } })
  eq(false, ok, "refused for the second instance")
  has(err, "{g}.*.c1", "naming the pattern")
  has(err, "matches no cell", "the reason")
end)
