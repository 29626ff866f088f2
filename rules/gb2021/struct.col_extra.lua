-- A table whose rows all carry the same number of values more than the
-- format has columns: a column outside the national format (its cells stay unknown).
id       = "gb2021.struct.col_extra"
severity = "warning"
message  = {
  zh = "{table}含统一格式以外的列：{rows}行数值均多{count}个，无法确定各列的数值",
  en = "{table_en} has column(s) outside the national format: {rows} rows each have {count} value(s) too many",
}
rationale = {
  zh = "表格多出统一格式以外的列，各列的数对应不上，无法核对。",
  en = "A table has columns the format lacks: its values cannot be matched to the format's columns or checked.",
}
basis    = { "国办公开办函〔2021〕30号规定的表格格式" }

function check(report, emit)
  for _, d in ipairs(report.diagnostics) do
    if d.kind == "col_extra" then
      local t = format.tables[d.table]
      emit { line = d.line, col = d.col, found = tostring(d.count),
             vars = { table = t and t.title or d.table, table_en = "table " .. d.table:sub(2),
                      rows = d.rows, count = d.count } }
    end
  end
end
