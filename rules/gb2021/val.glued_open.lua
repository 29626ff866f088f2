-- Digits of neighbouring cells run together that the identities cannot cut
-- in exactly one way: the cells stay unknown rather than guessed.
id       = "gb2021.val.glued_open"
severity = "error"
message  = {
  zh = "{table}{rows}数字粘连（{digits}），{why}，相关单元格无法确定",
  en = "{table_en}{rows_en}: digits of neighbouring cells run together ({digits}); {why_en}, so the cells stay unknown",
}
rationale = {
  zh = "数字连在一起且不能唯一拆开，相关单元格无法确定，这些核对无法进行。",
  en = "Digits run together that cannot be cut in exactly one way: the cells stay unknown and their checks cannot run.",
}
basis    = { "国办公开办函〔2021〕30号规定的表格格式" }

function check(report, emit)
  for _, d in ipairs(report.diagnostics) do
    if d.kind == "glued" and d.outcome == "open" then
      local t = format.tables[d.table]
      local why = d.ways == 0 and "无法按勾稽关系拆分" or
                  string.format("有%s种拆分方式", d.complete and d.ways or "多")
      emit { line = d.line, col = d.col, found = d.digits,
             vars = { table = t and t.title or d.table, table_en = "table " .. d.table:sub(2),
                      rows = d.label and ("“" .. d.label .. "”行") or "",
                      rows_en = d.label and (", row “" .. d.label .. "”") or "", digits = d.digits,
                      why = why, why_en = d.ways == 0 and "no cut fits the identities" or "several cuts are possible" } }
    end
  end
end
