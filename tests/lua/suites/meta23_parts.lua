-- The parts of a report around its tables: a table of contents before the
-- report names every part with dot leaders and a page number, and is no
-- part's heading; parts numbered otherwise (第一部分…) and parts 五 and 六
-- printed as one are found, and none is said to be missing.

local E = nianbao.engine
local DIR = "tests/fixtures/meta23/"

local function text_of(name) return assert(nbio.readfile(DIR .. name)) end

test("a table of contents' lines are no headings: each part is found at its heading", function()
  local R = assert(E:read(DIR .. "m1-toc-layout.txt"))
  has(R:section("s1").text, "（一）主动公开", "part 一 is the text under its heading")
  has(R:section("s5").text, "主要问题", "part 五 is the text under its heading")
  has(R:section("s0").text, "目    录", "the contents stay in the opening")
  local found = rules_found(DIR .. "m1-toc-layout.txt")
  for _, id in ipairs { "gb2021.struct.s1_aspects", "gb2021.struct.s5_measures", "gb2021.parse.unplaced",
                        "gb2021.parse.row_values", "gb2021.struct.s1_gov_results" } do
    assert(not found:find(" " .. id .. " ", 1, true), id .. " on the contents:" .. found)
  end
end)

test("a contents line with leaders of dots or middle dots is none either", function()
  local text = text_of("m1-toc-layout.txt"):gsub("…", "·")
  local R = assert(E:read(write("toc_middle_dots.txt", text)))
  has(R:section("s1").text, "（一）主动公开", "part 一 under its heading")
  text = text_of("m1-toc-layout.txt"):gsub("…", "..")
  R = assert(E:read(write("toc_dots.txt", text)))
  has(R:section("s1").text, "（一）主动公开", "part 一 under its heading")
end)
