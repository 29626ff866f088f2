-- A copied passage is cut after 120 characters in C, as utf8.len and
-- utf8.offset cut it: the same bytes for any text, UTF-8 or not.

local sim = require "nianbao.similar"

local function cut_lua(s, n)
  local len = utf8.len(s)
  if len and len > n then return s:sub(1, utf8.offset(s, n + 1) - 1) .. "…" end
  return s
end

-- pieces of text: characters of one to four bytes, and what utf8.len
-- refuses (a lone continuation byte, a lead cut short, an overlong form,
-- a surrogate, past U+10FFFF, leads of five and six bytes, 0xFE, 0xFF)
local PIECES = {
  "a", "1", " ", "\0", "é", "政", "府", "，", "😀", "\u{10FFFF}",
  "\x80", "\xBF", "\xE6\x94", "\xC0\x80", "\xC1\xBF", "\xE0\x80\x80", "\xF0\x80\x80\x80",
  "\xED\xA0\x80", "\xED\xBF\xBF", "\xF4\x90\x80\x80", "\xF8\x88\x80\x80\x80",
  "\xFC\x84\x80\x80\x80\x80", "\xFE", "\xFF",
}

test("similar.cut cuts as utf8.len and utf8.offset do", function()
  local state = 20261203
  local function rand(m) state = (state * 1103515245 + 12345) % 2147483648; return state % m + 1 end
  for round = 1, 3000 do
    local parts = {}
    local valid = round % 2 == 0               -- half the texts of characters only
    for i = 1, rand(40) - 1 do parts[i] = PIECES[rand(valid and 10 or #PIECES)] end
    local s = table.concat(parts)
    for _, n in ipairs { 0, 1, rand(10), rand(40), 120 } do
      eq(cut_lua(s, n), sim.cut(s, n), string.format("%q cut at %d", s, n))
    end
  end
  local long = string.rep("政府信息公开", 40)
  eq(cut_lua(long, 120), sim.cut(long, 120), "a passage of 240 characters")
  eq(360 + 3, #sim.cut(long, 120), "120 characters and the mark")
  eq(long, sim.cut(long, 240), "no longer than its length")
  eq(long .. "\xFF", sim.cut(long .. "\xFF", 120), "not UTF-8: as it is")
  eq(false, (pcall(sim.cut, long, -1)), "a negative count")
end)

-- the edges of the three-byte forms the cut takes in one step, or leaves
-- to the strict decoding
local EDGES = {
  "\xE0\xA0\x80", "\xE0\x9F\xBF", "\xE1\x80\x80", "\xEC\xBF\xBF", "\xED\x80\x80", "\xED\x9F\xBF",
  "\xED\xA0\x80", "\xEE\x80\x80", "\xEF\xBF\xBF", "\xE4\xB8", "\xE4", "\xE4\xC0\x80", "\xE4\xB8\xC0",
  "政", "a",
}

test("similar.cut: three-byte characters at the edges of the form, as utf8.len and utf8.offset cut them", function()
  for _, x in ipairs(EDGES) do
    for _, y in ipairs(EDGES) do
      for _, s in ipairs { x .. y, string.rep("政", 3) .. x .. y, x .. y .. string.rep("政", 3), x, x .. y .. x } do
        for n = 0, 6 do
          eq(cut_lua(s, n), sim.cut(s, n), string.format("%q cut at %d", s, n))
        end
      end
    end
  end
end)
