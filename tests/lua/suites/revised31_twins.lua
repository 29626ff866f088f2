-- Revised reports through converters that lose the strike or print both
-- numbers of a tracked change (tests/fixtures/revised31, its README): a
-- cell that prints a value beside its old one is read by what the sums
-- prove, or left unknown and said so; never read as one number.

local DIR = "tests/fixtures/revised31/"

-- a fixture read against its expected file → right, total, the cells read wrong (not those unknown)
local function scored(path)
  local stem = path:match("^(.-)%.[^./]+$")
  local expected = assert(nianbao.yaml.decode(assert(nbio.readfile(stem .. ".expected.yaml"))))
  local ok, total, bad = compare(expected, assert(nianbao.extract(path)))
  local wrong = {}
  for _, w in ipairs(bad) do
    if not w:find("got (missing)", 1, true) then wrong[#wrong + 1] = w end
  end
  return ok, total, wrong
end

-- the findings of a rule on a file, as "cell found" strings, sorted
local function said(path, rule)
  local out = {}
  for _, f in ipairs(assert(nianbao.check(path))) do
    if f.rule == "gb2021." .. rule then out[#out + 1] = tostring(f.cells and f.cells[1]) .. " " .. tostring(f.found) end
  end
  table.sort(out)
  return table.concat(out, ", ")
end

test("revised31: a cell printing its old value beside the new takes the one the sums prove", function()
  -- w3m prints a struck 28 beside 30: the row's total is 30, the column's too
  local R = assert(nianbao.read(DIR .. "r5-w3m-struck.txt"))
  eq(30, R:cell("t3.result.public.total").value, "w3m: 予以公开 总计")
  eq("", said(DIR .. "r5-w3m-struck.txt", "val.not_number"), "w3m: no text where a number is")
  -- mammoth's HTML of a Word file that kept <del>62</del> <ins>64</ins> as text: 64 adds up the row
  R = assert(nianbao.read(DIR .. "held/r1-mammoth-html-revised.mammoth-html"))
  eq(64, R:cell("t3.new.np").value, "mammoth: 一、 自然人")
  -- Word's tracked changes through LibreOffice's text and HTML: 6971 and 7274 run together; the
  -- old row (69 + 3 = 72) adds up as well as the new, the columns' balance takes 71 and 74 (in
  -- the text, with a footnote's 1 run into the 总计 column's 75: that sum tells neither)
  for _, name in ipairs { "r6-soffice-tracked.txt", "r6-soffice-tracked.html" } do
    R = assert(nianbao.read(DIR .. name))
    eq(71, R:cell("t3.new.np").value, name .. ": 一、 自然人")
    eq(74, R:cell("t3.new.total").value, name .. ": 一、 总计")
    local found = rules_found(DIR .. name)
    for _, rule in ipairs { "t3.row_total", "t3.balance", "val.two_numbers", "txt.new" } do
      assert(not found:find(" gb2021." .. rule .. " ", 1, true), name .. ": " .. rule)
    end
    -- (the reading the sums chose is said, with what was printed)
    eq("t3.new.np 6971, t3.new.total 7274", said(DIR .. name, "val.two_numbers_chosen"), name .. ": chosen said")
  end
  eq("t3.result.total.total 751, t4.rv.total 21", said(DIR .. "r6-soffice-tracked.txt", "val.digit_tail"),
     "the marks run into 75 and 2 still said")
end)

test("revised31: cells whose revision no sum settles are unknown, each said with what it printed", function()
  -- a class struck by the page's style sheet, the sheet lost by turndown: the old rows add up
  -- as well as the new, and the two copies of 一、 differ, so the balance cannot choose
  local md = DIR .. "r4-turndown-struck-class.md"
  local R = assert(nianbao.read(md))
  for _, id in ipairs { "t3.result.public.np", "t3.result.public.total", "t3.result.total.np", "t3.result.total.total" } do
    eq("unknown", R:cell(id).state, "turndown: " .. id)
  end
  eq("t3.result.public.np 1286 1288, t3.result.public.total 1360 1362, "
     .. "t3.result.total.np 2930 2932, t3.result.total.total 3048 3050", said(md, "val.two_numbers"), "turndown: said")
  eq("", said(md, "val.not_number"), "turndown: no text where a number is")
  -- LibreOffice's text of tracked changes: 30103001 and 31283119, the row of 四、 unread (a
  -- deleted row printed too), so 3010/3128 and 3001/3119 both add up
  local txt = DIR .. "r2-soffice-tracked.soffice-txt"
  local ok, total, wrong = scored(txt)
  eq(0, #wrong, "LibreOffice (" .. tostring(wrong[1]) .. ")")
  assert(ok < total, "LibreOffice: cells left unknown")
  eq("t3.new.np 30103001, t3.new.total 31283119", said(txt, "val.two_numbers"), "LibreOffice: said")
  local found = rules_found(txt)
  for _, rule in ipairs { "t3.row_total", "txt.new" } do
    assert(not found:find("gb2021." .. rule, 1, true), "LibreOffice: " .. rule)
  end
end)

test("revised31: pandoc's tracked changes in spans and a Word footnote's number are no part of a value", function()
  -- --track-changes=all: [3010]{.deletion …}[3001]{.insertion …}, <span class="deletion">69</span>,
  -- a comment's words before the value it is on ([3050+103=…]{.comment-start …}3050)
  for name, cells in pairs { ["r3-pandoc-markdown-tracked.md"] = { ["t3.new.np"] = 3001, ["t3.result.total.total"] = 3050 },
                             ["r6-pandoc-gfm-tracked.md"] = { ["t3.new.np"] = 71, ["t3.new.total"] = 74 },
                             -- pandoc's plain text prints a footnote's number after its value: 75[1]
                             ["r6-pandoc-plain-tracked.txt"] = { ["t3.result.total.total"] = 75, ["t3.new.np"] = 71 } } do
    local R = assert(nianbao.read(DIR .. name))
    for id, want in pairs(cells) do eq(want, R:cell(id).value, name .. ": " .. id) end
    local ok, total = scored(DIR .. name)
    eq(total, ok, name .. ": every cell")
  end
end)

test("revised31: a number no revision explains is left to the sums' own rules", function()
  -- an author's slip with near halves (1213 where the row adds to 74): neither 12 nor 13 fits
  -- a sum, so it is read as printed and the row's sum says it, as before
  local text = assert(nbio.readfile(DIR .. "r6-soffice-tracked.txt"))
  local slip, n = text:gsub("\n6971\n", "\n1213\n", 1)
  eq(1, n, "the cell replaced")
  local path = write("r31_slip.txt", slip)
  local R = assert(nianbao.read(path))
  eq(1213, R:cell("t3.new.np").value, "the slip read as printed")
  has(rules_found(path), "gb2021.t3.row_total", "the row's sum says it")
  eq("", said(path, "val.two_numbers"), "no revision said")
  -- two numbers an OCR cut apart ("2 7" for 27) are no revised pair: a text, as before
  has(said("tests/fixtures/pdf24/q5-ocr-scan.txt", "val.not_number"), "t3.result.public.np 2 7", "OCR")
end)
