-- A table whose row labels were lost or printed apart from their numbers,
-- read row by row in the format's order because the lines of numbers are
-- exactly its rows and every identity holds so: worth a look, not a guess.
id       = "gb2021.parse.by_order"
severity = "info"
message  = {
  zh = "{table}的行标签与数值未能逐行对应，已按统一格式的行序读取{rows}行数值{how}，请核对",
  en = "{table_en}: row labels did not line up with the numbers; {rows} rows read in the national format's order{how_en} — please verify",
}
rationale = {
  zh = "页面丢失了行标签，数值是按统一格式的行序读入的；勾稽关系都成立，但仍请人工核对每行对应是否正确。",
  en = "The page lost its row labels; the values were read in the format's row order. The identities hold, but a person should confirm each row.",
}
basis    = { "国办公开办函〔2021〕30号规定的表格格式" }

function check(report, emit)
  for _, d in ipairs(report.diagnostics) do
    if d.kind == "by_order" then
      local t = format.tables[d.table]
      emit { line = d.line, col = d.col,
             vars = { table = t and t.title or d.table, table_en = "table " .. d.table:sub(2), rows = d.rows,
                      how = d.checked and "（勾稽关系均成立）" or "（与各行标签的顺序一致）",
                      how_en = d.checked and ", every identity holds" or ", as the labels are ordered" } }
    end
  end
end
