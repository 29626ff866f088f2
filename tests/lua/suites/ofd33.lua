-- OFD files (GB/T 33190): their pages' text objects placed as a PDF's
-- words and laid out as pdftotext -layout prints them, so an OFD reads as
-- the PDF text it was placed from: the same cells, the same findings at the
-- same lines. What cannot be read is said, naming the part; the batch goes on.

local OFD = "tests/fixtures/ofd33"
local decode = require "pipeline.decode"

-- each fixture and the pdftotext -layout text its generator placed (tools/make_ofd.py)
local SOURCES = {
  ["o1-runs-rules.ofd"] = "tests/fixtures/pdf24/q1-layout-page-footer.txt",
  ["o2-compressed-template.ofd"] = "tests/fixtures/pdf24/q2-layout-row-cut.txt",
  ["o3-ctm-scaled.ofd"] = "tests/fixtures/pdf24/q3-landscape-narrow.txt",
  ["o4-portal-blocks.ofd"] = "tests/fixtures/print25/pr5-layout-portal.txt",
  ["o5-glyph-objects.ofd"] = "tests/fixtures/pdf24/q4-joint-two-offices.txt",
}

-- The line a source text's line n is in the text its placed words are laid out
-- into: a gap of one blank line or more between two lines of a page is one
-- blank line, a page's blank lines before its first line and after its last none
local function laid_out_line(text, n)
  local count, k, pending, started = 0, 0, false, false
  for line in (text .. "\n"):gmatch("([^\n]*)\n") do
    k = k + 1
    if line:find("^\f") then started, pending = false, false end     -- (a page's first line begins with a form feed)
    if line:find("[^%s]") then
      if pending and started then count = count + 1 end
      count = count + 1
      if k == n then return count end
      started, pending = true, false
    else
      pending = true
    end
  end
end

local function places(findings, source_text)
  local out = {}
  for _, f in ipairs(findings) do
    local line = source_text and f.line and laid_out_line(source_text, f.line) or f.line
    out[#out + 1] = string.format("%s %s:%s %s %s", f.rule, tostring(line), tostring(f.col), f.severity, tostring(f.found))
  end
  table.sort(out)
  return table.concat(out, "\n")
end

for name, source in pairs(SOURCES) do
  test("an OFD gives the findings of the PDF text it was placed from, at its lines laid out: " .. name, function()
    local got = assert(nianbao.check(OFD .. "/" .. name))
    local want = assert(nianbao.check(source))
    eq(places(want, assert(nbio.readfile(source))), places(got), name)
  end)
end

local function decoded(name)
  local bytes = assert(nbio.readfile(OFD .. "/" .. name))
  return assert(decode.binary(bytes, name, "zh"))
end

test("a template's running head is on the pages that name it; a stamp annotation is no text of its page", function()
  local pages = decoded("o2-compressed-template.ofd")
  local heads, n = 0, 0
  for page in pages:gmatch("<page[^>]*>\n(.-)</page>") do
    n = n + 1
    local first = page:match("^<word[^>]*>([^<]*)</word>")
    if first == "桐川市人民政府2024年政府信息公开工作年度报告" then heads = heads + 1 end
  end
  eq(true, n >= 3, "pages")
  eq(n, heads, "each page begins with the title (page 1 its own, the others the template's)")
  local stamped = decoded("o1-runs-rules.ofd")
  eq(nil, stamped:find("已发布归档", 1, true), "the stamp's text")
end)

test("characters placed one a TextCode, or one a text object, in points under a CTM make the words of a run", function()
  has(decoded("o3-ctm-scaled.ofd"), ">檀溪县农业农村局2021年政府信息公开工作年度报告</word>")
  has(decoded("o5-glyph-objects.ofd"), ">第一部分</word>")
end)

test("a folder's .ofd files are checked; a hostile one is said so and the batch goes on", function()
  local out = sh(NB .. " check " .. OFD)
  has(out, "5 个文件：0 个错误，1 个警告，3 条提示")
  local mixed, st = sh(NB .. " check tests/hostile/ofd-loop.ofd " .. OFD .. "/o1-runs-rules.ofd tests/hostile/ofd-bomb.ofd")
  eq(2, st, "exit")      -- (a file unread)
  has(mixed, "3 个文件：0 个错误，0 个警告，0 条提示，2 个文件无法读取")
  local en = sh(NB .. " check --lang en tests/hostile/ofd-missing-content.ofd")
  has(en, "the OFD file cannot be read: page 2's content Doc_0/Pages/Page_1/Content.xml is not in the archive")
  local plain = sh(NB .. " check tests/fixtures/word/not-word.docx")
  has(plain, "但不是 Word（.docx）文件：其中没有 word/document.xml")
end)
