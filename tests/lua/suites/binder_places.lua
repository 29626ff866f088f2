-- A table whose cells have places (a Markdown grid) is read by its
-- places: an empty cell stays the blank of its own column.

test("a grid table's empty cell is the blank of its column, the cells after it their own", function()
  local head = "某市统计局2024年政府信息公开工作年度报告\n一、总体情况\n本年度工作。\n二、主动公开政府信息情况\n"
  local grid = "| 第二十条第（一）项 |  |  |  |\n| --- | --- | --- | --- |\n"
            .. "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
            .. "| 规章 | 1 |  | 11 |\n| 行政规范性文件 | 8 | 26 | 66 |\n"
  local R = nianbao.engine:bind_bytes(head .. grid .. "三、收到和处理政府信息公开申请情况\n", "grid.md")
  local function cell(id) local c = R.c:get(id); return c.state .. ":" .. (c.text or "") end
  eq("number:1", cell("t2.reg.made"), "before the empty cell")
  eq("blank:", cell("t2.reg.repealed"), "the empty cell")
  eq("number:11", cell("t2.reg.valid"), "after it, in its own column")
  eq("number:66", cell("t2.nrm.valid"), "the next row")
  eq(15, R.c:get("t2.reg.valid").col, "its column on the line")
end)
