-- A note printed under a table of a PDF's text (注：…统计期限为2024年1月1日
-- 至2024年12月31日), wrapped over the page's lines: its dates are no values
-- of the table's last row (表四's one row read 21 numbers and was refused,
-- 15 cells unread), a row after the note is still the table's (表三's 四、
-- 结转下年度继续办理), and the published page prints the note under the
-- table as one paragraph, wrapped at the width of the report's page though
-- its part holds only its two lines.

local DIR = "tests/fixtures/hostile32/"
local N1 = DIR .. "n1-city-notes-under-tables.layout.txt"

test("hostile32: a note under a table is none of its rows, the row after it still is", function()
  local R = assert(nianbao.read(N1))
  eq(351, (select(2, R.c:state("t4.rv.total"))), "表四's 复议 total")
  eq(20, (select(2, R.c:state("t4.la.total"))), "表四's last value")
  eq(103, (select(2, R.c:state("t3.next.total"))), "表三's row after the note")
  local found = rules_found(N1)
  assert(not found:find("parse.", 1, true), found)
  assert(not found:find("struct.extra", 1, true), found)
  assert(not found:find("struct.row_missing", 1, true), found)
end)

test("hostile32: the published page prints a note whole under its table, wrapped at the page's width", function()
  local md = sh(NB .. " render --format markdown " .. N1)
  -- 表四's note whole, after the table it is printed under
  has(md, "| 20 |\n\n注：行政复议、行政诉讼案件数据由市司法局提供，统计期限为2024 年 1 月 1 日至 2024 年 12 月 31 日\n\n")
  local html = sh(NB .. " render " .. N1)
  has(html, "</table></div>\n<p>注：行政复议、行政诉讼案件数据由市司法局提供，统计期限为2024 年 1 月 1 日至 2024 年 12 月 31 日</p>")
  has(md, "\n\n注：表中数据的统计期限为2024年1月1日至2024年12月31日\n\n")
  -- the table drawn once: its printed row is no paragraph
  eq(nil, md:find("\n72   64", 1, true), "表四's printed row as prose")
end)

-- A sentence leading to a table (…情况如下：) between its part's heading and
-- the table, in a PDF's text, a Markdown page and an HTML page: it is the
-- part's prose, no label of the table's (表四's was said unplaced), and the
-- published page keeps it (it was left out with the table's lines).
test("hostile32: a sentence leading to a table stays the part's prose", function()
  local leads = {
    ["i1-city-tables-introduced.layout.txt"] = { "依据《条例》第二十条规定，本年度主动公开政府信息情况如下：",
      "本年新收政府信息公开申请的办理情况如下：", "本年度本机关政府信息公开行政复议、行政诉讼情况如下：" },
    ["i2-bureau-tables-introduced.md"] = { "本局2021年主动公开政府信息情况统计如下：",
      "本年度收到和处理政府信息公开申请情况如下:", "本年度行政复议、行政诉讼情况如下：" },
    ["i3-bureau-tables-introduced.html"] = { "本年度主动公开政府信息情况如下：",
      "本年度收到和处理政府信息公开申请情况如下：", "本年度政府信息公开行政复议、行政诉讼情况如下：" },
  }
  for name, want in pairs(leads) do
    local path = DIR .. name
    local found = rules_found(path)
    assert(not found:find("parse.", 1, true), name .. ":" .. found)
    local md = sh(NB .. " render --format markdown " .. path)
    for _, s in ipairs(want) do has(md, "\n\n" .. s .. "\n\n") end
    local R = assert(nianbao.read(path))
    eq("number", (R.c:state("t4.rv.total")), name .. ": 表四 read")
  end
end)
