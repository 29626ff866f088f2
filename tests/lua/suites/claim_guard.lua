-- The search of a grammar's readers passes over the bytes that begin none
-- of their first characters, and tries them only where each byte of such a
-- character can be there: characters of one, two, three and four bytes all
-- read the claims of searching every place.

local F = nianbao.engine:pack("gb2021").format
local claims = require "claims"

local function spec()
  return {
    name = "guard", topic = "t3",
    readers = {
      { cells = "t3.new.total", grammar = [[ claim <- "x" "收到" %count ]] },              -- one byte first
      { cells = "t3.carried.total", grammar = [[ claim <- "é结转" %count ]] },             -- two bytes
      { cells = "t3.next.total", grammar = [[ claim <- ("结转下年度" / "转入") %count ]] },  -- three bytes
      { cells = "t4.rv.total", grammar = [[ claim <- "😀办结" %count ]] },                -- four bytes
    },
  }
end

local said = dofile("tests/lua/claims_said.lua")   -- every claim of a sentence, as text

test("readers that begin with characters of one to four bytes are found where they begin", function()
  local fast, plain = claims.for_format(F), claims.for_format(F, { plain_search = true })
  local G = fast.grammar(spec())
  plain.grammar(spec())
  eq(true, G.scan ~= nil and G.starts ~= nil, "searched where a reader can begin")
  local n = 0
  for _, s in ipairs {
    "x收到5件，é结转3件，结转下年度2件，😀办结1件。",
    "y收到5件，e结转3件，转出2件，😃办结1件，😀办1件。",     -- bytes a first character shares, not the character
    "ｘ收到5件，É结转3件，转入 4 件",
  } do
    local got = said(fast, s)
    if got ~= "" then n = n + 1 end
    eq(said(plain, s), got, s)
  end
  eq(2, n, "sentences that claim")
end)

-- The characters of each first byte are told apart from those of another:
-- 滓 (E6 BB 93) and 甶 (E7 94 B6) are made of the bytes of 收 (E6 94 B6) and
-- 结 (E7 BB 93) at their places, and begin no reader; a reader just past
-- them, or past a character of one byte, a run of them, is found.
local function crossed()
  return {
    name = "crossed", topic = "t3",
    readers = {
      { cells = "t3.new.total", grammar = [[ claim <- "收到" %count ]] },
      { cells = "t3.carried.total", grammar = [[ claim <- "结转" %count ]] },
      { cells = "t4.rv.total", grammar = [[ claim <- "x" "复议" %count ]] },
    },
  }
end

test("a character made of the bytes of two first characters is passed over, and what follows it read", function()
  local fast, plain = claims.for_format(F), claims.for_format(F, { plain_search = true })
  local G = fast.grammar(crossed())
  plain.grammar(crossed())
  eq(true, G.scan ~= nil and G.starts ~= nil, "searched where a reader can begin")
  local n = 0
  for _, s in ipairs {
    "滓收到5件，甶结转3件，xx复议1件。",
    "滓甶收到到5件，结结转3件，滓x复议2件。",
    "滓到5件，甶转3件，y复议1件。",
  } do
    local got = said(fast, s)
    if got ~= "" then n = n + 1 end
    eq(said(plain, s), got, s)
  end
  eq(2, n, "sentences that claim")
end)
