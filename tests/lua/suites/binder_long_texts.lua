-- The binder's questions of a long text (a paragraph) are answered without
-- measuring or hashing it where its length alone tells: whether it names
-- a column (measured for likeness only up to 20 characters), whether it
-- is a part heading (none is as long), and whether it holds a signature
-- word (searched, not kept). Each answer is the one the long way gives.

local bind = require "pipeline.bind"
local tables = require "tables"

local E = nianbao.engine
local P = E:pack("gb2021")
local F = P.format

local function documents() return dofile("tests/lua/documents.lua")(E, NB, tmp .. "/long_texts") end

local FILLER = string.rep("本机关认真贯彻落实条例要求", 12)        -- 156 characters, 468 bytes

-- names_column as it was: every text measured, lengths compared by math.min and math.max
local function names_column_long_way(T, text)
  if tables.value_state(F, text) then return false end
  local t = F.labels.norm(text)
  local words = {}
  for w in pairs(T.column_words) do words[#words + 1] = w end
  if bind.first_of(t, words) then return true end
  local m = utf8.len(t)
  if not m or m > 20 then return false end
  for _, w in ipairs(words) do
    local n = utf8.len(w)
    if not n or math.min(m, n) + 1e-9 >= 0.7 * math.max(m, n) then
      if tables.alike(t, w, 0.7) then return true end
    end
  end
  return false
end

test("a text names a column as the long way says, long or short", function()
  local texts = { FILLER, "本年" .. FILLER, string.rep("\u{1F600}", 20), string.rep("\u{1F600}", 21),
                  string.rep("a", 80), string.rep("a", 81), "\xff\xfe", "" }
  for _, T in ipairs(F.tables) do
    for w in pairs(T.column_words) do
      texts[#texts + 1] = w
      texts[#texts + 1] = w:sub(1, -4)                -- a character dropped
      texts[#texts + 1] = w .. FILLER
    end
  end
  for _, d in ipairs(documents()) do
    for _, b in ipairs(d.blocks) do texts[#texts + 1] = b.text end
  end
  local named = 0
  for _, T in ipairs(F.tables) do
    for round = 1, 2 do                              -- the second time from the memo
      for _, text in ipairs(texts) do
        local want = names_column_long_way(T, text)
        local got = #bind.header_texts(F, T, { { text = text } }) == 1
        eq(want, got, T.id .. ": " .. text .. ", round " .. round)
        if want then named = named + 1 end
      end
    end
  end
  eq(true, named > 10, "texts that name a column (" .. named .. ")")
end)

test("a long paragraph is a part heading only where one begins it", function()
  for _, p in ipairs(F.parts) do
    for _, h in ipairs(p.raw_heads) do
      local part, glued = bind.match_heading(F, { kind = "para", text = h })
      eq(p, part, h .. ": the heading alone")
      eq("", glued, h .. ": nothing glued")
      part, glued = bind.match_heading(F, { kind = "para", text = h .. FILLER })
      eq(p, part, h .. ": the heading and a long text")
      eq(FILLER, glued, h .. ": the text glued")
    end
  end
  -- a numbered heading worded a little otherwise: a character short
  local worded = 0
  for _, p in ipairs(F.parts) do
    for _, h in ipairs(p.raw_heads) do
      if p.numbered ~= "" and utf8.len(h) >= 12 then
        local short = h:sub(1, utf8.offset(h, -1) - 1)
        eq(p, (bind.match_heading(F, { kind = "para", text = short })), short .. ": a character short")
        worded = worded + 1
      end
    end
  end
  eq(true, worded > 0, "headings worded otherwise")
  eq(nil, (bind.match_heading(F, { kind = "para", text = FILLER })), "a long paragraph")
  eq(nil, (bind.match_heading(F, { kind = "para", text = FILLER .. F.parts[1].raw_heads[1] })),
     "a heading at a long paragraph's end")
end)

test("a long text holds a signature word as a search of it says", function()
  local words = { "制发", "本年度" }
  local cases = { [FILLER] = false, [FILLER .. "制发"] = true, ["本年度" .. FILLER] = true,
                  [FILLER:sub(1, 120)] = false, [FILLER:sub(1, 117) .. "制发"] = true }
  for _ = 1, 2 do                                    -- a memo would answer the second time
    for text, want in pairs(cases) do
      eq(want, bind.holds_any({ text }, words), #text .. " bytes")
      eq(want, bind.holds_any({ "", text, "x" }, words), #text .. " bytes among others")
    end
  end
end)

test("a list of tokens' header texts are those that name a column, in order, asked twice", function()
  local tokens = {}
  for _, d in ipairs(documents()) do
    for _, b in ipairs(d.blocks) do tokens[#tokens + 1] = { text = b.text } end
  end
  tokens[#tokens + 1] = { text = FILLER }
  for _, T in ipairs(F.tables) do
    local want = {}
    for _, tk in ipairs(tokens) do
      if names_column_long_way(T, tk.text) then want[#want + 1] = tk.text end
    end
    for round = 1, 2 do
      local got = bind.header_texts(F, T, tokens)
      eq(#want, #got, T.id .. ": header texts, round " .. round)
      for i = 1, #want do eq(want[i], got[i], T.id .. ": header text " .. i) end
    end
    eq(true, #want > 0, T.id .. ": some header texts")
  end
end)
