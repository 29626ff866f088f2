-- A page printed with a 序号 column and read by pdftotext -raw: each row's
-- number on its label's line ("3 三、本年度") is the column's, not an item
-- number whose dot an OCR lost, so the label stays the format's row.

local E = nianbao.engine
local SOURCE = "tests/fixtures/convert27/raw-platforms23_w4-seq-units.txt"

local function cell(R, id)
  local c = R.c:get(id)
  return c and (c.state .. ":" .. tostring(c.value)) or "missing"
end

test("a 序号 column's number before a numbered label leaves the label the row's", function()
  local R = assert(E:read(SOURCE))
  eq("number:3119", cell(R, "t3.new.total"), "表三's first row")
  eq("number:1362", cell(R, "t3.result.public.total"), "the row under 三、本年度办理结果")
  eq("number:34", cell(R, "t3.carried.total"), "the row under the 序号 2")
end)

-- The same print as MuPDF gives its text: each cell on a line of its own,
-- and the Kangxi radicals the font maps some ideographs to (⼀ for 一, ⾏ for
-- 行, ⺠ for 民): read as those ideographs, every part and row is found.
local MUPDF = "tests/fixtures/convert27/mu-platforms23_w4-seq-units.txt"

test("MuPDF's text with Kangxi radicals for ideographs: the parts, rows and cells read", function()
  local list = assert(nianbao.check(MUPDF))
  local errors = {}
  for _, f in ipairs(list) do
    if f.severity == "error" then errors[#errors + 1] = f.rule end
  end
  eq("", table.concat(errors, " "), "errors")
  local R = assert(E:read(MUPDF))
  eq("number:3119", cell(R, "t3.new.total"), "表三's first row")
  eq("number:31", cell(R, "t3.result.deny.law.total"), "a row whose label holds a radical (禁⽌)")
  eq("number:351", cell(R, "t4.rv.total"), "表四, under a heading with radicals (⾏政复议)")
end)

test("nianbao.fold_radicals: a radical is its ideograph, three bytes for three; nothing else changes", function()
  eq("行政复议、一、人民", nianbao.fold_radicals("\u{2F8F}政复议、\u{2F00}、\u{2F08}\u{2EA0}"))
  eq("\u{2EB0}纟", nianbao.fold_radicals("\u{2EB0}纟"), "a radical only a part of a character stays")
  local plain = "予以公开1362件 \xE2\x80\x9C\xE2"
  eq(plain, nianbao.fold_radicals(plain), "no radical: the text as it was, a cut character too")
  eq("\xE2\xBC", nianbao.fold_radicals("\xE2\xBC"), "a cut radical stays")
end)
