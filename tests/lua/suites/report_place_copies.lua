-- The places of a frozen report's copies, found ahead of its rules
-- (Report.place_copies), are the places locate_passage finds when asked:
-- for the report and its view, passages said, cut or not said, and again
-- when parts are added after.

local Report = require "report"
local view = require "view"

local PARTS = {
  { id = "a", text = "前言。一二三四五六七八九十甲乙", line = 5, col = 1, places = { { at = 1, line = 5, col = 1 } } },
  { id = "b", text = "丙丁戊己庚辛壬癸子丑寅卯", line = 7, col = 3, places = { { at = 1, line = 7, col = 3 } } },
  { id = "c", text = "天地玄黄宇宙洪荒日月盈昃\n辰宿列张寒来暑往", line = 9, col = 1,
    places = { { at = 1, line = 9, col = 1 }, { at = 38, line = 10, col = 1 } } },
}

local PASSAGES = {
  "三四五六七八九十甲乙\n丙丁戊己庚辛壬癸子丑…", "甲乙\n丙丁戊己庚辛壬癸子丑寅卯", "甲乙\n丙丁",
  "戊己庚辛壬癸子丑…", "无此文字的一段话十个字以上\n丙丁", "日月盈昃\n辰宿列张寒来暑往", "…", "",
  "寒来暑往秋收冬藏闰余成岁律吕调阳",
}

local function report(parts)
  local F = nianbao.engine:pack("gb2021").format
  local R = Report.new(F, "x.txt")
  for _, s in ipairs(parts) do R:add_section(s) end
  return R
end

-- the places as locate_passage finds them on a report not yet frozen
local function asked(parts, passages)
  local R, out = report(parts), {}
  for i, p in ipairs(passages) do out[i] = { R:locate_passage(p) } end
  return out
end

test("place_copies: every copy's place is the one locate_passage finds, for the report and its view", function()
  local want = asked(PARTS, PASSAGES)
  local R = report(PARTS)
  R.copies = {}
  for i, p in ipairs(PASSAGES) do R.copies[i] = { kind = "peer", passage = p, share = 0.9, length = 60 } end
  R.copies[#R.copies + 1] = { kind = "peer", share = 0.9 }          -- no passage: passed over
  Report.freeze(R)
  Report.place_copies(R)
  local ro = view.readonly(R)
  for i, p in ipairs(PASSAGES) do
    for _, who in ipairs { R, ro } do
      local line, col = who:locate_passage(p)
      eq(want[i][1], line, "line of " .. p)
      eq(want[i][2], col, "col of " .. p)
    end
  end
  eq(5, (R:locate_passage("一二三四五六七八九十")), "a passage of no copy: searched when asked")
end)

test("place_copies: parts added after are searched for the copies too", function()
  local R = report { PARTS[1] }
  R.copies = { { kind = "peer", passage = "丙丁戊己庚辛壬癸子丑…" } }
  Report.freeze(R)
  Report.place_copies(R)
  eq(nil, (R:locate_passage("丙丁戊己庚辛壬癸子丑…")), "not said yet")
  R:add_section(PARTS[2])
  local line, col = R:locate_passage("丙丁戊己庚辛壬癸子丑…")
  eq(7, line, "said by the part added")
  eq(3, col, "where it begins")
end)

test("place_copies: a report not frozen, or with no copies, is left as it is", function()
  local R = report(PARTS)
  R.copies = { { kind = "peer", passage = "戊己庚辛壬癸子丑…" } }
  Report.place_copies(R)
  eq(7, (R:locate_passage("戊己庚辛壬癸子丑…")), "found when asked")
  local S = report(PARTS)
  Report.freeze(S)
  Report.place_copies(S)
  eq(7, (S:locate_passage("戊己庚辛壬癸子丑…")), "found when asked")
end)
