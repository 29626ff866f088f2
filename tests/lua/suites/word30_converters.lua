-- Word files through the converters scrapers keep them with (mammoth,
-- docx2txt, pandoc, LibreOffice): tests/fixtures/word30, its README.

local DIR = "tests/fixtures/word30/"

-- a fixture read against its expected file → right, total, the first wrong
local function scored(name)
  local stem = name:match("^(.-)%.[^.]+$")
  local expected = assert(nianbao.yaml.decode(assert(nbio.readfile(DIR .. stem .. ".expected.yaml"))))
  local got = assert(nianbao.extract(DIR .. name))
  local ok, total, wrong = compare(expected, got)
  return ok, total, wrong
end

test("word30: each converter's text of a Word file is read cell for cell", function()
  for _, name in ipairs { "w2-pandoc-markdown-headerless.md", "w2-pandoc-plain-headerless.txt",
                          "w3-mammoth-raw.txt", "w3-mammoth-markdown.md", "w3-mammoth-html.html",
                          "w3-docx2txt.txt", "w3-pandoc-plain.txt", "w3-pandoc-gfm.md", "w3-pandoc-markdown.md",
                          "w3-soffice-txt.txt", "w3-soffice-html.html", "w9-mammoth-html-paragraphs.html",
                          "w10-mammoth-markdown-bold.md" } do
    local ok, total, wrong = scored(name)
    eq(total, ok, name .. " (" .. tostring(wrong[1]) .. ")")
  end
end)

test("word30: a table cut by the frame it was printed in is read as text or not at all, never by its places", function()
  for name, least in pairs { ["w4-pandoc-plain-layout-cut.txt"] = 185, ["w5-pandoc-markdown-layout-cut.md"] = 185,
                             ["w6-pandoc-plain-layout-cut.txt"] = 175, ["w7-pandoc-plain-table-cut.txt"] = 193,
                             ["w7-pandoc-markdown-table-cut.md"] = 193, ["w8-pandoc-plain-frame-cut.txt"] = 185 } do
    local ok, _, wrong = scored(name)
    for _, w in ipairs(wrong) do assert(w:find("got (missing)", 1, true), name .. ": " .. w) end
    assert(ok >= least, name .. ": " .. ok .. " right")
    local found = rules_found(DIR .. name)
    for _, rule in ipairs { "val.not_number", "val.blank", "struct.row_missing", "struct.section_missing",
                            "struct.table_missing", "t3.row_total", "t3.col_total" } do
      assert(not found:find("gb2021." .. rule, 1, true), name .. ": " .. rule)
    end
  end
end)

test("word30: a multiline table with no header has its wrapped cells joined by its columns", function()
  local ok, _, wrong = scored("w1-pandoc-markdown-struck-wrapped.md")
  for _, w in ipairs(wrong) do assert(w:find("got (missing)", 1, true), w) end
  eq(193, ok, "right")
  local R = assert(nianbao.read(DIR .. "w1-pandoc-markdown-struck-wrapped.md"))
  eq(1288, R:cell("t3.result.public.np").value, "the new value under the struck one")
  eq(21, R:cell("t3.result.public.biz").value, "the row's next cell in its place")
  -- one change away: the same rows between rulers with no blank line between them are a simple
  -- table's, one line each: its second line is no part of the first row
  local text = assert(nbio.readfile(DIR .. "w2-pandoc-markdown-headerless.md"))
  local lines = {}
  for line in (text .. "\n"):gmatch("([^\n]*)\n") do
    if line:find("%S") or not lines[#lines] or lines[#lines]:find("^%s*%-%-%-") then lines[#lines + 1] = line end
  end
  local simple = write("w30_simple.md", table.concat(lines, "\n"))
  local got = assert(nianbao.extract(simple))
  local expected = assert(nianbao.yaml.decode(assert(nbio.readfile(DIR .. "w2-pandoc-markdown-headerless.expected.yaml"))))
  local right, _, bad = compare(expected, got)
  for _, w in ipairs(bad) do assert(w:find("got (missing)", 1, true), "simple: " .. w) end
  assert(right > 0, "simple: read")
end)

test("word30: bold written with underscores is bold, a line of blanks stays", function()
  local found = rules_found(DIR .. "w10-mammoth-markdown-bold.md")
  assert(not found:find("struct.section_missing", 1, true), found)
  local page = write("w30_blanks.md", "__一、总体情况__\n\n填报人：______ 电话：____\n\n本年度主动公开信息214条。\n")
  local got = assert(nianbao.extract(page))
  has(got.sections.s1, "______", "blanks kept")
  has(got.sections.s1, "214", "the part found by its bold title")
end)
