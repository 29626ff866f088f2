-- A header label, or several run together, is told by the table's header
-- words: a word longer than what is left of the label is passed over,
-- and what it says is what comparing every word in turn says.

local packs = require "packs"
local tables = require "tables"

-- every word compared in turn (the reference)
local function reference(m, t, keys)
  for i = 1, #keys do
    local k = keys[i]
    if k ~= "" and t:find(k, 1, true) then return true end
  end
  local rest = t
  for _, list in ipairs { m.heads, m.others } do
    for _, h in ipairs(list) do
      if rest == h then return true end
      if #h >= 6 and rest:find(h, 1, true) then
        rest = rest:gsub(h:gsub("%p", "%%%0"), "")
      end
    end
  end
  rest = rest:gsub("%p", "")
  if rest:match("^%d*$") and t:find("%d") then return false end
  rest = rest:gsub("%d", "")
  for _, n in utf8.codes(m.numerals or "") do rest = rest:gsub(utf8.char(n), "") end
  return rest == "" or (rest ~= t and (utf8.len(rest) or 3) <= 2)
end

test("a header is told as comparing every header word in turn tells it", function()
  local set = packs.load(".", {}, {})
  local told = 0
  for _, name in ipairs { "gb2021", "gb2019" } do
    local F = set:format(name)
    for _, T in ipairs(F.tables) do
      local others = { "行政复议", "行政诉讼", "申请人情况", "合计" }
      local m = { heads = T.heads, others = others, numerals = F.decl.numerals }
      local texts = { "", "12", "一二", "其他情况" }
      for _, h in ipairs(T.heads) do texts[#texts + 1] = h end
      for _, r in ipairs(T.rows) do
        if r.label then texts[#texts + 1] = F.labels.norm(r.label) end
      end
      local n = #texts
      for i = 1, n do
        texts[#texts + 1] = texts[i] .. texts[(i % n) + 1]
        texts[#texts + 1] = texts[i] .. "3"
        texts[#texts + 1] = texts[i]:sub(1, -4) .. texts[(i * 7 % n) + 1] .. "一"
      end
      for _, t in ipairs(texts) do
        local want = reference(m, t, T.header_keys)
        eq(want, tables.header_of(m, t, T.header_keys), name .. " " .. T.id .. " header " .. t)
        if want then told = told + 1 end
      end
    end
  end
  eq(true, told > 100, "headers told")
end)
