-- A table's header texts (bind.header_texts): the texts that hold one of
-- its column words, or, short, are like one of them, found with one
-- search of all the words and measured only against words near their
-- length. The same texts as asked word by word.

local bind = require "pipeline.bind"
local tables = require "tables"

local E = nianbao.engine
local F = E:pack("gb2021").format

local function documents() return dofile("tests/lua/documents.lua")(E, NB, tmp .. "/headers") end

local function same_list(want, got, what)
  eq(#want, #got, what .. ": length")
  for i = 1, #want do eq(want[i], got[i], what .. ": " .. i) end
end

-- names_column the word-by-word way: each column word looked for, and
-- measured for likeness against a short text.
local function names_column_long_way(T, text)
  if tables.value_state(F, text) then return false end
  local t = F.labels.norm(text)
  for w in pairs(T.column_words) do
    if t:find(w, 1, true) or ((utf8.len(t) or 99) <= 20 and tables.alike(t, w, 0.7)) then return true end
  end
  return false
end

test("a table's header texts are the texts that hold or are like a column word, as word by word", function()
  local texts, seen = {}, {}
  for _, d in ipairs(documents()) do
    for _, b in ipairs(d.blocks) do
      if (b.kind == "cell" or (b.kind == "para" and #b.text < 80)) and not seen[b.text] then
        seen[b.text] = true
        texts[#texts + 1] = { kind = "cell", text = b.text }
      end
    end
  end
  -- and words a little otherwise: a character dropped, one changed, one added
  for _, T in ipairs(F.tables) do
    for w in pairs(T.column_words) do
      local chars = {}
      for _, c in utf8.codes(w) do chars[#chars + 1] = utf8.char(c) end
      if #chars > 2 then
        texts[#texts + 1] = { kind = "cell", text = table.concat(chars, "", 2) }
        texts[#texts + 1] = { kind = "cell", text = table.concat(chars, "", 1, #chars - 1) .. "维" }
        texts[#texts + 1] = { kind = "cell", text = w .. "数" }
      end
    end
  end
  local named = 0
  for _, T in ipairs(F.tables) do
    local want = {}
    for _, b in ipairs(texts) do
      if names_column_long_way(T, b.text) then want[#want + 1] = b.text end
    end
    same_list(want, bind.header_texts(F, T, texts), T.id .. ": header texts")
    named = named + #want
  end
  eq(true, named > 20 and #texts > 1000, "texts asked (" .. #texts .. "), named (" .. named .. ")")
end)
