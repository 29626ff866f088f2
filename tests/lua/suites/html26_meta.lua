-- A page's publishing date where its markup or its data gives it without a
-- line of its own: spans side by side ("来源：…发布时间：…浏览次数：…"), a
-- CMS's JSON answer ("publishDate"), an app's state ("publishTime"); and a
-- CMS export saved as .json in a folder checked.

local E = nianbao.engine
local SPANS = "tests/fixtures/html25/y1-jiyue-print.html"
local JSON = "tests/fixtures/html25/y2-api.json"
local STATE = "tests/fixtures/html25/y3-vue-state.html"

local function changed(path, from, to, name)
  local text, n = assert(nbio.readfile(path)):gsub(from, to, 1)
  eq(1, n, "the place changed in " .. path)
  return write(name, text)
end

test("the publishing date in spans side by side, no gap between them, is read", function()
  eq("2023-01-17", assert(E:read(SPANS)).published, "发布时间 between 来源 and 浏览次数")
  local late = changed(SPANS, "发布时间：2023%-01%-17 09:30", "发布时间：2023-03-17 09:30", "html26_spans_late.html")
  eq("2023-03-17", assert(E:read(late)).published, "a late date")
  has(rules_found(late), " gb2021.date.late_dept ", "published after the deadline")
  -- a field whose value is no date gives none
  local none = changed(SPANS, "发布时间：2023%-01%-17 09:30", "发布时间：见附件", "html26_spans_none.html")
  eq(nil, assert(E:read(none)).published, "no date after 发布时间")
end)

test("the publishing date of a CMS's JSON answer and of an app's state is read", function()
  eq("2025-01-21", assert(E:read(JSON)).published, "publishDate")
  eq("2025-01-15", assert(E:read(STATE)).published, "publishTime")
  local late = changed(JSON, '"publishDate": "2025%-01%-21 15:02:11"', '"publishDate": "2025-02-21 15:02:11"',
                       "html26_json_late.json")
  has(rules_found(late), " gb2021.date.late_dept ", "published after the deadline")
  -- an update time is no publishing date; nor is a date of another record
  local updated = changed(JSON, '"publishDate"', '"updateTime"', "html26_json_updated.json")
  eq(nil, assert(E:read(updated)).published, "updateTime")
  local other = changed(JSON, '"publishDate": "2025%-01%-21 15:02:11",',
                        '"related": [{"title": "x", "publishDate": "2025-03-01"}],', "html26_json_other.json")
  eq(nil, assert(E:read(other)).published, "a related article's date")
end)

test("a CMS's JSON answer in a folder checked is read; other JSON there is skipped as no report", function()
  local dir = tmp .. "/html26_json_dir"
  os.execute("mkdir -p " .. dir .. " && cp " .. JSON .. " " .. dir .. "/")
  local f = assert(io.open(dir .. "/package.json", "w"))
  f:write('{"name": "site", "version": "1.0.0"}\n')
  f:close()
  local out = sh(NB .. " check --no-color " .. dir)
  has(out, "y2-api.json:12:1: 警告：澜州市审计局无规章制定权", "the JSON answer checked")
  has(out, "package.json：不是政府信息公开工作年度报告", "skipped")
end)

test("a 汇总 page of two agencies' reports: the first read whole, its agency never the fields' line", function()
  local R = assert(E:read("tests/fixtures/html26/z8-two-reports.html"))
  eq(1, R:cell("t2.reg.made").value, "the first report's own 规章, not 1 | 0")
  eq(3001, R:cell("t3.new.np").value, "the first report's own 自然人, not 3001 | 5")
  eq(nil, R.agency, "no agency from 发布日期：… 来源：… before the report's title")
  has(rules_found("tests/fixtures/html26/z8-two-reports.html"), " gb2021.struct.another_report ", "the second said so")
end)
