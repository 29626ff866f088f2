-- LibreOffice's PDF of a Word file with tracked changes, read by pdftotext
-- without -layout: 表三's first row comes as 301 / 53 / 03001 / 0 / 0 / 61
-- / 4, seven numbers for seven cells, the struck 3010 wrapped round the
-- new 3001. A number led by a 0 is digits of two cells run together: the
-- row is unknown, with no t3.row_total and no txt.new from its guess.

local E = nianbao.engine
-- (kept under a name no reader takes: its prose keeps the struck 447282
-- glued to the new 447228, a txt.t2 as the PDF says; and 表四's 351 is
-- printed with its footnote's mark, 3511: see the README)
local SOURCE = "tests/fixtures/pdftext28/lo2-raw-zero-led.pdftotext-raw"
local COLS = { "np", "biz", "research", "ngo", "legal", "other", "total" }

test("a row of the format's length with a number led by a 0 (03001) is unknown, its sums not checked", function()
  local path = write("lo2-raw-zero-led.txt", assert(nbio.readfile(SOURCE)))
  local R = assert(E:read(path))
  for _, col in ipairs(COLS) do
    local c = R.c:get("t3.new." .. col)
    eq("unknown", c and c.state, "t3.new." .. col)
  end
  for _, f in ipairs(assert(nianbao.check(path))) do
    eq(false, f.rule == "gb2021.t3.row_total" or f.rule == "gb2021.txt.new",
       "a finding from the row's guess: " .. f.rule .. " at line " .. tostring(f.line))
  end
end)
