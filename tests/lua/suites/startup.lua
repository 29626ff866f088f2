-- What a start builds only when asked, and what it builds another way
-- than the obvious one, gives what the obvious way gave.

test("a national declaration run again is equal to the one built, and shares no table with it", function()
  local set = require("packs").load(".", {}, {})
  for _, name in ipairs { "gb2021", "gb2019" } do
    local built, again = set:declaration(name).decl, set:replay(name)
    eq(nil, differ(built, again, name, true), name .. ": the same declaration")
    eq(nil, differ(again, built, name, true), name .. ": nothing more")
    eq(true, built.tables ~= again.tables and built.parts ~= again.parts, name .. ": no table shared")
  end
  -- what gb2019 changes is not in the national declaration run again
  local d21 = set:replay("gb2021")
  eq(nil, d21.basis == set:declaration("gb2019").decl.basis or nil, "gb2019's basis is its own")
end)

test("a format's grid is drawn when first asked for, once", function()
  local F = require("packs").load(".", {}, {}):format("gb2021")
  local T = F.table_by_id.t3
  eq(nil, rawget(T, "grid"), "not drawn by the compile")
  local g = T.grid
  eq(true, type(g) == "table" and #g > 0, "drawn when asked")
  eq(true, rawget(T, "grid") == g and T.grid == g, "kept")
  eq(nil, T.no_such_field, "another missing field stays missing")
end)

test("the identity system lists its instances when first asked, and each question sees them all", function()
  local P = require("packs").load(".", {}, {}):pack("gb2021")
  local system = require("identities").new(P.format, P.rules)
  eq(nil, rawget(system, "instances"), "not listed by new")
  -- the instances touching t3.new.np, counted from the rules themselves
  local want = 0
  for _, rule in ipairs(P.rules) do
    if rule.compiled and rule.enabled then
      for k = 1, rule.compiled:instances() do
        for _, t in ipairs(rule.compiled:terms(P.format.schema, k)) do
          if t.id == "t3.new.np" then want = want + 1; break end
        end
      end
    end
  end
  eq(true, want > 0, "some identity involves t3.new.np")
  eq(want, #system:involving { "t3.new.np" }, "the instances involving t3.new.np")
  eq(true, #rawget(system, "instances") > 0, "listed once asked")
  local fresh = require("identities").new(P.format, P.rules)
  local filled = fresh:derive(require("report").new(P.format, nil).c, function() end)
  eq(0, #filled, "nothing to fill in an empty report")
end)
