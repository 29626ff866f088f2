-- Taking out the breaks that only wrap a sentence looks at a line as a
-- footer only when it can be one, at its indentation a byte at a time, and
-- at a heading only when the line is short enough for one: the flat text
-- and its map are those of reading every line every way.

local re = require "re"
local F = nianbao.engine:pack("gb2021").format
local claims = require "claims"

-- unwrap as it was written first: every line read every way
local unwrap_every_way = dofile("tests/lua/unwrap_reference.lua")

local function shown(flat, map)
  local parts = { flat }
  for _, m in ipairs(map) do parts[#parts + 1] = m.flat .. ":" .. m.orig end
  return table.concat(parts, " ")
end

test("the flat text of wrapped lines, footers, indents and headings is that of reading every line every way", function()
  local T = claims.for_format(F)
  local L = F.language
  local ends = {}
  for _, e in ipairs(L.break_after or L.sentence_end or {}) do ends[e] = true end
  local heading = re.compile(L.heading, T.defs)
  local lines = {
    "本年收到申请", "  共计5件。", "\t办结3件", "-2-", " - 3 - ", "\t-4-\t", "-x-", "- 5", "——", "",
    "  ", "\t\t", "一、总体情况", "（二）主动公开政府信息情况", "三、这是一个很长很长很长很长很长很长的标题行",
    "四、\xE4\xB8", "五、" .. string.rep("\xE4", 30), "  (三) 收到和处理", "结转下年度", "2件；", "1、 其他",
    "　　全角空格开头", "上年结转 ", "2 件", "。", "103", " 2,932 53", "\xEF\xBC\x91\xEF\xBC\x92", "申请 1",
  }
  local n = 0
  -- texts of lines in many orders: each line after each other, with and without a last break
  for i = 1, #lines do
    for j = 1, #lines do
      for _, tail in ipairs { "", "\n" } do
        local text = lines[i] .. "\n" .. lines[j] .. "\n" .. lines[(i + j) % #lines + 1] .. tail
        local want = shown(unwrap_every_way(text, ends, heading))
        eq(want, shown(claims.unwrap(text, ends, heading)), text)
        n = n + 1
      end
    end
  end
  eq(2 * #lines * #lines, n, "texts")
end)
