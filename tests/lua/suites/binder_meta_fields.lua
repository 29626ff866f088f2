-- A page's line of several fields ("来源：东湖区商务局　发布时间：2024-01-22　
-- 浏览次数：318"): each field the format declares is read as if on a line
-- of its own, at its own place; the others, and a line of prose, give none.

local E = nianbao.engine
local FIXTURE = "tests/fixtures/probe22/p5-year2023.txt"

local function fixture_text()
  local s = assert(nbio.readfile(FIXTURE))
  return s
end

test("the date published is read from a portal's line of fields", function()
  local R = assert(E:read(FIXTURE))
  eq("2024-01-22", R.published, "发布时间 after 来源 on one line")
  local late, n = fixture_text():gsub("发布时间：2024%-01%-22", "发布时间：2024-03-22 09:30", 1)
  eq(1, n, "the date to change")
  local path = write("fields_late.txt", late)
  eq("2024-03-22", assert(E:read(path)).published, "a date with its time")
  has(rules_found(path), "gb2021.date.late_dept", "published after the deadline")
  local found = assert(nianbao.check(path))
  for _, f in ipairs(found) do
    if f.rule == "gb2021.date.late_dept" then eq(2, f.line) eq(11, f.col, "at 发布时间, its place in the line") end
  end
end)

test("fields parted by two spaces, a tab or a no-break space are read; a line of prose is not", function()
  for _, gap in ipairs { "  ", "\t", "\u{A0}" } do
    local text = fixture_text():gsub("来源：东湖区商务局　发布时间", "来源：东湖区商务局" .. gap .. "发布时间", 1)
    eq("2024-01-22", assert(E:read(write("fields_gap.txt", text))).published, "parted by " .. string.format("%q", gap))
  end
  -- one space, or none (spans side by side): the date field is found by its key and its colon
  for _, gap in ipairs { " ", "" } do
    local text = fixture_text():gsub("来源：东湖区商务局　发布时间", "来源：东湖区商务局" .. gap .. "发布时间", 1)
    eq("2024-01-22", assert(E:read(write("fields_run_on.txt", text))).published, string.format("parted by %q", gap))
  end
  local text
  -- a key named in prose is no field
  text = fixture_text():gsub("来源：东湖区商务局　发布时间：2024%-01%-22　浏览次数：318",
                             "说明：本报告的发布时间：以网站为准", 1)
  eq(nil, assert(E:read(write("fields_prose.txt", text))).published, "no date")
end)
