-- The report around its tables, printed as more issuers print it: a date
-- in numerals, parts numbered 第一章, a signature on one line or its date
-- over the name, the page's fields in 【】, a part 七 of annexes, a
-- WeChat article, a department's tables as pictures, an office's 代章.

local E = nianbao.engine
local DIR = "tests/fixtures/meta24/"

local function text_of(name) return assert(nbio.readfile(DIR .. name)) end

-- the rules a file's findings name, but the notes on a part's prose
local function struct_found(path)
  local left = {}
  for rule in rules_found(path):gmatch("%S+") do
    if rule ~= "gb2021.qlt.thin" and not rule:find("^gb2021%.struct%.s[16]_") then left[#left + 1] = rule end
  end
  return table.concat(left, " ")
end

test("a year, a period and a signature's date in numerals are read", function()
  local R = assert(E:read(DIR .. "n1-numerals.txt"))
  eq(2022, R.title_year, "二〇二二年度 in the title")
  eq("2022-01-01", R.period and R.period.from, "二〇二二年一月一日")
  eq("2022-12-31", R.period and R.period.to, "二〇二二年十二月三十一日")
  eq("2023-01-19", R.written, "二〇二三年元月十九日")
  eq("鹤鸣县自然资源局", R.agency, "the title's name before its year")
  eq("", struct_found(DIR .. "n1-numerals.txt"), "no finding on the period or the dates")
  local text = text_of("n1-numerals.txt"):gsub("二〇二三年元月十九日", "二○二三年一月十九日")
  eq("2023-01-19", assert(E:read(write("numerals_circle.txt", text))).written, "○ for 〇")
end)

test("a month in numerals with no day is no date written", function()
  local text = text_of("n1-numerals.txt"):gsub("二〇二三年元月十九日", "二〇二三年元月")
  eq(nil, assert(E:read(write("numerals_no_day.txt", text))).written, "no day")
end)

test("parts numbered 第一章 … 第六章 are the six parts; a title over two lines names issuer and year", function()
  local R = assert(E:read(DIR .. "n2-chapters.md"))
  for _, id in ipairs { "s1", "s2", "s3", "s4", "s5", "s6" } do
    assert(R:section(id), "part " .. id .. " found")
  end
  eq("临川市人民政府", R.agency, "the title's first line")
  eq(2024, R.year, "its second line")
  eq("2025-01-22", R.written, "the office's name and the date on one line")
  eq("", struct_found(DIR .. "n2-chapters.md"), "no part missing, no row misread")
end)

test("the page's fields in lenticular brackets; a date over the issuer's name", function()
  local R = assert(E:read(DIR .. "n3-about-title.html"))
  eq("2022-01-20", R.published, "【发布时间：2022-01-20】")
  eq("2022-01-18", R.written, "the date, then the name under it")
  eq("石门县林业局", R.agency, "…关于2021年度政府信息公开工作的报告")
  eq(2021, R.year, "2021年度")
end)

test("a date over a line that is no name is no signature", function()
  local text = text_of("n4-zhengwu-annex.txt"):gsub("2023年1月16日　江北区政务服务管理局\n$",
                                                    "2023年1月16日\n以上为本局年度报告。\n")
  eq(nil, assert(E:read(write("date_over_sentence.txt", text))).written, "a sentence under the date")
end)

test("政务公开 in the title, a part 七 of annexes, the signature on one line, its date first", function()
  local R = assert(E:read(DIR .. "n4-zhengwu-annex.txt"))
  eq(nil, R.title, "…政务公开工作年度报告 is not this format's title")
  eq("江北区政务服务管理局", R.agency, "the signature's name")
  eq(2022, R.year, "the period's year")
  eq("2023-01-16", R.written, "2023年1月16日　江北区政务服务管理局")
  eq("", struct_found(DIR .. "n4-zhengwu-annex.txt"), "no finding on part 七")
end)

test("a WeChat article: its account's line is no date published; a signature in numerals is", function()
  local R = assert(E:read(DIR .. "n5-wechat.md"))
  eq(nil, R.published, "原创 … 2025年01月20日 18:30 is left unread")
  eq("2025-01-16", R.written, "二〇二五年一月十六日")
  eq("township", R.issuer, "a town")
end)

test("a department's 信息公开工作年度报告 with its tables as pictures is read, its tables not text", function()
  local found = rules_found(DIR .. "n6-dept-pictures.html")
  has(found, " gb2021.struct.table_not_text ", "pictures")
  assert(not found:find("struct.section_missing", 1, true), "every part is there:" .. found)
  local R = assert(E:read(DIR .. "n6-dept-pictures.html"))
  eq("石门县林业局", R.agency, "the title's name")
  eq("2022-01-18", R.written, "the name, a <br>, the date")
end)

test("an office signs for its government (代章) under a seal's mark: the title's issuer, the date written", function()
  local R = assert(E:read(DIR .. "n7-office-seal.md"))
  eq("澄江市人民政府", R.agency, "the title's issuer, not the office")
  eq("2025-01-24", R.published, "公开时间")
  eq("2025-01-21", R.written, "the date under （盖章）")
  eq("", struct_found(DIR .. "n7-office-seal.md"), "no finding on the year 2023's numbers cited")
end)

test("a report that ends in a long paragraph, no signature, is read with no date written", function()
  local text = text_of("n1-numerals.txt"):gsub("鹤鸣县自然资源局\n二〇二三年元月十九日\n$",
    string.rep("我局将继续做好政府信息公开工作，", 12) .. "\n")
  local R = assert(E:read(write("long_last_line.txt", text)))
  eq(nil, R.written, "no signature")
  eq(nil, rules_found(write("long_last_line2.txt", text)):find("unreadable", 1, true), "read")
end)

test("parts numbered 第一章 in plain text: the six parts, and table 四 without the signature's date", function()
  local text = text_of("n1-numerals.txt")
  for _, p in ipairs { { "一", "总体" }, { "二", "主动" }, { "三", "收到" }, { "四", "政府" }, { "五", "存在" }, { "六", "其他" } } do
    text = text:gsub("\n" .. p[1] .. "、" .. p[2], "\n第" .. p[1] .. "章 " .. p[2], 1)
  end
  local found = rules_found(write("chapters.txt", text:gsub("二〇二三年元月十九日", "2023年1月19日")))
  assert(not found:find("section_missing", 1, true), "every part is there:" .. found)
  assert(not found:find("parse.row_values", 1, true), "table 四 holds its 15 values:" .. found)
end)

test("a line of many fields: each gap kind found again once passed, every field read", function()
  local E = nianbao.engine
  local page = assert(nbio.readfile(DIR .. "n1-numerals.txt"))
  -- fields parted by every gap kind, each kind more than once, the two wanted last
  local line = "来源：县政府办  浏览次数：3\t字号：大　中　小【打印】【关闭】分享： 微信\u{A0}微博"
               .. "  索引号：001/2025-00012　发布时间：2025-01-24【成文日期：2025-01-20】"
  local path = write("meta24_fields.txt", line .. "\n" .. page)
  local R = assert(E:read(path))
  eq("2025-01-24", R.published, "发布时间, after gaps of every kind")
end)
