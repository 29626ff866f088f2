-- The standard functions the sandbox meters (utf8.len, utf8.offset,
-- string.rep, table.insert/remove/move/sort) are called in the wrapper's
-- own frame: they answer as Lua's own, an argument error names the call
-- and its line as Lua's would, and under limits they are still charged.

local limits = require "nianbao.sandbox"

test("wrapped library functions answer as Lua's own", function()
  eq(6, utf8.len("年报2024"), "utf8.len")
  eq(4, utf8.offset("年报", 2), "utf8.offset")
  eq(nil, (utf8.len("a\255b")), "utf8.len of invalid bytes")
  eq("ababab", ("ab"):rep(3), "string.rep")
  local t = { 3, 1, 2 }
  table.insert(t, 1, 9)
  eq(9, table.remove(t, 1), "insert then remove")
  table.sort(t)
  eq("1,2,3", table.concat(t, ","), "sort")
  eq("2,3", table.concat(table.move(t, 2, 3, 1, {}), ","), "move")
end)

test("an argument error of a wrapped function names it and the line of its call", function()
  local ok, err = pcall(function() return utf8.len({}) end)
  eq(false, ok, "utf8.len of a table")
  has(err, "bad argument #1 to 'len'", "the function named")
  has(err, "wrapped_library.lua:", "the line of the call")
  ok, err = pcall(function() return ("x"):rep({}) end)
  eq(false, ok, "rep with a table")
  has(err, "bad argument #1 to 'rep'", "a method call's argument counted as Lua counts it")
  ok, err = pcall(function() table.insert({}, 1, 2, 3) end)
  eq(false, ok, "insert with too many arguments")
  has(err, "wrong number of arguments to 'insert'", "Lua's own message")
end)

test("under limits a wrapped function is still charged for its work", function()
  local long = string.rep("年", 1 << 20)          -- 3 MB: 49,152 units for utf8.len
  local ok, why = limits.call({ instructions = 20000, memory = 1 << 26, seconds = 10 }, function()
    return utf8.len(long)
  end)
  eq(false, ok, "utf8.len of 3 MB within 20,000 units")
  eq("instruction budget exceeded", why, "stopped by its budget")
  ok = limits.call({ instructions = 1 << 30, memory = 1 << 26, seconds = 10 }, function()
    return utf8.len(long)
  end)
  eq(true, ok, "the same within a larger budget")
end)
