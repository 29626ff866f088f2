-- report:place(s, pos) finds the paragraph a byte is in by halves: the
-- same line and column as a walk of the paragraphs' places, one by one,
-- finds, for every byte of a section, through the report and its view.

local Report = require "report"
local view = require "view"

-- the place as the walk finds it: the last paragraph at or before pos
local function walked(s, pos)
  local best
  for _, p in ipairs(s.places or {}) do
    if p.at <= pos then best = p else break end
  end
  if not best then return s.line, s.col end
  local before = s.text:sub(best.at, pos - 1)
  return best.line, best.col + (utf8.len(before) or #before)
end

test("report:place: by halves, the walk's line and column for every byte", function()
  local F = nianbao.engine:pack("gb2021").format
  local R = Report.new(F, "x.txt")
  local ro = view.readonly(R)
  -- paragraphs of one to five characters, some of them ASCII, on lines 10, 12, ...
  local paras, places, at = {}, {}, 1
  for i = 1, 23 do
    local text = string.rep(i % 3 == 0 and "a" or "段", i % 5 + 1)
    paras[i] = text
    places[i] = { at = at, line = 8 + 2 * i, col = i % 4 + 1 }
    at = at + #text + 1
  end
  local sections = {
    { id = "many", text = table.concat(paras, "\n"), line = 9, col = 1, places = places },
    { id = "one", text = "只有一段", line = 3, col = 2, places = { { at = 1, line = 4, col = 5 } } },
    { id = "late", text = "前面没有位置", line = 6, col = 7, places = { { at = 7, line = 8, col = 1 } } },
    { id = "none", text = "无位置", line = 1, col = 1 },
    { id = "empty", text = "", line = 2, col = 3, places = {} },
  }
  for _, s in ipairs(sections) do R:add_section(s) end
  for _, s in ipairs(sections) do
    for pos = 0, #s.text + 2 do
      local line, col = walked(s, pos)
      for _, who in ipairs { R, ro } do
        local l, c = who:place(who:section(s.id), pos)
        eq(line, l, s.id .. " line of byte " .. pos)
        eq(col, c, s.id .. " col of byte " .. pos)
      end
    end
  end
end)

test("report:locate: the place of a text's first saying, as a walk of the parts finds it", function()
  local F = nianbao.engine:pack("gb2021").format
  local R = Report.new(F, "x.txt")
  local ro = view.readonly(R)
  local sections = {
    { id = "a", text = "第一段\n第二段相同的文字", line = 5, col = 1,
      places = { { at = 1, line = 5, col = 1 }, { at = 11, line = 7, col = 3 } } },
    { id = "b", text = "又有相同的文字一次", line = 9, col = 2, places = { { at = 1, line = 9, col = 2 } } },
    { id = "c", text = "只在此处", line = 12, col = 1 },
  }
  for _, s in ipairs(sections) do R:add_section(s) end
  local function walked(text)
    for _, s in ipairs(sections) do
      local at = s.text:find(text, 1, true)
      if at then return R:place(s, at) end
    end
    return nil
  end
  for _, text in ipairs { "相同的文字", "又有", "只在此处", "段\n第", "无此文字", "", "%a." } do
    local line, col = walked(text)
    for _, who in ipairs { R, ro } do
      local l, c = who:locate(text)
      eq(line, l, "line of " .. text)
      eq(col, c, "col of " .. text)
    end
  end
  eq(7, (R:locate("相同的文字")), "the first part that says it")
end)
