-- report:section(id) answers from one look-up kept by what the caller
-- holds (the report or its view): the same section as a walk of the list
-- finds (the first of its id), a view for a view, and a list that grew or
-- was replaced is read again.

local Report = require "report"
local view = require "view"

-- the first section of id in the list, as the caller sees it (a walk)
local function walked(R, id)
  for _, s in ipairs(view.unwrap(R).sections) do
    if s.id == id then return view.unwrap(R) ~= R and view.readonly(s) or s end
  end
  return nil
end

test("report:section: the first section of an id, a view for a view, growth and replacement seen", function()
  local F = nianbao.engine:pack("gb2021").format
  local R = Report.new(F, "x.txt")
  local ro = view.readonly(R)
  local a, b, twin, open = { id = "s1", text = "甲" }, { id = "s2", text = "乙" }, { id = "s1", text = "又" },
                           { text = "开头" }
  for _, s in ipairs { open, a, b, twin } do R:add_section(s) end
  for _, who in ipairs { R, ro } do
    for _, id in ipairs { "s1", "s2", "s3" } do
      eq(walked(who, id), who:section(id), "section " .. id)
      eq(who:section(id), who:section(id), "asked again: the same " .. id)
    end
    eq(walked(who, nil), who:section(nil), "the section without an id")
  end
  eq(a, R:section("s1"), "the report's own table, for the report")
  eq(view.readonly(a), ro:section("s1"), "its view, for the view")
  eq(nil, ro:section("s6"), "not yet there")
  local c = { id = "s6", text = "丙" }
  R:add_section(c)
  eq(view.readonly(c), ro:section("s6"), "a section added later is found")
  eq(c, R:section("s6"), "by the report too")
  local list = { { id = "s6", text = "丁" }, { id = "s1", text = "戊" }, b, twin, open }
  rawset(R, "sections", list)               -- another list of the same length
  eq(view.readonly(list[1]), ro:section("s6"), "a list replaced is read again")
  eq(list[2], R:section("s1"), "by the report too")
end)
