-- A pattern's finalizer frees the code its first match compiled, and
-- passes over the many patterns never compiled (parts of others): the
-- memory of dropped patterns, compiled or not, is given back. Measured in
-- a process of its own, whose heap holds nothing else.

local PROBE = [[
local lpeg = require "lpeg"
local limits = require "nianbao.sandbox"

-- the state's memory in KB after a full collection: all its allocator
-- holds, compiled code too (LPeg allocates it outside the collector's count)
local function heap()
  collectgarbage()
  collectgarbage()
  return limits.memory() / 1024
end

local function built(n, match)
  local kept = {}
  for i = 1, n do
    local p = (lpeg.P("ab" .. i) + lpeg.P("cd") + lpeg.R("09") ^ 1) * lpeg.S("xyz") * lpeg.C(lpeg.P(1) ^ 0)
    if match then assert(p:match("cdxtail") == "tail", "a match") end
    kept[i] = p
  end
  return kept
end

built(50, true)                                -- the heap's own tables grown once
local before = heap()
local kept = built(2000, true)
print("held", heap() - before)
kept = nil
print("compiled", heap() - before)
kept = built(2000, false)
kept = nil
print("uncompiled", heap() - before)

local word = lpeg.C(lpeg.R("az") ^ 1)
local list = word * (lpeg.P(",") * word) ^ 0
word = nil
heap()
print("parts", select("#", list:match("ab,cd,ef")), (select(3, list:match("ab,cd,ef"))))
local again = list * lpeg.P(-1)
list = nil
heap()
print("built on", again:match("ab,cd"))
]]

local out = sh(NB .. " run " .. write("pattern_gc_probe.lua", PROBE))
local function kb(what) return tonumber(out:match(what .. "\t(%S+)")) end

test("dropped patterns give their memory back, compiled or not", function()
  eq(true, (kb("held") or 0) > 500, "2000 compiled patterns hold memory (" .. tostring(kb("held")) .. " KB)\n" .. out)
  eq(true, (kb("compiled") or 1e9) < 64, "compiled patterns freed (" .. tostring(kb("compiled")) .. " KB left)")
  eq(true, (kb("uncompiled") or 1e9) < 64, "patterns never matched freed (" .. tostring(kb("uncompiled")) .. " KB left)")
end)

test("a pattern matches as before once the parts it was built of are collected", function()
  has(out, "parts\t3\tef", "captures of a pattern whose parts are gone")
  has(out, "built on\tab", "a pattern built on a compiled one")
end)
