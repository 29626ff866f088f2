-- The quick look at a sentence (does it hold a count, a sum, a percentage,
-- a negation, a zero or last year?) tries its words only at the characters
-- they begin with, told a byte at a time by the bytes of those characters:
-- a sentence whose count begins with any of them is read, one whose
-- characters only share bytes with them is not.

local F = nianbao.engine:pack("gb2021").format
local claims = require "claims"

local function spec()
  return {
    name = "look", topic = "t3",
    words = [[ verb <- "收到" / "受理" ]],
    readers = {
      { cells = "t3.new.total", grammar = "claim <- verb \"申请\" %sp %count" },
      { cells = "t3.carried.total", grammar = [[ claim <- {:zero: %neg :} "结转" ]] },
      { cells = "t3.carried.total", grammar = [[ claim <- %last_year "结转" %count ]] },
    },
  }
end

local function read(T, s)
  local out = {}
  for _, c in ipairs(T.read(s, { year = 2024 })) do out[#out + 1] = c.kind .. " " .. c.cells .. "=" .. tostring(c.value) end
  return table.concat(out, "; ")
end

test("a sentence is read where its count, negation or last year begins with any of the first characters", function()
  local T = claims.for_format(F)
  T.grammar(spec())
  for _, case in ipairs {
    { "收到申请3件", "is t3.new.total=3" },
    { "收到申请３件", "is t3.new.total=3" },             -- a full-width digit
    { "收到申请叁件", "is t3.new.total=3" },             -- a financial numeral
    { "收到申请两件", "is t3.new.total=2" },
    { "收到申请十二件", "is t3.new.total=12" },
    { "收到申请九件", "is t3.new.total=9" },
    { "收到申请\u{3000}7件", "is t3.new.total=7" },       -- a full-width space first
    { "无结转", "is t3.carried.total=0" },               -- a negation
    { "上年结转4件", "is t3.carried.total=4" },           -- last year
    { "去年结转4件", "is t3.carried.total=4" },
    -- characters that share the first two bytes with 两 (丢), 九 (乜), 十 (卂), 无 (旡): no count
    { "收到申请丢件", "" }, { "收到申请乜件", "" }, { "收到申请卂件", "" }, { "旡结转", "" },
  } do
    eq(case[2], read(T, case[1]), case[1])
  end
end)

test("spaces are looked past: a count after them is read, spaces alone are not", function()
  local T = claims.for_format(F)
  T.grammar(spec())
  for _, case in ipairs {
    { "收到申请 \t 3件", "is t3.new.total=3" },
    { "收到申请\u{3000} \u{3000}7件", "is t3.new.total=7" },
    { "收到申请   十二件", "is t3.new.total=12" },
    { "收到申请" .. string.rep(" ", 40) .. "5件", "is t3.new.total=5" },
    { "收到申请" .. string.rep(" ", 40) .. "件", "" },
    { "收到申请 \u{3000} ", "" },
    { "上年结转  4件", "is t3.carried.total=4" },
  } do
    eq(case[2], read(T, case[1]), case[1])
  end
end)
