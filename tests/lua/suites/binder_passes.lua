-- The binder's first pass over a document's blocks: paragraphs cut before
-- the part headings they hold, and page numbers left out, in one pass.

local function bound(text)
  return nianbao.engine:bind_bytes(text, "passes.txt")
end

local function section(R, heading)
  for _, s in ipairs(R.sections) do
    if s.heading == heading then return s end
  end
end

test("a long paragraph is cut before the part heading it holds", function()
  local R = bound("某市统计局2024年政府信息公开工作年度报告\n"
    .. "根据《中华人民共和国政府信息公开条例》要求，编制本报告。如对本报告有疑问，请与本局办公室联系。"
    .. "一、总体情况2024年，本局认真贯彻《条例》，推进各项工作。\n"
    .. "二、主动公开政府信息情况\n")
  local s = section(R, "一、总体情况")
  eq(true, s ~= nil, "the heading found inside the paragraph")
  eq("2024年，本局认真贯彻《条例》，推进各项工作。", s.text, "the part's text from the heading on")
  eq(nil, R.sections[1].text:find("总体情况", 1, true), "the opening ends before it")
end)

test("a heading in traditional characters inside a long paragraph is cut there too", function()
  local R = bound("某市統計局2024年政府信息公開工作年度報告\n"
    .. "根據《中華人民共和國政府信息公開條例》要求，編制本報告。如對本報告有疑問，請與本局辦公室聯繫。"
    .. "一、總體情況2024年，本局認真貫徹《條例》，推進各項工作。\n"
    .. "二、主動公開政府信息情況\n")
  local s = section(R, "一、總體情況")
  eq(true, s ~= nil, "the heading found inside the paragraph")
  eq("2024年，本局認真貫徹《條例》，推進各項工作。", s.text, "the part's text from the heading on")
end)

test("a page number between paragraphs is left out, long paragraphs around it kept whole", function()
  local long = "2024年，本局认真贯彻《条例》，推进主动公开、依申请公开、政府信息管理各项工作。"
  local R = bound("某市统计局2024年政府信息公开工作年度报告\n一、总体情况\n" .. long .. "\n- 2 -\n"
    .. long .. "\n第 3 页 共 9 页\n二、主动公开政府信息情况\n")
  eq(long .. "\n" .. long, section(R, "一、总体情况").text, "the part's text without the page numbers")
end)

test("touched: the characters simplifying replaces or yields, and no others", function()
  local labels = nianbao.engine:pack("gb2021").format.labels
  eq(false, labels.touched("一、"), "a numeral and a mark")
  eq(true, labels.touched("總"), "a traditional character")
  eq(true, labels.touched("总"), "what it simplifies to")
  eq(false, labels.touched("abc 123"), "ASCII")
  eq(true, labels.touched("\xff"), "not UTF-8: anything may be")
end)
