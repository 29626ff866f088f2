-- A label names the row whose longest key it holds, the first such row
-- where keys of one length tie; then an exact label in its group. The
-- table's keys searched longest first name the same rows as each row's
-- longest key compared in turn.

local packs = require "packs"
local tables = require "tables"

-- the rows by each row's longest key, compared in turn (the reference)
local function reference(F, T, t, group)
  local hit, len
  for _, r in ipairs(T.rows) do
    if not r.exact and not r.anonymous then
      local best
      for _, k in ipairs(r.keys_norm) do
        if k ~= "" and (not best or #k > #best) and t:find(k, 1, true) then best = k end
      end
      if best and (not len or #best > len) then hit, len = r, #best end
    end
  end
  if hit then return hit, true end
  local b = F.labels.bare(t)
  for _, r in ipairs(T.rows) do
    if r.exact and group and r.group == group then
      for _, k in ipairs(r.keys_norm) do
        if b == k then return r, true end
      end
    end
  end
end

test("a label names the row the longest key of each row compared in turn names", function()
  local set = packs.load(".", {}, {})
  local checked = 0
  for _, name in ipairs { "gb2021", "gb2019" } do
    local F = set:format(name)
    for _, T in ipairs(F.tables) do
      -- the labels as printed, their keys, pieces of them and two run together
      local texts = { "", "合计", "其他", "总计" }
      for _, r in ipairs(T.rows) do
        for _, k in ipairs(r.keys_norm or {}) do texts[#texts + 1] = k end
        if r.label then texts[#texts + 1] = F.labels.norm(r.label) end
        if r.shown then texts[#texts + 1] = F.labels.norm(r.shown) end
      end
      for _, g in ipairs(T.groups) do texts[#texts + 1] = F.labels.norm(g.label) end
      local n = #texts
      for i = 1, n do
        local t = texts[i]
        texts[#texts + 1] = t:sub(4)
        texts[#texts + 1] = t:sub(1, -4)
        texts[#texts + 1] = t .. texts[(i % n) + 1]
        texts[#texts + 1] = "3." .. t
      end
      local groups = { false }
      for _, g in ipairs(T.groups) do groups[#groups + 1] = g end
      for _, t in ipairs(texts) do
        for _, g in ipairs(groups) do
          local want, wstrong = reference(F, T, t, g or nil)
          local got, gstrong = tables.find_row_of(F, T, t, g or nil)
          eq(want and want.path, got and got.path, name .. " " .. T.id .. " row of " .. t)
          eq(wstrong, gstrong, name .. " " .. T.id .. " strong for " .. t)
          checked = checked + 1
        end
      end
    end
  end
  eq(true, checked > 1000, "labels compared")
end)

test("of two rows' keys found in a label, the longer names the row", function()
  local F = packs.load(".", {}, {}):format("gb2021")
  local T = F.table_by_id.t2
  local by_key
  for _, r in ipairs(T.rows) do
    for _, k in ipairs(r.keys_norm) do
      for _, r2 in ipairs(T.rows) do
        for _, k2 in ipairs(r2.keys_norm) do
          if r2 ~= r and #k2 > #k and k2:find(k, 1, true) then by_key = { r, k, r2, k2 } end
        end
      end
    end
  end
  if by_key then
    local r, k, r2, k2 = table.unpack(by_key)
    eq(r.path, tables.find_row_of(F, T, k).path, "the shorter key alone")
    eq(r2.path, tables.find_row_of(F, T, k2).path, "the longer key, which holds the shorter")
  end
end)
