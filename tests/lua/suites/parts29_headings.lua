-- A part numbered 第五部分 and titled otherwise, and part 二 headed
-- 二、主动公开情况, are the parts, noted as worded otherwise; a hospital's
-- report headed so is still no report of this format.

local DIR = "tests/fixtures/parts29/"

test("parts29: 第五部分 主要问题及改进情况, 第六部分——其他事项, 二、主动公开情况 are the parts", function()
  for name, n in pairs { ["r1-city-parts-numbered"] = 3, ["r2-street-active-short"] = 1 } do
    local found = rules_found(DIR .. name .. ".txt")
    eq(" " .. string.rep("gb2021.struct.section_title ", n), found, name .. ": the headings' notes alone")
  end
  local R = assert(nianbao.read(DIR .. "r1-city-parts-numbered.txt"))
  local s5 = R:section("s5")
  assert(s5 and s5.heading:find("主要问题及改进情况", 1, true), "part 五")
end)

-- a number of a part alone takes a title in other words as the part's own
-- numeral does: only where one of the part's words or its title is there
test("parts29: 第三部分 依申请公开情况 and 第五部分 工作计划 are no part", function()
  local text = assert(nbio.readfile(DIR .. "r1-city-parts-numbered.txt"))
  for _, heading in ipairs { "第五部分 工作计划", "第五部分 附件" } do
    local path = write("p29_other.txt", (text:gsub("第五部分 主要问题及改进情况", heading, 1)))
    has(rules_found(path), "gb2021.struct.section_missing", heading .. ": part 五 missing")
  end
end)

-- a hospital's report (条例第五十五条) headed 二、主动公开情况 or 第二部分
-- 主动公开情况: a part found by its words alone makes no report of this format
test("parts29: a hospital's 二、主动公开情况 and 第二部分 主动公开情况 make no report of this format", function()
  local text = assert(nbio.readfile("tests/fixtures/meta23/m8-hospital.txt"))
  assert(text:find("\n二、主动公开情况\n", 1, true), "the hospital's heading")
  for _, numbered in ipairs { false, true } do
    local t = text
    if numbered then
      for n, k in pairs { ["一"] = "一", ["二"] = "二", ["三"] = "三", ["四"] = "四", ["五"] = "五" } do
        t = t:gsub("\n" .. n .. "、", "\n第" .. k .. "部分 ")
      end
    end
    local path = write("p29_hospital.txt", t)
    local R, why = nianbao.engine:read(path)
    eq(nil, R, "not read")
    has(why, "不是政府信息公开工作年度报告", "said so")
  end
end)
