-- Scraped text is cut into blocks in C unless it holds a Markdown mark
-- (# > * <, or "---" anywhere): then nianbao.text.blocks says false and the
-- Lua loop reads it. Each mark is seen wherever it stands, first byte and
-- last, and dashes fewer than three are none.

local function has_mark(text)
  return text:find("[#>*<]") ~= nil or text:find("---", 1, true) ~= nil
end

test("text.blocks leaves a text to the Lua loop exactly where it holds a mark", function()
  local texts = { "", "-", "--", "---", "a--", "a---", "---a", "a - - -", "a-b-c-d |\n", "2025-01-22 |\n",
                  "#", "a#", "#a", "a>b", "x *", "<", "a |\nb |\n--\n", "a |\nb |\n-- -\n", "a |\nb --- |\n",
                  "索 引 号: | 394445/2025-89455 |\n第一行\n", "中-", "中--", "中---", "-中--中-" }
  for _, text in ipairs(texts) do
    eq(has_mark(text), nianbao.text.blocks(text) == false, string.format("%q", text))
  end
  -- every place of a mark in a longer text, and dashes at every place
  local base = ("年度 | 12 |\n"):rep(5)
  for at = 1, #base + 1 do
    for _, m in ipairs { "#", ">", "*", "<", "---", "--", "-" } do
      local text = base:sub(1, at - 1) .. m .. base:sub(at)
      eq(has_mark(text), nianbao.text.blocks(text) == false, string.format("%q", text))
    end
  end
end)
