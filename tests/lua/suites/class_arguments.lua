-- The classes' methods know their arguments by the metatables they hold:
-- each class's object is taken by every method that asks for it, from any
-- class, and a wrong one is refused with luaL_checkudata's words.

local function made()
  local s = nianbao.schema()
  s:add("t.a")
  s:add("t.b")
  local r = nianbao.report(s)
  r:set("t.a", "number", 6)
  r:set("t.b", "number", 7)
  return s, r, nianbao.identity(s, "t.a = t.b"), nianbao.findings()
end

-- the message luaL_checkudata gives for a `want` asked at argument n
local function refused(fn, n, want, got, ...)
  local ok, err = pcall(fn, ...)
  eq(false, ok, want .. " refused")
  has(err, string.format("bad argument #%d", n), "the argument named")
  has(err, want .. " expected, got " .. got, "luaL_checkudata's words")
end

test("each method takes its own class's object and the others it asks for", function()
  local s, r, id, fs = made()
  eq(2, #s, "schema length")
  eq(2, s:find("t.b"), "schema:find")
  eq(1, #id:eval(r), "identity:eval takes a report")
  eq(2, #id:terms(s, 1), "identity:terms takes a schema")
  eq(1, #r:pick(nianbao.positions { 1, 2 }, "negative") + 1, "report:pick takes positions")
  eq(0, #fs, "findings length")
  eq("number", r:copy():state("t.a"), "a copy's cells")
end)

test("a wrong object given to a method is refused as before", function()
  local s, r, id, fs = made()
  refused(s.find, 1, "nianbao.Schema", "nianbao.Report", r, "t.a")
  refused(s.find, 1, "nianbao.Schema", "table", {}, "t.a")
  refused(r.state, 1, "nianbao.Report", "nianbao.Schema", s, "t.a")
  refused(id.eval, 2, "nianbao.Report", "nianbao.Identity", id, id)
  refused(id.eval, 1, "nianbao.Identity", "nianbao.Report", r, r)
  refused(id.terms, 2, "nianbao.Schema", "nianbao.Findings", id, fs, 1)
  refused(fs.sort, 1, "nianbao.Findings", "string", "x")
  refused(r.pick, 2, "nianbao.Positions", "nianbao.Schema", r, s)
  refused(nianbao.report, 1, "nianbao.Schema", "nianbao.Report", r)
end)
