-- A finding's texts are kept valid UTF-8 with no control characters: a
-- bad byte or a control becomes U+FFFD, tab and line breaks a space. The
-- list's cleaning is checked against that rule written out byte by byte,
-- over texts of Chinese, ASCII and every kind of bad sequence mixed.

local FFFD = "\u{FFFD}"

-- the length of the UTF-8 character at i of s, or 0 when none is there
local function char_len(s, i)
  local b = s:byte(i)
  local len, c
  if b < 0x80 then return 1
  elseif b >= 0xC2 and b <= 0xDF then len, c = 2, b & 0x1F
  elseif b >= 0xE0 and b <= 0xEF then len, c = 3, b & 0x0F
  elseif b >= 0xF0 and b <= 0xF4 then len, c = 4, b & 0x07
  else return 0 end
  if i + len - 1 > #s then return 0 end
  for k = i + 1, i + len - 1 do
    local t = s:byte(k)
    if t & 0xC0 ~= 0x80 then return 0 end
    c = (c << 6) | (t & 0x3F)
  end
  if (len == 3 and (c < 0x800 or (c >= 0xD800 and c <= 0xDFFF))) or (len == 4 and (c < 0x10000 or c > 0x10FFFF)) then
    return 0
  end
  return len
end

local function cleaned(s)
  s = s:match("^[^%z]*")
  local out, i = {}, 1
  while i <= #s do
    local len, b = char_len(s, i), s:byte(i)
    if len == 1 and (b < 0x20 or b == 0x7F) then
      out[#out + 1] = (b == 9 or b == 10 or b == 13) and " " or FFFD
      i = i + 1
    elseif len == 0 or (len == 2 and b == 0xC2 and s:byte(i + 1) < 0xA0) then
      out[#out + 1] = FFFD
      i = i + (len > 0 and len or 1)
    else
      out[#out + 1] = s:sub(i, i + len - 1)
      i = i + len
    end
  end
  return table.concat(out)
end

local PIECES = { "年", "报", "政府信息公开", "a", "12", " ", "\t", "\n", "\r", "\27", "\127",
  "\xED\xA0\x80", "\xE0\x80\x80", "\xE0\xA0\x80", "\xEF\xBF\xBD", "\xF0\x9F\x98\x80", "\xF4\x90\x80\x80",
  "\xC2\x85", "\xC2\xA0", "\xE4\xB8", "\xE4", "\x80", "\xFF", "\xEE\x80\x80", "\xE1\x80\x80", "\xEC\xBF\xBF",
  "\xE4\xB8\x41", "\xE4\x41\xB8", "\0" }

test("a finding's texts are cleaned as the rule says, whatever bytes they mix", function()
  local seed = 12345
  local function rand(n)    -- a small generator of our own: the same texts every run
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n + 1
  end
  local l = nianbao.findings()
  local given = {}
  for k = 1, 3000 do
    local parts = {}
    local chinese = rand(3) == 1       -- a third are Chinese all through, but for a piece or two
    for _ = 1, rand(40) - 1 do
      if chinese and rand(8) > 1 then parts[#parts + 1] = PIECES[rand(3)]
      else parts[#parts + 1] = PIECES[rand(#PIECES)] end
    end
    given[k] = table.concat(parts)
    l:put("r", "info", given[k], nil, nil, nil, given[k])
  end
  for k, f in ipairs(l:list()) do
    eq(cleaned(given[k]), f.message, "message " .. k .. " " .. string.format("%q", given[k]))
    eq(cleaned(given[k]), f.quote, "quote " .. k)
  end
end)
