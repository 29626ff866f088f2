-- What the text checks read in a sentence: each claim, the cells it is
-- about, and the number. For policy staff trying a new wording.
--   nianbao run examples/scripts/claims.lua "全年共收到申请154件，共办结148件" [YEAR]
local nianbao = require "nianbao"
-- the prose helpers the rules of the national pack registered their grammars with
local text = nianbao.engine:pack("gb2021").rule_by_id["gb2021.txt.new"].env.text
local sentence, year = arg[1], math.tointeger(tonumber(arg[2] or ""))
assert(sentence, "usage: claims.lua SENTENCE [YEAR]")
local claims = text.read(sentence, { year = year })
if #claims == 0 then print("（无）no claim") end
for _, c in ipairs(claims) do
  local number = c.kind == "share" and (c.pct .. "% of " .. c.of) or c.kind == "pct_change" and (c.pct .. "%") or c.value
  -- (a claim that holds only where some cells are 0: 新收申请32件，已办结30件)
  local only = c.if_zero and ("   (if " .. c.if_zero .. " = 0)") or ""
  print(string.format("%-10s %-40s %s%s", c.kind, c.cells, tostring(number), only))
end
