-- Every column of the official grid must be there: a table whose rows all
-- lack the same number of values has left columns out (its cells stay unknown).
id       = "gb2021.struct.col_missing"
severity = "error"
message  = {
  zh = "{table}缺少{what}：{rows}行数值均少{count}个，{placed}",
  en = "{table_en} lacks {what_en}: {rows} rows each have {count} value(s) too few, {placed_en}",
}
rationale = {
  zh = "表格少了统一格式中的列；缺的数据无从核对，其他列的数也可能错位。",
  en = "A table lacks columns of the format: their figures cannot be checked, and the others may be shifted.",
}
basis    = { "国办公开办函〔2021〕30号规定的表格格式" }

function check(report, emit)
  for _, d in ipairs(report.diagnostics) do
    if d.kind == "col_missing" then
      local t = format.tables[d.table]
      local what, what_en = d.count .. "列", d.count .. " column(s)"
      if d.labels then
        what = "“" .. table.concat(d.labels, "”“") .. "”列"
        what_en = "the column(s) " .. table.concat(d.labels, ", ")
      end
      emit { line = d.line, col = d.col, found = tostring(d.count),
             vars = { table = t and t.title or d.table, table_en = "table " .. d.table:sub(2), what = what,
                      what_en = what_en, rows = d.rows, count = d.count,
                      -- where the header names the other columns, their values are read under them
                      placed = d.placed and "其余各列按表头读取" or "无法确定各列的数值",
                      placed_en = d.placed and "the others are read under their headers" or "so no cell can be placed" } }
    end
  end
end
