-- A page that holds a table twice (a draft kept beside the printed one, a
-- print copy) with other numbers in some cells, and says nothing of which a
-- reader sees: such a cell is read as both numbers ("70 | 71"), is not
-- read as either, and is said so, one by one while few.
id       = "gb2021.val.copies_differ"
severity = "warning"
message  = {
  zh = "{where}在同一表格的两份中不一致（“{text}”），无法判断公布的是哪一个数，此格未读取",
  en = "{where_en}: two copies of the table differ (“{text}”) and which number was published cannot be told; the cell is not read",
}
rationale = {
  zh = "网页中同一表格出现两份（草稿与正式稿、打印版等）而数字不同时，无法判断公布的是哪一份；只取其一可能核对了错误的数字。",
  en = "When a page holds one table twice (a draft and the final, a print copy) with different numbers, which one was published cannot be told; taking either may check the wrong numbers.",
}
basis    = { "国办公开办函〔2021〕30号规定的表格格式" }
params   = { max = 10 }    -- per table; more than this make one finding

-- two numbers, one of each copy
local function both(text)
  return text ~= nil and text:find("^%d[%d,. ]* | %d[%d,. ]*$") ~= nil
end

function check(report, emit)
  local unknown = report:ids_in("unknown")
  if #unknown == 0 then return end          -- most reports: every cell read
  local by_table, order = {}, {}
  for _, id in ipairs(unknown) do
    local cell = report:cell(id)
    if both(cell.text) then
      if not by_table[cell.table] then by_table[cell.table] = {}; order[#order + 1] = cell.table end
      table.insert(by_table[cell.table], cell)
    end
  end
  for _, tid in ipairs(order) do
    local cells = by_table[tid]
    if #cells > params.max then
      local ids = {}
      for i, c in ipairs(cells) do ids[i] = c.id end
      emit { cells = ids, line = cells[1].line, col = cells[1].col, found = tostring(#cells),
             vars = { where = string.format("%s中有%d个单元格（如%s）", format.tables[tid].title, #cells,
                                            report:where(cells[1].id)),
                      where_en = string.format("%d cells of table %s (such as %s)", #cells, tid:sub(2),
                                               report:where(cells[1].id, "en")),
                      text = cells[1].text } }
    else
      for _, c in ipairs(cells) do
        emit { cell = c, found = c.text, vars = { where_en = report:where(c.id, "en"), text = c.text } }
      end
    end
  end
end
