-- The JSON writer's record of one report: each finding's page is the last
-- page whose first line is not past the finding's line (none before the
-- first page, none without a line or pages), and the copies and the year
-- before are written as the report's view holds them.

local write = require "pipeline.write"

local function record(report, findings, status)
  local W = write.load(".", "json", nil, nil, {})
  local text = assert(write.run(W, findings, report, { file = "a.pdf", status = status or "checked", mode = "check",
                                                      internal = {} }, W.limits))
  return text
end

-- the page of finding rule r as written, or false when it has none
local function page_of(text, rule)
  local object = text:match('{"rule":"' .. rule .. '"[^{}]*}')
  assert(object, "no finding " .. rule .. " in " .. text)
  return tonumber(object:match('"page":(%d+)}$')) or false
end

test("json writer: each finding's page found from the report's pages, read once", function()
  local lines = { 0, 1, 57, 58, 59, 119, 120, 9999 }
  local findings = {}
  for i, line in ipairs(lines) do
    findings[i] = { rule = "r" .. i, severity = "warning", message = "m", cells = {}, line = line, col = 1 }
  end
  findings[#findings + 1] = { rule = "nowhere", severity = "info", message = "m", cells = { "t.a" } }
  local report = { format = "gb2021", agency = "甲", year = 2024, pages = { 1, 58, 120 } }
  local text = record(report, findings)
  local want = { false, 1, 1, 2, 2, 2, 3, 3 }
  for i = 1, #lines do eq(want[i], page_of(text, "r" .. i), "the page of line " .. lines[i]) end
  eq(false, page_of(text, "nowhere"), "no line: no page")
  has(text, '"cells":["t.a"]', "a finding's cells")
  has(text, '"summary":{"error":0,"warning":8,"info":1}', "the summary counts each severity")
  report.pages = nil
  eq(false, page_of(record(report, findings), "r3"), "no pages: no page")
end)

test("json writer: the copies and the year before as the report holds them", function()
  local report = { format = "gb2021", agency = "甲", year = 2024, previous_from = "none",
                   copies = { { kind = "peer", file = "b.txt", agency = "乙", year = 2023, share = 0.954, passage = "一\n二" },
                              { kind = "previous", file = "c.txt", agency = "甲", year = 2023, share = 0.5, passage = "三" } } }
  local text = record(report, {})
  has(text, '"previous":{"year":2023,"from":"none"}', "none found the year before")
  has(text, '"copies":[{"kind":"peer","file":"b.txt","agency":"乙","year":2023,"share":95,"passage":"一\\n二"},'
            .. '{"kind":"previous","file":"c.txt","agency":"甲","year":2023,"share":50,"passage":"三"}]', "the copies in order")
  report.previous = { path = "p.txt", agency = "甲", year = 2023 }
  report.previous_from = "batch"
  has(record(report, {}), '"previous":{"file":"p.txt","agency":"甲","year":2023,"from":"batch"}', "the report used")
  report.copies = {}
  eq(nil, record(report, {}):find('"copies"', 1, true), "no copies: none written")
end)
