-- Word files as Word and WPS write them: list numbers drawn from
-- numbering.xml, a table of contents, a frame table round a table, a
-- footnote's typed mark, a no-break hyphen; and pandoc's grid table framing
-- a table as it gives such a frame.

local DIR = "tests/fixtures/docx26"

local function cells_right(path, expected)
  local want = assert(nianbao.yaml.decode(assert(nbio.readfile(expected))))
  local got = assert(nianbao.extract(path))
  local ok, total, wrong = compare(want, got)
  eq(200, total, path .. ": cells expected")
  eq(total, ok, path .. ": cells as expected (" .. tostring(wrong[1]) .. ")")
  return got
end

local function findings(path)
  local out = sh(NB .. " check --format json " .. path)
  return out
end

test("headings and 表三's rows numbered by Word's lists (一、, （一）) are read with their numbers", function()
  local doc = cells_right(DIR .. "/d1-word-numbering.docx", DIR .. "/d1-word-numbering.expected.yaml")
  local out = findings(DIR .. "/d1-word-numbering.docx")
  eq(nil, out:find("struct.section_missing", 1, true), "a part said missing")
  eq(nil, out:find("struct.row_missing", 1, true), "（七）总计 said missing")
  has(doc.sections.s1, "南坪县围绕乡村振兴")
end)

test("a table of contents (a TOC field) is no part's text; the parts are under their own headings", function()
  cells_right(DIR .. "/d3-fields-textbox.docx", DIR .. "/d3-fields-textbox.expected.yaml")
  local doc = assert(nianbao.extract(DIR .. "/d3-fields-textbox.docx"))
  eq(1, doc.sections.s1:find("2024年，石门街道", 1, true), "part 一 begins with its own text")
  has(doc.sections.s5, "改进措施")
  local out = findings(DIR .. "/d3-fields-textbox.docx")
  eq(nil, out:find("qlt.thin", 1, true), "a part said thin")
  eq(nil, out:find("struct.s5_measures", 1, true), "part 五 said to lack measures")
  -- a no-break hyphen is printed as a hyphen
  has(doc.sections.s0, "0635-8312046")
end)

test("a frame table round 表四, its caption and its note, is read as the page it lays out", function()
  cells_right(DIR .. "/d4-wps-frames.docx", DIR .. "/d4-wps-frames.expected.yaml")
  local doc = assert(nianbao.extract(DIR .. "/d4-wps-frames.docx"))
  has(doc.sections.s4, "注：本年度行政诉讼1件为上年度行政复议后起诉案件。")
  eq(nil, findings(DIR .. "/d4-wps-frames.docx"):find("parse.unplaced", 1, true), "the frame's text unplaced")
end)

test("a footnote's mark typed after its reference is no digit of the number (351 and its mark 1)", function()
  local doc = cells_right(DIR .. "/d2-tracked-changes.docx", DIR .. "/d2-tracked-changes.expected.yaml")
  eq(351, doc.t4.rv.total, "复议 总计")
end)

test("pandoc's grid table of one cell round a table is a frame: the table inside it is read", function()
  local doc = assert(nianbao.extract(DIR .. "/unread/d4-pandoc.md"))
  eq(2, doc.t4 and doc.t4.rv.total, "复议 总计")
  eq(1, doc.t4 and doc.t4.ld.total, "诉讼 总计")
  has(doc.sections.s4, "注：本年度行政诉讼1件为上年度行政复议后起诉案件。")
end)

test("a list's number is drawn as numbering.xml writes it, or not at all when its form is not read", function()
  local lvl = '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="%s"/><w:lvlText w:val="%s"/><w:suff w:val="nothing"/></w:lvl>'
  local function para(num, text)
    return '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="' .. num .. '"/></w:numPr></w:pPr><w:r><w:t>'
           .. text .. '</w:t></w:r></w:p>'
  end
  local path = write("list-numbers.xml", table.concat {
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>',
    '<w:p><w:r><w:t>柳岸县人民政府2024年政府信息公开工作年度报告</w:t></w:r></w:p>',
    para(1, "总体情况"), para(2, "扩大主动公开范围。"), para(2, "完善依申请公开机制。"),
    para(3, "加强平台建设。"), para(4, "强化监督保障。"),
    '</w:body><w:numbering>',
    '<w:abstractNum w:abstractNumId="0">', lvl:format("chineseCounting", "%1、"), '</w:abstractNum>',
    '<w:abstractNum w:abstractNumId="1">', lvl:format("chineseCounting", "（%1）"), '</w:abstractNum>',
    '<w:abstractNum w:abstractNumId="2">', lvl:format("koreanCounting", "（%1）"), '</w:abstractNum>',
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>',
    '<w:num w:numId="2"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="10"/></w:lvlOverride></w:num>',
    '<w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>',
    '<w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>',
    '</w:numbering></w:document>' })
  local doc = assert(nianbao.extract(path))
  -- a list of the same definition goes on counting; one of a form not read has no number
  eq("（十）扩大主动公开范围。\n（十一）完善依申请公开机制。\n（十二）加强平台建设。\n强化监督保障。", doc.sections.s1, "part 一")
end)

test("a table of contents' field never ended takes no text out", function()
  local path = write("toc-open.xml", table.concat {
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>',
    '<w:p><w:r><w:t>柳岸县人民政府2024年政府信息公开工作年度报告</w:t></w:r></w:p>',
    '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> TOC \\o "1-1" </w:instrText></w:r>',
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>一、总体情况</w:t></w:r></w:p>',
    '<w:p><w:r><w:t>第一部分的正文。</w:t></w:r></w:p>',
    '</w:body></w:document>' })
  local doc = assert(nianbao.extract(path))
  eq("第一部分的正文。", doc.sections.s1, "part 一")
end)

test("a text box's lines follow the paragraph it is anchored in, not inside its sentence", function()
  local path = write("text-box.xml", table.concat {
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ',
    'xmlns:v="urn:schemas-microsoft-com:vml"><w:body>',
    '<w:p><w:r><w:t>柳岸县人民政府2024年政府信息公开工作年度报告</w:t></w:r></w:p>',
    '<w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p>',
    '<w:p><w:r><w:t>全年新收申请</w:t></w:r><w:r><w:pict><v:shape><v:textbox><w:txbxContent>',
    '<w:p><w:r><w:t>图1 办理情况</w:t></w:r></w:p><w:p><w:r><w:t>办结69</w:t></w:r></w:p>',
    '</w:txbxContent></v:textbox></v:shape></w:pict></w:r><w:r><w:t>70件。</w:t></w:r></w:p>',
    '</w:body></w:document>' })
  local doc = assert(nianbao.extract(path))
  eq("全年新收申请70件。\n图1 办理情况\n办结69", doc.sections.s1, "part 一")
end)

test("a site's export to Word, its page in one embedded MHT part (w:altChunk), is read as that page", function()
  local doc = cells_right(DIR .. "/d6-export-altchunk.docx", DIR .. "/d6-export-altchunk.expected.yaml")
  eq("青禾县民政局", doc.agency, "agency")
  has(doc.sections.s5, "改进措施")
end)
