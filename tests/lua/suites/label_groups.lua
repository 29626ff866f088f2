-- A label names the first group of its table one of whose keys it holds:
-- a label that holds none of the table's group keys (all of them looked
-- for at once) names none, as each group's keys compared in turn say.

local packs = require "packs"
local tables = require "tables"

-- each group's keys compared in turn (the reference)
local function reference(T, t)
  for _, g in ipairs(T.groups) do
    for _, k in ipairs(g.keys_norm) do
      if k ~= "" and t:find(k, 1, true) then return g end
    end
  end
  return nil
end

test("a label names the group that comparing each group's keys in turn names", function()
  local set = packs.load(".", {}, {})
  local named, checked = 0, 0
  for _, name in ipairs { "gb2021", "gb2019" } do
    local F = set:format(name)
    for _, T in ipairs(F.tables) do
      local texts = { "", "合计", "其他", "3.其他" }
      for _, g in ipairs(T.groups) do
        for _, k in ipairs(g.keys_norm) do texts[#texts + 1] = k end
        texts[#texts + 1] = F.labels.norm(g.label)
      end
      for _, r in ipairs(T.rows) do
        if r.label then texts[#texts + 1] = F.labels.norm(r.label) end
      end
      local n = #texts
      for i = 1, n do
        local t = texts[i]
        texts[#texts + 1] = t:sub(4)
        texts[#texts + 1] = t:sub(1, -4)
        texts[#texts + 1] = t .. texts[(i % n) + 1]
      end
      for _, t in ipairs(texts) do
        local want = reference(T, t)
        eq(want, tables.group_of(T, t), name .. " " .. T.id .. " group of " .. t)
        if want then named = named + 1 end
        checked = checked + 1
      end
    end
  end
  eq(true, named > 20, "labels that name a group")
  eq(true, checked > 300, "labels compared")
end)

test("a table with groups whose keys are empty names no group by them", function()
  local T = { groups = { { id = "a", keys_norm = { "" } }, { id = "b", keys_norm = { "", "乙组" } } } }
  eq(nil, tables.group_of(T, "甲组"), "a label of no key")
  eq(T.groups[2], tables.group_of(T, "乙组合计"), "the group of the key it holds")
end)
