-- The words a grammar needs are looked for one by one in the first
-- sentences read, and by one pass for all grammars after: both find the
-- same grammars, for the words of the national pack and for words inside
-- others, a unit, a broken character or a number; a reading that goes
-- from the one way to the other mid-way reads as either does.

local load_national_text_rules = dofile("tests/lua/national_text_rules.lua")
local F = nianbao.engine:pack("gb2021").format
local claims = require "claims"

local BY_WORD, BY_PASS = { needs_by_word = math.huge }, { needs_by_word = 0 }

-- every claim of a sentence, as text (the grammars of two readings are not the same object)
local function said(T, s, ctx)
  local out = {}
  for _, c in ipairs(T.read(s, ctx or { year = 2024 })) do
    out[#out + 1] = string.format("%s=%s %s %s %s %s %d-%d", c.grammar.name or "?", c.kind, c.cells,
                                  tostring(c.value), tostring(c.pct), tostring(c.of), c.at, c.stop)
  end
  return table.concat(out, "; ")
end

-- grammar k claims a cell of its own for "<verb k>N件", read only where one of `needs` is
local verbs = { "收到", "办结", "受理", "处理", "答复", "转入" }
local cells = { "t3.new.total", "t3.carried.total", "t3.next.total", "t3.new.np", "t3.new.lp", "t3.new.ngo" }
local function made(opts)
  local T = claims.for_format(F, opts)
  local function grammar(k, name, needs)
    T.grammar { name = name, topic = "t3", needs = needs, cells = cells[k],
                readers = { { grammar = 'claim <- "' .. verbs[k] .. '" %count' } } }
  end
  grammar(1, "long", { "依申请公开" })
  grammar(2, "inner", { "申请" })                  -- inside the other grammar's word
  grammar(3, "last", { "乙", "件" })               -- its second word, a unit
  grammar(4, "broken", { "\xE7\x94" })             -- the first two bytes of 申
  grammar(5, "number", { 5 })
  grammar(6, "none", { "复议" })
  return T
end

local SENTENCES = {
  "依申请公开，收到1件，办结2件，受理3件，处理4件，答复5件，转入6件。",
  "申请：收到1件，办结2件，受理3件，处理4件，答复5件，转入6件。",
  "收到1件，办结2件，受理3件，处理4件，答复6件，转入6件。",
  "收到1件\xE7\x94，办结2件，复议：转入6件。",       -- a broken character in the text
  "\xE7收到1件，\x94办结2件，处理4件，答复5件。",       -- stray bytes before the words
}

test("the words a grammar needs find the same grammars looked for one by one as by the one pass", function()
  local by_word, by_pass = made(BY_WORD), made(BY_PASS)
  for _, s in ipairs(SENTENCES) do
    eq(said(by_pass, s), said(by_word, s), s)
  end
  eq("long=is t3.new.total 1 nil nil 19-29; inner=is t3.carried.total 2 nil nil 32-42; "
     .. "last=is t3.next.total 3 nil nil 45-55; broken=is t3.new.np 4 nil nil 58-68; "
     .. "number=is t3.new.lp 5 nil nil 71-81",
     said(by_word, SENTENCES[1]), "the words inside others, the unit, the broken character and the number found one by one")
end)

test("a reading that goes from the words one by one to the one pass reads as either does", function()
  local by_pass, switching = made(BY_PASS), made { needs_by_word = 2 }
  for round = 1, 3 do
    for _, s in ipairs(SENTENCES) do
      eq(said(by_pass, s), said(switching, s), "round " .. round .. ": " .. s)
    end
  end
end)

test("the national pack's grammars read the sentence corpus alike, their words looked for either way", function()
  local function reading(opts)
    local T = claims.for_format(F, opts)
    load_national_text_rules(T)
    return T
  end
  local by_word, by_pass = reading(BY_WORD), reading(BY_PASS)
  local claimed, read = 0, 0
  for _, name in ipairs(assert(nbio.listdir("tests/sentences"))) do
    if name:match("%.yaml$") then
      local src = assert(nbio.readfile("tests/sentences/" .. name))
      for _, e in ipairs(assert(nianbao.yaml.decode(src, name))) do
        local ctx = { year = e.year, issuer = e.issuer }
        local got = said(by_word, e.s, ctx)
        eq(said(by_pass, e.s, ctx), got, name .. ": " .. e.s)
        read = read + 1
        if got ~= "" then claimed = claimed + 1 end
      end
    end
  end
  eq(true, read > 100 and claimed > 50, "sentences read, of them with claims: " .. read .. ", " .. claimed)
end)
