-- Made-up reports whose tables add up and whose text says what the tables
-- say (tests/tools/genreports.lua), in three shapes: each reads to the
-- same tables, and nothing is found in any of them.

local dir = tmp .. "/generated"
local out, st = sh(NB .. " run tests/tools/genreports.lua " .. dir .. " 12")

local function tables_of(path)
  local doc = assert(nianbao.extract(path))
  return nianbao.yaml.encode { t2 = doc.t2, t3 = doc.t3, t4 = doc.t4 }
end

test("twelve consistent reports in three shapes are made", function()
  eq(0, st, "exit: " .. out)
  eq(36, #nianbao.files(dir), "files")
end)

test("a consistent report reads to the same tables as scraped text, a CMS page and PDF layout text", function()
  for i = 1, 12 do
    local stem = string.format("%s/%05d", dir, i)
    local want = tables_of(stem .. ".html")
    eq(want, tables_of(stem .. ".txt"), stem .. ".txt")
    eq(want, tables_of(stem .. ".pdf.txt"), stem .. ".pdf.txt")
  end
end)

test("PDF layout text, its prose wrapped anywhere, reads to the issuer and statistics period of the page", function()
  -- (the period wrapped inside its dates, a township's name alone above the title)
  local towns = 0
  for i = 1, 12 do
    local stem = string.format("%s/%05d", dir, i)
    local page, pdf = assert(nianbao.engine:read(stem .. ".html")), assert(nianbao.engine:read(stem .. ".pdf.txt"))
    eq(page.agency, pdf.agency, stem .. ".pdf.txt: issuer")
    assert(page.period and pdf.period, stem .. ": a period")
    eq(page.period.from .. " " .. page.period.to, pdf.period.from .. " " .. pdf.period.to, stem .. ".pdf.txt: period")
    if pdf.issuer == "township" then towns = towns + 1 end
  end
  assert(towns > 0, "a township among them")
end)

test("the comparison of tables tells two reports apart", function()
  -- else the test above would pass on pages read to no table at all
  local a = tables_of(dir .. "/00001.html")
  assert(a ~= tables_of(dir .. "/00002.html"), "two reports read to the same tables")
  has(a, "np:", "tables of a page")
end)

test("the generated reports carry the noise of published ones", function()
  local styles, crlf = {}, 0
  for i = 1, 12 do
    local stem = string.format("%s/%05d", dir, i)
    local page = assert(nbio.readfile(stem .. ".html"))
    assert(#page >= 40 * 1024, stem .. ".html: a CMS page of " .. #page .. " bytes")
    for _, mark in ipairs { "<script", "<style", "当前位置", "&nbsp;", "网站标识码" } do has(page, mark, stem .. ".html") end
    if page:find("mso-border-alt", 1, true) then styles.word = true end
    if page:find("<FONT", 1, true) then styles.portal = true end
    if page:find("TRS_Editor", 1, true) then styles.wps = true end
    if page:find("\r\n", 1, true) then crlf = crlf + 1 end
    local pdf = assert(nbio.readfile(stem .. ".pdf.txt"))
    assert(pdf:find("\n *%-1%-\n"), stem .. ".pdf.txt: no page number")
    has(assert(nbio.readfile(stem .. ".txt")), "网站标识码", stem .. ".txt")
  end
  assert(styles.word and styles.portal and styles.wps, "all three styles of CMS page")
  assert(crlf > 0 and crlf < 12, "some pages with CR LF line ends, not all")
end)

test("nothing is found in a consistent report, in any shape", function()
  -- their narratives come from one template: copied text between them is
  -- no inconsistency (the copy rules are tested in region.lua)
  local conf = write("generated.yaml", "rules:\n  gb2021.qlt.copy_peer: off\n  gb2021.xy.copy: off\n")
  local out2, st2 = sh(NB .. " check --config " .. conf .. " " .. dir)
  eq(0, st2, "exit")
  has(out2, "36 个文件：0 个错误，0 个警告，0 条提示")
end)
