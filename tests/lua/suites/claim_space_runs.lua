-- A run of spaces (a PDF's table lines are mostly that) is passed whole by
-- the search of a grammar's readers once none matches at its first place,
-- where each reader that can begin with a space begins it with a word that
-- reads the whole run (%sp, %count, %money, %pct). A reader that tells the
-- places of a run apart (a predicate, a literal space) leaves every place
-- searched. Either way the claims are those of the search of every place.

local F = nianbao.engine:pack("gb2021").format
local claims = require "claims"

local function grammar(T, first)
  return T.grammar {
    name = "runs", topic = "t3",
    words = [[ verb <- "收到" / "办结" ]],
    readers = {
      { cells = "t3.new.total", grammar = "claim <- verb %count" },
      { cells = "t3.next.total", grammar = "claim <- " .. first },
    },
  }
end

local function said(T, s)
  local out = {}
  for _, c in ipairs(T.read(s, { year = 2024 })) do
    out[#out + 1] = string.format("%s %s %s %d-%d", c.kind, c.cells, tostring(c.value), c.at, c.stop)
  end
  return table.concat(out, "; ")
end

local SENTENCES = {
  "收到申请数量      19      1      0件结转下年度",
  "收到      5件，另有   　 3件结转下年度",
  "申请\t\t 7件结转，收到 　　 2件",
  "   4件结转下年度   ",
  "收到5件，  　  　",
  "结转下年度      0      0      0      0",
}

test("readers that begin a space only with a word reading the whole run pass runs whole", function()
  for _, first in ipairs { [[ %count "结转" ]], [[ "共"? %sp %count "结转" ]], [[ {} %count "结转" ]],
                           [[ %count "结转" / %sp "另有" %count ]], [[ "结转" !"x" %count ]] } do
    local fast, plain = claims.for_format(F), claims.for_format(F, { plain_search = true })
    local G = grammar(fast, first)
    grammar(plain, first)
    eq(true, G.scan ~= nil and G.space_runs == true, "runs passed whole: " .. first)
    for _, s in ipairs(SENTENCES) do eq(said(plain, s), said(fast, s), first .. " in " .. s) end
  end
end)

test("readers that tell the places of a run apart leave every place searched, with the same claims", function()
  for _, first in ipairs { [[ !"  " %count "结转" ]], [[ &(" " [0-9]) %count "结转" ]], [[ " " [0-9] "件结转" ]],
                           [[ [ 0-9] "件结转" ]], [[ "共"? !"  " %sp %count "结转" ]], '"\t" %count "结转"' } do
    local fast, plain = claims.for_format(F), claims.for_format(F, { plain_search = true })
    local G = grammar(fast, first)
    grammar(plain, first)
    eq(true, G.scan ~= nil and G.starts ~= nil, "searched where a reader can begin: " .. first)
    eq(nil, G.space_runs, "every place of a run searched: " .. first)
    for _, s in ipairs(SENTENCES) do eq(said(plain, s), said(fast, s), first .. " in " .. s) end
  end
end)

test("a reader matching at the first place of a run matches at each place of it, as before", function()
  local T = claims.for_format(F)
  grammar(T, [[ %count "结转" ]])
  local claimed = said(T, "收到申请   4件结转下年度")
  -- read at each of the three spaces and at the digit; one claim is kept
  eq("is t3.next.total 4 13-26", claimed, "the claim of the run")
end)
