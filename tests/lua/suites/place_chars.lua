-- report:place counts the characters before a byte in C (nianbao.chars),
-- with no string made for them: what utf8.len of the sub counts, or the
-- sub's bytes when they are not UTF-8, for every way sub reads i and j.

local view = require "view"

local function chars_reference(s, i, j)
  local before = s:sub(i, j)
  return utf8.len(before) or #before
end

test("chars: what utf8.len of the sub gives, or its bytes, at every i and j", function()
  local texts = {
    "", "abc", "年度报告", "第二、主动公开政府信息情况\n（一）", "a\0b\0c",
    "\xE4\xB8", "x\xE4\xB8\xADy\xFF\xFE", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xF0\x9F\x98\x80!",
    "\xE0\x9F\xBF", "\xE0\xA0\x80", "\xC2\x80\xDF\xBF", "\xEF\xBF\xBD\xEE\x80\x80", "\x80abc",
    "一二三四五六七八九十abcdefgh一二三四五六七八九十\t\r\n\xF3\xA0\x80\x81",
  }
  local n = 0
  for _, s in ipairs(texts) do
    for i = -#s - 2, #s + 2 do
      for j = -#s - 2, #s + 2 do
        eq(chars_reference(s, i, j), nianbao.chars(s, i, j), string.format("%q %d %d", s, i, j))
        n = n + 1
      end
    end
  end
  eq(true, n > 1000, "cases")
  local long = string.rep("公开年报。", 300) .. "end"
  for _, cut in ipairs { 1, 7, 8, 9, 15, 16, 17, 100, #long } do
    eq(chars_reference(long, 1, cut), nianbao.chars(long, 1, cut), "long, to " .. cut)
    eq(chars_reference(long, cut, #long), nianbao.chars(long, cut, #long), "long, from " .. cut)
  end
  eq(nil, nianbao.chars(12, 1, 2), "a number is not a text here")
  eq(nil, nianbao.chars("abc", 1.5, 2), "a place that is not an integer")
  eq(nil, nianbao.chars("abc", 1, 2.0), "a float, even whole")
end)

test("place: every byte of the example's parts placed as the sub and utf8.len placed it", function()
  local R = assert(nianbao.engine:read("examples/jiuqu-2024.txt"))
  local real = view.unwrap(R)
  local function place_reference(s, pos)
    local places = s.places
    local best
    for _, p in ipairs(places or {}) do
      if p.at <= pos then best = p end
    end
    if not best then return s.line, s.col end
    local before = s.text:sub(best.at, pos - 1)
    return best.line, best.col + (utf8.len(before) or #before)
  end
  local checked = 0
  for _, s in ipairs(real.sections) do
    for pos = 0, #s.text + 2 do
      local l1, c1 = place_reference(s, pos)
      local l2, c2 = real:place(s, pos)
      eq(l1, l2, "line of " .. tostring(s.id) .. " at " .. pos)
      eq(c1, c2, "col of " .. tostring(s.id) .. " at " .. pos)
      checked = checked + 1
    end
  end
  eq(true, checked > 1000, "bytes placed")
  -- a section a rule made, with places that are not integers: as before
  local made = { text = "甲乙丙", line = 1, col = 1, places = { { at = 1.0, line = 2, col = 3 } } }
  local l, c = R:place(made, 4)
  eq(2, l, "line")
  eq(4, c, "col")
end)
