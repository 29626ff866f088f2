-- nianbao.printable looks at eight bytes at once: a control character, a
-- DEL or a C1 control (0xC2 0x80..0x9F) is found wherever it stands in a
-- text, at a word's edge or across one, and nothing else is changed.

test("nianbao.printable: a control byte at any place of a text of any length is made '?'", function()
  local wrong = {}
  local fill = "甲乙丙abc·×中"                       -- UTF-8 of many lead bytes, 0xC2 0xB7 among them
  for len = 1, 40 do
    local base = (fill:rep(8)):sub(1, len)
    for at = 1, len do
      for _, bad in ipairs { "\0", "\1", "\27", "\31", "\127" } do
        local s = base:sub(1, at - 1) .. bad .. base:sub(at + 1)
        local t = { s = s }
        nianbao.printable(t, nianbao.null)
        local want = {}
        for i = 1, #s do
          local b = s:byte(i)
          local c1 = b == 0xC2 and (s:byte(i + 1) or 0) >= 0x80 and (s:byte(i + 1) or 0) <= 0x9F
          local prev_c1 = i > 1 and s:byte(i - 1) == 0xC2 and b >= 0x80 and b <= 0x9F
          local ctl = (b <= 31 and b ~= 9 and b ~= 10 and b ~= 13) or b == 127
          want[i] = (ctl or c1 or prev_c1) and "?" or string.char(b)
        end
        if t.s ~= table.concat(want) then wrong[#wrong + 1] = len .. "@" .. at .. ":" .. bad:byte() end
      end
    end
  end
  eq("", table.concat(wrong, " "), "texts handled wrongly")
end)

test("nianbao.printable: a C1 control across eight bytes' edge, and texts with none left as they are", function()
  for at = 1, 17 do
    local s = ("a"):rep(at - 1) .. "\194\133" .. ("b"):rep(9)
    local t = { s = s }
    nianbao.printable(t, nianbao.null)
    eq(("a"):rep(at - 1) .. "??" .. ("b"):rep(9), t.s, "a C1 control after " .. (at - 1) .. " bytes")
  end
  local clean = ("政府信息公开\t工作年度报告\r\n·×"):rep(5)
  local t = { s = clean, n = { clean } }
  nianbao.printable(t, nianbao.null)
  eq(clean, t.s, "tabs, line breaks and Latin-1 letters kept")
  eq(clean, t.n[1], "in a table within too")
end)
