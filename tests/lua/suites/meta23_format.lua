-- A report of another kind (a hospital's 信息公开工作年度报告, under 条例第五十五条)
-- has parts numbered as this format's but none of its tables: it is not
-- read as this format's (one "not a report", no storm of missing parts); a
-- report of this format whose tables are images still is, by its title.

local E = nianbao.engine
local DIR = "tests/fixtures/meta23/"

test("a hospital's report is not a report of this format", function()
  local R, why = E:read(DIR .. "m8-hospital.txt")
  eq(nil, R, "not read")
  has(why, "不是政府信息公开工作年度报告", "said so")
  local found = rules_found(DIR .. "m8-hospital.txt")
  assert(not found:find(" gb2021.struct.section_missing ", 1, true), "parts asked for:" .. found)
end)

test("a report whose tables are images is read by its title, and its tables are said not text", function()
  local text = assert(nbio.readfile(DIR .. "m7-year-in-period.txt"))
  local bare = text:gsub("\n第二十条.-\n四、政府信息公开行政复议", "\n（表格为图片）\n三、收到和处理政府信息公开申请情况\n（表格为图片）\n四、政府信息公开行政复议", 1)
  bare = bare:gsub("\n行政复议\t行政诉讼.-\n五、", "\n（表格为图片）\n五、", 1)
  for _, title in ipairs { "云台县审计局政府信息公开工作年度报告", "云台县审计局2022年度政府信息公开工作报告" } do
    local path = write("tables_images.txt", (bare:gsub("^[^\n]+", title, 1)))
    local R = assert(E:read(path))
    has(rules_found(path), "gb2021.struct.table_not_text", title .. ": its tables are images")
  end
end)

test("a report of prose parts alone that names itself no other report is read, its parts missing", function()
  local text = assert(nbio.readfile(DIR .. "m7-year-in-period.txt"))
  local prose = text:gsub("\n二、主动公开政府信息情况.-\n五、", "\n五、", 1)
  for _, title in ipairs { "云台县审计局政府信息公开工作年度报告", "云台县审计局2022年度政府信息公开工作报告", "云台县审计局" } do
    local path = write("prose_only.txt", (prose:gsub("^[^\n]+", title, 1)))
    assert(E:read(path), title .. ": read")
    has(rules_found(path), "gb2021.struct.section_missing", title .. ": parts 二 to 四 missing")
  end
end)
