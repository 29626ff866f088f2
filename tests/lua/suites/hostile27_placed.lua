-- A site's page that places a few things of its own (a menu's links set by
-- top and left) is no PDF a converter placed: its report is read from its
-- markup, not from the placed runs alone.

local E = nianbao.engine
local DIR = "tests/fixtures/hostile27/"

local function value(R, id)
  local c = R:cell(id)
  return c and c.value
end

test("a page whose menu's links are placed by top and left: the report beside them is read", function()
  local path = DIR .. "r1-absolute-menu.html"
  local R = assert(E:read(path))
  eq(665, value(R, "t2.nrm.valid"), "表二's 行政规范性文件 现行有效件数")
  eq(70, value(R, "t3.new.total"), "表三's 一、 总计")
  local found = rules_found(path)
  assert(not found:find("gb2021.struct.section_missing", 1, true), found)
  assert(not found:find("gb2021.struct.table_missing", 1, true), found)
end)

test("a converter's page with a site's few words around its runs is still read as placed", function()
  local text = assert(nbio.readfile("tests/fixtures/pdfhtml26/ph1-single-published.html"))
  local path = write("ph1-in-a-site.html", text:gsub("<body([^>]*)>",
    "<body%1>\n<div class=\"crumbs\">当前位置：首页 &gt; 政务公开 &gt; 年度报告</div>", 1))
  local R = assert(E:read(path))
  eq(3001, value(R, "t3.new.np"), "表三's 一、 自然人")
end)

test("an item's number and the 、 after it in runs of a class never written are one label", function()
  -- (pdftohtml writes no style for the classes of a page after the first: 1 | 、属于国家秘密)
  local R = assert(E:read(DIR .. "unread/r6-print-watermark.html"))
  eq(30, value(R, "t3.result.deny.law.np"), "2、其他法律行政法规禁止公开's 自然人")
  eq(105, value(R, "t3.result.deny.query.total"), "8、属于行政查询事项's 总计")
end)
