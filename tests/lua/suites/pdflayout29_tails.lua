-- A number in a report's text that breaks a sum of the tables and would
-- hold it with its last digits cut (a narrow cell's 3119 wrapped: 31) or
-- with one digit fewer (a mark run into it: 741 for 74) is not read, and
-- said with both numbers; a page's or a Word file's cell, or a text's cell
-- parted by tabs or bars, holds what its author wrote, and a sum it breaks
-- is said as before.

local DIR = "tests/fixtures/pdflayout29/"

test("pdflayout29: totals wrapped in a narrow column and a mark run into a total are unknown, said", function()
  for name, ids in pairs { ["l1-notion-totals-wrapped"] = { "t3.new.total", "t3.result.total.total", "t3.next.total" },
                           ["l2-footnote-mark-total"] = { "t3.new.total", "t3.result.total.total" },
                           ["l4-caption-rows-number-after"] = { "t3.result.reject.petition.np" } } do
    local path = DIR .. name .. ".txt"
    local R = assert(nianbao.read(path))
    for _, id in ipairs(ids) do eq("unknown", R.c:state(id), name .. ": " .. id) end
    local found = rules_found(path)
    has(found, "gb2021.val.digit_tail", name)
    assert(not found:find("txt.", 1, true) and not found:find("t3.row_total", 1, true), name .. ":" .. found)
  end
end)

test("pdflayout29: an author's slip in a row of bars, or in a page's cell, breaks its sum as before (a row of spaces: ../hostile30)", function()
  local text = assert(nbio.readfile("tests/fixtures/parts29/r1-city-parts-numbered.txt"))
  local row = "| 一、本年新收政府信息公开申请数量 | 3001 | 53 | 0 | 0 | 61 | 4 | 3119 |"
  assert(text:find(row, 1, true), "the row")
  -- (a row of bars holds its cells whole: no wrap, the sum's error)
  local barred = write("p29_barred.txt", (text:gsub(row:gsub("%p", "%%%0"), (row:gsub("3119", "311")), 1)))
  local found = rules_found(barred)
  has(found, "gb2021.t3.row_total", "a bar-parted 311: the sum it breaks")
  assert(not found:find("digit_tail", 1, true), found)
  local other = write("p29_other.txt", (text:gsub(row:gsub("%p", "%%%0"), (row:gsub("3119", "3129")), 1)))
  found = rules_found(other)
  has(found, "gb2021.t3.row_total", "3129 for 3119: a sum broken")
  assert(not found:find("digit_tail", 1, true), found)
  local page = assert(nbio.readfile("tests/fixtures/html27/h2-snapshot.html"))
  local slip = write("p29_slip.html", (page:gsub(">3119<", ">311<", 1)))
  found = rules_found(slip)
  has(found, "gb2021.t3.row_total", "a page's 311: the sum it breaks")
  assert(not found:find("digit_tail", 1, true), found)
end)
