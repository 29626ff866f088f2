-- The core's userdata are told apart by their metatables, held by the
-- library's functions: a text cut in shingles and a store of copies are
-- each taken where it is asked for, and any other value is refused with
-- the message luaL_checkudata gives, the other kind of userdata too.

local sim = require "nianbao.similar"

test("a shingled text and a copies store are taken only where each is asked for", function()
  local text = "本机关认真贯彻落实政府信息公开条例，主动公开政府信息"
  local cut = sim.shingled(text, 10)
  local a, b, passage, length = sim.common(cut, text, 10)
  eq(1, a, "a text cut measured against itself")
  eq(1, b, "and the other way")
  eq(text, passage, "the passage, whole")
  eq(25, length, "its characters that count")
  local store = sim.copies({ 1, 2 }, 4)
  eq(1, store:add(1, 0.5, 30, 2), "a copy kept")
  eq(1, store:count(1), "one copy")
  local function refused(f, want)
    local ok, err = pcall(f)
    eq(false, ok, want)
    has(err, want, "the message")
  end
  refused(function() sim.common(store, text, 10) end, "nianbao.shingled expected, got nianbao.copies")
  refused(function() sim.release(store) end, "nianbao.shingled expected, got nianbao.copies")
  refused(function() sim.release(io.stdout) end, "nianbao.shingled expected, got FILE*")
  refused(function() sim.release({}) end, "nianbao.shingled expected, got table")
  refused(function() store.add(cut, 1, 0.5, 30, 2) end, "nianbao.copies expected, got nianbao.shingled")
  -- (a table of its metatable is named by it, as luaL_checkudata names it)
  refused(function() store.count(setmetatable({}, getmetatable(store))) end, "bad argument #1 to 'count' (nianbao.copies expected")
  sim.release(cut)
  refused(function() sim.common(cut, text, 10) end, "released")
  store:free()
  refused(function() store:count(1) end, "copies freed")
  -- the collector frees what is dropped (its __gc, a function of the library's)
  for _ = 1, 50 do sim.shingled(text, 10); sim.copies({ 1 }, 1) end
  collectgarbage()
  collectgarbage()
end)
