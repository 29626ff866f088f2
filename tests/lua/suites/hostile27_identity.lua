-- A title that is a notice's (某市人民政府关于2024年…年度报告, 关于印发《…》的通知):
-- the agency is the name the notice's words frame, not the name with them.

local E = nianbao.engine
local DIR = "tests/fixtures/hostile27/"

test("a title that is a notice's names the agency without 关于 or 关于印发《", function()
  for _, name in ipairs { "r4-notice-title.txt", "r4-notice-title.notice.txt" } do
    local R = assert(E:read(DIR .. name))
    eq("鹤汀市人民政府", R.agency, name)
  end
  local found = rules_found(DIR .. "r4-notice-title.txt")
  assert(not found:find("gb2021.date.late_dept", 1, true), found)
  assert(not found:find("gb2021.t2.reg_no_power", 1, true), found)
end)

test("a notice's words inside a name are kept", function()
  local text = assert(nbio.readfile(DIR .. "r4-notice-title.txt"))
  local path = write("about-inside.txt", (text:gsub("^[^\n]*", "鹤汀市关于工作委员会2024年政府信息公开工作年度报告", 1)))
  local R = assert(E:read(path))
  eq("鹤汀市关于工作委员会", R.agency, "a name with 关于 in it")
end)
