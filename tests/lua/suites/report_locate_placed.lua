-- locate_passage answers a passage placed ahead (Report.place_copies) from
-- the places kept, without a call, only while the report's parts are the
-- list they were placed in: parts put in another list are searched anew;
-- what is no text has no place, placed ahead or not.

local Report = require "report"
local view = require "view"

local function report(parts)
  local F = nianbao.engine:pack("gb2021").format
  local R = Report.new(F, "x.txt")
  for _, s in ipairs(parts) do R:add_section(s) end
  return R
end

local A = { id = "a", text = "前言。一二三四五六七八九十甲乙", line = 5, col = 1, places = { { at = 1, line = 5, col = 1 } } }
local B = { id = "b", text = "丙丁戊己庚辛壬癸子丑寅卯", line = 7, col = 3, places = { { at = 1, line = 7, col = 3 } } }
local C = { id = "b", text = "天地一二三四五六七八九十甲乙", line = 20, col = 2, places = { { at = 1, line = 20, col = 2 } } }

test("locate_passage: a placed passage's kept place holds only for the parts it was placed in", function()
  local R = report { A, B }
  local passage = "一二三四五六七八九十甲乙"
  R.copies = { { kind = "peer", passage = passage }, { kind = "peer", passage = "丙丁戊己庚辛壬癸子丑寅卯" } }
  Report.freeze(R)
  Report.place_copies(R)
  local ro = view.readonly(R)
  eq(5, (ro:locate_passage(passage)), "placed in the first part")
  eq(7, (ro:locate_passage("丙丁戊己庚辛壬癸子丑寅卯")), "placed in the second")
  R.sections = { C, B }                   -- another list of as many parts
  eq(20, (ro:locate_passage(passage)), "searched anew in the parts now")
  eq(20, (R:locate_passage(passage)), "for the report as for its view")
  eq(7, (R:locate_passage("丙丁戊己庚辛壬癸子丑寅卯")), "the second part as it was")
  R.sections = { C }
  eq(nil, (R:locate_passage("丙丁戊己庚辛壬癸子丑寅卯")), "a part taken away: said nowhere")
end)

test("locate_passage: what is no text has no place, placed ahead or not", function()
  for _, ahead in ipairs { false, true } do
    local R = report { A, B }
    R.copies = { { kind = "peer", passage = "一二三四五六七八九十甲乙" } }
    Report.freeze(R)
    if ahead then Report.place_copies(R) end
    for _, who in ipairs { R, view.readonly(R) } do
      for _, v in ipairs { 5, 1.5, true, {} } do
        eq(nil, (who:locate_passage(v)), type(v) .. (ahead and " ahead" or ""))
      end
      eq(nil, (who:locate_passage(nil)), "nil")
    end
  end
end)
