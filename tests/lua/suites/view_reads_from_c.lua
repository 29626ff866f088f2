-- A view's __index (in the core) is called with the view and the key
-- alone, by the VM and by the C functions that index a table (ipairs,
-- table.concat, table.unpack, string.format's %s of a field): each reads
-- what the table holds, and a table read twice is the same view.

local view = require "view"

test("a view read by the VM and by C functions gives the table's values", function()
  local Class = { __hidden = { secret = true } }
  Class.__index = Class
  local list = { "a", "b", "c", { deep = "d" } }
  local t = setmetatable({ list = list, name = "n", secret = "s" }, Class)
  for _, v in ipairs { view.readonly(t), view.readonly { list = list, name = "n" } } do
    eq("n", v.name, "a field")
    local l = v.list
    eq(l, v.list, "a table read twice: the same view")
    local seen = {}
    for i, x in ipairs(l) do seen[i] = type(x) == "table" and x.deep or x end
    eq("a b c d", table.concat(seen, " "), "ipairs")
    eq("a-b-c", table.concat(l, "-", 1, 3), "table.concat")
    local a, b, c, d = table.unpack(l)
    eq("abc", a .. b .. c, "table.unpack")
    eq("d", d.deep, "table.unpack: a view, read on")
    eq(view.readonly(list[4]), d, "the view readonly gives")
    eq(4, #l, "its length")
    eq(nil, select(2, pcall(function() return v.nothing end)), "a field it lacks: nil")
  end
  eq(nil, view.readonly(t).secret, "a hidden field hidden")
end)
