-- A scan's OCR reads digits as letters (O and o for 0, l and I for 1, S
-- for 5), parts cells with ｜ or 丨, and may lose a digit or put a
-- full-width comma inside a number. No such value becomes a number: it is
-- read as the text printed (val.not_number says so), and a row short of a
-- value is left unread.

local E = nianbao.engine
local FIXTURE = "tests/fixtures/convert23/c5-ocr.txt"
local PAGE = assert(nbio.readfile(FIXTURE))

local function texts(R)
  for id, printed in pairs { ["t2.nrm.repealed"] = "5S", ["t3.new.np"] = "7l", ["t3.new.research"] = "O",
                             ["t3.result.public.total"] = "2l", ["t3.result.deny.process.research"] = "o" } do
    eq("text", R.c:state(id), id)
    eq(printed, R:cell(id).text, id)
  end
end

test("OCR's letters in a table parted by ｜ and 丨 are texts, not numbers", function()
  local R = assert(E:read(FIXTURE))
  texts(R)
  eq(698, R:cell("t2.nrm.valid").value, "the row's other values")
  eq(74, R:cell("t3.new.total").value, "总计")
  assert(R.c:state("t3.result.unable.nohold.np") ~= "number", "a row short of a value is unread")
  local found = rules_found(FIXTURE)
  has(found, "gb2021.val.not_number", "the letters said")
  assert(not found:find("gb2021.txt.t2", 1, true), "the prose said to differ from a misread value:" .. found)
  assert(not found:find("glued", 1, true), "OCR's letters said to be glued digits:" .. found)
end)

test("the same letters in a row parted by spaces alone are texts too", function()
  local spaced = PAGE:gsub(" \xE4\xB8\xA8 ", " "):gsub(" \xEF\xBD\x9C ", " ")
  assert(not spaced:find("\xE4\xB8\xA8", 1, true), "the bars taken out")
  local R = assert(E:read(write("ocr_spaced.txt", spaced)))
  texts(R)
  eq(88, R:cell("t2.nrm.made").value, "行政规范性文件 本年制发")
end)

test("a letter in a label or a word is no misread digit", function()
  local page = PAGE:gsub("行政许可 丨 10，690", "行政许可 丨 10690")
                   :gsub("五、存在的主要问题及改进情况\n", "五、存在的主要问题及改进情况\n全年通过政务APP受理申请5件，OA系统流转12件。\n", 1)
  local R = assert(E:read(write("ocr_words.txt", page)))
  eq(10690, R:cell("t2.permit.decisions").value, "行政许可")
end)

test("丨 inside a word, and one ｜ between words, part no cells", function()
  local page = JIUQU:gsub("一、总体情况\n", "一、总体情况\n首页｜政务公开｜年度报告\n", 1)
  eq(0, #assert(nianbao.check(write("ocr_title.txt", page))) - #assert(nianbao.check(write("ocr_plain.txt", JIUQU))),
     "no finding more")
end)
