-- A PDF as MuPDF (mutool draw -F stext) and pdfminer (pdf2txt -t html, -t
-- xml) give it: each character in its box, or each of pdfminer's boxes a
-- <div> placed by its left and top, its lines parted by <br>. Read as the
-- PDF's text laid out; where a box's lines have no place known, not read.

local E = nianbao.engine
local DIR = "tests/fixtures/mupdf27/"
local compare = dofile("tests/lua/compare.lua")

local function value(R, id)
  local c = R:cell(id)
  return c and c.value
end

local function scored(name)
  local expected = assert(nianbao.yaml.decode(assert(nbio.readfile(DIR .. name:gsub("%.%w+$", ".expected.yaml"))),
                                              name))
  local got = assert(nianbao.extract(DIR .. name))
  return compare(expected, got)
end

test("pdfminer's boxes and the characters of MuPDF and pdfminer in their boxes read every cell", function()
  for _, name in ipairs { "m1-pdfminer-html-published.html", "m5-pdfminer-xml-ueditor.xml", "m6-stext-traditional.xml" } do
    local ok, total, wrong = scored(name)
    eq(total, ok, name .. ": " .. table.concat(wrong, "; "))
  end
end)

test("a number alone among a box's lines (a header's value below its words) is not placed", function()
  local R = assert(E:read(DIR .. "m3-pdfminer-html-portal.html"))
  for _, id in ipairs { "t4.ld.upheld", "t4.ld.total", "t4.la.total" } do
    local v = value(R, id)
    assert(v == nil, id .. " read " .. tostring(v))
  end
  eq(2293, value(R, "t2.permit.decisions"))
end)

test("a box of cells one above another leaves the page unplaced: no row said missing", function()
  local found = rules_found(DIR .. "m4-pdfminer-html-page-split.html")
  assert(not found:find("gb2021.struct.row_missing", 1, true), found)
  local _, _, wrong = scored("m4-pdfminer-html-page-split.html")
  for _, w in ipairs(wrong) do assert(w:find("got (missing)", 1, true), w) end
end)

test("pdfminer's XML with no page height, and characters with no box, are read without an error", function()
  local path = write("nopage.xml", '<?xml version="1.0"?><pages><textline bbox="1,2,3,4"><text>x</text>' ..
                     '<text bbox="a,b,c,d">y</text></textline></pages>')
  local ok, err = pcall(E.read, E, path)
  assert(ok, err)
end)

test("MuPDF's <sup> on its page is a number of the line, not a mark to leave out", function()
  -- a value set a little above its wrapped label's second line
  local R = assert(E:read(DIR .. "m7-mutool-html-portal.html"))
  eq(0, value(R, "t3.result.other.nocorrect.np"))
  eq(0, value(R, "t3.result.other.nocorrect.total"))
  -- a fee wrapped round its label in a narrow cell (91 / label / 16.36): two numbers, the fee unknown
  local text = assert(nbio.readfile(DIR .. "m7-mutool-html-portal.html"))
  local n
  text, n = text:gsub('(<span style="font%-family:LiberationSerif,serif;font%-size:12.0pt">) 24252.311082</span></p>',
                      '%1 </span><sup>%1241</span></sup></p>\n<p style="top:669.0pt;left:125.2pt;line-height:12.0pt">' ..
                      '%152.311082</span></p>')
  eq(1, n, "the fee wrapped")
  local W = assert(E:read(write("wrapped-fee.html", text)))
  local fee = value(W, "t2.fee.amount")
  assert(fee == nil, "fee read " .. tostring(fee))
end)

test("a box whose second line opens with a note or a decimal, no value beside it, is laid out", function()
  local text = assert(nbio.readfile(DIR .. "m1-pdfminer-html-published.html"))
  local n
  text, n = text:gsub("2024 年政府信息公开工作年度报告\n<br>", "2024 年政府信息公开工作年度报告\n<br>\u{FF08}更正\u{FF09}\n<br>16.36\n<br>", 1)
  eq(1, n, "the title's box")
  local R = assert(E:read(write("title-note.html", text)))
  eq(3119, value(R, "t3.new.total"))
  eq(351, value(R, "t4.rv.total"))
end)
