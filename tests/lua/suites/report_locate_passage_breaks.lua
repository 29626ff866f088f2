-- report:locate_passage passes over the search for a passage whole when
-- it runs over a line break and no part holds one: the place is the one
-- the whole search and then each line's would give, for reports whose
-- parts hold breaks and reports whose parts hold none.

local Report = require "report"
local view = require "view"

-- the place as locate_passage gave it before: the whole passage searched
-- first, then each line long enough, every line's characters counted
local function placed(R, passage)
  if passage:sub(-#"…") == "…" then passage = passage:sub(1, -#"…" - 1) end
  local line, col = R:locate(passage)
  if line then return line, col end
  local n, from = #passage, 1
  while from <= n do
    local stop = passage:find("\n", from, true) or n + 1
    if stop - from < n and (utf8.len(passage, from, stop - 1) or stop - from) >= 10 then
      line, col = R:locate(passage:sub(from, stop - 1))
      if line then return line, col end
    end
    from = stop + 1
  end
  return nil
end

local UNBROKEN = {
  { id = "a", text = "前言。一二三四五六七八九十甲乙", line = 5, col = 1, places = { { at = 1, line = 5, col = 1 } } },
  { id = "b", text = "丙丁戊己庚辛壬癸子丑寅卯abcdefghijklmnop", line = 7, col = 3, places = { { at = 1, line = 7, col = 3 } } },
  { id = "c", text = "一二三四五六七八九十甲乙\n丙丁在别处", line = 9, col = 1 },
}

test("report:locate_passage: the place of the whole search and then each line's, parts with breaks or none", function()
  local broken = frozen_report(UNBROKEN)
  local plain = frozen_report { UNBROKEN[1], UNBROKEN[2] }
  local passages = {
    "三四五六七八九十甲乙\n丙丁戊己庚辛壬癸子丑…", "甲乙\n丙丁戊己庚辛壬癸子丑寅卯", "甲乙\n丙丁",
    "一二三四五六七八九十甲乙\n丙丁", "一二三四五六七八九十甲乙\n丙丁在别处…", "戊己庚辛壬癸子丑…",
    "无此文字的一段话十个字以上\n丙丁", "\n\n丙丁戊己庚辛壬癸子丑寅卯", "乙\nabcdefghijklmnop\n",
    "abc\n\n" .. string.rep("丙丁戊己庚辛壬癸子丑", 2), "", "…", "\n",
    "前言。一二三四五六七八九十甲乙\n丙丁戊己庚辛壬癸子丑寅卯abcdefghijklmnop\n一二三四五六七八九十",
  }
  for _, R in ipairs { broken, plain } do
    -- every run of the parts' texts joined as the narrative joins them
    local texts = {}
    for _, s in ipairs(R.sections) do texts[#texts + 1] = s.text end
    local narrative = table.concat(texts, "\n")
    local all = { table.unpack(passages) }
    for i = 1, #narrative, 7 do
      for _, n in ipairs { 20, 40, 64 } do all[#all + 1] = narrative:sub(i, i + n - 1) end
    end
    for _, passage in ipairs(all) do
      local line, col = placed(R, passage)
      for _, who in ipairs { R, view.readonly(R) } do
        local l, c = who:locate_passage(passage)
        eq(line, l, "line of " .. passage)
        eq(col, c, "col of " .. passage)
      end
    end
  end
  eq(9, (broken:locate_passage("一二三四五六七八九十甲乙\n丙丁在别处")), "said whole in a part with a break")
  eq(5, (plain:locate_passage("一二三四五六七八九十甲乙\n丙丁在别处")), "no part with a break: its first line")
end)

test("report:locate_passage: a report not frozen is searched whole, part by part", function()
  local F = nianbao.engine:pack("gb2021").format
  local R = Report.new(F, "x.txt")
  for _, s in ipairs(UNBROKEN) do R:add_section(s) end
  eq(9, (R:locate_passage("一二三四五六七八九十甲乙\n丙丁在别处")), "said whole in c")
  eq(5, (R:locate_passage("三四五六七八九十甲乙\n丙丁戊己")), "its first line, in a")
end)
