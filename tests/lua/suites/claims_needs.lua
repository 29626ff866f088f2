-- The words a grammar needs (`needs`) are looked for in a sentence by one
-- pass for every grammar: a grammar is read where one of its words is
-- anywhere in the sentence, inside another grammar's word too, and not read
-- where none is.

local F = nianbao.engine:pack("gb2021").format
local claims = require "claims"

-- grammar k claims a cell of its own for "<verb k>N件", read only where one of `needs` is
local verbs = { "收到", "办结", "受理", "处理", "答复" }
local cells = { "t3.new.total", "t3.carried.total", "t3.next.total", "t3.new.np", "t3.new.lp" }
local function grammar(T, k, name, needs)
  return T.grammar {
    name = name, topic = "t3", needs = needs, cells = cells[k],
    readers = { { grammar = 'claim <- "' .. verbs[k] .. '" %count' } },
  }
end
local SENTENCE = "收到1件，办结2件，受理3件，处理4件，答复5件。"

local function read_by(T, s)
  local out = {}
  for _, c in ipairs(T.read(s, { year = 2024 })) do out[#out + 1] = (c.grammar.name or "?") .. "=" .. tostring(c.value) end
  table.sort(out)
  return table.concat(out, " ")
end

test("a grammar is read where one of the words it needs is in the sentence, and only there", function()
  local T = claims.for_format(F)
  grammar(T, 1, "long", { "依申请公开" })
  grammar(T, 2, "inner", { "申请" })              -- inside the other grammar's word
  grammar(T, 3, "last", { "乙", "件" })            -- its second word, a unit
  grammar(T, 4, "none", { "复议" })
  grammar(T, 5, "always", {})
  eq("always=5 inner=2 last=3 long=1", read_by(T, "依申请公开，" .. SENTENCE), "words inside words")
  eq("always=5 inner=2 last=3", read_by(T, "申请：" .. SENTENCE), "the inner word alone")
  eq("always=5 last=3", read_by(T, SENTENCE), "no word but the unit")
end)

test("a grammar registered after sentences were read is read by the next sentence", function()
  local T = claims.for_format(F)
  grammar(T, 1, "first", { "申请" })
  eq("first=1", read_by(T, "申请：" .. SENTENCE), "one grammar")
  grammar(T, 2, "second", { "办结" })
  eq("first=1 second=2", read_by(T, "申请：" .. SENTENCE), "both")
end)

test("needed words that are no plain text are searched as they are (a number, a broken character)", function()
  local T = claims.for_format(F)
  grammar(T, 1, "number", { 5 })
  grammar(T, 2, "broken", { "\xE7\x94" })          -- the first two bytes of 申
  eq("broken=2 number=1", read_by(T, "申请：" .. SENTENCE), "found")
  eq("", read_by(T, "收到1件，办结2件。"), "not found")
end)
