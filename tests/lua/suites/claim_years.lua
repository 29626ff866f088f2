-- A year said as a number is this year's, last year's or next year's only
-- when it is the report's year, the one before or the one after; its digits
-- may be ASCII or full width, and a report without a year has none of them.

local F = nianbao.engine:pack("gb2021").format
local claims = require "claims"

test("a year number is last year's when it is the year before the report's, in either kind of digit", function()
  local T = claims.for_format(F)
  T.grammar {
    name = "years", topic = "t3",
    readers = {
      { cells = "t3.carried.total", grammar = [[ claim <- %last_year "结转" %count ]] },
      { cells = "t3.next.total", grammar = [[ claim <- %next_year "办理" %count ]] },
    },
  }
  local function said(s, year)
    local out = {}
    for _, c in ipairs(T.read(s, { year = year })) do out[#out + 1] = c.cells .. "=" .. tostring(c.value) end
    return table.concat(out, " ")
  end
  eq("t3.carried.total=3", said("2023年结转3件。", 2024), "ASCII digits")
  eq("t3.carried.total=3", said("２０２３年结转3件。", 2024), "full-width digits")
  eq("t3.carried.total=3", said("2０2３年结转3件。", 2024), "the two mixed")
  eq("", said("2022年结转3件。", 2024), "two years before")
  eq("", said("2023年结转3件。", nil), "a report without a year")
  eq("t3.next.total=4", said("２０２５年办理4件。", 2024), "the year after")
  eq("", said("2024年办理4件。", 2024), "not the year after")
end)
