-- A run of spaces (a PDF's table lines are mostly that) is passed whole by
-- the search of a grammar's readers once none matches at its first place,
-- where each reader that can begin with a space begins it with a word that
-- reads the whole run (%sp, %count, %money, %pct). A reader that tells the
-- places of a run apart (a predicate, a literal space) leaves every place
-- searched. Either way the claims are those of the search of every place.

local lpeg = require "lpeg"
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

local said = dofile("tests/lua/claims_said.lua")   -- every claim of a sentence, as text

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

-- The words that read spaces (%sp, and %count, %money, %pct through it) read
-- a run of spaces and tabs whole, as a span, and the search of a grammar's
-- readers passes the bytes after a character's first byte in the same step:
-- both read what a space, a byte at a time, read.

test("%sp reads as far as spaces, tabs and the format's spaces one at a time read", function()
  local T = claims.for_format(F)
  local one = lpeg.S" \t"
  for _, w in ipairs(F.language.spaces or {}) do one = one + lpeg.P(w) end
  local by_one = one^0 * lpeg.Cp()
  local sp = T.defs.sp * lpeg.Cp()
  for _, s in ipairs { "", "x", "   x", "\t \t5", "　 　件", " \u{A0}  \u{A0}\t", "      0      0", " 　" .. "\t", "　x　" } do
    for at = 1, #s + 1 do
      eq(by_one:match(s, at), sp:match(s, at), string.format("%q at %d", s, at))
    end
  end
end)


test("the readers searched in steps of a character read the claims of searching every place", function()
  local fast, plain = claims.for_format(F), claims.for_format(F, { plain_search = true })
  for _, T in ipairs { fast, plain } do
    T.grammar {
      name = "spans", topic = "t3",
      words = [[ verb <- "收到" / "办结" / "结转" ]],
      readers = {
        { cells = "t3.new.total", grammar = "claim <- verb %sp %count" },
        { cells = "t3.next.total", grammar = [[ claim <- %count "申请"? "结转" ]] },
        { cells = "t3.carried.total", grammar = [[ claim <- "上年" verb %count ]] },
      },
    }
  end
  for _, s in ipairs {
    "收到申请数量      19      1      0      0件结转下年度",
    "本年收到  \t 12件，上年结转　3件，另有 4 1 2 件结转",
    "属于国家秘密      0      0      0      0      0      0      0收到      7件",
    "收到" .. string.rep("政府信息公开", 40) .. "3件",
    "结转      ２件，收到\u{A0}\u{A0}9件，办结\t\t\t8件",
    "收到收到收到5件5件结转",
  } do
    eq(said(plain, s), said(fast, s), s)
  end
end)

test("a sentence is read for what it may claim past any stretch of bytes that begin none of it", function()
  local T = claims.for_format(F)
  T.grammar {
    name = "worth", topic = "t3",
    readers = { { cells = "t3.new.total", grammar = [[ claim <- "收到" %sp %count ]] } },
  }
  local long = string.rep("abc-xyz_", 40)
  eq("t3.new.total=5", (function()
    local out = {}
    for _, c in ipairs(T.read(long .. "收到 5件" .. long, { year = 2024 })) do out[#out + 1] = c.cells .. "=" .. tostring(c.value) end
    return table.concat(out, " ")
  end)(), "a count after a long stretch")
  eq(1, #T.read(long .. "收到５件", { year = 2024 }), "a full-width digit")
  eq(0, #T.read(long .. "收到件" .. long, { year = 2024 }), "no number: nothing read")
end)
