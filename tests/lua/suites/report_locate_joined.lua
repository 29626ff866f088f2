-- report:locate on a frozen report searches its parts' texts joined in
-- one: the place is the walk's, part by part, for texts that say nothing,
-- say it within one part, or only across two (found there, not a saying).

local Report = require "report"
local view = require "view"

local function frozen_report(sections)
  local F = nianbao.engine:pack("gb2021").format
  local R = Report.new(F, "x.txt")
  for _, s in ipairs(sections) do R:add_section(s) end
  Report.freeze(R)
  return R
end

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
