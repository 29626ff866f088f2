-- Digits of neighbouring cells printed with nothing between them (crawled pages).
-- The binder cuts them where the table's identities allow exactly one cut;
-- where they allow none or several, the cells stay unknown rather than guessed.
id       = "gb2021.val.glued"
severity = "warning"
message  = {
  zh = "{table}{rows}数字粘连{what}",
  en = "{table_en}{rows_en}: digits of neighbouring cells run together{what_en}",
}

local titles = { t2 = { "表二", "table 2" }, t3 = { "表三", "table 3" }, t4 = { "表四", "table 4" } }

function check(report, emit)
  local resolved, order = {}, {}
  for _, p in ipairs(report.problems or {}) do
    if p.kind == "glued" then
      local t = titles[p.table] or { p.table, p.table }
      if p.resolved then
        -- one finding per table for what the identities settled
        if p.across_years then
          emit { line = p.block.line, col = p.block.col, found = p.digits,
                 vars = { table = t[1], table_en = t[2],
                          rows = "“" .. p.row.label .. "”行", rows_en = ", row “" .. p.row.label .. "”",
                          what = "（" .. p.digits .. "），已按与相邻年度报告现行有效件数的衔接关系唯一拆分，请核对",
                          what_en = " (" .. p.digits .. "); cut in the one way that agrees with the other year's stock — please verify" } }
        elseif not resolved[p.table] then
          resolved[p.table] = { first = p, n = 0, t = t }
          order[#order + 1] = p.table
        end
        if resolved[p.table] then resolved[p.table].n = resolved[p.table].n + 1 end
      else
        local row = p.row and ("“" .. p.row.label .. "”行") or ""
        local why = p.count == 0 and "无法按勾稽关系拆分" or
                    string.format("有%s种拆分方式", p.complete and p.count or "多")
        emit { line = p.block.line, col = p.block.col, found = p.digits, severity = "error",
               vars = { table = t[1], table_en = t[2], rows = row, rows_en = p.row and (", row “" .. p.row.label .. "”") or "",
                        what = "（" .. p.digits .. "），" .. why .. "，相关单元格无法确定",
                        what_en = " (" .. p.digits .. "); " .. (p.count == 0 and "no cut fits the identities"
                                  or "several cuts are possible") .. ", so the cells stay unknown" } }
      end
    end
  end
  for _, tid in ipairs(order) do
    local r = resolved[tid]
    emit { line = r.first.block.line, col = r.first.block.col, found = r.first.digits,
           vars = { table = r.t[1], table_en = r.t[2],
                    rows = r.n > 1 and string.format("有%d处", r.n) or "",
                    rows_en = r.n > 1 and string.format(" (%d places)", r.n) or "",
                    what = "，已按勾稽关系唯一拆分，请核对", what_en = "; cut in the one way the identities allow — please verify" } }
  end
end
