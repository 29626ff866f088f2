-- The words a reader must not follow (not_after) or a sentence must hold
-- (requires) are compiled once for each text: readers that give the same
-- text share them, and each still reads as its own.

local F = nianbao.engine:pack("gb2021").format
local claims = require "claims"

test("readers giving the same not_after and requires share them and still read as before", function()
  local T = claims.for_format(F)
  local part, about = [[ "其中" ]], [[ "申请" ]]
  local G = T.grammar {
    name = "shared", topic = "t3",
    readers = {
      { cells = "t3.new.total", not_after = part, requires = about, grammar = [[ claim <- "收到" %count ]] },
      { cells = "t3.next.total", not_after = part, requires = about, grammar = [[ claim <- "结转" %count ]] },
      { cells = "t3.carried.total", not_after = [[ "其余" ]], grammar = [[ claim <- "上年" %count ]] },
    },
  }
  eq(true, G.readers[1].not_after == G.readers[2].not_after, "one not_after for one text")
  eq(true, G.readers[1].requires == G.readers[2].requires, "one requires for one text")
  eq(false, G.readers[1].not_after == G.readers[3].not_after, "another text, another not_after")
  local function said(s)
    local out = {}
    for _, c in ipairs(T.read(s, { year = 2024 })) do out[#out + 1] = c.cells .. "=" .. tostring(c.value) end
    return table.concat(out, " ")
  end
  eq("t3.new.total=5 t3.next.total=2", said("收到5件申请，结转2件。"), "both read")
  eq("t3.next.total=2", said("申请中其中收到5件，结转2件。"), "not after 其中 in its clause")
  eq("", said("收到5件，结转2件。"), "a sentence without 申请")
end)
