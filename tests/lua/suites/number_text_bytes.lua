-- A text holding a byte that no number's text holds (a Chinese character,
-- a letter) is no number at once; every other text is parsed as before,
-- and each says what parsing it in full says.

local tables = require "tables"

-- parse_number as it parsed every text in full (the reference)
local THIN = { "\u{00A0}", "\u{2009}", "\u{202F}", "\u{2007}", "\u{3000}" }
local function reference(text)
  if text:match("^%d+$") then return (nianbao.number(text)) end
  local t = text:gsub("\xEF\xBC([\x90-\x99])", function(d)
    return string.char(d:byte() - 0x90 + 48)
  end):gsub("\xEF\xBC\x8E", "."):gsub("\xEF\xBC\x8D", "-")
  for _, sp in ipairs(THIN) do t = t:gsub(sp, " ") end
  t = t:gsub("^%s+", ""):gsub("%s+$", "")
  t = t:gsub("^%?%s*(%d)", "%1")
  if t:find("%s") then
    local groups = {}
    for g in t:gmatch("%S+") do groups[#groups + 1] = g end
    if not groups[1]:match("^[+-]?%d%d?%d?$") then return nil end
    for i = 2, #groups do
      local g = groups[i]
      if not (g:match("^%d%d%d$") or (i == #groups and g:match("^%d%d%d%.%d+$"))) then return nil end
    end
    t = t:gsub("%s", "")
  end
  local plain = t
  if t:match("^[+-]?%d%d?%d?,%d%d%d[,%d]*%.?%d*$") then plain = t:gsub(",", "") end
  if not plain:match("^[+-]?%d+%.?%d*$") or plain:match("%.$") then return nil end
  if plain:sub(1, 1) == "+" then plain = plain:sub(2) end
  return (nianbao.number(plain))
end

local PIECES = { "0", "1", "2", "7", "9", "12", "345", ".", ",", "-", "+", "?", " ", "\t", "\n",
                 "１", "２", "９", "．", "－", "\u{00A0}", "\u{2009}", "\u{202F}", "\u{2007}", "\u{3000}",
                 "件", "万元", "元", "a", "%", "一", "（", "）", "\u{2008}", "\u{FF0C}", "\xEF", "\xBC", "\x80", "\0" }

test("a number's text parses as parsing it in full does, and other texts as none", function()
  local seed = 20261205
  local function rnd(n)
    seed = (seed * 1103515245 + 12345) % 2147483648
    return 1 + seed % n
  end
  local numbers, checked = 0, 0
  local texts = { "", "0", "1 234", "1 234.5", "? 3", "３．５", "－２", "+7", "7.", "1,234", "12,34", "1.其他" }
  for _ = 1, 4000 do
    local parts = {}
    for i = 1, rnd(6) do parts[i] = PIECES[rnd(#PIECES)] end
    texts[#texts + 1] = table.concat(parts)
  end
  for _, t in ipairs(texts) do
    local want = reference(t)
    local got = tables.parse_number(t)
    eq(tostring(want), tostring(got), string.format("the number of %q", t))
    if want ~= nil then numbers = numbers + 1 end
    checked = checked + 1
  end
  eq(true, numbers > 300, "texts that are numbers")
end)
