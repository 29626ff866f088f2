-- A frozen report's parts joined in one text: each part's text after a
-- NUL, the first too; a report with no parts joins to the NUL alone.

local Report = require "report"

test("joined_text: a NUL before each part's text, the first and an empty one included", function()
  local R = frozen_report {
    { id = "a", text = "甲乙", line = 1, col = 1 },
    { id = "e", text = "", line = 2, col = 1 },
    { id = "b", text = "丙丁", line = 3, col = 1 },
  }
  eq("\0甲乙\0\0丙丁", Report.joined_text(R), "three parts")
  eq("\0甲乙", Report.joined_text(frozen_report { { id = "a", text = "甲乙", line = 1, col = 1 } }), "one part")
  eq("\0", Report.joined_text(frozen_report {}), "no part: the NUL alone")
  eq(nil, Report.joined_text(Report.new(nianbao.engine:pack("gb2021").format, "y.txt")), "not frozen: none")
end)

test("joined_text: the parts added after a first join are joined too", function()
  local R = frozen_report { { id = "a", text = "甲", line = 1, col = 1 } }
  eq("\0甲", Report.joined_text(R), "before")
  R:add_section { id = "b", text = "乙", line = 2, col = 1 }
  eq("\0甲\0乙", Report.joined_text(R), "after")
  eq(2, (R:locate("乙")), "and searched: in b")
end)
