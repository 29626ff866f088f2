-- Digits of neighbouring cells printed with nothing between them (crawled pages),
-- cut by the binder in the one way the table's identities allow: to verify.
-- Where they allow none or several, val.glued_open reports the cells unknown.
id       = "gb2021.val.glued"
severity = "warning"
message  = {
  zh = "{table}{rows}数字粘连{what}",
  en = "{table_en}{rows_en}: digits of neighbouring cells run together{what_en}",
}
rationale = {
  zh = "页面把相邻单元格的数字连在一起了；已按勾稽关系唯一地拆开，请核对原稿。",
  en = "The page ran the digits of neighbouring cells together; they were cut in the one way the identities allow. Check against the original.",
}
basis    = { "国办公开办函〔2021〕30号规定的表格格式" }

local function names(d)
  local t = format.tables[d.table]
  return t and t.title or d.table, "table " .. d.table:sub(2)
end

function check(report, emit)
  local settled, order = {}, {}
  for _, d in ipairs(report.diagnostics) do
    if d.kind == "glued" then
      local zh, en = names(d)
      local row = d.label and ("“" .. d.label .. "”行") or ""
      local row_en = d.label and (", row “" .. d.label .. "”") or ""
      if d.outcome == "cut_across_years" then
        emit { line = d.line, col = d.col, found = d.digits,
               vars = { table = zh, table_en = en, rows = row, rows_en = row_en,
                        what = "（" .. d.digits .. "），已按与相邻年度报告现行有效件数的衔接关系唯一拆分，请核对",
                        what_en = " (" .. d.digits .. "); cut in the one way that agrees with the other year's report — please verify" } }
      elseif d.outcome == "cut" or d.outcome == "cut_jointly" then
        -- one finding per table for what the identities settled
        if not settled[d.table] then
          settled[d.table] = { first = d, n = 0, zh = zh, en = en }
          order[#order + 1] = d.table
        end
        settled[d.table].n = settled[d.table].n + 1
      end
    end
  end
  for _, tid in ipairs(order) do
    local r = settled[tid]
    emit { line = r.first.line, col = r.first.col, found = r.first.digits,
           vars = { table = r.zh, table_en = r.en,
                    rows = r.n > 1 and string.format("有%d处", r.n) or "",
                    rows_en = r.n > 1 and string.format(" (%d places)", r.n) or "",
                    what = "，已按勾稽关系唯一拆分，请核对", what_en = "; cut in the one way the identities allow — please verify" } }
  end
end
