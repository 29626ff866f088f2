-- A total an author typed wrong in a table of tab-parted or bar-parted
-- cells is the sum's error, said by the sum's rule: no wrap cuts a number
-- there, and a part that would hold the sum with digits added (1 as 11) is
-- a coincidence of the digits, not the cell that slipped. The same row laid
-- out by spaces, as a PDF's text sets it, may have been cut by a wrap and
-- is still doubted; a number one digit longer than the sum wants (a mark
-- run into it) still is, on any line.

local DIR = "tests/fixtures/hostile30/"

test("hostile30: a total typed wrong in a tab-parted table is the sum's error, its parts read", function()
  for name, want in pairs { ["s1-county-bureau-review-total-typed"] = { rule = "gb2021.t4.rv_total", cells = { "t4.rv.corrected", "t4.rv.other" }, total = "t4.rv.total", found = 12 },
                            ["s2-city-suit-total-typed"] = { rule = "gb2021.t4.ld_total", cells = { "t4.ld.pending" }, total = "t4.ld.total", found = 36 } } do
    local path = DIR .. name .. ".txt"
    local R = assert(nianbao.read(path))
    for _, id in ipairs(want.cells) do
      local state, v = R.c:state(id)
      eq("number", state, name .. ": " .. id); eq(1, v, name .. ": " .. id)
    end
    eq(want.found, select(2, R.c:state(want.total)), name .. ": the total as typed")
    local found = rules_found(path)
    has(found, want.rule, name)
    assert(not found:find("digit_tail", 1, true), name .. ":" .. found)
  end
end)

test("hostile30: the same row laid out by spaces is doubted; a number a digit longer is, tabs or not", function()
  local text = assert(nbio.readfile(DIR .. "s2-city-suit-total-typed.txt"))
  local row = "72\t64\t178\t37\t351\t13\t4\t8\t1\t36\t12\t1\t1\t6\t20\t"   -- (and its remark after a tab)
  assert(text:find(row, 1, true), "the row")
  local spaced = write("h30_spaced.txt", (text:gsub(row, (row:gsub("\t", "      ")), 1)))
  local found = rules_found(spaced)
  has(found, "gb2021.val.digit_tail", "1 for 11 in a row of spaces: a wrap may have cut it")
  assert(not found:find("t4.ld_total", 1, true), found)
  has(sh(NB .. " check " .. spaced), "读到1，按勾稽关系应为11", "both numbers")
  local longer = write("h30_longer.txt", (text:gsub(row, (row:gsub("\t1\t36\t", "\t11\t26\t")), 1)))
  found = rules_found(longer)
  has(found, "gb2021.val.digit_tail", "11 for 1 between tabs: a mark or a slip, said")
  assert(not found:find("t4.ld_total", 1, true), found)
  local R = assert(nianbao.read(longer))
  eq("unknown", R.c:state("t4.ld.pending"), "11 for 1: not read")
end)

-- The columns' numbers printed with no 栏次 word before them, on a line of
-- their own (1 2 … 7 under 表三's header, 1 2 … 15 over 表四's values):
-- no row's values and nothing unplaced; numbers not counting the columns
-- one by one are still a row's or unplaced.
test("hostile30: the columns' numbers alone on a line are no values and nothing unplaced", function()
  local path = DIR .. "c1-county-column-numbers-bare.txt"
  local found = rules_found(path)
  assert(not found:find("parse.", 1, true), found)
  local R = assert(nianbao.read(path))
  eq(2, select(2, R.c:state("t4.rv.total")), "表四 read past its numbers")
  eq(0, select(2, R.c:state("t4.rv.upheld")), "表四's first cell")
  local text = assert(nbio.readfile(path))
  local t3 = "\n1\t2\t3\t4\t5\t6\t7\n"
  local t4 = "\n1\t2\t3\t4\t5\t6\t7\t8\t9\t10\t11\t12\t13\t14\t15\n"
  assert(text:find(t3, 1, true) and text:find(t4, 1, true), "the numbers' lines")
  -- (one number short of the columns, or not counting them: said as before)
  local short = write("h30_short.txt", (text:gsub(t3, "\n1\t2\t3\t4\t5\t6\n", 1)))
  has(rules_found(short), "gb2021.parse.unplaced", "1 … 6 over seven columns")
  local skipped = write("h30_skipped.txt", (text:gsub(t4, (t4:gsub("\t9\t", "\t19\t")), 1)))
  has(rules_found(skipped), "gb2021.parse.row_values", "1 … 8 19 10 … over 表四's values")
  -- (read after c1, whose layout it shares: a plan made of c1 must not skip its line)
  eq("unknown", (assert(nianbao.read(skipped)).c:state("t4.rv.total")), "表四 not read")
end)

-- A public institution's report under 条例第五十五条 (a hospital's, a water
-- company's) that copies this format's part titles over lists of its own,
-- with no table, and names itself 信息公开工作年度报告: another kind of
-- report, refused as none of this format (three struct.table_missing errors
-- before). A text that names itself this format's report is still read so.
test("hostile30: an institution's report under the national titles, no table, is refused", function()
  for _, name in ipairs { "h1-hospital-national-titles", "h2-water-company-national-titles" } do
    local out = sh(NB .. " check " .. DIR .. name .. ".txt")
    has(out, "nianbao.unreadable", name)
    assert(not out:find("table_missing", 1, true), out)
  end
  local text = assert(nbio.readfile(DIR .. "h1-hospital-national-titles.txt"))
  local titled = write("h30_gov_title.txt", (text:gsub("2024年信息公开工作年度报告", "2024年政府信息公开工作年度报告", 1)))
  local found = rules_found(titled)
  has(found, "gb2021.struct.table_missing", "named a 政府信息公开工作年度报告: read, its tables missing")
  -- (a part of a table with nothing under it, or a pointer, holds the table's place: as pictures)
  local part4 = "2024年，本院未发生因信息公开引起的行政复议和行政诉讼。"
  assert(text:find(part4, 1, true), "part 四's text")
  for _, instead in ipairs { "", "详见下表。" } do
    local pictured = write("h30_pictured.txt", (text:gsub(part4, instead, 1)))
    has(rules_found(pictured), "gb2021.struct.table_not_text", "part 四 as '" .. instead .. "': read")
  end
end)

-- A measure's word that ends its clause after a word of needing is the
-- problem's (…的及时性需要加强；, 说理仍需进一步完善。): a part 五 of
-- problems alone so worded is warned. With its object after it (仍需加强
-- 培训) it is a plan, and the part is not warned.
test("hostile30: problems worded as still needing a measure, no object after it, are no measure", function()
  local path = DIR .. "p1-bureau-problems-needing.txt"
  has(rules_found(path), "gb2021.struct.s5_measures", "p1")
  local text = assert(nbio.readfile(path))
  local last = "群众留言回复周期偏长。"
  assert(text:find(last, 1, true), "the part's last problem")
  for _, plan in ipairs { "仍需加强答复文书审核培训。", "需要加强对专栏内容的日常检查。", "需要进一步加强对专栏内容的日常检查。" } do
    local planned = write("h30_planned.txt", (text:gsub(last, last .. plan, 1)))
    local found = rules_found(planned)
    assert(not found:find("s5_measures", 1, true), plan .. ":" .. found)
  end
  -- (a wrapped line inside the plan is no clause's end)
  local wrapped = write("h30_wrapped.txt", (text:gsub(last, last .. "仍需加强\n答复文书审核培训。", 1)))
  assert(not rules_found(wrapped):find("s5_measures", 1, true), "a plan wrapped after its verb")
end)

-- 费用 alone says the fee only where its clause denies one or counts it: a
-- part 六 naming a cost of the work (相关费用按规定列入部门预算) and not
-- the fee is warned; 未产生任何费用, 不涉及费用 and 相关费用0元 still say it.
test("hostile30: a cost of the work is not the fee; a fee denied or counted as 费用 is", function()
  local path = DIR .. "f1-bureau-other-costs.txt"
  has(rules_found(path), "gb2021.struct.s6_fee", "f1")
  local text = assert(nbio.readfile(path))
  local cost = "相关费用按规定列入部门预算。"
  assert(text:find(cost, 1, true), "the cost's sentence")
  for _, said in ipairs { "本年度未产生任何费用。", "依申请公开不涉及费用。", "信息公开相关费用0元。" } do
    local s = write("h30_fee.txt", (text:gsub(cost, cost .. said, 1)))
    assert(not rules_found(s):find("s6_fee", 1, true), said)
  end
end)
