-- A narrow print wraps a part's heading onto a second line
-- ("四、政府信息公开行政复议、行政" / "诉讼情况"): the two lines are the
-- heading, not a part missing and a stray line in the table above, nor a
-- heading worded otherwise. A line that begins a heading and goes on with
-- other words is no heading.

local E = nianbao.engine
local EXAMPLE = "examples/jiuqu-2024.txt"

local function wrapped(name, from, to)
  local text = assert(nbio.readfile(EXAMPLE))
  local n
  text, n = text:gsub(from, to, 1)
  eq(1, n, "the heading rewritten")
  return write(name, text)
end

local function has_part(R, id)
  for _, s in ipairs(R.sections) do if s.id == id then return s end end
  return nil
end

test("a part's heading wrapped onto the next line is that part's heading", function()
  local path = wrapped("wrapped-four.txt", "四、政府信息公开行政复议、行政诉讼情况\n",
                       "四、政府信息公开行政复议、行政\n诉讼情况\n")
  local R = assert(E:read(path))
  local s = has_part(R, "s4")
  assert(s, "part 四 not found")
  eq("四、政府信息公开行政复议、行政诉讼情况", s.heading)
  local found = rules_found(path)
  assert(not found:find("gb2021.struct.section_missing", 1, true), found)
  assert(not found:find("gb2021.parse.unplaced", 1, true), found)
  eq(0, R:cell("t4.rv.total").value, "表四 read as before")
end)

test("a heading found worded otherwise whose last words wrapped is the heading whole", function()
  local path = wrapped("wrapped-three.txt", "三、收到和处理政府信息公开申请情况\n",
                       "三、收到和处理政府信息公开申请\n情况\n")
  local found = rules_found(path)
  assert(not found:find("gb2021.struct.section_title", 1, true), found)
  eq(nil, (rules_found(EXAMPLE):find("gb2021.struct.section_title", 1, true)), "the example's own heading")
end)

test("a line that begins a heading and goes on otherwise is not joined to it", function()
  local path = wrapped("not-wrapped.txt", "四、政府信息公开行政复议、行政诉讼情况\n",
                       "四、政府信息公开行政复议、行政\n处罚情况\n")
  local found = rules_found(path)
  assert(found:find("gb2021.struct.section_missing", 1, true), found)
end)
