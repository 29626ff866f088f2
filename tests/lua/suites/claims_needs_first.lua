-- A report's sentences are looked at for the words the grammars need before
-- the quick look: a sentence none of whose grammars can read it is passed
-- over, but a grammar that needs no word, or whose words are searched as
-- they are (not plain text), still reads every sentence that holds them.

local F = nianbao.engine:pack("gb2021").format
local claims = require "claims"

local function report(text)
  return { year = 2024, issuer = "dept", sections = { { id = "s3" } },
           section = function(_, id) return id == "s3" and { text = text } or nil end,
           place = function() return 1, 1 end }
end

local function read_in(T, text)
  local out = {}
  for _, c in ipairs(T.claims_in(report(text))) do out[#out + 1] = (c.grammar.name or "?") .. "=" .. tostring(c.value) end
  table.sort(out)
  return table.concat(out, " ")
end

local function grammar(T, name, needs, verb, cells)
  return T.grammar { name = name, topic = "t3", needs = needs, cells = cells,
                     readers = { { grammar = 'claim <- "' .. verb .. '" %count' } } }
end

test("a sentence holding no grammar's words claims nothing; one that holds them, its claims", function()
  local T = claims.for_format(F)
  grammar(T, "review", { "复议" }, "收到", "t3.new.total")
  eq("", read_in(T, "收到12件。"), "no word it needs")
  eq("review=12", read_in(T, "复议：收到12件。"), "a word it needs")
end)

test("a grammar that needs no word reads every sentence, beside grammars that need some", function()
  local T = claims.for_format(F)
  grammar(T, "review", { "复议" }, "收到", "t3.new.total")
  grammar(T, "always", {}, "办结", "t3.carried.total")
  eq("always=3", read_in(T, "收到12件，办结3件。"), "read by the grammar of no words")
end)

test("a grammar whose words are no plain text reads the sentences that hold them", function()
  local T = claims.for_format(F)
  grammar(T, "review", { "复议" }, "收到", "t3.new.total")
  grammar(T, "number", { 5 }, "办结", "t3.carried.total")
  eq("number=5", read_in(T, "收到12件，办结5件。"), "its word found as it is")
  eq("", read_in(T, "收到12件，办结3件。"), "and not found")
end)
