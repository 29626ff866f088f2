-- pandoc's Markdown of a Word report whose numbers are set in italic, underlined
-- or marked by a star: *3001*, [53]{.underline}, <u>72</u>, 1288\*. Each is the
-- number, as the page shows it.

local E = nianbao.engine
local DIR = "tests/fixtures/hostile27/"

local function value(R, id)
  local c = R:cell(id)
  return c and c.value
end

test("pandoc's italic, underlined and starred numbers are the numbers", function()
  local path = DIR .. "r5-pandoc-marks.md"
  local R = assert(E:read(path))
  eq(3001, value(R, "t3.new.np"), "*3001*")
  eq(53, value(R, "t3.new.biz"), "[53]{.underline}")
  eq(1288, value(R, "t3.result.public.np"), "1288\\*")
  eq(2932, value(R, "t3.result.total.np"), "*2932*")
  eq(72, value(R, "t4.rv.upheld"), "[72]{.underline}")
  local found = rules_found(path)
  assert(not found:find("gb2021.parse.", 1, true), found)
end)

test("GitHub Markdown's <u>…</u> round a number is that number", function()
  local text = assert(nbio.readfile(DIR .. "r5-pandoc-marks.md"))
  local path = write("gfm-marks.md", (text:gsub("%[72%]{%.underline}", "<u>72</u>", 1)))
  local R = assert(E:read(path))
  eq(72, value(R, "t4.rv.upheld"), "<u>72</u>")
end)
