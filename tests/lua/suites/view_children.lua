-- The view of a plain table first read through a view is made by the
-- core's __index, not by view.readonly: it must be the view readonly
-- would have made, the one readonly gives afterwards, refusing writes.

local view = require "view"

test("view children: a plain table read first through a view is the view readonly gives", function()
  local t = { sections = { { title = "一", text = "甲" }, { title = "二", text = "乙" } } }
  local v = view.readonly(t)
  local s = v.sections
  eq(s, view.readonly(t.sections), "the same view as readonly's")
  eq(t.sections, view.unwrap(s), "unwrap gives the table")
  eq(s[2], view.readonly(t.sections[2]), "deeper too")
  eq(s[2], v.sections[2], "the same view at every read")
  eq("乙", s[2].text, "reads as the table")
  eq(2, #s, "# as the table")
  local n = 0
  for i, x in ipairs(s) do n = n + 1; eq(x, s[i], "ipairs hands out the views") end
  eq(2, n, "ipairs walks it")
  local keys = {}
  for k in pairs(s[1]) do keys[#keys + 1] = k end
  table.sort(keys)
  eq("text,title", table.concat(keys, ","), "pairs walks it")
  eq(false, (pcall(function() s[1].text = "x" end)), "a write is refused")
  eq(false, (pcall(function() s[3] = {} end)), "a new key is refused")
  eq("甲", t.sections[1].text, "the table is as it was")
  eq(nil, rawget(s, 1), "the view holds nothing itself")
  eq(false, getmetatable(s), "its metatable is not handed out")
end)

test("view children: a view kept in a table is handed out as itself, a class's table as readonly makes it", function()
  local inner = view.readonly { x = 1 }
  local Class = { __index = { method = function() return "m" end }, __hidden = { secret = true } }
  local obj = setmetatable({ secret = "s", shown = "y" }, Class)
  local v = view.readonly { kept = inner, obj = obj }
  eq(inner, v.kept, "a view is its own view")
  eq(v.obj, view.readonly(obj), "a table with a metatable: readonly's view")
  eq(nil, v.obj.secret, "its hidden keys stay hidden")
  eq("y", v.obj.shown, "the others read")
  eq("m", v.obj.method(), "its class's methods read")
end)
