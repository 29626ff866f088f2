-- Where a grammar's readers can begin is worked out for readers of one
-- rule (two of them, each its own), of one rule that names itself, and of
-- several rules, each naming the shared words: the search that passes over
-- the other places reads what the search of every place reads.

local F = nianbao.engine:pack("gb2021").format
local claims = require "claims"
local said = dofile("tests/lua/claims_said.lua")   -- every claim of a sentence, as text

local function spec()
  return {
    name = "rules", topic = "t3",
    words = [[
      verb  <- "收到" / "受理"
      again <- "再" verb
    ]],
    readers = {
      -- one rule, naming the words
      { cells = "t3.new.total", grammar = [[ claim <- verb %count ]] },
      -- another of one rule
      { cells = "t3.new.np", grammar = [[ claim <- "自然人" %count ]] },
      -- one rule that names itself
      { cells = "t3.carried.total", grammar = [[ claim <- "结转" claim / "上年" %count ]] },
      -- two rules, the first naming the second
      { cells = "t3.next.total", grammar = [[
          claim <- lead %count
          lead  <- "顺延" / again ]] },
    },
  }
end

test("readers of one rule, of a rule naming itself and of two rules begin where they can", function()
  local fast, plain = claims.for_format(F), claims.for_format(F, { plain_search = true })
  local G = fast.grammar(spec())
  plain.grammar(spec())
  eq(true, G.scan ~= nil, "compiled together")
  eq("上 再 受 收 结 自 顺", table.concat(G.starts or {}, " "), "where the readers begin")
  local n = 0
  for _, s in ipairs {
    "收到5件，其中自然人4件，结转上年3件，顺延2件。",
    "受理5件，结转结转上年3件，再收到2件。",
    "再受理1件，上年4件，顺延 6 件",
    "收件5件，转年3件，延2件。",
  } do
    local got = said(fast, s)
    if got ~= "" then n = n + 1 end
    eq(said(plain, s), got, s)
  end
  eq(3, n, "sentences that claim")
end)
