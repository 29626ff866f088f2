-- A row the national format does not have, printed in a table with values
-- (湖北's 2019 "其他主动公开文件"): kept out of the format's cells, and said.
id       = "gb2021.struct.extra"
severity = "warning"
message  = {
  zh = "{table}含统一格式以外的行“{label}”（{values}），未计入",
  en = "{table_en} has a row the national format does not have: “{label}” ({values}); not counted",
}
rationale = {
  zh = "表格里有统一格式以外的行；这些行不计入统一格式的统计，汇总时会被漏掉或混淆。",
  en = "A row outside the format is not part of its statistics and is lost or confused when reports are added up.",
}
basis    = { "国办公开办函〔2021〕30号规定的表格格式" }

function check(report, emit)
  for _, d in ipairs(report.diagnostics) do
    if d.kind == "extra" then
      local t = format.tables[d.table]
      emit { line = d.line, col = d.col, found = d.text,
             vars = { table = t and t.title or d.table, table_en = "table " .. d.table:sub(2),
                      label = d.text, values = d.values } }
    end
  end
end
