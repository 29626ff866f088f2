-- Whether a text is UTF-8 is asked of C (nianbao.utf8_invalid): its answer
-- and the byte it names are utf8.len's, which decoding used before.

local function lua_answer(s)
  local ok, bad = utf8.len(s)
  return ok and 0 or bad
end

test("nianbao.utf8_invalid answers as utf8.len, at the same byte, wherever a bad sequence stands", function()
  local bad = { "\xFF", "\xC0\x80", "\xE4\xB8", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\x80", "\xE4\xB8\x41", "\xF0\x9F\x98" }
  local good = { "", "a", "中", "\0", "\xF4\x8F\xBF\xBF", "\xEF\xBF\xBF", "\xC2\x80" }
  local cases = {}
  for _, b in ipairs(bad) do
    for _, lead in ipairs { "", "abc", "abcdefgh", "abcdefghi", "年报", "年报年报年报年报1" } do
      cases[#cases + 1] = lead .. b
      cases[#cases + 1] = lead .. b .. "尾巴 tail"
    end
  end
  for _, g in ipairs(good) do
    cases[#cases + 1] = g
    cases[#cases + 1] = ("x"):rep(13) .. g .. ("年"):rep(5)
  end
  for _, s in ipairs(cases) do
    eq(lua_answer(s), nianbao.utf8_invalid(s), string.format("%q", s))
  end
end)

test("a text neither UTF-8 nor GB18030 is named by the line of its first bad byte", function()
  write("bad-enc-2024.txt", "一、总体情况\n第二行\n第三行\xFF\xFF\xFF\n")
  local list, err = nianbao.check(tmp .. "/bad-enc-2024.txt")
  local all = tostring(err)
  for _, f in ipairs(list or {}) do all = all .. " " .. tostring(f.message) end
  has(all, "第3行")
end)
