-- PDF text breaks its prose where the page ends, inside a word or a date:
-- such a report reads as the same text unwrapped (the statistics period,
-- the issuer named above the title, the words of parts 1 and 6), and a
-- break after a sentence mark, before a part heading or a title's line
-- that is no name joins nothing.

local E = nianbao.engine
local DIR = "tests/fixtures/wrapped"

local function period_of(R)
  return R.period and (R.period.from .. " " .. R.period.to) or "none"
end

test("wrapped PDF text of a township and a department: period, issuer and the parts' words read", function()
  local town = assert(E:read(DIR .. "/shiqiao-town-2021.layout.txt"))
  eq("凤栖区石桥镇", town.agency, "the name above the title")
  eq("township", town.issuer, "issuer kind")
  eq("2021-01-01 2021-12-31", period_of(town), "the period wrapped inside its last date")
  eq(7, town.period.line, "the period's line: where it starts")
  local dept = assert(E:read(DIR .. "/jiaotong-dept-2023.layout.txt"))
  eq("安平县交通运输局", dept.agency, "title on one line")
  eq("2023-01-01 2023-12-31", period_of(dept), "the period in part 1, 统计期限 wrapped")
  for _, name in ipairs { "shiqiao-town-2021", "jiaotong-dept-2023" } do
    local found = rules_found(DIR .. "/" .. name .. ".layout.txt")
    for _, rule in ipairs { "struct.period_stated", "struct.s1_aspects", "struct.s6_items", "struct.s6_fee" } do
      assert(not found:find(" gb2021." .. rule .. " ", 1, true), name .. ": " .. rule .. " found in" .. found)
    end
    has(found, "gb2021.qlt.thin", name .. ": the checks ran")
  end
end)

test("a part's prose joins the lines that only wrap a sentence, across a page footer", function()
  local text = E:pack("gb2021").rule_by_id["gb2021.txt.new"].env.text
  local s = { id = "s6", text = "认真落实上级年度政务公开工作要\n点，推进创\n-2-\n新。\n开展培训。\n（一）平台建设" }
  eq("认真落实上级年度政务公开工作要点，推进创新。\n开展培训。\n（一）平台建设", text.prose(s))
end)

-- an opening of PDF text; a title on one line unless given
local function pdf(body, title)
  return (title or "          临江市2024年政府信息公开工作年度报告") .. "\n\n" .. body
end

test("a period is not read across a sentence mark or a part heading", function()
  local cases = {
    -- the first line ends its sentence: the next is another
    { pdf("   本报告统计期限自2024年1月1日起。\n至2024年12月31日止的数据见下表。\n   一、总体情况\n   全年公开信息12条。\n"), "none" },
    -- a part heading comes between
    { pdf("   本报告所列数据的统计期限自2024年1月1日起至\n一、总体情况\n12月31日止，全年公开信息12条。\n"), "none" },
    -- wrapped in the opening: read
    { pdf("   本报告所列数据的统计期限自2024年1月1日起至\n2024年12月31日止。\n   一、总体情况\n   全年公开信息12条。\n"),
      "2024-01-01 2024-12-31" },
  }
  for k, c in ipairs(cases) do
    local R = assert(E:read(write("period" .. k .. ".txt", c[1])))
    eq(c[2], period_of(R), "case " .. k)
  end
end)

test("only the title's own first line names the issuer", function()
  local title = "     2024年政府信息公开工作年度报告"
  local body = "   本报告所列数据的统计期限自2024年1月1日至12月31日。\n   一、总体情况\n   全年公开信息12条。\n"
  local cases = {
    { "           白沙县城关镇\n" .. title, "白沙县城关镇" },
    { "           白沙县东风街道\n" .. title, "白沙县东风街道" },
    -- a line of marks (a site's path) is no name
    { "当前位置：首页>政务公开>城关镇\n" .. title, nil },
    -- a blank line between: not the title's line
    { "           白沙县城关镇\n\n" .. title, nil },
    -- no issuer's ending
    { "           政府信息公开专栏\n" .. title, nil },
    -- digits, letters: no name
    { "           城关镇2号楼\n" .. title, nil },
  }
  for k, c in ipairs(cases) do
    local R = assert(E:read(write("issuer" .. k .. ".txt", pdf(body, c[1]))))
    eq(c[2], R.agency, "case " .. k)
  end
end)

test("part 5's measures are found where a PDF wrapped their word", function()
  local body = "   本报告所列数据的统计期限自2024年1月1日至12月31日。\n   一、总体情况\n   全年公开信息12条。\n" ..
               "   五、存在的主要问题及改进情况\n   主要问题是部分栏目更新不够及时。今后要改\n进审核流程，按时更新。\n" ..
               "   六、其他需要报告的事项\n   本年度未收取信息处理费。\n"
  local wrapped = rules_found(write("s5_wrapped.txt", pdf(body)))
  assert(not wrapped:find(" gb2021.struct.s5_measures ", 1, true), "改进 wrapped, read as missing:" .. wrapped)
  local none = rules_found(write("s5_none.txt", pdf((body:gsub("今后要改\n进审核流程，按时更新。", "栏目较多，人手\n不足。")))))
  has(none, "gb2021.struct.s5_measures", "no measure at all is still found")
end)
