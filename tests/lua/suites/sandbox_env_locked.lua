-- The globals of files given the same extra (each rule of a pack) share
-- what a miss reads, never what a file sets: each file's globals are its
-- own, the table behind them is locked, and no script can reach it.

local sandbox = require "sandbox"

local function run(src, env)
  local got, why = sandbox.run("t.lua", src, env, nil, function(e) return rawget(e, "out") end)
  return got and why, why
end

test("files given one extra each see it, set globals of their own, and cannot reach the table behind", function()
  local extra = { facts = { n = 1 } }
  local a, b = sandbox.env(extra), sandbox.env(extra)
  eq(true, a ~= b, "two tables of globals")
  eq(1, run("out = facts.n", a), "the extra's field seen")
  run("mine = 5; string = nil; out = mine", a)
  eq(nil, run("out = mine", b), "a global of one file is not another's")
  eq("function", run("out = type(string.format)", b), "nor is what one file cleared")
  eq(false, run("out = getmetatable(_ENV)", a), "the metatable is hidden")
  local _, why = run("setmetatable(_ENV, nil)", b)
  has(why, "protected metatable", "and cannot be changed")
  _, why = run("facts.n = 2", b)
  eq(true, why ~= nil, "the extra's tables are read-only")
  eq(1, run("out = facts.n", sandbox.env(extra)), "still 1")
  eq(nil, run("out = facts", sandbox.env()), "no extra: the base alone")
  eq("table", run("out = type(math)", sandbox.env()), "and its libraries")
  local other = sandbox.env({ facts = { n = 7 } })
  eq(7, run("out = facts.n", other), "another extra, its own fields")
end)
