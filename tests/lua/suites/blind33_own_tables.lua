-- A part's own tables, not the format's (a city's count of what it published
-- against the year before, the channels requests came by, a street's
-- accounts on new media, a part 六's proposals): the published page prints
-- each where it stood among the part's paragraphs, with its merged cells,
-- and reads back the same. A site's footer laid out in a table after the
-- report is none of them. Before, each was left out of the page unsaid.

local DIR = "tests/fixtures/blind33/"
local O1 = DIR .. "o1-city-part1-tables.md"
local O2 = DIR .. "o2-street-newmedia-and-proposals.html"
local O3 = DIR .. "o3-city-part1-tables-pandoc.docx"
local G1 = DIR .. "g1-city-own-grid-after-t2.md"
local G2 = DIR .. "g2-city-own-grids-around-tables.html"

-- the first row's texts of each own table of a section
local function heads(R, id)
  local out = {}
  for _, s in ipairs(R.sections) do
    if s.id == id then
      for _, t in ipairs(s.tables or {}) do
        local row = {}
        for _, c in ipairs(t.rows[1]) do row[#row + 1] = c.text end
        out[#out + 1] = table.concat(row, "|")
      end
    end
  end
  return table.concat(out, " / ")
end

-- a, b and c found in text in that order
local function in_order(text, a, b, c, what)
  local i = text:find(a, 1, true)
  local j = i and text:find(b, i, true)
  local k = j and text:find(c, j, true)
  assert(i and j and k, what .. ": not in order: " .. a .. " … " .. b .. " … " .. c)
end

test("blind33: a part's own tables are kept with the part, a site's footer is not", function()
  for _, path in ipairs { O1, O3 } do
    local R = assert(nianbao.read(path))
    eq("类别|2023 年|2024 年|增减 / 申请方式|件数|占比", heads(R, "s1"), path)
    eq(3119, (select(2, R.c:state("t3.new.total"))), path .. ": 表三 read as before")
  end
  local R = assert(nianbao.read(O2))
  eq("平台|账号名称|全年发布信息（条）", heads(R, "s1"), "the street's accounts")
  eq("类别|承办件数|已办结", heads(R, "s6"), "part 六's proposals, the footer after the signature left")
end)

test("blind33: the published page prints each own table where it stood", function()
  local md = sh(NB .. " render --format markdown " .. O1)
  in_order(md, "2024 年与上年主动公开情况对比如下：\n\n| 类别 | 2023 年 | 2024 年 | 增减 |\n|---|---|---|---|\n| 主动公开政府信息（条） | 5210 | 5500 | 290 |",
           "| 新闻发布会（场） | 11 | 12 | 1 |\n\n（二）依申请公开情况。", "| 合计 | 3119 | 100% |\n\n（三）政府信息管理情况。", "o1")
  local html = sh(NB .. " render " .. O2)
  has(html, "<p>截至2024年底，街道政务新媒体运维情况如下：</p>\n<div class=\"table-wrap\"><table class=\"own\">")
  -- a merged cell: a rowspan the page says, and a colspan
  has(html, "<tr><td></td><td>盛庄社区服务</td><td>312</td></tr>")
  has(html, "<tr><td colspan=\"2\">合计</td><td>1444</td></tr>")
  in_order(html, "<td>政协委员提案</td>", "<p>本年度街道未承办人大代表建议和政协委员提案。</p>", "</body>", "o2")
  eq(nil, html:find("网站地图", 1, true), "the site's footer")
  local md2 = sh(NB .. " render --format markdown " .. O2)
  has(md2, "| 微信公众号 | 幸福盛庄 | 1046 |\n|  | 盛庄社区服务 | 312 |\n| 抖音 | 盛庄发布 | 86 |\n| 合计 |  | 1444 |\n")
end)

test("blind33: a page with own tables reads back as it was published", function()
  for _, path in ipairs { O1, O2, O3, G1, G2 } do
    local md = sh(NB .. " render --format markdown " .. path)
    local tmp = os.tmpname()
    local f = assert(io.open(tmp .. ".md", "w")); f:write(md); f:close()
    local again = sh(NB .. " render --format markdown " .. tmp .. ".md")
    local html = sh(NB .. " render " .. path)
    f = assert(io.open(tmp .. ".html", "w")); f:write(html); f:close()
    local from_html = sh(NB .. " render --format markdown " .. tmp .. ".html")
    os.remove(tmp .. ".md"); os.remove(tmp .. ".html"); os.remove(tmp)
    eq(md, again, path .. ": Markdown read back")
    eq(md, from_html, path .. ": HTML read back")
  end
end)

-- In a part with a table of the format's, a grid of the part's own before
-- or after it (none of its cells a row's label of the table, nor two a
-- column's) was read as the table's: its rows said extra (struct.extra),
-- its header and the sentence leading to it unplaced (5 and 9 warnings).
test("blind33: an own grid beside a table of the format's is none of its rows", function()
  for _, path in ipairs { G1, G2 } do
    local found = rules_found(path)
    assert(not found:find("struct.extra", 1, true), path .. ":" .. found)
    assert(not found:find("parse.", 1, true), path .. ":" .. found)
    local R = assert(nianbao.read(path))
    eq(66, (select(2, R.c:state("t2.nrm.valid"))), path .. ": 表二 read")
    eq(103, (select(2, R.c:state("t3.next.total"))), path .. ": 表三 read")
  end
  eq("信息类别|公开条数", heads(assert(nianbao.read(G1)), "s2"), "g1's part 二")
  local R = assert(nianbao.read(G2))
  eq("发布渠道|信息条数", heads(R, "s2"), "g2's part 二")
  eq("申请方式|件数", heads(R, "s3"), "g2's part 三")
end)

test("blind33: the page prints an own grid before or after the format's table, as it stood", function()
  local md = sh(NB .. " render --format markdown " .. G1)
  in_order(md, "| 第二十条第（一）项 |", "| 行政事业性收费 | 96171.6 |", "此外，本年度主动公开政府信息分类统计如下：\n\n| 信息类别 | 公开条数 |", "g1")
  md = sh(NB .. " render --format markdown " .. G2)
  in_order(md, "本年度各类主动公开渠道发布信息情况如下：\n\n| 发布渠道 | 信息条数 |", "| 政务微信 | 1865 |\n\n| 第二十条第（一）项 |", "## 三、", "g2's part 二")
  in_order(md, "| 四、结转下年度继续办理 |", "本年度政府信息公开申请按申请方式统计如下：\n\n| 申请方式 | 件数 |", "| 合计 | 3119 |\n\n## 四、", "g2's part 三")
end)

-- A page squeezed so narrow (pandoc's standalone HTML printed by Chromium,
-- read by pdftotext without -layout) that 表三's and 表四's words come a
-- character a line: the tables are printed, not missing, and unread. They
-- were said missing (struct.table_missing, two false errors a report).
test("blind33: a table printed but unreadable is said unread, not missing", function()
  -- (u1's 表三 is read, by its rows' order: its 表四 alone is unread; u2's
  -- rows are found, each refused for its count of values, and said so)
  for name, unread in pairs { ["u1-city-squeezed-pdftotext.txt"] = 1, ["u2-street-squeezed-pdftotext.txt"] = 0 } do
    local path = DIR .. "printed/" .. name
    local found = rules_found(path)
    eq(nil, found:find("struct.table_missing", 1, true), name .. ":" .. found)
    local _, n = found:gsub("struct%.table_unread", "")
    eq(unread, n, name .. ": tables said unread: " .. found)
    local R = assert(nianbao.read(path))
    local state = R.c:state("t4.rv.total")
    eq(true, state == "missing" or state == "unknown", name .. ": 表四 not read: " .. tostring(state))
  end
end)

-- The same own tables in a PDF's layout text (the pages printed by
-- Chromium, pdftotext -layout): a sentence leading to a table after the
-- format's table's lines (…分类统计如下：, …按申请方式统计如下：) ends that
-- table; its rows were said extra (struct.extra) and its header unplaced.
-- The published page keeps the lines after the table.
test("blind33: in a PDF's text, a sentence leading to another table ends the format's", function()
  for _, name in ipairs { "l1-city-own-table-after-t2-layout.txt", "l2-city-own-tables-around-layout.txt" } do
    local path = DIR .. "printed/" .. name
    local found = rules_found(path)
    assert(not found:find("struct.extra", 1, true), name .. ":" .. found)
    local json = sh(NB .. " check --format json " .. path)
    for _, w in ipairs { "如下：", "信息类别", "申请方式", "政策文件", "当面申请" } do
      eq(nil, json:find(w, 1, true), name .. ": a finding names " .. w)
    end
  end
  local md = sh(NB .. " render --draft --format markdown " .. DIR .. "printed/l1-city-own-table-after-t2-layout.txt")
  in_order(md, "| 行政事业性收费 | 96171.6 |", "此外，本年度主动公开政府信息分类统计如下：", "政策文件", "l1's page")
end)

test("blind33: the review page shows each own table where it stood in the part's text", function()
  local html = sh(NB .. " check --format html " .. O2 .. "; true")
  in_order(html, '<h2 id="text">', "<p>截至2024年底，街道政务新媒体运维情况如下：</p>\n<div class=\"table-wrap\"><table class=\"own\">\n<tr><td>平台</td>",
           "<tr><td colspan=\"2\">合计</td><td>1444</td></tr>\n</table></div>\n<p>(二)完善依申请公开服务机制</p>", "o2's accounts")
  in_order(html, "<tr><td>政协委员提案</td><td>0</td><td>0</td></tr>\n</table></div>\n<p>本年度街道未承办人大代表建议和政协委员提案。</p>",
           "<p>(四)在政务公开方面的创新情况。</p>", "</section>", "o2's proposals")
  local md = sh(NB .. " check --format html " .. O1 .. "; true")
  in_order(md, '<h2 id="text">', "<td>主动公开政府信息（条）</td><td>5210</td>", "</section>", "o1")
end)
