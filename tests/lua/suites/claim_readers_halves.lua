-- The readers of a grammar compiled together are one choice, joined in
-- halves (not an alternative at a time): at a place where several match,
-- each is still tried in its order, the first of them found first, and
-- every one of them reads what it reads compiled alone.

local F = nianbao.engine:pack("gb2021").format
local claims = require "claims"
local said = dofile("tests/lua/claims_said.lua")   -- every claim of a sentence, as text

-- nine readers (an odd number: halves of two sizes), several of one place;
-- `ref` is how they name the rule "verb" (<verb>: each compiled alone)
local function spec(name, ref)
  local readers = {}
  local cells = { "t3.new.total", "t3.carried.total", "t3.next.total", "t3.new.np", "t3.new.legal",
                  "t3.new.ngo", "t3.new.biz", "t3.new.research", "t3.new.other" }
  local grammars = {
    "claim <- " .. ref .. " %sp %count",
    "claim <- " .. ref .. " \"申请\" %count",
    "claim <- \"结转\" \"下年度\" %count",
    "claim <- " .. ref .. " (!\"另\" %any)* \"另\" %count",    -- of the same place as the one above
    "claim <- \"自然人\" %count",
    "claim <- \"结转\" %sp %count",
    "claim <- \"企业\" %count",
    "claim <- \"登记\" %count",
    "claim <- \"其他\" %count",
  }
  for i, g in ipairs(grammars) do readers[i] = { cells = cells[i], grammar = g } end
  return { name = name, topic = "t3", words = [[ verb <- "收到" / "受理" ]], readers = readers }
end

test("nine readers compiled together, joined in halves, read what each reads compiled alone", function()
  local together, alone = claims.for_format(F), claims.for_format(F)
  local G = together.grammar(spec("halves", "verb"))
  eq(true, G.scan ~= nil, "compiled together")
  eq(nil, alone.grammar(spec("alone", "<verb>")).scan, "compiled alone")
  local n = 0
  for _, s in ipairs {
    "收到申请4件，另5件",
    "收到 7件",
    "受理申请3件，结转下年度2件，结转1件",
    "自然人3件，企业2件，其他1件",
    "登记6件，收到申请9件",
    "其他工作",
  } do
    local got = said(together, s)
    eq(said(alone, s), got, s)
    for _ in got:gmatch("is ") do n = n + 1 end
  end
  if n < 10 then error("too few claims read to tell: " .. n) end
end)
