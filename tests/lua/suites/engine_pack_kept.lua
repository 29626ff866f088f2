-- The engine's pack of a format name is kept once found: the same pack as
-- the set gives, for each format, for "legacy" and for a name of no
-- format (the base's), asked once or again, and none kept for no name.

local engine = require "engine"

test("engine: the pack of each name is the set's, asked once or again", function()
  local E = engine.new { home = nianbao.engine.home, config_file = false, lang = "zh" }
  local set = E.packs
  for round = 1, 2 do
    for _, f in ipairs(set.formats) do
      eq(set:pack(f, true), E:pack(f), f .. ", round " .. round)
    end
    eq(set:pack(set.base, true), E:pack("legacy"), "legacy, round " .. round)
    eq(set:pack(set.base, true), E:pack("no-such-format"), "an unknown name, round " .. round)
    eq(set:pack(set.base, true), E:pack(nil), "no name, round " .. round)
  end
  eq(nil, rawget(E.pack_of_name, "nil"), "no name is kept")
  local n = 0
  for _ in pairs(E.pack_of_name) do n = n + 1 end
  eq(#set.formats + 2, n, "each name asked kept once")
  -- a pack kept before its rules were loaded is the one they are loaded into
  local P = E:pack(set.base)
  eq(true, #P.rules > 0, "its rules")
  eq(P, E:pack(set.base), "the same pack after")
end)
