-- A grammar's spec is known again by its fingerprint (a user pack's rule
-- registers its grammar afresh for each report). The fingerprint is made
-- in C; it is the very string the Lua walk makes, so two specs are one
-- grammar exactly when they were before.

local claims = require "claims"
local limits = require "nianbao.sandbox"

local function same_as_walk(spec, what)
  local c, walk = limits.fingerprint(spec), claims.fingerprint_walk(spec)
  eq(walk, c, what)
  eq(walk, claims.fingerprint(spec), what .. " (as T.grammar takes it)")
end

test("the fingerprint of each grammar the national rules register is the Lua walk's", function()
  local P = nianbao.engine:pack("gb2021")
  local specs = {}
  for _, rule in ipairs(P.rules) do
    local src = rule.path and nbio.readfile(rule.path)
    if src and (src:find("text.claims", 1, true) or src:find("text.grammar", 1, true)) then
      local real = rule.env.text
      local function keep(f)
        return function(spec) specs[#specs + 1] = { spec = spec, id = rule.id }; return f(spec) end
      end
      local text = setmetatable({ claims = keep(real.claims), grammar = keep(real.grammar) }, { __index = real })
      local env = setmetatable({ text = text }, { __index = rule.env })
      assert(load(src, "@" .. rule.path, "t", env))()
    end
  end
  eq(true, #specs >= 10, "specs registered: " .. #specs)
  for _, s in ipairs(specs) do
    eq("string", type(limits.fingerprint(s.spec)), s.id)
    same_as_walk(s.spec, s.id)
  end
end)

test("lists, records, numbers and keys in Lua's order: the same string as the walk", function()
  local cases = {
    {}, "", "a", 0, -3, 2.5, 1e300, 0.1 + 0.2, 3.0, true, false,
    { 1, 2, 3 }, { "a", { "b", { "c" } } },
    { [1] = "x", [3] = "y", [-1] = "z", [0] = "w", b = 1, a = 2 },
    { "one", [5] = "five", name = "n", [100] = true },
    { ["b\0a"] = 1, ["b"] = 2, ["b\0"] = 3, ["\xE5\x85\xAC"] = 4, ["Z"] = 5, ["a"] = 6, [""] = 7 },
    { name = "suit", words = string.rep("词 <- '字'\n", 300), readers = { { grammar = "claim <- %count", cells = "t3.new.total" } },
      cells = { total = "t4.ld.total + t4.la.total" }, needs = { "诉讼", "起诉" } },
    { { { { { { { { "seven deep" } } } } } } } },
  }
  for i, v in ipairs(cases) do same_as_walk(v, "case " .. i) end
end)

test("more than plain data, or too deep, is no fingerprint; keys C does not order are the walk's", function()
  eq(nil, limits.fingerprint({ f = print }), "a function")
  eq(nil, limits.fingerprint({ { { { { { { { { "eight deep" } } } } } } } } }), "a table eight deep")
  eq(nil, claims.fingerprint_walk({ { { { { { { { { "eight deep" } } } } } } } } }), "the walk agrees")
  local many = {}
  for i = 1, 2001 do many[i] = {} end
  eq(nil, limits.fingerprint(many), "more than 2000 tables")
  eq(nil, claims.fingerprint_walk(many), "the walk agrees")
  local odd = { [true] = 1, [2.5] = "x", a = "y" }
  eq(false, limits.fingerprint(odd), "a boolean or a fraction as a key")
  eq(claims.fingerprint_walk(odd), claims.fingerprint(odd), "such keys: the walk")
  local wide = {}
  for i = 1, 70000 do wide["k" .. i] = i end
  eq(false, limits.fingerprint(wide), "more keys than C sorts unmetered")
end)
