-- The binder's questions of a label, each answered by a look at the
-- table's words all at once before a walk word by word, say what the walk
-- alone said: a piece of one row's label, and a number's unit at a text's
-- end (looked for only where the text ends as some unit does).

local packs = require "packs"
local tables = require "tables"

-- the rows whose label holds the piece, row by row (the reference)
local function piece_reference(F, T, t)
  local b = F.labels.bare(t)
  if (utf8.len(b) or 0) < 4 then return nil end
  local hit
  for _, r in ipairs(T.rows) do
    if r.norm and r.norm:find(b, 1, true) then
      if hit then return nil end
      hit = r
    end
  end
  return hit
end

test("a piece of a label names the one row whose label holds it, as row by row", function()
  local set = packs.load(".", {}, {})
  local named, checked = 0, 0
  for _, name in ipairs { "gb2021", "gb2019" } do
    local F = set:format(name)
    for _, T in ipairs(F.tables) do
      local texts = { "", "其他", "3.其他", "申请\n人情况" }
      for _, r in ipairs(T.rows) do
        if r.norm then
          texts[#texts + 1] = r.norm
          texts[#texts + 1] = r.norm:sub(4)
          texts[#texts + 1] = r.norm:sub(1, -4)
          texts[#texts + 1] = r.norm:sub(7, -7)
          texts[#texts + 1] = r.norm:sub(4, -4) .. "\n"
        end
      end
      for _, t in ipairs(texts) do
        local want = piece_reference(F, T, t)
        eq(want, tables.row_by_piece(F, T, t), name .. " " .. T.id .. " piece " .. t)
        if want then named = named + 1 end
        checked = checked + 1
      end
    end
  end
  eq(true, named > 30, "pieces that name a row")
  eq(true, checked > 200, "pieces compared")
end)

-- value_state as it read a number's unit, each unit in turn (the reference)
local function state_reference(F, text)
  if text == "" then return "blank" end
  if text:match("^%d+$") then return "number", (nianbao.number(text)) end
  if not text:find("%d") and not text:find("\xEF\xBC[\x90-\x99]") then
    if F.markers[F.labels.norm(text)] then return "marker" end
    return nil
  end
  local v = tables.parse_number(text)
  if v ~= nil then return "number", v end
  for _, u in ipairs(F.units) do
    if #text > #u and text:sub(-#u) == u then
      v = tables.parse_number(text:sub(1, -#u - 1))
      if v ~= nil then return "number", v, u end
    end
  end
  if F.markers[F.labels.norm(text)] then return "marker" end
  return nil
end

test("a number's unit at a text's end is read as each unit compared in turn reads it", function()
  local set = packs.load(".", {}, {})
  local base = set:format("gb2021")
  local unit_lists = {
    base.units,
    { "万元", "元", "%", "件次", "件" },
    { "", "个", "\xE4\xB8", "a\xB8", "次 " },
  }
  local read = 0
  for k, units in ipairs(unit_lists) do
    -- a format of these units (a fresh one each: value_state keeps answers by format)
    local F = setmetatable({ units = units }, { __index = base })
    local texts = { "", "12", "1,024", "一二", "3.其他", "—" }
    for _, u in ipairs(units) do
      for _, n in ipairs { "12", "3.5", "1,024", "x", "" } do
        texts[#texts + 1] = n .. u
        texts[#texts + 1] = n .. " " .. u
        texts[#texts + 1] = n .. u .. "元"
        texts[#texts + 1] = n .. u:sub(2)
      end
    end
    for _, t in ipairs(texts) do
      local ws, wv, wu = state_reference(F, t)
      local gs, gv, gu = tables.value_state(F, t)
      local what = "units " .. k .. ": " .. t
      eq(ws, gs, what .. " (state)")
      eq(wv, gv, what .. " (value)")
      eq(wu, gu, what .. " (unit)")
      if wu then read = read + 1 end
    end
  end
  eq(true, read > 20, "units read")
end)
