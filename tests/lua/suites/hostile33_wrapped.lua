-- A paragraph of a PDF's text wrapped over the page's lines right after a
-- table, its first line with a clause mark and no sentence mark (…有所上升，
-- 主要集中在…、): it is the part's prose, none of the table's lines (it was
-- said unplaced, and the published page left that line out). And prose
-- printed among a table's lines (a page's footnote between its two pages)
-- is published after the table drawn, not above it.

local DIR = "tests/fixtures/hostile33/"
local W1 = DIR .. "w1-city-paragraph-after-table.layout.txt"
local W2 = DIR .. "w2-city-footnote-between-pages.layout.txt"

test("hostile33: a wrapped paragraph after a table is the part's prose, published whole", function()
  local found = rules_found(W1)
  assert(not found:find("parse.", 1, true), found)
  local R = assert(nianbao.read(W1))
  eq(103, (select(2, R.c:state("t3.next.total"))), "表三's last row")
  eq(20, (select(2, R.c:state("t4.la.total"))), "表四's last value")
  local md = sh(NB .. " render --format markdown " .. W1)
  has(md, "| 103 |\n\n本年度申请数量较上年有所上升，主要集中在不动产登记、征地拆迁、社会保障等领域，本机关均在法定期限内予以答复。\n\n")
  has(md, "| 20 |\n\n行政复议和行政诉讼案件中，被纠错的主要原因是答复内容不够完整、告知不够规范，本机关已逐案分析并完成整改。\n\n")
end)

test("hostile33: a footnote between a table's two pages is published after the table", function()
  local found = rules_found(W2)
  assert(not found:find("parse.", 1, true), found)
  local md = sh(NB .. " render --format markdown " .. W2)
  has(md, "| 103 |\n\n注：本表数据来源于全市政府信息公开申请办理登记台账，统计口径与上年一致。\n\n")
  local html = sh(NB .. " render " .. W2)
  has(html, "</table></div>\n<p>注：本表数据来源于全市政府信息公开申请办理登记台账，统计口径与上年一致。</p>")
end)
