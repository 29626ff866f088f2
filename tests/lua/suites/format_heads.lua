-- A table's header words, longest first and words of one length in
-- order, as the one sort with a comparison of each pair put them.

local packs = require "packs"

test("the header words of a table are longest first, words of one length in order", function()
  local set = packs.load(".", {}, {})
  for _, name in ipairs { "gb2021", "gb2019" } do
    for _, T in ipairs(set:format(name).tables) do
      local want = {}
      for _, h in ipairs(T.headers) do want[#want + 1] = h end
      for w in pairs(T.column_words) do want[#want + 1] = w end
      table.sort(want, function(a, b) return #a > #b or (#a == #b and a < b) end)
      eq(#want, #T.heads, name .. " " .. T.id .. ": as many words")
      for i, w in ipairs(want) do eq(w, T.heads[i], name .. " " .. T.id .. " word " .. i) end
    end
  end
end)
