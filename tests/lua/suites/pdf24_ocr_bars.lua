-- A scan's OCR may read a table's bar as a 1 glued to a number ("|70|" read
-- "701", "|12|" "1121"). In a report whose tables show OCR's letters (l for
-- 1, S for 5), a number with a 1 at an edge that breaks its row's sum, and
-- without that 1 keeps it, is unknown: no wrong number, no false finding.
-- The same number in a text with no OCR letter is not read either, and is
-- said with both numbers (val.digit_tail: a mark, a wrap or the author's slip).

local E = nianbao.engine
local FIXTURE = "tests/fixtures/pdf24/q5-ocr-scan.txt"
local PAGE = assert(nbio.readfile(FIXTURE))

test("a bar read as 1 at a number's edge, in an OCR's text, leaves the cell unknown", function()
  local R = assert(E:read(FIXTURE))
  eq("unknown", R.c:state("t3.new.total"), "701 for |70|")
  eq(64, R:cell("t3.new.np").value, "the row's other cells")
  local found = rules_found(FIXTURE)
  for _, id in ipairs { "gb2021.t3.row_total", "gb2021.t3.balance", "gb2021.txt.new" } do
    assert(not found:find(id, 1, true), id .. " on a bar read as 1: " .. found)
  end
  -- "|12|" read "1121" in 表四, with 12 its total
  local both = PAGE:gsub("| l2 |", "| 1121 |", 1):gsub("| 1 2 |", "| 12 |", 1)
  R = assert(E:read(write("ocr_bars_both.txt", both)))
  eq("unknown", R.c:state("t4.ld.upheld"), "1121 for |12|")
  eq(12, R:cell("t4.ld.total").value, "the total")
  assert(not rules_found(write("ocr_bars_both.txt", both)):find("t4.ld_total", 1, true), "t4.ld_total said")
end)

test("a number wrong otherwise is read and found; with no OCR letter in the report, a 1 more is said", function()
  -- 70 printed 71 in an OCR's text: without its 1 the row's sum fails still
  local typo = PAGE:gsub("| 4 | 701\n", "| 4 | 71\n", 1)
  eq(71, assert(E:read(write("ocr_typo.txt", typo))):cell("t3.new.total").value, "71 read")
  has(rules_found(write("ocr_typo.txt", typo)), "gb2021.t3.row_total", "its sum said")
  -- no letter for a digit anywhere: a 701 may be what the report prints, or a mark run into 70
  local clean = PAGE:gsub("66S", "665"):gsub("l282", "1282"):gsub("| S |", "| 5 |"):gsub("2S\n", "25\n")
                    :gsub("| l2 |", "| 12 |"):gsub("| 1 2 |", "| 12 |"):gsub("| 2 7 |", "| 27 |")
  assert(not clean:find("[lS]%d") and not clean:find("%dS"), "the letters taken out")
  local R = assert(E:read(write("ocr_clean.txt", clean)))
  eq("unknown", R.c:state("t3.new.total"), "701 not taken")
  local found = rules_found(write("ocr_clean.txt", clean))
  has(found, "gb2021.val.digit_tail", "said, both numbers")
  has(sh(NB .. " check " .. tmp .. "/ocr_clean.txt"), "读到701，按勾稽关系应为70", "the numbers")
end)
