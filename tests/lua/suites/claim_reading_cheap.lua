-- The reading of a report's prose made cheaper, each step reading as before:
-- the lines unwrapped with their trailing spaces found a byte at a time,
-- blank pieces of text told apart by a pattern, the comma of "1，286件"
-- found by one search, and the readers of a grammar that match nowhere in
-- a sentence sharing one empty list.

local F = nianbao.engine:pack("gb2021").format
local claims = require "claims"
local re = require "re"

-- unwrap as it was written first: every line read every way
local unwrap_before = dofile("tests/lua/unwrap_reference.lua")

local function mapped(map)
  local out = {}
  for _, m in ipairs(map) do out[#out + 1] = m.flat .. ">" .. m.orig end
  return table.concat(out, " ")
end

test("lines unwrap as the Lua patterns unwrapped them: trailing spaces, indents, footers, headings", function()
  local ends = { ["。"] = true, [";"] = true, ["："] = true }
  local heading = re.compile([[ [（(] ]])
  for _, text in ipairs {
    "本年收到申请\n  12件。\n办结10件 \t\n\t 结转2件",
    "第一行  \n   \n\t\t第二行\n-2-\n  第三行。  \n（一）标题\n正文\n",
    "\n\n  \t \n行 \t \t\n 行\n",
    "无换行的一句",
    "",
    "   \n   ",
    "（二）很长很长很长很长很长很长很长很长很长很长的标题\n接着\n - 12 - \n下一页",
  } do
    local want, want_map = unwrap_before(text, ends, heading)
    local got, got_map = claims.unwrap(text, ends, heading)
    eq(want, got, "flat text of " .. text)
    eq(mapped(want_map), mapped(got_map), "map of " .. text)
  end
end)

test("pieces of text that are only spaces, tabs or breaks are no sentences", function()
  local T = claims.for_format(F)
  local out = {}
  for _, s in ipairs(T.sentences("收到12件。 \t\v\f\r。办结10件。\n \n结转2件")) do out[#out + 1] = s.from .. ":" .. s.text end
  local kept = table.concat(out, "|")
  has(kept, "收到12件。", "a sentence")
  has(kept, "结转2件", "the last sentence")
  eq(nil, kept:find("|[ \t\v\f\r]*。|", 1), "a mark after spaces alone is no sentence")
end)

local said = dofile("tests/lua/claims_said.lua")   -- every claim of a sentence, as text

test("a number after a full-width comma written as a thousands separator claims nothing", function()
  local T = claims.for_format(F)
  T.grammar {
    name = "comma", topic = "t3",
    readers = { { cells = "t3.new.total", grammar = [[ claim <- "收到" (!%count .)^-12 %count ]] } },
  }
  eq("", said(T, "本年收到1，286件"), "1，286件")
  eq("", said(T, "本年收到1 ， 286件"), "1 ， 286件")
  eq("", said(T, "本年收到二，286件"), "a numeral before the comma")
  eq("is t3.new.total 286 7-28", said(T, "本年收到申请，286件"), "a comma after words")
  eq("is t3.new.total 286 1-16", said(T, "收到，286件"), "a comma after the subject's words")
  eq("is t3.new.total 286 7-19", said(T, "本年收到286件"), "no comma")
end)

test("readers of a grammar that match nowhere in a sentence leave its claims as each read alone", function()
  local spec = {
    name = "many", topic = "t3",
    readers = {
      { cells = "t3.new.total", grammar = [[ claim <- "收到" %count ]] },
      { cells = "t3.carried.total", grammar = [[ claim <- "结转" %count ]] },
      { cells = "t3.next.total", grammar = [[ claim <- "办结" %count ]] },
    },
  }
  local fast, plain = claims.for_format(F), claims.for_format(F, { plain_search = true })
  fast.grammar(spec)
  plain.grammar(spec)
  for _, s in ipairs { "收到5件。", "结转3件，办结2件。", "收到5件，收到6件。", "本年无申请。" } do
    local first = said(fast, s)
    eq(said(plain, s), first, s)
    eq(first, said(fast, s), "read again: " .. s)
  end
end)

test("words needed that share their first bytes are found where a plain find finds them", function()
  -- (many characters of one first byte: the pass tells them apart after a test of the set)
  local needs = { { "公开" }, { "公共", "共计" }, { "处理" }, { "复议", "复核" }, { "上年" }, { "不予" } }
  local readings = {}
  for k, words in ipairs(needs) do
    local T = claims.for_format(F)
    -- (the other grammars' words too: one pass looks for all of them)
    for j, other in ipairs(needs) do
      if j ~= k then T.grammar { name = "other" .. j, topic = "t3", needs = other, cells = "t3.new.total",
                                 readers = { { grammar = 'claim <- "从未有过的词" %count' } } } end
    end
    T.grammar { name = "needs" .. k, topic = "t3", needs = words, cells = "t3.new.total",
                readers = { { grammar = 'claim <- "收到" %count' } } }
    readings[k] = T
  end
  local n = 0
  for _, s in ipairs { "收到3件。", "收到3件，公开。", "收到3件，公共，共计。", "收到3件，处理复核", "收到3件，上年不予",
                       "公收到3件开", "复收到3件议", "收到3件，复议处理不予公开" } do
    for k, words in ipairs(needs) do
      local want = false
      for _, w in ipairs(words) do want = want or s:find(w, 1, true) ~= nil end
      local got = #readings[k].read(s, { year = 2024 }) > 0
      if got then n = n + 1 end
      eq(want, got, "needs" .. k .. " in " .. s)
    end
  end
  eq(10, n, "readings that claim")
end)
