-- nianbao.utf8_invalid reads ASCII and the commonest characters (two
-- bytes, and three led by E1..EC, EE, EF) at once, and hands any other
-- byte to the full check: its answer stays utf8.len's, at the same byte,
-- wherever a bad or cut sequence stands among them, and at the very end.

local function lua_answer(s)
  local ok, bad = utf8.len(s)
  return ok and 0 or bad
end

test("utf8_invalid answers as utf8.len for texts mixed of common, rare, cut and bad sequences", function()
  local pieces = { "a", " ", "\n", "\0", "中", "年", "\xE1\x80\x80", "\xEC\xBF\xBF", "\xEE\x80\x80", "\xEF\xBF\xBF",
                   "\xC2\xA0", "\xDF\xBF", "\xE0\xA0\x80", "\xED\x9F\xBF", "\xF0\x90\x80\x80", "\xF4\x8F\xBF\xBF",
                   "\xFF", "\x80", "\xBF", "\xC0\x80", "\xC1\xBF", "\xE4\xB8", "\xED\xA0\x80", "\xE0\x9F\xBF",
                   "\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\xC2", "\xE1", "\xEE\x80", "\xE4\x41\x80", "\xE4\x80\x41",
                   "abcdefghijklmnop" }
  local state = 12345                       -- a fixed sequence: the same texts every run
  local function pick(n)
    state = (state * 1103515245 + 12345) % 2147483648
    return state % n + 1
  end
  for _ = 1, 20000 do
    local t = {}
    for j = 1, pick(14) - 1 do t[j] = pieces[pick(#pieces)] end
    local s = table.concat(t)
    eq(lua_answer(s), nianbao.utf8_invalid(s), string.format("%q", s))
  end
  for _ = 1, 5000 do                        -- bytes of any value
    local t = {}
    for j = 1, pick(12) - 1 do t[j] = string.char(pick(256) - 1) end
    local s = table.concat(t)
    eq(lua_answer(s), nianbao.utf8_invalid(s), string.format("%q", s))
  end
end)

test("utf8_invalid: a long text of Chinese and ASCII, whole, cut at each of its last bytes, and spoilt near its end", function()
  local s = ("年度报告 annual report 第二十条 | 12,345 |\n"):rep(40) .. "\xC2\xA0结束"
  eq(0, nianbao.utf8_invalid(s), "whole")
  for cut = 1, 8 do
    local c = s:sub(1, #s - cut)
    eq(lua_answer(c), nianbao.utf8_invalid(c), "cut " .. cut)
  end
  for at = #s - 10, #s do
    local b = s:sub(1, at - 1) .. "\xFF" .. s:sub(at + 1)
    eq(lua_answer(b), nianbao.utf8_invalid(b), "spoilt at " .. at)
  end
end)
