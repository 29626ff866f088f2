-- A joint file (two offices' reports one after the other): the file's title
-- names both; the first report, the one read, is its own issuer's.

local E = nianbao.engine
local FIXTURE = "tests/fixtures/pdf24/q4-joint-two-offices.txt"

test("the first report's own title names its issuer, not the file's two names", function()
  local R = assert(E:read(FIXTURE))
  eq("枫林县人民政府办公室", R.agency)
end)

test("no own title: the first of the file title's names", function()
  local page = assert(nbio.readfile(FIXTURE))
  local one = page:gsub("第一部分  枫林县人民政府办公室2024年政府信息公开工作年度报告\n", "", 1)
  one = one:gsub("枫林县人民政府办公室 枫林县政务服务管理局\n%s*2024年", "枫林县人民政府办公室 枫林县政务服务管理局2024年", 1)
  assert(one ~= page)
  local R = assert(E:read(write("joint_no_own_title.txt", one)))
  eq("枫林县人民政府办公室", R.agency)
  eq(74, R:cell("t3.new.total").value)
end)

test("one report whose title names two offices keeps both", function()
  local page = assert(nbio.readfile(FIXTURE))
  local first = page:sub(1, assert(page:find("第二部分", 1, true)) - 1)
  local R = assert(E:read(write("joint_first_only.txt", first)))
  eq("枫林县人民政府办公室枫林县政务服务管理局", R.agency)
end)

test("a compilation's first report is its own issuer's, not the compilation's place", function()
  local R = assert(E:read("tests/fixtures/whole25/n9-joint-compilation.txt"))
  eq("白鹭区人民政府", R.agency)
  eq(70, R:cell("t3.new.total").value, "the first report's 表三")
end)

test("a compilation's contents list names no report's issuer", function()
  local page = assert(nbio.readfile("tests/fixtures/whole25/n9-joint-compilation.txt"))
  local listed = page:gsub("2022年1月\n白鹭区人民政府2021年政府信息公开工作年度报告\n",
    "2022年1月\n目录\n白鹭区人民政府2021年政府信息公开工作年度报告……1\n"
    .. "白鹭区人民政府办公室2021年政府信息公开工作年度报告……9\n", 1)
  assert(listed ~= page)
  local R = assert(E:read(write("compilation_contents.txt", listed)))
  eq("白鹭区", R.agency, "the compilation's, not the second report's")
end)
