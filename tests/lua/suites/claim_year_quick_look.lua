-- The quick look that passes over a sentence claiming nothing takes a year
-- written as a number ("2023年") as last year's against the year of the
-- sentence it looks at, not the year of the sentence read before it: a
-- reading does not hang on which report was read first.

local F = nianbao.engine:pack("gb2021").format
local claims = require "claims"

-- a grammar whose one reader claims with no number: only the year makes
-- the sentence worth reading
local function with_grammar()
  local T = claims.for_format(F)
  T.grammar { name = "settled", topic = "t3", readers = {
    { cells = "t3.carried.total", grammar = [[ claim <- {:zero: %last_year :} "结转已清" ]] },
  } }
  return T
end

local function said(found)
  local out = {}
  for _, c in ipairs(found) do out[#out + 1] = c.cells .. "=" .. tostring(c.value) end
  return table.concat(out, " ")
end

test("a number year is last year's by the year of the sentence looked at, whatever was read before", function()
  local alone = said(with_grammar().read("2023年结转已清", { year = 2024 }))
  eq("t3.carried.total=0", alone, "read alone: the claim")
  local T = with_grammar()
  eq("t3.carried.total=0", said(T.read("2021年结转已清", { year = 2022 })), "a report of 2022 read first")
  eq(alone, said(T.read("2023年结转已清", { year = 2024 })), "then one of 2024: as alone")
  eq("", said(T.read("2022年结转已清", { year = 2024 })), "two years before is not last year")
end)

test("a report's claims do not hang on the year of the report read before it", function()
  local T = with_grammar()
  local function report(year, text)
    return { year = year, sections = { { id = "s1" } },
             section = function(_, id) return id == "s1" and { text = text } or nil end,
             place = function() return 1, 1 end }
  end
  local first = T.claims_in(report(2022, "2021年结转已清。"))
  eq(1, #first, "the first report's claim")
  local later = T.claims_in(report(2024, "2023年结转已清。"))
  local fresh = with_grammar().claims_in(report(2024, "2023年结转已清。"))
  eq(#fresh, #later, "as the report read alone")
  eq(1, #later, "the later report's claim")
end)
