-- A year said as a number is looked at as a year only where a year's mark
-- follows it (spaces between allowed, "年" or "年度"): the mark is looked for
-- before the year is asked of Lua, which changes no reading.

local F = nianbao.engine:pack("gb2021").format
local claims = require "claims"

test("a year number reads as before with its mark after spaces, as 年度, and not without a mark", function()
  local T = claims.for_format(F)
  T.grammar {
    name = "marked", topic = "t3",
    readers = {
      { cells = "t3.carried.total", grammar = [[ claim <- %last_year "结转" %count ]] },
      { cells = "t3.new.total", grammar = [[ claim <- %this_year "收到" %count ]] },
    },
  }
  local function said(s, year)
    local out = {}
    for _, c in ipairs(T.read(s, { year = year })) do out[#out + 1] = c.cells .. "=" .. tostring(c.value) end
    return table.concat(out, " ")
  end
  eq("t3.carried.total=3", said("2023 年结转3件。", 2024), "spaces before the mark")
  eq("t3.carried.total=3", said("2023\u{3000}年度结转3件。", 2024), "a full-width space, 年度")
  eq("t3.new.total=5", said("2024年度收到5件。", 2024), "this year")
  eq("", said("2023结转3件。", 2024), "no mark")
  eq("t3.carried.total=3", said("12023年结转3件。", 2024), "the last four digits of a longer number")
  eq("t3.new.total=5; t3.carried.total=2", said("2024年收到5件，2023年结转2件。", 2024):gsub(" t3", "; t3"), "two years")
end)

test("a sentence with runs of digits but no year reads as before", function()
  local T = claims.for_format(F)
  T.grammar {
    name = "phone", topic = "t3",
    readers = { { cells = "t3.carried.total", grammar = [[ claim <- %last_year "结转" %count ]] } },
  }
  eq(0, #T.read("联系电话：0531-86068682，2023结转3件。", { year = 2024 }))
  eq(1, #T.read("联系电话：0531-86068682，2023年结转3件。", { year = 2024 }))
end)
