-- A text with no digit, ASCII or full width, is read as no number at once
-- (a marker, or nothing); what value_state says of every text is what
-- parsing it, with each unit cut off in turn, says.

local packs = require "packs"
local tables = require "tables"

-- value_state as parsing every text says it (the reference)
local function reference(F, text)
  if text == "" then return "blank" end
  if text:match("^%d+$") then return "number", (nianbao.number(text)) end
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

test("a text's state is what parsing it says, digits or none", function()
  local F = packs.load(".", {}, {}):format("gb2021")
  local texts = { "", "0", "12", "３", "１２件", "12件", "1,234", "1 234", "? 0", "—", "-", "/", "无", "——",
                  "万元", "3.5万元", "３．５", "－２", "一", "（一）予以公开", "+7", "7.", "1.其他" }
  for m in pairs(F.markers) do texts[#texts + 1] = m; texts[#texts + 1] = m .. "1" end
  for _, u in ipairs(F.units) do
    texts[#texts + 1] = u; texts[#texts + 1] = "2" .. u; texts[#texts + 1] = "２" .. u; texts[#texts + 1] = "二" .. u
  end
  for w in JIUQU:gmatch("[^%s|]+") do texts[#texts + 1] = w end
  local numbers = 0
  for _, t in ipairs(texts) do
    local ws, wv, wu = reference(F, t)
    local gs, gv, gu = tables.value_state(F, t)
    eq(ws, gs, "state of " .. t)
    eq(tostring(wv), tostring(gv), "value of " .. t)
    eq(wu, gu, "unit of " .. t)
    if ws == "number" then numbers = numbers + 1 end
  end
  eq(true, numbers > 100, "numbers among the texts")
end)
