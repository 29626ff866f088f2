-- The words of a format's language made of one of its lists (numerals,
-- negations, units …) are made from the list as it is, sorted once for all
-- the words made of it: the list itself is left as the format gave it.

local F = nianbao.engine:pack("gb2021").format
local claims = require "claims"

test("the words made of the language's lists leave the lists as they were", function()
  local L = F.language
  local before = {}
  for _, k in ipairs { "negation", "zero", "list", "units", "last_year", "comparison" } do
    before[k] = table.concat(L[k] or {}, "|")
  end
  local T = claims.for_format(F)
  for k, v in pairs(before) do eq(v, table.concat(L[k] or {}, "|"), "language." .. k) end
  eq(105, T.number("一百零五"), "a numeral of digits and multiples")
  eq(1234, T.number("1,234"), "a number with commas")
end)
