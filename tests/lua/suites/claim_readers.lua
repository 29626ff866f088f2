-- How a grammar's readers are compiled: a grammar written plainly as re
-- rules has its readers compiled together (its words once); any other is
-- compiled a reader at a time. Both read the same claims.

local F = nianbao.engine:pack("gb2021").format
local claims = require "claims"

-- the words and readers of a small grammar; `ref` is how its readers name the rule "verb"
local function spec(name, ref)
  return {
    name = name, topic = "t3",
    words = [[
      -- who receives: a comment, a class and a group name the compiler must leave alone
      verb    <- "收到" / "受理" / [x-z] "]<-"
      request <- "政府信息公开"? "申请"
      zero    <- {:zero: %neg :}
    ]],
    readers = {
      { cells = "t3.new.total", grammar = "claim <- " .. ref .. " request %sp %count" },
      -- another claim read from the same place
      { cells = "t3.carried.total", grammar = "claim <- " .. ref .. [[ request (!"另" %any)* "另结转" %count ]] },
      -- a reader that matches where the sentence ends, and nowhere else
      { cells = "t3.new.np", like = "t3.new.total", grammar = [[ claim <- !. ]] },
      -- one that matches the last byte (and claims nothing: no number)
      { cells = "t3.new.ngo", grammar = [[ claim <- "A" ]] },
      { cells = "t3.next.total", grammar = [[ claim <- "结转" what %count  what <- "下年度"? ]] },
      { cells = "t3.carried.total", grammar = [[ claim <- zero "结转" ]] },
    },
  }
end

local sentences = {
  "本年收到政府信息公开申请12件",
  "收到申请4件，另结转2件",
  "收到申请7件A",
  "本年受理申请3件，收到申请4件，结转下年度2件",
  "无结转，收到申请5件。",
  "其他工作",
}

local function read_all(text)
  local out = {}
  for _, s in ipairs(sentences) do
    for _, c in ipairs(text.read(s, { year = 2024 })) do
      out[#out + 1] = string.format("%s %s %s=%s @%d-%d", s, c.kind, c.cells, tostring(c.value), c.at, c.stop)
    end
  end
  return table.concat(out, "\n")
end

test("a grammar of plain rules has its readers compiled together; one naming a rule <so> a reader at a time", function()
  local G = claims.for_format(F).grammar(spec("plain", "verb"))
  eq(true, G.scan ~= nil, "compiled together")
  local H = claims.for_format(F).grammar(spec("angled", "<verb>"))
  eq(nil, H.scan, "compiled together")
end)

test("readers compiled together read what each compiled alone reads: every reader at a place, the last place too", function()
  local together, alone = claims.for_format(F), claims.for_format(F)
  together.grammar(spec("plain", "verb"))
  alone.grammar(spec("angled", "<verb>"))
  local got = read_all(together)
  eq(read_all(alone), got, "claims")
  has(got, "本年收到政府信息公开申请12件 is t3.new.np=12", "the reader that matches where the sentence ends")
  has(got, "收到申请7件A is t3.new.np=7", "where the sentence ends, after a match at its last byte")
  has(got, "收到申请4件，另结转2件 is t3.new.total=4 @1-", "one reader at a place")
  has(got, "收到申请4件，另结转2件 is t3.carried.total=2 @1-", "another at the same place")
  has(got, "结转下年度2件 is t3.next.total=2", "a reader's own second rule")
end)

test("a grammar whose rules do not compile together is still refused as before, naming the reader", function()
  local bad = spec("broken", "verb")
  bad.readers[2].grammar = "claim <- verb undefined_rule"
  local ok, err = pcall(claims.for_format(F).grammar, bad)
  eq(false, ok, "refused")
  has(tostring(err), "broken reader 2", "the reader named")
end)

-- A sentence is read only when it holds a count, a sum, a percentage, a
-- negation, a zero or last year; the places where one of these may begin
-- are found by their first character.
test("a sentence whose only count is in financial or full-width numerals is read", function()
  local text = claims.for_format(F)
  text.grammar(spec("plain", "verb"))
  local got = {}
  for _, s in ipairs { "本年收到申请叁件", "本年收到申请\u{3000}8件", "本年收到申请８件", "本年收到申请件" } do
    for _, c in ipairs(text.read(s, { year = 2024 })) do
      if c.cells == "t3.new.total" then got[#got + 1] = c.cells .. "=" .. tostring(c.value) end
    end
  end
  eq("t3.new.total=3 t3.new.total=8 t3.new.total=8", table.concat(got, " "), "claims")
end)

test("a sentence that begins with its negation or last year is read", function()
  local text = claims.for_format(F)
  text.grammar(spec("plain", "verb"))
  local got = {}
  for _, c in ipairs(text.read("无结转。", { year = 2024 })) do got[#got + 1] = c.cells .. "=" .. tostring(c.value) end
  eq("t3.carried.total=0", table.concat(got, " "), "claims")
end)

test("words that are not plainly rules are compiled as re reads them, a reader at a time", function()
  -- a rule with nothing in it: re reads the rules after it as its own grammar
  local empty = spec("empty", "verb")
  empty.words = "verb <- \"收到\"\n  nothing <- -- a comment only\n  request <- \"申请\"\n  zero <- {:zero: %neg :}"
  local ok, G = pcall(claims.for_format(F).grammar, empty)
  eq(true, ok, "registered: " .. tostring(G))
  eq(nil, G.scan, "compiled together")
  -- words that begin with something other than a rule
  local stray = spec("stray", "verb")
  stray.words = "stray " .. stray.words
  local err
  ok, err = pcall(claims.for_format(F).grammar, stray)
  eq(false, ok, "refused")
  has(tostring(err), "stray reader 1", "the reader named")
  eq(nil, tostring(err):find("attempt to", 1, true), "an error of re's, not of the reading of the words")
end)

-- The format's words a grammar names (%count, %sp …) are rules of the
-- grammar compiled together, named once; a reader that cannot use them so
-- is refused as re refuses it alone.
test("a format word in a loop that may match nothing is refused as before, naming the reader and re's reason", function()
  local bad = spec("loop", "verb")
  bad.readers[1].grammar = "claim <- verb %sp* request %count"
  local ok, err = pcall(claims.for_format(F).grammar, bad)
  eq(false, ok, "refused")
  has(tostring(err), "loop reader 1", "the reader named")
  has(tostring(err), "loop body may accept empty string", "re's reason")
end)

test("a reader that names a format word twice reads together what it reads alone", function()
  local function with_twice(name, ref)
    local g = spec(name, ref)
    g.readers[#g.readers + 1] = { cells = "t3.result.total.total",
      grammar = [[ claim <- "办结" %count (%sp %comma %sp "其中" %sp %count)? ]] }
    return g
  end
  local together, alone = claims.for_format(F), claims.for_format(F)
  eq(true, together.grammar(with_twice("plain", "verb")).scan ~= nil, "compiled together")
  eq(nil, alone.grammar(with_twice("angled", "<verb>")).scan, "compiled together")
  local function read(text)
    local got = {}
    for _, s in ipairs { "办结12件，其中3件", "办结12件", "收到申请4件，办结 5件" } do
      for _, c in ipairs(text.read(s, { year = 2024 })) do
        got[#got + 1] = string.format("%s=%s@%d-%d", c.cells, tostring(c.value), c.at, c.stop)
      end
    end
    return table.concat(got, " ")
  end
  local got = read(together)
  eq(read(alone), got, "claims")
  has(got, "t3.result.total.total=12@1-", "a claim of the reader")
end)

-- read() looks only at the grammars whose words a sentence holds, and of
-- those only at the ones some reader matched; the claims come in the order
-- of the sentence whichever grammar read them.
test("claims of two grammars in one sentence, with a grammar between them that reads nothing, come in reading order", function()
  local text = claims.for_format(F)
  text.grammar(spec("first", "verb"))
  text.grammar { name = "between", needs = { "复议" }, cells = "t4.rv.total",
                 readers = { { grammar = [[ claim <- "复议" %count ]] } } }
  text.grammar { name = "last", needs = { "下年" }, cells = "t3.next.total",
                 readers = { { grammar = [[ claim <- "转入下年" %count ]] } } }
  local got = {}
  for _, s in ipairs { "转入下年2件，收到申请4件", "收到申请5件", "转入下年3件", "收到申请" } do
    for _, c in ipairs(text.read(s, { year = 2024 })) do
      got[#got + 1] = c.cells .. "=" .. tostring(c.value) .. "@" .. c.at
    end
    got[#got + 1] = "|"
  end
  eq("t3.next.total=2@1 t3.new.total=4@20 t3.new.np=4@36 | t3.new.total=5@1 t3.new.np=5@17 | t3.next.total=3@1 | |",
     table.concat(got, " "), "claims")
end)

-- A number right after a numeral, a word that makes it inexact or an
-- ordinal, or after "1，" (a full-width thousands comma) is no count.
test("a number after a numeral, an inexact word, an ordinal or a thousands comma claims nothing", function()
  local text = claims.for_format(F)
  text.grammar(spec("exact", "verb"))
  local got = {}
  for _, s in ipairs { "收到申请约4件", "收到申请近 4件", "收到申请第4件", "收到申请1，286件", "收到申请 286件",
                       "收到申请二4件", "收到申请4件" } do
    local n = 0
    for _, c in ipairs(text.read(s, { year = 2024 })) do
      if c.cells == "t3.new.total" then n = n + 1 end
    end
    got[#got + 1] = n
  end
  eq("0 0 0 0 1 0 1", table.concat(got, " "), "claims of t3.new.total in each sentence")
end)

-- The format's lists of words (numerals, units, negations …) are matched
-- a byte at a time when none of them starts another: the same words, in
-- every spelling, are read.
test("numerals of every kind and each unit are read as counts", function()
  local text = claims.for_format(F)
  text.grammar(spec("units", "verb"))
  local got = {}
  for _, s in ipairs { "收到申请一百零五件", "收到申请叁拾条", "收到申请两万个", "收到申请十五项", "收到申请〇件",
                       "收到申请贰佰零壹起", "收到申请12次", "收到申请 4 份", "收到申请七宗", "收到申请百件" } do
    local v = "-"
    for _, c in ipairs(text.read(s, { year = 2024 })) do
      if c.cells == "t3.new.total" then v = tostring(c.value) end
    end
    got[#got + 1] = v
  end
  eq("105 30 20000 15 0 201 12 4 7 -", table.concat(got, " "), "counts")
end)

test("a reader gets only the words it names outside quotes, classes, comments and defs: a word it never reaches is not compiled", function()
  local text = claims.for_format(F)
  local G = text.grammar {
    name = "reach", topic = "t3",
    words = [[
      -- broken is named here, in quotes, in a class and after % only
      verb    <- "收到" / "broken" / 'broken' / [b-z] "%broken" / "受理"
      request <- "政府信息公开"? "申请"
      broken  <- %no_such_word
    ]],
    readers = { { cells = "t3.new.total", grammar = [[ claim <- verb request %sp %count -- not broken
    ]] } },
  }
  eq(true, G.scan ~= nil, "compiled together")
  local got = {}
  for _, c in ipairs(text.read("本年受理政府信息公开申请12件", { year = 2024 })) do
    got[#got + 1] = c.cells .. "=" .. tostring(c.value)
  end
  eq("t3.new.total=12", table.concat(got, " "), "claims")
end)
