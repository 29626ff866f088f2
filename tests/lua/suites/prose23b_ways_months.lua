-- A city government's report whose prose gives a month's requests, one way of
-- asking's and its office's: none is the year's, so none is checked against
-- the tables; the same report with the year's figures wrong is still found out.

local R7 = assert(nbio.readfile("tests/fixtures/prose23/r7-captions.txt"))
local PREVIOUS = "tests/fixtures/prose23/previous"
local R9 = assert(nbio.readfile("tests/fixtures/prose23/r9-joined.txt"))

-- r7 with these sentences after its paragraph on requests (line 6)
local function r7_with(sentences)
  local n = 0
  return (R7:gsub("[^\n]*", function(line)
    n = n + 1
    if n == 6 then return line .. sentences end
  end))
end

-- the text checks' findings: txt.* and xy.text_prev
local function text_rules(out)
  local list = {}
  for rule in out:gmatch('"rule":"([^"]+)"') do
    if rule:match("^gb2021%.txt%.") or rule == "gb2021.xy.text_prev" then list[#list + 1] = rule end
  end
  return table.concat(list, " ")
end

test("a month's, one way's and a government office's figures give no text finding", function()
  local path = write("prose23b-parts.txt", r7_with(
    "12月收到政府信息公开申请300件。截至6月30日，共收到政府信息公开申请1533件。"
    .. "市政府办公室收到政府信息公开申请102件。窗口受理政府信息公开申请102件，"
    .. "线上办结政府信息公开申请2001件。"))
  eq("", text_rules(sh(NB .. " check --no-color --format json " .. path)))
end)

test("the year's figures wrong beside them are still found", function()
  local path = write("prose23b-wrong.txt", r7_with(
    "全年收到政府信息公开申请3118件。截至12月31日，共收到政府信息公开申请3117件。"
    .. "通过网上、信函、当面等方式共收到政府信息公开申请3116件。全年办结政府信息公开申请3051件。"))
  local found = text_rules(sh(NB .. " check --no-color --format json " .. path))
  eq("gb2021.txt.new gb2021.txt.new gb2021.txt.new gb2021.txt.done", found)
end)

test("a change of one way's requests is no change of all; all requests' is still checked", function()
  local parts = write("prose23b-ways.txt",
    (R9:gsub("线上申请较上年增加6件", "线上申请量较上年增加200件，法人申请数量较上年减少3件")))
  eq("", text_rules(sh(NB .. " check --no-color --format json --previous " .. PREVIOUS .. " " .. parts)))
  local wrong = write("prose23b-all.txt", (R9:gsub("线上申请较上年增加6件", "申请量较上年增加5件")))
  eq("gb2021.xy.text_prev",
     text_rules(sh(NB .. " check --no-color --format json --previous " .. PREVIOUS .. " " .. wrong)))
end)
