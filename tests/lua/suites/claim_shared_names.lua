-- The readers of a grammar compiled together name each rule, shared word
-- and format word (%count, %sp) through one reference, however often the
-- rules name it: they read what each reader compiled in a grammar of its
-- own reads.

local F = nianbao.engine:pack("gb2021").format
local claims = require "claims"
local said = dofile("tests/lua/claims_said.lua")   -- every claim of a sentence, as text

local WORDS = [[
  verb  <- "收到" / "受理" / "再" verb
  total <- ("共" / "共计")? %sp
  got   <- verb total / total verb
]]
local READERS = {
  { cells = "t3.new.total", grammar = [[ claim <- got %count / verb %sp verb %count ]] },
  { cells = "t3.carried.total", grammar = [[ claim <- "结转" total %count / "上年" got %sp %count ]] },
  { cells = "t3.next.total", grammar = [[
      claim <- lead %sp %count / lead lead %count
      lead  <- "顺延" total / verb "后" ]] },
}

test("readers naming rules and words many times read as each compiled in a grammar of its own", function()
  local together, apart = claims.for_format(F), claims.for_format(F)
  local G = together.grammar { name = "shared", topic = "t3", words = WORDS, readers = READERS }
  eq(true, G.scan ~= nil, "compiled together")
  for i, r in ipairs(READERS) do
    apart.grammar { name = "apart" .. i, topic = "t3", words = WORDS, readers = { r } }
  end
  local n = 0
  for _, s in ipairs {
    "共收到5件，结转共3件，顺延共 2 件。",
    "再受理 受理 4件，上年收到 3件，受理后受理后6件。",
    "收到共计7件，结转8件，顺延顺延1件。",
    "收件5件，转年3件，延2件。",
  } do
    local got = said(together, s)
    if got ~= "" then n = n + 1 end
    eq(said(apart, s), got, s)
  end
  eq(3, n, "sentences that claim")
end)
