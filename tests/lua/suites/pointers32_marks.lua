-- A part whose table is published as a picture or an attachment may only
-- point to it, in agencies' own words: 详见附表, 具体见附件, （见下表）,
-- 表格附后, or a sentence saying more (…全区制发行政规范性文件69件，具体
-- 情况详见下表). The binder marks such a part once (points_away), from the
-- pack's table_pointers; struct.table_not_text, struct.table_missing and
-- the engine's test of a report (a table's place held) read that mark.

local DIR = "tests/fixtures/pointers32/"

-- the rules found in a text, sorted, each once with its count: "rule×n …"
local function counted(path)
  local n, order = {}, {}
  for rule in rules_found(path):gmatch("%S+") do
    if not n[rule] then n[rule] = 0; order[#order + 1] = rule end
    n[rule] = n[rule] + 1
  end
  table.sort(order)
  for i, rule in ipairs(order) do order[i] = rule .. "×" .. n[rule] end
  return table.concat(order, " ")
end

local NOT_TEXT = "gb2021.struct.table_not_text×3"

test("pointers32: a part pointing to its table in an agency's words is a table not published as text", function()
  -- (详见附表 / 具体见附件 / （见下表）: read so before, kept)
  eq(NOT_TEXT, counted(DIR .. "a1-county-pointed-worded.txt"), "a1")
  -- (表格附后: three false struct.table_missing errors before)
  eq(NOT_TEXT, counted(DIR .. "a2-district-tables-after.txt"), "a2")
  -- (a part saying more than the pointer: table_missing before; one that counts still misses it)
  eq("gb2021.struct.table_missing×2 gb2021.struct.table_not_text×1", counted(DIR .. "a3-district-says-more.txt"), "a3")
  -- (a full-width number after the pointer, 附件２; 表格附后 beside 表二 read: one table_missing before)
  eq("gb2021.struct.table_not_text×2", counted(DIR .. "a5-district-table-two-kept.txt"), "a5")
end)

-- A report titled without 政府 (its words another kind of report's) whose
-- parts each say in a sentence where their tables are, a year in it
-- (本街道2024年…详见下图), holds the tables' places: read, not refused.
test("pointers32: a report whose parts point to their pictures in a sentence is read, not refused", function()
  local path = DIR .. "a4-street-says-more-pictures.txt"
  local out = sh(NB .. " check " .. path)
  assert(not out:find("nianbao.unreadable", 1, true), out)
  eq(NOT_TEXT, counted(path), "a4")
  local R = assert(nianbao.read(path))
  for _, s in ipairs(R.sections) do
    if s.part and s.part.table then eq(true, s.points_away, s.id) end
  end
end)

-- What is no pointer: a count in the pointer's clause, a word of pointing
-- in a long clause of prose, a picture named in prose (以图片、视频等形式),
-- a part that counts and points nowhere. Their tables are missing.
test("pointers32: a count, a long clause or prose's word is no pointer: the table is missing", function()
  local text = assert(nbio.readfile(DIR .. "a2-district-tables-after.txt"))
  local after = "表格附后。"
  assert(text:find(after, 1, true), "a2's pointer")
  for _, said in ipairs {
    "本年度制发规范性文件69件详见下表。",
    "申请人可以通过区政府门户网站下载政府信息公开申请表及其附件并提交书面申请。",
    "本区通过图片、视频等形式解读政策。",
    "本年制发3件。",
  } do
    local path = write("p32_pointer.txt", (text:gsub(after, said, 1)))
    eq("gb2021.struct.table_missing×1 gb2021.struct.table_not_text×2", counted(path), said)
  end
  -- (a part with nothing under it is the table's place, as before)
  local path = write("p32_pointer.txt", (text:gsub(after .. "\n", "", 1)))
  eq(NOT_TEXT, counted(path), "nothing under part 二")
end)

-- A hospital's report under the national titles, no table and no pointer
-- (its parts list what it published), is still refused (hostile30/h1).
test("pointers32: another kind of report with no pointer is still refused", function()
  local h1 = "tests/fixtures/hostile30/h1-hospital-national-titles.txt"
  has(sh(NB .. " check " .. h1), "nianbao.unreadable", "h1")
end)
