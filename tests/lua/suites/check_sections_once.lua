-- While a check's rules run, report:section through their view answers
-- from the index looked at once for the check: the first part of each id,
-- as a walk of the parts finds it, and the parts of the report as they are
-- at each check (one added between two checks is found at the second).

local check = require "pipeline.check"
local Report = require "report"

local function walked(report, id)
  for _, s in ipairs(report.sections) do
    if s.id == id then return s end
  end
  return nil
end

test("check: report:section in the rules is the walk's, check after check", function()
  local F = nianbao.engine:pack("gb2021").format
  local R = Report.new(F, "x.txt")
  for _, s in ipairs { { id = "s1", text = "一" }, { id = "s2", text = "二" }, { id = "s1", text = "又一" },
                       { text = "无编号" } } do
    R:add_section(s)
  end
  local asked = { "s1", "s2", "s3", "s9" }
  local seen
  local rule = { enabled = true, id = "t.sections", severity = "info", path = "sections.lua", message = { zh = "完" } }
  function rule.check(report)
    seen = {}
    for _, id in ipairs(asked) do
      local got, want = report:section(id), walked(report, id)
      seen[id] = got and got.text or false
      eq(want and want.text, got and got.text, "the part " .. id)
      eq(want, got, "the same view of part " .. id)
    end
    local unnamed = report:section(nil)
    eq("无编号", unnamed and unnamed.text, "the part with no id")
  end
  local P = { rules = { rule }, format = F }
  local opts = { lang = "zh", instructions = 1000000, memory = 1 << 26 }
  local _, failures = check.check(P, R, opts)
  eq(0, #failures, "no failure")
  eq("一", seen.s1, "the first of two parts s1")
  eq(false, seen.s3, "no part s3 yet")
  R:add_section { id = "s3", text = "三" }
  _, failures = check.check(P, R, opts)
  eq(0, #failures, "no failure, the second check")
  eq("三", seen.s3, "the part added between the checks")
  -- outside a check the view answers as it did
  local ro = require("view").readonly(R)
  eq("三", ro:section("s3").text, "after the check")
end)
