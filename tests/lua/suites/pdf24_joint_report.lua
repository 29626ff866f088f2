-- Two offices' reports printed one after the other in one PDF: the first
-- part's heading again after the last part's text begins the next report.
-- The first report is read; the second's prose is not checked against the
-- first's tables, and its tables are not read into them.

local E = nianbao.engine
local FIXTURE = "tests/fixtures/pdf24/q4-joint-two-offices.txt"

test("a second report after the first's last part is not read as its part 六", function()
  local R = assert(E:read(FIXTURE))
  eq(74, R:cell("t3.new.total").value, "the first report's 表三")
  eq(2, R:cell("t4.rv.total").value, "the first report's 表四")
  local found = rules_found(FIXTURE)
  for _, id in ipairs { "gb2021.txt.new", "gb2021.txt.none" } do
    assert(not found:find(id, 1, true), id .. " on the second report's prose: " .. found)
  end
end)

test("the second report left unchecked is said so, where it begins", function()
  local page = assert(nbio.readfile(FIXTURE))
  local second = assert(page:find("\f", page:find("六、其他需要报告的事项", 1, true), true), "the second report")
  local line = select(2, page:sub(1, second):gsub("\n", "")) + 1
  local got
  for _, f in ipairs(assert(nianbao.check(FIXTURE))) do
    if f.rule == "gb2021.struct.another_report" then got = f end
  end
  assert(got, "a finding names it")
  eq(true, got.line >= line and got.line <= line + 3, "at the second report's first heading (line " .. got.line .. ")")
  eq(nil, (got.message:find("一、总体情况", 1, true)) == nil and "no heading quoted" or nil, "its heading quoted")
end)

test("the first part's heading right under the last's (a contents list) ends no report", function()
  local page = assert(nbio.readfile(FIXTURE))
  local second = assert(page:find("\f", page:find("六、其他需要报告的事项", 1, true), true), "the second report")
  local one = page:sub(1, second - 1)
  -- a contents list of the six parts before the report's text
  local contents = "目录\n一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n"
                   .. "四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项\n"
  local at = assert(one:find("    一、总体情况", 1, true))
  local listed = one:sub(1, at - 1) .. contents .. one:sub(at)
  local R = assert(E:read(write("joint_contents.txt", listed)))
  eq(74, R:cell("t3.new.total").value, "the report after its contents")
  eq(75, R:cell("t3.result.total.total").value, "表三 whole")
end)

test("the same report printed again after itself (a page's print copy) is no other report", function()
  local page = assert(nbio.readfile("examples/jiuqu-2024.txt"))
  local twice = write("jiuqu_twice.txt", page .. "\n\n" .. page)
  local found = rules_found(twice)
  assert(not found:find("another_report", 1, true), found)
  local other = write("jiuqu_other.txt", page .. "\n\n" .. assert(nbio.readfile("examples/broken/struct-another-report.txt")):match("\n(河东区九曲街道社区卫生服务中心.*)$"))
  has(rules_found(other), "gb2021.struct.another_report", "another office's report after it still is")
end)
