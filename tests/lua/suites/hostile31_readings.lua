-- A report whose six parts are numbered as an outline of its own (I. …
-- VI., Ⅰ、… Ⅵ、, 壹、… 陆、, （1）…（6）) before this format's own titles:
-- each part is found (six false struct.section_missing before, 表四 unread
-- where its part was not found), and a report of such parts whose tables
-- are pictures is read, not refused as a page with no body. A number of the
-- outline before a part's words alone (II. 主动公开 under part I) is no part.
-- And last year's table after this year's, under a caption naming its year
-- (below).

local DIR = "tests/fixtures/hostile31/"

-- the parts found in a report, their ids in order (not the opening's, s0), and the report
local function parts_of(path)
  local R = assert(nianbao.read(path))
  local ids = {}
  for _, s in ipairs(R.sections) do
    if s.part then ids[#ids + 1] = s.id end
  end
  return table.concat(ids, " "), R
end

local SIX = "s1 s2 s3 s4 s5 s6"

test("hostile31: parts numbered I., Ⅰ、 or （1） before the format's titles are found", function()
  for _, name in ipairs { "r1-district-outline-latin", "r2-county-outline-roman", "r4-city-outline-parenthesized" } do
    local path = DIR .. name .. ".txt"
    local ids, R = parts_of(path)
    eq(SIX, ids, name)
    local found = rules_found(path)
    assert(not found:find("section_missing", 1, true), name .. ":" .. found)
    assert(not found:find("parse.", 1, true), name .. ":" .. found)
    eq("number", (R.c:state("t4.rv.total")), name .. ": 表四 read")
  end
end)

test("hostile31: a report of parts numbered 壹、, its tables pictures, is read, not refused", function()
  local path = DIR .. "r3-street-outline-capital-pictures.txt"
  local out = sh(NB .. " check " .. path)
  assert(not out:find("nianbao.unreadable", 1, true), out)
  eq(SIX, (parts_of(path)), "the six parts")
  local found = rules_found(path)
  has(found, "gb2021.struct.table_not_text", "the tables as pictures, said")
  assert(not found:find("section_missing", 1, true), found)
end)

test("hostile31: an outline's number before a part's words alone, inside a part, is no part", function()
  local path = DIR .. "r1-district-outline-latin.txt"
  local text = assert(nbio.readfile(path))
  local first = "（四）政府信息管理与平台建设。"
  assert(text:find(first, 1, true), "part I's fourth paragraph")
  for _, line in ipairs { "II. 主动公开", "（2）主动公开", "Ⅱ、公开情况" } do
    local inside = write("h31_inside.txt", (text:gsub(first, line .. "\n" .. first, 1)))
    local ids, R = parts_of(inside)
    eq(SIX, ids, line)
    eq(text:sub(1, text:find("II. 主动公开政府信息情况", 1, true)):gsub("[^\n]", ""):len() + 2,
       R.sections[3].line, line .. ": part II where its title is")
  end
end)

-- Last year's 表三 printed after this year's under a caption naming that year
-- in figures (附：2021年度收到和处理政府信息公开申请情况, a report of 2022):
-- its rows are that year's, not a copy of the table whose numbers differ
-- (35 cells unknown, val.copies_differ, before); the year's figures, cut
-- from the caption as a number, are no value of the row above. A caption
-- naming this year, or none, still makes the rows a copy.
test("hostile31: last year's table under a caption naming that year in figures is no copy", function()
  for _, name in ipairs { "y1-county-last-year-table.txt", "y2-county-last-year-table.html" } do
    local path = DIR .. name
    local found = rules_found(path)
    assert(not found:find("copies_differ", 1, true), name .. ":" .. found)
    local R = assert(nianbao.read(path))
    eq(71, select(2, R.c:state("t3.new.np")), name .. ": this year's 自然人")
    eq(0, select(2, R.c:state("t3.next.total")), name .. ": the row before the caption")
  end
  local path = DIR .. "y1-county-last-year-table.txt"
  local text = assert(nbio.readfile(path))
  local caption = "附：2021年度收到和处理政府信息公开申请情况"
  assert(text:find(caption, 1, true), "the caption")
  for _, other in ipairs { "附：上年度收到和处理政府信息公开申请情况", "2021年同期收到和处理政府信息公开申请情况" } do
    local said = write("h31_caption.txt", (text:gsub(caption, other, 1)))
    assert(not rules_found(said):find("copies_differ", 1, true), other)
  end
  for _, other in ipairs { "附：2022年度收到和处理政府信息公开申请情况", "" } do
    local copy = write("h31_copy.txt", (text:gsub(caption, other, 1)))
    has(rules_found(copy), "gb2021.val.copies_differ", "'" .. other .. "': a copy")
  end
end)

-- A part that only points to its table published elsewhere by the picture's
-- or the attachment's number (（详见图1）, （详见附件2）) holds the table's
-- place as 详见下表 does: a street office's report titled without 政府
-- (…信息公开工作年度报告) is read, not refused as another kind of report,
-- and a report's tables so annexed are said not published as text, not
-- missing (three false struct.table_missing errors before). A number that
-- counts (全年3件) is still no pointer's.
test("hostile31: a part pointing to its table by the picture's or attachment's number holds its place", function()
  local t1 = DIR .. "t1-street-title-no-gov-pictures.txt"
  local out = sh(NB .. " check " .. t1)
  assert(not out:find("nianbao.unreadable", 1, true), out)
  local found = rules_found(t1)
  has(found, "gb2021.struct.table_not_text", "t1")
  assert(not found:find("table_missing", 1, true), found)
  local t2 = DIR .. "t2-district-tables-annexed.txt"
  found = rules_found(t2)
  has(found, "gb2021.struct.table_not_text", "t2")
  assert(not found:find("table_missing", 1, true), found)
  -- (a count is no picture's number)
  local text = assert(nbio.readfile(t1))
  assert(text:find("（详见图1）", 1, true), "t1's pointer")
  local counted = write("h31_counted.txt", (text:gsub("（详见图%d）", "（全年3件）")))
  has(sh(NB .. " check " .. counted), "nianbao.unreadable", "a count under each part: another kind of report")
  text = assert(nbio.readfile(t2))
  counted = write("h31_counted.txt", (text:gsub("（详见附件1）", "（本年制发3件）", 1)))
  has(rules_found(counted), "gb2021.struct.table_missing", "a count under part 二: its table missing")
end)

-- 办结 governing a list after it, 办结新收申请69件、上年结转申请0件 (the new
-- ones answered, pingtan-2021's table: 70 received, 69 answered): its tables
-- are read whole (its prose's reading: prose32_answered_list_revision_two_reports).
test("hostile31: a report whose prose lists the answered after 办结 has its tables read whole", function()
  local path = write("h31_answered.txt", assert(nbio.readfile(DIR .. "n1-district-new-answered-listed.txt")))
  local R = assert(nianbao.read(path))
  eq(70, select(2, R.c:state("t3.new.total")), "received")
  eq(69, select(2, R.c:state("t3.result.total.total")), "answered")
  eq(1, select(2, R.c:state("t3.next.total")), "carried on")
end)

-- Problems named, then a sentence answering them that opens with 对此 (为此,
-- 针对…) and says what still needs doing with no object after the verb:
-- 对此，政策解读和专栏维护力度仍需加强 is the part's plan, not one more
-- problem (struct.s5_measures before). The same need in a sentence of its
-- own, or among the problems, is still the problem's.
test("hostile31: a need that answers the problems (对此，…仍需加强) is the plan", function()
  local path = DIR .. "p1-bureau-answer-needing.txt"
  assert(not rules_found(path):find("s5_measures", 1, true), "p1")
  local text = assert(nbio.readfile(path))
  local answer = "对此，政策解读和专栏维护力度仍需加强，答复文书的审核把关仍需进一步完善。"
  assert(text:find(answer, 1, true), "the answer")
  for _, instead in ipairs { "政策解读和专栏维护力度仍需加强，答复文书的审核把关仍需进一步完善。",
                             "四是政策解读和专栏维护力度仍需加强。" } do
    local s = write("h31_need.txt", (text:gsub(answer, instead, 1)))
    has(rules_found(s), "gb2021.struct.s5_measures", instead)
  end
end)
