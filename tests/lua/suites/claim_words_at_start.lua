-- What a format's text helpers build at start is built as cheaply as it
-- can be, and matches as before: a list of words is one pattern of re (the
-- build's grammar images answer it), matching where the LPeg calls that
-- built it matched; where the words of the format can begin is worked out
-- only for a look at readers the build did not make.

local F = nianbao.engine:pack("gb2021").format
local claims = require "claims"
local lpeg = require "lpeg"

-- the keys of t (or the items of list t), as for_format takes them
local function words_of(t)
  local out = {}
  if #t > 0 then for _, k in ipairs(t) do out[#out + 1] = k end
  else for k in pairs(t) do out[#out + 1] = k end end
  table.sort(out, function(a, b) return tostring(a) < tostring(b) end)
  return out
end

-- every end p reaches from each place of each text, as one string
local function ends(p, texts)
  local out = {}
  for _, s in ipairs(texts) do
    for i = 1, #s + 1 do out[#out + 1] = tostring(lpeg.match(p, s, i)) end
  end
  return table.concat(out, ",")
end

local function lists()
  local out = {}
  for _, v in pairs(F.language) do
    if type(v) == "table" then
      local strings = true
      for _, w in ipairs(words_of(v)) do strings = strings and type(w) == "string" end
      if strings then out[#out + 1] = v end
    end
  end
  table.sort(out, function(a, b) return table.concat(words_of(a), "|") < table.concat(words_of(b), "|") end)
  for _, l in ipairs {
    { "'", '"' }, { "a'b", "c" }, { "x'1", "x'2", "y" }, { 'x"1', 'x"2', "y" }, { "x'1", 'x"2', "y" }, { "a'b\"c", "d" }, { "ab", "abc", "b" }, { "x", "x" }, { "一" },
    { "一二", "一三", "二" }, { "", "a" }, {}, { "\0", "\0\1" }, { "]", "^", "-", "%" },
    { ["万元"] = 4, ["元"] = 0 }, { ["十"] = 10, ["拾"] = 10, ["百"] = 100 }, { ["a"] = 1, ["ab"] = 2 },
  } do out[#out + 1] = l end
  return out
end

local function texts_for(lists_)
  local texts = { "", "abc", "a'b\"c d", "\0\1\0", "]^-%" }
  for _, l in ipairs(lists_) do
    local all = {}
    for _, w in ipairs(words_of(l)) do
      all[#all + 1] = w
      texts[#texts + 1] = w
      texts[#texts + 1] = w:sub(1, #w - 1) .. "x"
    end
    texts[#texts + 1] = table.concat(all, " ")
    texts[#texts + 1] = table.concat(all)
  end
  return texts
end

test("a list of words as one pattern matches where the LPeg calls that built it matched", function()
  local ls = lists()
  if #ls < 20 then error("too few lists to tell: " .. #ls) end
  local texts = texts_for(ls)
  for _, l in ipairs(ls) do
    eq(ends(claims.words_pattern_by_calls(l), texts), ends(claims.words_pattern(l), texts),
       table.concat(words_of(l), "|"))
  end
end)

test("a list that is not all words is matched as LPeg takes its items, longest first", function()
  local texts = { "", "a", "ab", "abc", "\0\0" }
  for _, l in ipairs { { "a", "abc" }, { ["a"] = true, [3] = true } } do
    local ok, want = pcall(function() return ends(claims.words_pattern_by_calls(l), texts) end)
    local ok2, got = pcall(function() return ends(claims.words_pattern(l), texts) end)
    eq(ok, ok2, "both build or neither")
    if ok then eq(want, got, "the same ends") end
  end
end)

-- the spec each txt rule file gives its grammar (text.grammar or text.claims)
local national_specs = dofile("tests/lua/national_text_specs.lua")
local function specs() return national_specs(claims.for_format(F)) end

test("where the format's words can begin is worked out only for a look the build did not make", function()
  local SPECS = specs()
  if #SPECS < 5 then error("too few grammars to tell") end
  local T = claims.for_format(F)
  for _, spec in ipairs(SPECS) do T.grammar(spec) end
  for _, s in ipairs { "全年收到政府信息公开申请10件，上年结转2件。", "本年度办理行政复议3件，行政诉讼0件。" } do
    T.read(s, { year = 2024 })
  end
  eq(false, claims.word_starts_made(T), "the national grammars: their looks are the build's")
  -- (the reference look works out every look anew: the words around a claim at once)
  eq(true, claims.word_starts_made(claims.for_format(F, { starts_reference = true })), "the reference look")
  -- a grammar of words the build did not see: its look is made here
  local O = claims.for_format(F)
  O.grammar { name = "own", readers = { { grammar = [[ claim <- "办结" %count ]] } }, cells = "t3.result.total.total" }
  eq(true, claims.word_starts_made(O), "a grammar the build did not see")
  local got = O.read("全年办结12件。", { year = 2024 })
  eq(1, #got, "its claim")
  eq(12, got[1].value, "its value")
end)

test("a grammar whose words need a reader's rule has its readers compiled alone, the names they read found", function()
  local T = claims.for_format(F)
  local G = T.grammar { name = "words of a reader's rule", words = [[ w <- "办结" r ]],
                        readers = { { grammar = "claim <- w\nr <- %count" } }, cells = "t3.result.total.total" }
  eq(nil, G.scan, "not compiled together")
  local got = T.read("全年办结12件。", { year = 2024 })
  eq(1, #got, "its claim")
  eq(12, got[1].value, "its value")
end)
