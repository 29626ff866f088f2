-- Inputs the text fuzzer once broke the reading with (tests/fuzz/regressions):
-- each is read to its findings, with no internal error.

local DIR = "tests/fuzz/regressions/fuzz_lua_text/"

test("a row first read from an item's label folded under its number, then printed again", function()
  local path = DIR .. "held-row-printed-again.txt"
  local out = sh(NB .. " check --no-color --format json " .. path)
  assert(not out:find("nianbao.internal", 1, true) and not out:find("nianbao.unreadable", 1, true), out)
  has(out, '"status":"checked"')
end)
