-- Who issued a report and when, read around its tables: a title with no
-- year still names its issuer; a date alone at the end is the date it was
-- written; the page's fields give the date published, with a time or in
-- slashes; a date with no day is no date.

local E = nianbao.engine
local DIR = "tests/fixtures/meta23/"

local function text_of(name) return assert(nbio.readfile(DIR .. name)) end

test("a title with no year names the issuer; a date alone at the end is the date written", function()
  local R = assert(E:read(DIR .. "m7-year-in-period.txt"))
  eq("云台县审计局", R.agency, "the name before the report's words")
  eq("dept", R.issuer, "a department")
  eq(2022, R.year, "the year of the statistics period")
  eq("2023-01-19", R.written, "the date that ends the report")
  eq("本年度未收取信息处理费。", R:section("s6").text, "the date is no text of part 六")
end)

test("a title with no year and no name, or a name no issuer's, names no issuer", function()
  local text = text_of("m7-year-in-period.txt"):gsub("^云台县审计局", "", 1)
  local R = assert(E:read(write("title_unnamed.txt", text)))
  eq(nil, R.agency, "no name in the title")
  text = text_of("m7-year-in-period.txt"):gsub("^云台县审计局", "关于公布", 1)
  R = assert(E:read(write("title_not_a_name.txt", text)))
  eq(nil, R.agency, "关于公布 is no issuer's name")
end)

test("a date under a sentence, not alone at the end, is no date written", function()
  local text = text_of("m7-year-in-period.txt"):gsub("\n2023年1月19日\n$", "\n2023年1月19日\n以上为本局年度报告。\n")
  local R = assert(E:read(write("date_not_last.txt", text)))
  eq(nil, R.written, "the last line is a sentence")
end)

test("the page's fields: published with a time, written, the index; a table of fields with slashes", function()
  local R = assert(E:read(DIR .. "m3-subheads-meta.txt"))
  eq("2023-01-18", R.published, "发布日期 with its time")
  eq("2023-01-16", R.written, "成文日期")
  R = assert(E:read(DIR .. "m5-devzone-meta.html"))
  eq("2022-01-20", R.published, "2022/01/20 in a table of fields")
  eq("2022-01-18", R.written, "2022/01/18")
  eq("gov", R.issuer, "a 管理委员会 is a government's kind")
end)

test("a township's report published after 1月31日 is late; one published in its own year too early", function()
  has(rules_found(DIR .. "m6-street-late.md"), "gb2021.date.late_dept", "published 2025-02-18")
  local R = assert(E:read(DIR .. "m6-street-late.md"))
  eq(nil, R.written, "2025年2月 has no day: no date written")
  local text = text_of("m6-street-late.md"):gsub("发布时间：2025%-02%-18", "发布时间：2024-12-28")
  local found = rules_found(write("published_early.md", text))
  has(found, "gb2021.date.too_early", "published before its year ended")
  assert(not found:find(" gb2021.date.late_dept ", 1, true), "not late:" .. found)
end)

test("a title …2022年度政府信息公开工作报告 is the title: its issuer and its year", function()
  local text = text_of("m7-year-in-period.txt"):gsub("^[^\n]+", "云台县审计局2022年度政府信息公开工作报告", 1)
  local R = assert(E:read(write("title_work_report.txt", text)))
  eq("云台县审计局", R.agency, "the name before the year")
  eq(2022, R.title_year, "the title's year")
end)

test("a joint name signed on two lines, its second name in brackets below: the issuer", function()
  local text = text_of("m4-joint-merged.md")
  text = text:gsub("\n中共临江市委网络安全和信息化委员会办公室（临江市互联网信息办公室）\n\n2025年1月20日",
                   "\n中共临江市委网络安全和信息化委员会办公室\n（临江市互联网信息办公室）\n2025年1月20日", 1)
  text = text:gsub("^# [^\n]-2024年", "# 2024年", 1)
  local R = assert(E:read(write("joint_two_lines.md", text)))
  eq("中共临江市委网络安全和信息化委员会办公室（临江市互联网信息办公室）", R.agency, "both lines, one name")
  eq("dept", R.issuer, "a department")
  assert(not R:section("s5").text:find("互联网信息办公室", 1, true), "the signature left part 五")
  -- a seal's mark in brackets under the name is no second name
  local sealed = text:gsub("\n（临江市互联网信息办公室）\n", "\n（盖章）\n", 1)
  R = assert(E:read(write("joint_sealed.md", sealed)))
  eq(nil, R.agency, "no name with （盖章）")
  -- a bracketed line under a sentence is no name
  text = text:gsub("\n中共临江市委网络安全和信息化委员会办公室\n", "\n本办将持续改进。\n", 1)
  R = assert(E:read(write("bracket_under_sentence.md", text)))
  eq(nil, R.signature, "no signature")
end)
