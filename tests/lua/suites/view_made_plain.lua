-- readonly makes the view of a table with no metatable without asking what
-- a class hides (it has none): such views, those of a class that hides
-- nothing, of a protected metatable and of a class that hides a field all
-- read, count, walk and refuse writes as before.

local view = require "view"

test("readonly: a table with no metatable, a class hiding nothing or a field, a protected metatable", function()
  local Hides = { __hidden = { secret = true } }
  Hides.__index = Hides
  local Open = { __index = { method = "m" } }
  local Shut = { __metatable = "shut", __index = { method = "s" } }
  local cases = {
    { setmetatable({ 1, 2, secret = "x", sub = { 3 } }, nil), { 1, 2, secret = "x" }, "plain" },
    { setmetatable({ 1, 2, secret = "x", sub = { 3 } }, Open), { 1, 2, secret = "x", method = "m" }, "open" },
    { setmetatable({ 1, 2, secret = "x", sub = { 3 } }, Shut), { 1, 2, secret = "x", method = "s" }, "shut" },
    { setmetatable({ 1, 2, secret = "x", sub = { 3 } }, Hides), { 1, 2, method = nil }, "hides" },
  }
  for _, case in ipairs(cases) do
    local t, want, what = case[1], case[2], case[3]
    local v = view.readonly(t)
    eq(v, view.readonly(t), what .. ": one view a table")
    eq(v, view.readonly(v), what .. ": a view is its own view")
    eq(t, view.unwrap(v), what .. ": unwrap")
    eq(false, getmetatable(v), what .. ": its metatable not handed out")
    eq(2, #v, what .. ": length")
    for k, x in pairs(want) do eq(x, v[k], what .. ": " .. tostring(k)) end
    eq(what ~= "hides" and "x" or nil, v.secret, what .. ": the hidden field")
    eq(view.readonly(t.sub), v.sub, what .. ": a table in it read as its view")
    eq(3, v.sub[1], what .. ": read through")
    local n = 0
    for _ in pairs(v) do n = n + 1 end
    eq(what == "hides" and 3 or 4, n, what .. ": pairs")
    eq(false, (pcall(function() v.new = 1 end)), what .. ": a write refused")
    eq(false, (pcall(function() v.sub[2] = 1 end)), what .. ": a write below refused")
  end
  local a, b = view.readonly({}), view.readonly({ x = {} })
  eq(view.readonly(view.unwrap(b).x), b.x, "a plain view made by the core or by readonly: the same view")
  eq(nil, rawget(a, 1), "a view holds nothing")
end)
