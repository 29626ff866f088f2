-- A plain table read through a view of a class with hidden fields (the
-- report) gets its view made in the core once the first such view has
-- shown the plain views' metatable: it must be the view readonly makes.

local view = require "view"

test("plain tables read through a view with hidden fields get readonly's views, the first and the next", function()
  local Class = { __hidden = { secret = true } }
  Class.__index = Class
  local t = setmetatable({ secret = {}, a = { 1, secret = "a" }, b = { 2, secret = "b" }, c = { 3, { deep = "d" } } }, Class)
  local v = view.readonly(t)
  local plain = getmetatable(view.readonly({}))   -- false: the metatable is not handed out
  eq(false, plain, "views keep their metatable to themselves")
  for _, k in ipairs { "a", "b", "c" } do
    local sub = v[k]
    eq(view.readonly(t[k]), sub, k .. ": the view readonly gives")
    eq(sub, v[k], k .. ": the same view again")
    eq(t[k], view.unwrap(sub), k .. ": unwrap gives the table")
    eq(t[k][1], sub[1], k .. ": reads as the table")
    eq(t[k].secret, sub.secret, k .. ": the class's hidden names are not hidden in a plain table")
    eq(#t[k], #sub, k .. ": its length")
    eq(nil, rawget(sub, 1), k .. ": the view holds nothing")
    eq(false, getmetatable(sub), k .. ": its metatable not handed out")
    eq(false, (pcall(function() sub[1] = 9 end)), k .. ": a write refused")
    local n = 0
    for _, x in pairs(sub) do n = n + 1; if type(x) == "table" then eq(view.readonly(t[k][2]), x, "pairs: a view") end end
    eq(2, n, k .. ": pairs sees every field")
  end
  eq("d", v.c[2].deep, "deeper, through a plain view")
  eq(nil, v.secret, "the hidden field still hidden")
end)

test("through a view with hidden fields, a view is its own view and a class's table keeps its class's view", function()
  local Inner = { __hidden = { key = true } }
  Inner.__index = Inner
  local Outer = { __hidden = { none = true } }
  Outer.__index = Outer
  local other = view.readonly { z = 1 }
  local first = { 1 }
  local inner = setmetatable({ key = "k", open = "o" }, Inner)
  local t = setmetatable({ first = first, v = other, inner = inner }, Outer)
  local v = view.readonly(t)
  eq(view.readonly(first), v.first, "the first plain table: readonly's view")
  eq(other, v.v, "a view handed out as itself")
  eq(1, v.v.z, "and reads")
  eq(nil, v.inner.key, "a class's table: its own hidden fields hidden")
  eq("o", v.inner.open, "its others read")
  eq(view.readonly(inner), v.inner, "its view is readonly's")
end)
