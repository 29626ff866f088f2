-- An empty cell: the format wants 0 where there is nothing to report. A table
-- left mostly empty (Shanghai 2019 left its zeros blank) is said once.
id       = "gb2021.val.blank"
severity = "warning"
message  = { zh = "{where}单元格为空，无数据应填0", en = "{where_en}: empty; write 0 where there is nothing to report" }
rationale = {
  zh = "没有数据的单元格应填0；空着无法区分“没有”和“漏填”。",
  en = "A cell with nothing to report holds 0; an empty one cannot be told from one forgotten.",
}
basis    = { "国办公开办函〔2021〕30号规定的表格格式" }
params   = { max = 10 }    -- per table; more than this make one finding

function check(report, emit)
  local by_table, order = {}, {}
  for cell in report:cells_in("blank") do
    if not by_table[cell.table] then by_table[cell.table] = {}; order[#order + 1] = cell.table end
    table.insert(by_table[cell.table], cell)
  end
  for _, tid in ipairs(order) do
    local cells = by_table[tid]
    if #cells > params.max then
      local ids = {}
      for i, c in ipairs(cells) do ids[i] = c.id end
      emit { cells = ids, line = cells[1].line, col = cells[1].col, found = tostring(#cells), expected = "0",
             vars = { where = string.format("%s中有%d个", format.tables[tid].title, #cells),
                      where_en = string.format("%d cells of table %s", #cells, tid:sub(2)) } }
    else
      for _, c in ipairs(cells) do
        emit { cell = c, found = "", expected = "0", vars = { where_en = report:where(c.id, "en") } }
      end
    end
  end
end
