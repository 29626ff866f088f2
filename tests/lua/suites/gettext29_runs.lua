-- A page's text with its tags taken out (BeautifulSoup's get_text()):
-- a table's cells run together, a row's digits one run. A table given
-- twice, last year's copy first, is read as copies whose runs differ (no
-- cell of last year's read), and a merged cell's value printed in each of
-- its places, run together, is no count.

local DIR = "tests/fixtures/gettext29/"

local function cell(R, id) local c = R.c:get(id); return c.state .. ":" .. tostring(c.value) end

test("gettext29: a table given twice with its digits run together: the rows that differ unknown", function()
  local path = DIR .. "g1-raw-copies-captioned.txt"
  local R = assert(nianbao.read(path))
  for _, id in ipairs { "t3.new.np", "t3.new.total", "t3.result.public.total", "t3.result.total.total" } do
    eq("unknown", R.c:state(id), id .. ": last year's 2991 … or this year's")
  end
  eq("number:34", cell(R, "t3.carried.total"), "a row alike in both copies is read")
  local found = rules_found(path)
  has(found, "gb2021.val.copies_differ", "said")
  assert(not found:find("txt.", 1, true), "no claim against last year's: " .. found)
end)

test("gettext29: a one-value row whose digits are one number written again and again is unknown", function()
  local path = DIR .. "g2-raw-merged-repeated.txt"
  local R = assert(nianbao.read(path))
  eq("unknown", R.c:state("t2.permit.decisions"), "447228447228447228")
  has(rules_found(path), "gb2021.parse.row_values", "said")
  -- the value once, or a number whose digits only begin alike, is read
  local text = assert(nbio.readfile(path))
  local once = text:gsub("447228447228447228", "447228", 1):gsub("882838828388283", "8828388284", 1)
  local R2 = assert(nianbao.read(write("g2_once.txt", once)))
  eq("number:447228", cell(R2, "t2.permit.decisions"), "once")
  eq("number:8828388284", cell(R2, "t2.coercion.decisions"), "not a repeat")
end)
