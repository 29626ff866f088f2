-- Text inside a table that belongs to no cell of the format: a shifted or extra column, a stray note.
id       = "gb2021.parse.unplaced"
severity = "warning"
message  = {
  zh = "{table}中的“{text}”无法对应到统一格式的表格内容{why}",
  en = "{table}: “{text}” does not fit any cell of the national format{why_en}",
}

local titles = { t2 = "表二", t3 = "表三", t4 = "表四" }

function check(report, emit)
  for _, p in ipairs(report.problems or {}) do
    if p.kind == "unplaced" or p.kind == "duplicate" then
    local why, why_en = "", ""
    if p.kind == "duplicate" then
      why, why_en = "（“" .. p.row.label .. "”行重复出现）", " (the row appears twice)"
    end
    emit { line = p.block.line, col = p.block.col, found = p.block.text,
           vars = { table = titles[p.table] or p.table, text = p.block.text, why = why, why_en = why_en } }
    end
  end
end
