-- The words that read spaces (%sp, and %count, %money, %pct through it) read
-- a run of spaces and tabs whole, as a span, and the search of a grammar's
-- readers passes the bytes after a character's first byte in the same step:
-- both read what a space, a byte at a time, read.

local lpeg = require "lpeg"
local F = nianbao.engine:pack("gb2021").format
local claims = require "claims"

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

-- every claim of a sentence, as text
local function said(T, s)
  local out = {}
  for _, c in ipairs(T.read(s, { year = 2024 })) do
    out[#out + 1] = string.format("%s %s %s %d-%d", c.kind, c.cells, tostring(c.value), c.at, c.stop)
  end
  return table.concat(out, "; ")
end

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
