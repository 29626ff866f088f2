-- The statistics period of a text is read once per format and text (the
-- opening's lines of a batch's pages repeat): each answer is a table of its
-- own, placed at the block asked about, and a text with none has none.

local bind = require "pipeline.bind"

local F = nianbao.engine:pack("gb2021").format

test("a period read again is placed at the block asked about, in a table of its own", function()
  local text = "本报告中所列数据统计期限从2024年1月1日到12月31日止。"
  local a = bind.parse_period(F, text, { line = 3, col = 2 })
  local b = bind.parse_period(F, text, { line = 9, col = 1 })
  eq("2024-01-01", a.from)
  eq("2024-12-31", a.to)
  eq(3, a.line) eq(2, a.col)
  eq(9, b.line) eq(1, b.col)
  eq("2024-01-01", b.from)
  eq("2024-12-31", b.to)
  assert(a ~= b, "one table for each answer")
  a.from = "changed"
  eq("2024-01-01", bind.parse_period(F, text).from, "an answer changed by its caller changes no other")
  eq(nil, bind.parse_period(F, text).line, "no block: no place")
end)

test("a text with no period has none, asked once or again", function()
  for _ = 1, 2 do
    eq(nil, bind.parse_period(F, "首页", { line = 1, col = 1 }))
    eq(nil, bind.parse_period(F, "政府信息公开年报", nil))
  end
  eq(nil, bind.parse_period(F, nil))
end)

test("a period in full-width digits, or with its separators so, is stated", function()
  local cases = {
    ["统计期限为２０２１年１月１日至１２月３１日。"] = { "2021-01-01", "2021-12-31" },
    ["统计期限为2024年1月1日－2024年12月31日"] = { "2024-01-01", "2024-12-31" },
    ["统计期限为2024年1月1日—12月31日"] = { "2024-01-01", "2024-12-31" },
    ["统计期限为2024年1月1日～12月31日"] = { "2024-01-01", "2024-12-31" },
  }
  for text, want in pairs(cases) do
    local p = bind.parse_period(F, text)
    eq(want[1], p and p.from, text)
    eq(want[2], p and p.to, text)
  end
  -- and a report that states it so is not told it did not
  local page = assert(nbio.readfile("tests/fixtures/probe22/p4-numerals.html"))
  local wide, n = page:gsub("统计期限为2021年1月1日至12月31日", "统计期限为２０２１年１月１日至１２月３１日", 1)
  eq(1, n, "the period to print in full width")
  local found = rules_found(write("period_wide.html", wide))
  assert(not found:find("period_stated", 1, true), found)
end)
