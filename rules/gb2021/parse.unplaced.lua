-- Text inside a table that belongs to no cell of the format: a shifted or extra column, a stray note.
id       = "gb2021.parse.unplaced"
severity = "warning"
message  = {
  zh = "{table}中的“{text}”无法对应到统一格式的表格内容{why}",
  en = "{table}: “{text}” does not fit any cell of the national format{why_en}",
}

local titles = { t2 = "表二", t3 = "表三", t4 = "表四" }

params   = { max = 10 }    -- per table; the rest are counted in one finding

function check(report, emit)
  local count, first_extra = {}, {}
  for _, p in ipairs(report.problems or {}) do
    if p.kind == "unplaced" or p.kind == "duplicate" then
      count[p.table] = (count[p.table] or 0) + 1
    end
    if (p.kind == "unplaced" or p.kind == "duplicate") and count[p.table] > params.max then
      first_extra[p.table] = first_extra[p.table] or p
    elseif p.kind == "unplaced" or p.kind == "duplicate" then
    local why, why_en = "", ""
    if p.kind == "duplicate" then
      why, why_en = "（“" .. p.row.label .. "”行重复出现）", " (the row appears twice)"
    end
    emit { line = p.block.line, col = p.block.col, found = p.block.text,
           vars = { table = titles[p.table] or p.table, text = p.block.text, why = why, why_en = why_en } }
    end
  end
  for tid, p in pairs(first_extra) do
    local n = count[tid] - params.max
    emit { line = p.block.line, col = p.block.col, found = p.block.text,
           vars = { table = titles[tid] or tid, text = p.block.text,
                    why = string.format("等%d处", n), why_en = string.format(" and %d more", n - 1) } }
  end
end
