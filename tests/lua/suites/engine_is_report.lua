-- A text is taken for a report when it has several sections, or a cell of
-- a table read, or the words of a report's title with a part; a note that
-- only names a table (表二) is none, a title alone a report whose body is
-- not found. The cells are looked at only when the sections
-- alone do not decide.

local E = nianbao.engine

test("a note naming a table is not a report; with a cell read, or a report's words, it is", function()
  local note = "关于表二的说明\n请按表二填写。\n"
  local R, why = E:bind_text(note, "note.txt")
  eq(nil, R, "a note")
  has(why, "不是政府信息公开工作年度报告", "why")
  -- a report's title with no part and no table: the body is not found (a page linking its file)
  R, why = E:bind_text("某局2024年政府信息公开工作年度报告\n请按表二填写。\n", "titled.txt")
  eq(nil, R, "the report's words alone")
  has(why, "未找到年度报告的正文", "why")
  R = E:bind_text("某局2024年政府信息公开工作年度报告\n一、总体情况\n请按表二填写。\n", "titled.txt")
  eq(true, R ~= nil, "the report's words and a part")
  local one_cell = "表三\n一、本年新收政府信息公开申请数量 3 0 0 0 0 0 3\n"
  R = E:bind_text(one_cell, "cell.txt")
  eq(true, R ~= nil, "a cell read")
  eq(true, #R.sections <= 1, "of one section")
end)

test("a report of several sections is a report, read the same whether or not a cell is", function()
  local R = assert(E:bind_text(JIUQU, "jiuqu-2024.txt"))
  eq(true, #R.sections > 1, "several sections")
  local parts = "一、总体情况\n本机关做了工作。\n二、主动公开政府信息情况\n见下。\n"
  R = E:bind_text(parts, "parts.txt")
  eq(true, R ~= nil, "two sections and no cell")
end)
