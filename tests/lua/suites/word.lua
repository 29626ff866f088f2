-- Word files: a .docx is read from its word/document.xml (cells in the
-- grid its gridSpan and vMerge draw), a Word 97 .doc through wvWare, an
-- HTML page named .doc as the page it is; Markdown's HTML tables as the
-- HTML reader reads them. What cannot be read is said, with the file.

local SHAPES = "tests/fixtures/shapes"
local WORD = "tests/fixtures/word"

local function read_as_expected(path, expected)
  local want = assert(nianbao.yaml.decode(assert(nbio.readfile(expected))))
  local got = assert(nianbao.extract(path))
  local ok, total, wrong = compare(want, got)
  eq(200, total, path .. ": cells expected")
  eq(total, ok, path .. ": cells as expected (" .. tostring(wrong[1]) .. ")")
end

for _, case in ipairs {
  { "s10-word-grid.docx", "LibreOffice's .docx" }, { "s10-word-grid.doc", "LibreOffice's Word 97 file" },
  { "s11-pandoc.docx", "pandoc's .docx" }, { "s11-pandoc.doc", "a pandoc .docx saved as Word 97" },
  { "s11-saved-as-web.doc", "an HTML page in GB2312 named .doc" },
  { "../word/word97.wps", "WPS Writer's .wps in Word 97's binary" },
  { "s2-pandoc-gfm-html.md", "Markdown carrying HTML tables with merged cells" },
} do
  test(case[2] .. " reads to the corpus values, cell for cell: " .. case[1], function()
    local expected = case[1]:find("wps$") and "s11-pandoc" or case[1]:gsub("%.%w+$", "")
    read_as_expected(SHAPES .. "/" .. case[1], SHAPES .. "/" .. expected .. ".expected.yaml")
  end)
end

test("a wrong number in a .docx is found at the table row's paragraph number", function()
  local out, st = sh(NB .. " check " .. WORD .. "/t3-new-np.docx")
  eq(1, st, "exit")
  has(out, "t3-new-np.docx:25:1: 错误：表三“自然人”列：第一项加第二项之和（7）不等于第三项加第四项之和（6）")
  has(out, "[gb2021.t3.row_total]")
end)

test("an external entity in a .docx is not read in", function()
  local doc = assert(nianbao.extract(WORD .. "/entity.docx"))
  local secret = nbio.readfile("/etc/hostname")
  if secret and secret:match("%S") then
    eq(nil, doc.sections.s0:find(secret:match("^%s*(.-)%s*$"), 1, true), "the file's text in the report")
  end
  -- the title is the report's (agency, year), not a line of its opening
  eq("青林县市场监督管理局", doc.agency, "agency")
  eq(2024, doc.year, "year")
  has(doc.sections.s0, "根据《中华人民共和国政府信息公开条例》要求")
end)

test("a zip that is not a Word file and a damaged .doc are said so; the batch goes on", function()
  local out, st = sh(NB .. " check " .. WORD .. "/not-word.docx " .. WORD .. "/damaged.doc " .. SHAPES .. "/s11-pandoc.docx")
  eq(2, st, "exit")
  has(out, "not-word.docx: 错误：这是一个 zip 压缩文件，但不是 Word（.docx）文件：其中没有 word/document.xml")
  has(out, "damaged.doc: 错误：Word 97-2003（.doc）文件无法读取（wvWare 退出码")
  has(out, "3 个文件：0 个错误")
  has(out, "2 个文件无法读取")
  local en = sh(NB .. " check --lang en " .. WORD .. "/not-word.docx")
  has(en, "a zip archive, but not a Word (.docx) file")
end)

test("reading a .doc writes nothing beside it or in the working folder", function()
  local dir = tmp .. "/doc-alone"
  os.execute("rm -rf " .. dir .. " && mkdir -p " .. dir .. "/work && cp " .. SHAPES .. "/s10-word-grid.doc " .. dir)
  local nb = NB:sub(1, 1) == "/" and NB or os.getenv("PWD") .. "/" .. NB
  local out, st = sh("cd " .. dir .. "/work && " .. nb .. " extract ../s10-word-grid.doc > /dev/null")
  eq(0, st, "exit: " .. out)
  local names = assert(nbio.listdir(dir))
  table.sort(names)
  eq("s10-word-grid.doc work", table.concat(names, " "), "beside the file")
  eq(0, #assert(nbio.listdir(dir .. "/work")), "in the working folder")
end)

test("a folder's .docx, .doc and .wps files are taken as reports", function()
  local out = sh(NB .. " check --format json " .. WORD)
  local n = select(2, out:gsub('"file":"[^"]*%.docx?"', "")) + select(2, out:gsub('"file":"[^"]*%.wps"', ""))
  eq(6, n, "files: " .. out:sub(1, 300))
  has(out, '"file":"' .. WORD .. '/make.py","status":"skipped"')
end)

test("a .wps not in Word 97's binary is said unreadable, with what to do", function()
  local out, st = sh(NB .. " check " .. WORD .. "/old-wps.wps")
  eq(2, st, "exit")
  has(out, "old-wps.wps: 错误：此 .wps 文件不是按 Word 97-2003 格式保存的，无法读取；请在 WPS 中另存为 .docx 后再检查 [nianbao.unreadable]")
  out = sh(NB .. " check --lang en " .. WORD .. "/old-wps.wps")
  has(out, "this .wps file is not saved in the Word 97-2003 format")
end)
