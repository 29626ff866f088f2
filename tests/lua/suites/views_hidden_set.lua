-- The keys a class hides from views: its __hidden set, read raw when the
-- set has no metatable (the report's), and as a table is read when it has
-- one, whose __index then hides the keys it answers for too.

local view = require "view"

test("a class's hidden set: its own keys hidden, and those its metatable answers for", function()
  local Raw = { __hidden = { secret = true } }
  Raw.__index = Raw
  local Meta = { __hidden = setmetatable({ own = true }, { __index = function(_, k) return k == "asked" end }) }
  Meta.__index = Meta
  local raw = view.readonly(setmetatable({ secret = 1, asked = 2, open = 3 }, Raw))
  local meta = view.readonly(setmetatable({ own = 1, asked = 2, open = 3 }, Meta))
  eq(nil, raw.secret, "raw set: its key hidden")
  eq(2, raw.asked, "raw set: another key read")
  eq(3, raw.open, "raw set: a field read")
  eq(nil, meta.own, "set with a metatable: its own key hidden")
  eq(nil, meta.asked, "set with a metatable: a key its __index answers for hidden")
  eq(3, meta.open, "set with a metatable: a field read")
  local seen = {}
  for k in pairs(meta) do seen[#seen + 1] = k end
  eq("open", table.concat(seen, ","), "pairs: the hidden keys passed over")
end)

test("the report's view hides its cells' object and reads its fields and methods", function()
  local Report = require "report"
  local F = nianbao.engine:pack("gb2021").format
  local R = Report.new(F, "x.txt")
  R:add_section { id = "a", text = "甲", line = 1, col = 1 }
  Report.freeze(R)
  local ro = view.readonly(R)
  eq(nil, ro.c, "the cells' object hidden")
  eq("x.txt", ro.path, "a field")
  eq("甲", ro:section("a").text, "a method, through the view")
  eq(nil, ro.nothing, "a key it lacks: nil")
end)
