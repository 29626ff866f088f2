-- The prepared limits that name a source are the message handler of the
-- call themselves (their __call finds the failed line), in the slot below
-- the function: the arguments reach the function in order, the error
-- object reaches the reason as it was raised, and a call without a source
-- has no handler and no line.

local limits = require "nianbao.sandbox"

test("sandbox.call: with a source, arguments in order, results through, the failed line named", function()
  local p = limits.prepare { instructions = 100000, memory = 1 << 20, source = "@args.lua" }
  local fn = assert(load("local a, b, c, d, e = ...\nif a == 'fail' then\n  error({})\nend\n"
                         .. "if a == 'text' then error('said ' .. b, 0) end\nreturn e, d, c, b, a\n",
                         "@args.lua", "t", { error = error }))
  local r = table.pack(limits.call(p, fn, 1, "two", nil, 4, 5))
  eq(6, r.n, "true and five results")
  eq(true, r[1], "ok")
  eq("5 4 nil two 1", table.concat({ tostring(r[2]), tostring(r[3]), tostring(r[4]), r[5], tostring(r[6]) }, " "),
     "the results, the arguments in reverse")
  local ok, why, line = limits.call(p, fn, "fail")
  eq(false, ok, "a table raised")
  eq("(error object is a table value)", why, "named by its type, not converted")
  eq(3, line, "its line")
  local ok2, why2, line2 = limits.call(p, fn, "text", "x")
  eq(false, ok2, "a text raised")
  eq("said x", why2, "the text as raised")
  eq(5, line2, "its line")
  local ok3, why3, line3 = limits.call(p, function(x) error(x, 0) end, 42)
  eq(false, ok3, "a number raised outside the file")
  eq("42", why3, "the number as text")
  eq(nil, line3, "no line outside the file")
end)

test("sandbox.call: without a source no line; a table's limits read as the prepared ones are", function()
  local t = { instructions = 100000, memory = 1 << 20 }
  local fn = assert(load("local n = 0\nwhile true do\n  n = n + 1\nend\n", "@loop.lua", "t", {}))
  local a = table.pack(limits.call(t, fn))
  local b = table.pack(limits.call(limits.prepare(t), fn))
  eq(2, a.n, "false and the reason")
  eq(2, b.n, "the same for the prepared")
  eq("instruction budget exceeded", a[2], "the reason")
  eq(a[2], b[2], "the same reason")
  local s = table.pack(limits.call({ instructions = 100000, memory = 1 << 20, source = "@loop.lua" }, fn))
  eq(3, s.n, "a table with a source: the line too")
  eq(true, s[3] == 2 or s[3] == 3, "in the loop: " .. tostring(s[3]))
  local ok, err = pcall(limits.call, "no limits", fn)
  eq(false, ok, "not limits")
  has(err, "bad argument #1", "said")
  local ok2, err2 = pcall(limits.call, io.stdout, fn)
  eq(false, ok2, "a userdata of another kind")
  has(err2, "bad argument #1", "said")
end)
