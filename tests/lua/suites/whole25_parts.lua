-- Parts renamed or merged: 一、概述 for 一、总体情况; 四 and 五 printed as one,
-- the parts after them renumbered (五、其他需要报告的事项).

local E = nianbao.engine
local FIXTURE = "tests/fixtures/whole25/n4-parts-merged.txt"

test("一、概述 is part 一, said to be worded otherwise", function()
  local R = assert(E:read(FIXTURE))
  assert(R:section("s1"), "part 一")
  local found = rules_found(FIXTURE)
  has(found, "gb2021.struct.section_title")
  local _, missing = found:gsub("gb2021%.struct%.section_missing", "")
  eq(1, missing, "part 五 alone is missing (printed within 四)")
end)

test("a part under the next numeral after two printed as one is read by its title", function()
  local R = assert(E:read(FIXTURE))
  assert(R:section("s6"), "五、其他需要报告的事项 is part 六")
  eq(3, R:cell("t4.rv.total").value, "表四 ends before it")
  eq(12, R:cell("t4.ld.total").value)
  local found = rules_found(FIXTURE)
  for _, id in ipairs { "gb2021.parse.row_values", "gb2021.parse.unplaced" } do
    assert(not found:find(id, 1, true), id .. ": " .. found)
  end
end)

test("a part's title under its own numeral, and a table's label, are no renumbered part", function()
  local page = assert(nbio.readfile(FIXTURE))
  local R = assert(E:read(write("parts_merged_own.txt", (page:gsub("五、其他需要报告的事项", "六、其他需要报告的事项", 1)))))
  assert(R:section("s6"))
  eq(1, R:cell("t3.next.total").value, "四、结转下年度继续办理 stays 表三's row")
end)

test("a report of the old structure (一、概述) is not asked the 2021 parts' contents", function()
  local found = rules_found("examples/broken/fmt-legacy.txt")
  has(found, "gb2021.fmt.legacy")
  for _, id in ipairs { "gb2021.qlt.thin", "gb2021.struct.s1_aspects" } do
    assert(not found:find(id, 1, true), id .. ": " .. found)
  end
end)

test("a part added before the last, the last under 七、, is the last part from the added one on", function()
  local page = assert(nbio.readfile("tests/fixtures/whole25/n5-parts-arabic.txt"))
  page = page:gsub("\n6%.其他需要报告的事项\n", "\n六、政务公开工作要点落实情况\n", 1)
             :gsub("\n7%.政务公开工作创新情况\n", "\n七、其他需要报告的事项\n", 1)
  local path = write("parts_added.txt", page)
  local R = assert(E:read(path))
  local s6 = assert(R:section("s6"), "七、其他需要报告的事项 is part 六")
  assert(s6.text:find("信息处理费", 1, true), "the added part's text is part 六's")
  local found = rules_found(path)
  for _, id in ipairs { "gb2021.struct.section_missing", "gb2021.struct.s6_fee" } do
    assert(not found:find(id, 1, true), id .. ": " .. found)
  end
end)
