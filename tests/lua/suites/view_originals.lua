-- view.originals, read inline by the report's methods, says what unwrap
-- says: the table behind a view, nothing for a table that is not one.

local view = require "view"

test("view.originals: the table behind each view, as unwrap finds it", function()
  local t = { a = { b = 1 } }
  local v = view.readonly(t)
  local inner = v.a
  for _, x in ipairs { t, v, inner, t.a, {} } do
    eq(view.unwrap(x), view.originals[x] or x, "the same table")
  end
  eq(t, view.originals[v], "a view's table")
  eq(t.a, view.originals[inner], "the table of a view made by a read")
  eq(nil, view.originals[t], "a table is no view")
end)
