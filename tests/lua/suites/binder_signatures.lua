-- Whether a report's texts hold a word of another format's signature
-- (bind.holds_any): asked text by text, the same answer as a search of the
-- texts joined by line breaks, for every document and with words put in;
-- no answer where only the joined texts could say it.

local bind = require "pipeline.bind"

local E = nianbao.engine
local P = E:pack("gb2021")
local F = P.format

local function documents() return dofile("tests/lua/documents.lua")(E, NB, tmp .. "/signatures") end

local function joined_way(texts, words)
  return bind.first_of(table.concat(texts, "\n"), words) ~= nil
end

test("a report's texts hold a signature word text by text as the texts joined hold it", function()
  local lists = {}
  for _, o in ipairs(E:others(P.name)) do lists[#lists + 1] = o.signature end
  eq(true, #lists > 0, "another format's signature")
  local asked, held = 0, 0
  for _, d in ipairs(documents()) do
    local _, _, normed = bind.walk(F, d.blocks)
    for _, words in ipairs(lists) do
      -- twice: the second time from the memo
      for _ = 1, 2 do
        local want = joined_way(normed, words)
        eq(want, bind.holds_any(normed, words), d.path)
        asked = asked + 1
        if want then held = held + 1 end
      end
      -- a word put in the middle of a text, and at the end of the last
      local words_in = { table.unpack(normed) }
      local mid = #words_in // 2 + 1
      words_in[mid] = (words_in[mid] or "") .. "x" .. words[1] .. "y"
      eq(true, bind.holds_any(words_in, words), d.path .. ": a word put in")
      local at_end = { table.unpack(normed) }
      at_end[#at_end + 1] = words[#words]
      eq(true, bind.holds_any(at_end, words), d.path .. ": a word at the end")
    end
  end
  eq(true, asked > 20, "documents asked (" .. asked .. ")")
end)

test("words the joined texts alone could find get no answer text by text", function()
  eq(nil, bind.holds_any({ "本年新", "制作数量" }, { "本年新\n制作数量" }), "a word across a line break")
  eq(nil, bind.holds_any({ "a" }, { "b", "" }), "an empty word")
  eq(false, bind.holds_any({}, { "本年新制作数量" }), "no texts")
  eq(false, bind.holds_any({ "本年新", "制作数量" }, { "本年新制作数量" }), "a word split over two texts")
  eq(true, bind.holds_any({ "一", "本年新制作数量合计" }, { "本年新制作数量" }), "a word inside a text")
end)
