-- A table whose cells have places (an HTML table) is read by the places
-- of its cells: a label spanning rows, a header spanning columns, a unit
-- printed in the cell after its value, each cell under its own column.

local HEAD = "<html><body><p>某市统计局2024年政府信息公开工作年度报告</p><p>一、总体情况</p><p>本年度工作。</p>"
          .. "<p>二、主动公开政府信息情况</p>"
local TAIL = "<p>三、收到和处理政府信息公开申请情况</p></body></html>"

local function cell(R, id) local c = R.c:get(id); return c.state .. ":" .. (c.text or "") end

test("an HTML table is read by its cells' places: spanned labels and headers, blanks and units in their columns", function()
  local t = "<table>"
    .. "<tr><td colspan=\"4\">第二十条第（一）项</td></tr>"
    .. "<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>"
    .. "<tr><td>规章</td><td>1</td><td></td><td>11</td></tr>"
    .. "<tr><td>行政规范性文件</td><td>8</td><td>26</td><td>66</td></tr>"
    .. "<tr><td colspan=\"4\">第二十条第（五）项</td></tr>"
    .. "<tr><td>信息内容</td><td colspan=\"3\">本年处理决定数量</td></tr>"
    .. "<tr><td>行政许可</td><td colspan=\"3\">42</td></tr>"
    .. "</table>"
  local R = nianbao.engine:bind_bytes(HEAD .. t .. TAIL, "placed.html")
  eq("number:1", cell(R, "t2.reg.made"), "before the empty cell")
  eq("blank:", cell(R, "t2.reg.repealed"), "the empty cell, blank in its own column")
  eq("number:11", cell(R, "t2.reg.valid"), "after it")
  eq("number:26", cell(R, "t2.nrm.repealed"), "the next row")
  eq("number:66", cell(R, "t2.nrm.valid"), "its last column")
end)

test("a row of an HTML table short of its last cells: those it has in their columns, the rest missing", function()
  local t = "<table>"
    .. "<tr><td colspan=\"4\">第二十条第（一）项</td></tr>"
    .. "<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>"
    .. "<tr><td>规章</td><td></td><td>5</td></tr>"
    .. "<tr><td>行政规范性文件</td><td>8</td><td>26</td><td>66</td></tr>"
    .. "</table>"
  local R = nianbao.engine:bind_bytes(HEAD .. t .. TAIL, "short.html")
  eq("blank:", cell(R, "t2.reg.made"), "the empty first cell")
  eq("number:5", cell(R, "t2.reg.repealed"), "the value under its column")
  eq("missing:", cell(R, "t2.reg.valid"), "the column the row does not print")
  eq("number:66", cell(R, "t2.nrm.valid"), "the next row whole")
end)

test("a header mapped once is mapped again from its own cells: another header of the same table is not taken for it", function()
  local rows = "<tr><td>规章</td><td></td><td>5</td></tr>"
            .. "<tr><td>行政规范性文件</td><td>8</td><td>26</td><td>66</td></tr></table>"
  local caption = "<table><tr><td colspan=\"4\">第二十条第（一）项</td></tr>"
  local declared = "<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>"
  local R1 = nianbao.engine:bind_bytes(HEAD .. caption .. declared .. rows .. TAIL, "declared.html")
  eq("number:5", cell(R1, "t2.reg.repealed"), "the declared header: the row read by its places")
  -- the same columns headed out of their declared order: no map, the table read as a stream
  local swapped = "<tr><td>信息内容</td><td>本年废止件数</td><td>本年制发件数</td><td>现行有效件数</td></tr>"
  local R2 = nianbao.engine:bind_bytes(HEAD .. caption .. swapped .. rows .. TAIL, "swapped.html")
  eq("unknown", R2.c:get("t2.reg.made").state, "a header out of order: not read by the places of the first")
  local R3 = nianbao.engine:bind_bytes(HEAD .. caption .. declared .. rows .. TAIL, "again.html")
  eq("number:5", cell(R3, "t2.reg.repealed"), "the declared header again: read by its places")
  eq("missing", R3.c:get("t2.reg.valid").state, "the column the short row does not print")
end)

test("the same header a place to the right (an empty cell before it) is mapped at its own places", function()
  local caption = "<table><tr><td colspan=\"4\">第二十条第（一）项</td></tr>"
  local header = "<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>"
  local rows = "<tr><td>规章</td><td>1</td><td></td><td>11</td></tr>"
            .. "<tr><td>行政规范性文件</td><td>8</td><td>26</td><td>66</td></tr></table>"
  local R1 = nianbao.engine:bind_bytes(HEAD .. caption .. header .. rows .. TAIL, "left.html")
  eq("number:11", cell(R1, "t2.reg.valid"), "at its places")
  local function shifted(tr) return (tr:gsub("<tr>", "<tr><td></td>")) end
  local R2 = nianbao.engine:bind_bytes(HEAD .. caption .. shifted(header) .. shifted(rows) .. TAIL, "right.html")
  eq("number:1", cell(R2, "t2.reg.made"), "a place to the right: its first column")
  eq("blank:", cell(R2, "t2.reg.repealed"), "its empty cell")
  eq("number:11", cell(R2, "t2.reg.valid"), "its last column")
  eq("number:26", cell(R2, "t2.nrm.repealed"), "the next row")
end)
