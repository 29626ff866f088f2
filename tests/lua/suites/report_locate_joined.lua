-- report:locate on a frozen report searches its parts' texts joined in
-- one: the place is the walk's, part by part, for texts that say nothing,
-- say it within one part, or only across two (found there, not a saying).

local view = require "view"

-- the place as the walk of the parts finds it
local function walked(R, text)
  for _, s in ipairs(R.sections) do
    local at = s.text:find(text, 1, true)
    if at then return R:place(s, at) end
  end
  return nil
end

test("report:locate, frozen: the walk's place for every piece of the parts and across them", function()
  local R = frozen_report {
    { id = "a", text = "第一段\n第二段相同", line = 5, col = 1,
      places = { { at = 1, line = 5, col = 1 }, { at = 11, line = 7, col = 3 } } },
    { id = "e", text = "", line = 8, col = 1 },
    { id = "b", text = "的文字相同的文字", line = 9, col = 2, places = { { at = 1, line = 9, col = 2 } } },
    { id = "c", text = "ab\0cd", line = 12, col = 1 },
    { id = "d", text = "相同", line = 14, col = 4 },
  }
  local ro = view.readonly(R)
  local all = {}
  for _, s in ipairs(R.sections) do all[#all + 1] = s.text end
  local joined = table.concat(all, "\0")
  local texts = { "", "无此文字", "\0", "\0ab", "\0第一", "相同的文字", "段相同的文字", "同\0的", "b?c", "ab\0cd", "相同" }
  -- every piece of the joined texts up to 12 bytes: within a part, or across
  for i = 1, #joined do
    for n = 1, 12 do texts[#texts + 1] = joined:sub(i, i + n - 1) end
  end
  for _, text in ipairs(texts) do
    local line, col = walked(R, text)
    for _, who in ipairs { R, ro } do
      local l, c = who:locate(text)
      eq(line, l, "line of " .. text:gsub("%z", "\\0"))
      eq(col, c, "col of " .. text:gsub("%z", "\\0"))
    end
  end
  eq(9, (R:locate("的文字")), "said whole only in b, across a and b before it")
end)

test("report:locate: parts added after a first search are searched too", function()
  local R = frozen_report { { id = "a", text = "甲乙", line = 1, col = 1 } }
  eq(nil, R:locate("丙丁"), "not yet said")
  R:add_section { id = "b", text = "丙丁", line = 3, col = 2 }
  eq(3, (R:locate("丙丁")), "said by the part added")
end)

test("report:locate_passage: a passage over two parts is placed at its first line long enough", function()
  local R = frozen_report {
    { id = "a", text = "前言。一二三四五六七八九十甲乙", line = 5, col = 1, places = { { at = 1, line = 5, col = 1 } } },
    { id = "b", text = "丙丁戊己庚辛壬癸子丑寅卯", line = 7, col = 3, places = { { at = 1, line = 7, col = 3 } } },
  }
  local ro = view.readonly(R)
  for _, who in ipairs { R, ro } do
    local line, col = who:locate_passage("三四五六七八九十甲乙\n丙丁戊己庚辛壬癸子丑…")
    eq(5, line, "the first piece's line: in a")
    eq(6, col, "and column")
    line, col = who:locate_passage("甲乙\n丙丁戊己庚辛壬癸子丑寅卯")
    eq(7, line, "a first line of two characters passed over: the next, in b")
    eq(3, col, "at b's start")
    eq(nil, (who:locate_passage("甲乙\n丙丁")), "no line long enough, though both are said")
    eq(nil, (who:locate_passage("无此文字的一段话十个字以上\n丙丁")), "the first long line not said, the rest too short")
    eq(nil, (who:locate_passage("乙 丙丁戊己庚辛壬癸子丑寅卯")), "a space is no break: not said whole")
    line, col = who:locate_passage("戊己庚辛壬癸子丑…")
    eq(7, line, "said whole, its cut mark left out")
    eq(5, col, "where it begins")
  end
  eq(nil, R:locate("三四五六七八九十甲乙\n丙丁"), "locate keeps to the whole text")
end)
