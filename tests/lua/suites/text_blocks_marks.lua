-- Scraped text is cut into blocks in C unless it holds Markdown that the
-- reader's Lua loop rewrites: a line whose first byte past spaces is # or >
-- (a heading, a quote) or that begins "<table" (an HTML table), or "**",
-- "<br", "<sup", an inline tag ("<span", "</u>"), a link's or span's "](" or
-- "]{", an escape ("\\-") or "---" anywhere.
-- A mark elsewhere in a line is the page's own text ("首页 > 政务公开",
-- "印发<格式>的通知", "-->"), which the loop leaves as it is: C reads it.

local INLINE = { span = true, font = true, u = true, b = true, i = true, em = true, strong = true, ins = true,
                 small = true, big = true, mark = true, a = true, sub = true, del = true, s = true, strike = true }

local function has_markdown(text)
  for line in (text .. "\n"):gmatch("([^\n]*)\n") do
    if line:find("^%s*[#>]") or line:lower():find("^%s*<table") then return true end
  end
  for name in text:gmatch("</?(%a+)") do
    if INLINE[name:lower()] then return true end
  end
  return text:find("**", 1, true) ~= nil or text:find("<[Bb][Rr]") ~= nil or text:find("<[Ss][Uu][Pp]") ~= nil
         or text:find("---", 1, true) ~= nil or text:find("%][%({]") ~= nil or text:find("\\%p") ~= nil
end

test("text.blocks leaves a text to the Lua loop exactly where it holds Markdown the loop rewrites", function()
  local texts = { "", "-", "--", "---", "a--", "a---", "---a", "a - - -", "a-b-c-d |\n", "2025-01-22 |\n",
                  "#", "a#", "#a", " \t#a", "a\n#", "a>b", ">b", "a\n  > b", "x *", "x **", "*", "*a*",
                  "<", "a<b", "<b>", "<tab", "a <Br> b", "a<bR/>", "a <b>粗</b>", "<table>", "x\n <TABLE border=1>",
                  "a <table>", "<tablet>",
                  "a |\nb |\n--\n", "a |\nb |\n-- -\n", "a |\nb --- |\n", "\r#", "a\r\n# b\r\n",
                  "首页 > 政务公开 > 政府信息公开年报\n", "关于印发<政府信息公开工作年度报告格式>的通知\n",
                  "<!-- 正文 -->\n", "正文 -->\n", "　# 全角空格后\n", "索 引 号: | 394445/2025-89455 |\n第一行\n",
                  "中-", "中--", "中---", "-中--中-" }
  for _, text in ipairs(texts) do
    eq(has_markdown(text), nianbao.text.blocks(text) == false, string.format("%q", text))
  end
  -- every place of a mark in a longer text, and dashes at every place
  local base = ("年度 | 12 |\n 办理 |\n"):rep(3)
  for at = 1, #base + 1 do
    for _, m in ipairs { "#", ">", "*", "**", "<", "<br>", "<table>", "<TaBle", "---", "--", "-" } do
      local text = base:sub(1, at - 1) .. m .. base:sub(at)
      eq(has_markdown(text), nianbao.text.blocks(text) == false, string.format("%q", text))
    end
  end
end)

test("the marks of a scraped page's own text do not send it to the Lua loop", function()
  for _, text in ipairs { "首页 > 政务公开 > 年报\n标题 |\n", "印发<格式>的通知\n", "<!-- a -->x |\n<!-- b -->\n",
                          "* 1 | 2 * 3 |\n", "第 # 1 号\n" } do
    eq(true, nianbao.text.blocks(text) ~= false, text)
  end
end)
