-- The agency a title names short of its whole name (a unit's own name, a
-- note in brackets after it) is the name the report is signed with, where
-- that name ends with the title's; another name signed keeps the title's.

local E = nianbao.engine
local N7 = "tests/fixtures/whole25/n7-dispatched-unit.txt"

local function rewritten(name, from, to)
  local text = assert(nbio.readfile(N7))
  local n
  text, n = text:gsub(from, to, 1)
  eq(1, n, "the text rewritten")
  return write(name, text)
end

test("a title's unit with a note in brackets is the agency the report is signed with", function()
  local R = assert(E:read(N7))
  eq("青岚市生态环境局桐江分局", R.agency)
end)

test("a title's unit alone is the agency signed in full", function()
  local path = rewritten("unit-alone.txt", "桐江分局（青岚市生态环境局派出机构）2024年", "桐江分局2024年")
  eq("青岚市生态环境局桐江分局", assert(E:read(path)).agency)
end)

test("a signature of another name does not rename the title's agency", function()
  local path = rewritten("other-signed.txt", "\n青岚市生态环境局桐江分局\n2025年1月17日", "\n青岚市生态环境局\n2025年1月17日")
  eq("桐江分局（青岚市生态环境局派出机构）", assert(E:read(path)).agency)
end)

test("a title's name with spaces among its characters (a PDF's letter-spaced title) is the name signed", function()
  local path = rewritten("spaced-title.txt", "桐江分局（青岚市生态环境局派出机构）2024年", "青岚市生态环境局桐江 分局2024年")
  eq("青岚市生态环境局桐江分局", assert(E:read(path)).agency)
end)

test("a title wrapped before its last character is the title, not the sentence below that repeats it", function()
  local path = rewritten("wrapped-title.txt", "桐江分局（青岚市生态环境局派出机构）2024年政府信息公开工作年度报告\n",
                         "青岚市生态环境局桐江分局2024年政府信息公开工作年度报\n告\n现公布青岚市生态环境局桐江分局2024年政府信息公开工作年度报告。\n")
  local R = assert(E:read(path))
  eq("青岚市生态环境局桐江分局", R.agency)
  eq("青岚市生态环境局桐江分局2024年政府信息公开工作年度报告", R.title)
end)
