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

test("parts numbered 第一部分…, （一）…, 1. … or 1、… are the six parts", function()
  local md = text_of("m2-parts-numbered.md")
  local forms = {
    { "第一部分 ", "第二部分 ", "第三部分 ", "第四部分 ", "第五部分 ", "第六部分 " },
    { "第一部分：", "第二部分：", "第三部分：", "第四部分：", "第五部分：", "第六部分：" },
    { "第一部分—", "第二部分—", "第三部分—", "第四部分—", "第五部分—", "第六部分—" },
    { "第一部分 —— ", "第二部分 —— ", "第三部分 —— ", "第四部分 —— ", "第五部分 —— ", "第六部分 —— " },
    { "（一）", "（二）", "（三）", "（四）", "（五）", "（六）" },
    { "1. ", "2. ", "3. ", "4. ", "5. ", "6. " },
    { "1、", "2、", "3、", "4、", "5、", "6、" },
  }
  local numerals = { "第一部分 ", "第二部分 ", "第三部分 ", "第四部分 ", "第五部分 ", "第六部分 " }
  for f, form in ipairs(forms) do
    local text = md
    for i, lead in ipairs(form) do text = text:gsub("\n## " .. numerals[i], "\n## " .. lead, 1) end
    local path = write("parts_numbered_" .. f .. ".md", text)
    local R = assert(E:read(path))
    for _, id in ipairs { "s1", "s2", "s3", "s4", "s5", "s6" } do
      assert(R:section(id), form[1] .. ": part " .. id .. " found")
    end
    has(R:section("s6").text, "人大代表建议", form[1] .. ": part 六 is its text")
    local found = rules_found(path)
    assert(not found:find(" gb2021.struct.section_missing ", 1, true), form[1] .. ":" .. found)
  end
end)

test("a part whose numeral names another part is none", function()
  local text = text_of("m2-parts-numbered.md"):gsub("\n## 第二部分 ", "\n## 第三部分 ", 1)
  local path = write("parts_misnumbered.md", text)
  has(rules_found(path), "gb2021.struct.section_missing", "part 二 numbered 三 is not found")
end)

test("parts 五 and 六 printed as one are part 五, its title not the format's, and no part 六", function()
  local path = DIR .. "m4-joint-merged.md"
  local R = assert(E:read(path))
  has(R:section("s5").text, "无其他需要报告的事项", "the merged part is part 五")
  local found = rules_found(path)
  has(found, "gb2021.struct.section_title", "its title is not the format's")
  local missing = {}
  for line in sh(NB .. " check --format json " .. path):gmatch('"rule":"gb2021.struct.section_missing"[^}]*') do
    missing[#missing + 1] = line
  end
  eq(1, #missing, "one part missing, part 六")
  has(missing[1], "六", "the part missing is part 六")
end)

test("a contents page with no leaders or page numbers: the parts are found after it", function()
  local text, n = text_of("m1-toc-layout.txt"):gsub(" [\xE2\x80\xA6]+ %d", "")   -- the leaders (…) and page numbers
  eq(6, n, "six contents lines")
  local path = write("toc_bare.txt", text)
  local R = assert(E:read(path))
  has(R:section("s1").text, "（一）主动公开", "part 一 under its heading")
  has(R:section("s6").text, "人大代表建议", "part 六 under its heading")
  local found = rules_found(path)
  for _, id in ipairs { "gb2021.parse.unplaced", "gb2021.parse.row_values", "gb2021.struct.s1_gov_results" } do
    assert(not found:find(" " .. id .. " ", 1, true), id .. " on the contents:" .. found)
  end
  -- two empty parts in a row are the report's own, as before
  text = text_of("m2-parts-numbered.md"):gsub("\n\n本年度未收取信息处理费。[^\n]*\n", "\n", 1)
  text = text:gsub("\n\n依申请公开答复文书[^\n]*\n", "\n", 1)
  R = assert(E:read(write("two_empty.md", text)))
  eq("", R:section("s5").text, "part 五 empty")
end)
