-- A part's own tables beside the format's, in shapes blind33 left: a grid
-- between two of 表二's 第二十条 grids on a CMS page, and in a PDF's text an
-- own table after 表二 or 表三 with a caption numbering it (表5 …统计表), no
-- sentence leading to it. Before, their rows were said the format table's
-- extra rows, their headers unplaced, a caption's number taken for the
-- last row's value (the row refused, its value lost).

local DIR = "tests/fixtures/blind34/"

-- the findings a table's lines give (extra rows, unplaced words, rows refused)
local function table_findings(path)
  local R = assert(nianbao.read(DIR .. path))
  local out = {}
  for _, f in ipairs(assert(nianbao.check(DIR .. path))) do
    local id = f.rule:gsub("^gb2021%.", "")
    if id == "struct.extra" or id == "parse.unplaced" or id == "parse.row_values" then
      out[#out + 1] = id .. " " .. (f.found or f.message)
    end
  end
  return table.concat(out, "; "), R
end

test("blind34: an own grid between two of 表二's grids is none of its rows", function()
  local got, R = table_findings("m1-city-own-grid-between-t2s.html")
  eq("", got, "m1")
  eq(447228, (select(2, R.c:state("t2.permit.decisions"))), "表二 read around it")
  eq(3985758, (select(2, R.c:state("t2.penalty.decisions"))), "表二 read after it")
  -- kept as the part's own, printed with the sentence leading to it
  local md = sh(NB .. " render --format markdown " .. DIR .. "m1-city-own-grid-between-t2s.html")
  has(md, "其中，行政许可决定按办理渠道分列如下：\n\n| 办理渠道 | 决定件数 | 占比 |")
  has(md, "| 行政许可 | 447228 |")
end)

test("blind34: in a PDF's text a caption after a table starts another", function()
  local path = "t1-city-caption-after-t2-layout.txt"
  local got, R = table_findings(path)
  -- (表三's 3.其他, said repeated, is another matter: l1's too)
  eq("", (got:gsub("parse%.unplaced 3%.其他;? ?", "")), path)
  eq("96171.6", tostring((select(2, R.c:state("t2.fee.amount")))), path .. ": the last row before the caption keeps its value")
  local got, R = table_findings("t3-city-captions-around-layout.txt")
  eq("", got, "t3: captions before 表二 and after 表三")
  eq(103, (select(2, R.c:state("t3.next.np"))), "t3: 表三's last row before the caption")
  -- the own table's lines stay the part's text
  local md = sh(NB .. " render --draft --format markdown " .. DIR .. "t1-city-caption-after-t2-layout.txt")
  has(md, "表5  本年度主动公开政府信息分类统计表\n\n信息类别 公开条数\n\n政策文件   1230")
end)

test("blind34: a caption followed by the table's own header or rows is the table's", function()
  local bind = require "pipeline.bind"
  local F = nianbao.engine:pack("gb2021").format
  local T = F.table_by_id.t2
  local function blocks_of(lines)
    local out = {}
    for i, t in ipairs(lines) do out[i] = { kind = "para", text = t, line = i } end
    return out
  end
  -- 表2（续） before 表二's rows: T again
  local b = blocks_of { "表2（续）", "第二十条第（六）项", "信息内容 本年处理决定数量", "行政处罚 3985758" }
  eq(false, bind.heads_another(F, T, b, 1, #b), "a continued caption")
  b = blocks_of { "表5 本年度主动公开政府信息分类统计表", "信息类别 公开条数", "政策文件 1230", "政策解读 21" }
  eq(true, bind.heads_another(F, T, b, 1, #b), "another table's caption")
  -- a caption followed by T's rows (a page's, numbered): T's
  b = blocks_of { "表2", "规章 1 0 11", "行政规范性文件 8 26 66" }
  eq(false, bind.heads_another(F, T, b, 1, #b), "a caption before T's rows")
  -- a line of another table's header alone is not looked for: left as T's
  b = blocks_of { "信息类别 公开条数", "政策文件 1230", "政策解读 21" }
  eq(false, bind.heads_another(F, T, b, 1, #b), "a header with no caption")
end)
