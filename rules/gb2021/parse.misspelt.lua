-- A row label printed with a typo or a dropped character: read as the row of
-- the format it is clearly most like (and only that one), so the numbers count;
-- said, so the label can be put right.
id       = "gb2021.parse.misspelt"
severity = "info"
message  = {
  zh = "{table}行标签“{text}”与统一格式不一致，已按“{label}”行读取",
  en = "{table_en}: the row label “{text}” is not the national format's; read as row “{label}”",
}

function check(report, emit)
  for _, d in ipairs(report.diagnostics) do
    if d.kind == "misspelt" then
      local t = format.tables[d.table]
      emit { line = d.line, col = d.col, found = d.text, expected = d.label,
             vars = { table = t and t.title or d.table, table_en = "table " .. d.table:sub(2),
                      text = d.text, label = d.label } }
    end
  end
end
