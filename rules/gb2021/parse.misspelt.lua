-- A row label printed with a typo or a dropped character: read as the row of
-- the format it is clearly most like (and only that one), so the numbers count;
-- said, so the label can be put right.
id       = "gb2021.parse.misspelt"
severity = "info"
message  = {
  zh = "{table}行标签“{text}”与统一格式不一致，已按“{label}”行读取",
  en = "{table_en}: the row label “{text}” is not the national format's; read as row “{label}”",
}
rationale = {
  zh = "行标签与统一格式的写法不一致（错字或漏字）；已按最接近的行读取，建议改成统一格式的写法。",
  en = "A row label differs from the format's wording (a typo or a dropped character); it was read as the closest row. Use the format's wording.",
}
basis    = { "国办公开办函〔2021〕30号规定的表格格式" }

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
