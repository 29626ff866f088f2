-- similar.cut takes a character of three bytes in one step: the edges of
-- the three-byte forms it takes or leaves to the strict decoding.

local sim = require "nianbao.similar"

local function cut_lua(s, n)
  local len = utf8.len(s)
  if len and len > n then return s:sub(1, utf8.offset(s, n + 1) - 1) .. "…" end
  return s
end

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
