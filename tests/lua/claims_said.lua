-- Every claim a set of grammars reads in a sentence, as one line of text:
-- what the claim tests compare, one way of searching against another.
--   local said = dofile("tests/lua/claims_said.lua")
--   said(claims.for_format(F), "全年共收到申请154件")

return function(T, s)
  local out = {}
  for _, c in ipairs(T.read(s, { year = 2024 })) do
    out[#out + 1] = string.format("%s %s %s %d-%d", c.kind, c.cells, tostring(c.value), c.at, c.stop)
  end
  return table.concat(out, "; ")
end
