-- Where a grammar's readers can begin (G.starts), and whether a run of
-- spaces is passed whole (G.space_runs), are worked out as the first way
-- did (opts.starts_reference: each text written again with its predicates
-- marked, and split again): for the national pack's grammars and for
-- grammars made to try the corners (a word a pack defines anew, a word
-- named twice, predicates first, after a space, inside groups).

local load_national_text_rules = dofile("tests/lua/national_text_rules.lua")
local lpeg = require "lpeg"
local F = nianbao.engine:pack("gb2021").format
local claims = require "claims"

local function look(G)
  return string.format("scan=%s starts=%s runs=%s", tostring(G.scan ~= nil),
                       G.starts and table.concat(G.starts, " ") or "-", tostring(G.space_runs))
end

test("the national pack's grammars begin where the first way said", function()
  local function reading(opts)
    local T, registered = claims.for_format(F, opts), {}
    local grammar = T.grammar
    T.grammar = function(s)
      local G = grammar(s)
      registered[#registered + 1] = G
      return G
    end
    load_national_text_rules(T)
    return registered
  end
  local now, before = reading(), reading { starts_reference = true }
  eq(#before, #now, "grammars")
  local spaced = 0
  for i, G in ipairs(before) do
    eq(look(G), look(now[i]), G.name or tostring(i))
    if G.space_runs then spaced = spaced + 1 end
  end
  eq(true, #now >= 10 and spaced >= 3, "grammars, of them passing runs whole: " .. #now .. ", " .. spaced)
end)

local WORDS = [[
  verb    <- "收到" / ("受理" "并")? "办理"
  maybe   <- "共"?
  gap     <- %sp !"x" %sp
  ahead   <- &"结" "结转" / !"转" %count
]]

local FIRSTS = {
  [[ %count "结转" ]], [[ %sp !"x" %count ]], [[ "共"? !"  " %sp %count "结转" ]], [[ &(" " [0-9]) %count ]],
  [[ %sp (!"x" / "y") %count ]], [[ (!"a" "b")? %count ]], [[ %sp ("x" !"y")* %count ]], [[ !"x" %count ]],
  [[ %sp gap "件" ]], [[ maybe ahead ]], [[ %money / %pct !"x" ]], [[ %sp &%count %num ]],
  [[ %sp {:n: !"0" %num :} "件" ]], [[ %sp ({} !"." / "x") %count ]], [[ verb maybe %count ]],
  [[ %sp "x" !"y" ]], [[ (%sp / "z") !%digit %count ]], [[ %pct? !%ch %count ]],
}

local function spec(first, words)
  return {
    name = "corners", topic = "t3", words = words or WORDS,
    readers = {
      { cells = "t3.new.total", grammar = "claim <- verb %sp %count" },
      { cells = "t3.next.total", grammar = "claim <- " .. first },
    },
  }
end

test("made grammars begin where the first way said, predicates first or after a space", function()
  for _, first in ipairs(FIRSTS) do
    local now = claims.for_format(F).grammar(spec(first))
    local before = claims.for_format(F, { starts_reference = true }).grammar(spec(first))
    eq(look(before), look(now), first)
  end
end)

test("a word a pack defines anew, and a word named twice, are looked at as the first way did", function()
  local cases = {
    -- the format's %count defined anew: what it begins with is not known
    { first = [[ %count "结转" ]], defs = { count = lpeg.P"件" } },
    -- a grammar's own rule named like a format word
    { first = [[ count "结转" ]], words = WORDS .. [[ count <- %sp "共" %num ]] },
    -- a reader's own rule first, naming a word and a predicate after a space
    { first = "own \n own <- %sp !verb maybe verb" },
    -- a reader naming a word twice, first and after a predicate
    { first = [[ verb !verb verb / %sp !verb verb ]] },
    -- the format's %sp defined anew, read before a predicate
    { first = [[ %sp !"x" %count ]], defs = { sp = lpeg.P" "^0 } },
  }
  for i, case in ipairs(cases) do
    local function grammar(opts)
      local T = claims.for_format(F, opts)
      for k, v in pairs(case.defs or {}) do T.defs[k] = v end
      return T.grammar(spec(case.first, case.words))
    end
    eq(look(grammar { starts_reference = true }), look(grammar()), "case " .. i .. ": " .. case.first)
  end
end)

test("comments and spaces between a rule's tokens say nothing of where it begins", function()
  local plain = claims.for_format(F).grammar(spec([[ ("结转" / %sp !"x" %count) "件" ]]))
  for _, first in ipairs {
    "(  \"结转\"\t/ %sp\n!\"x\" %count ) \"件\"",
    "( -- a comment\n \"结转\" -- and another\n-- on its own line\n\n / %sp !\"x\" %count) \"件\" --",
    "(\"结转\"/%sp!\"x\"%count)\"件\"",
  } do
    local G = claims.for_format(F).grammar(spec(first))
    eq(look(plain), look(G), first)
  end
  eq(true, plain.starts ~= nil, "searched where a reader can begin")
end)
