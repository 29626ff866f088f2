-- Text inside a table that belongs to no cell of the format: a shifted or extra column, a stray note.
id       = "gb2021.parse.unplaced"
severity = "warning"
message  = {
  zh = "{table}中的“{text}”无法对应到统一格式的表格内容{why}",
  en = "{table}: “{text}” does not fit any cell of the national format{why_en}",
}
rationale = {
  zh = "表格里有在统一格式中没有位置的内容（错位的列、多出的说明），可能使其他数读错位置。",
  en = "Text in a table that has no place in the format (a shifted column, a stray note) may put other values in the wrong place.",
}
basis    = { "国办公开办函〔2021〕30号规定的表格格式" }

params   = { max = 10 }    -- per table; the rest are counted in one finding

local function title(tid)
  local t = format.tables[tid]
  return t and t.title or tid
end

-- A page's running header is the report's own title again, printed at the
-- top of each page a table runs onto: no text of the table.
local function running_header(report, d)
  return report.title ~= nil and d.text:match("^%s*(.-)%s*$") == report.title
end

function check(report, emit)
  local count, first_extra = {}, {}
  for _, d in ipairs(report.diagnostics) do
    if (d.kind == "unplaced" and not running_header(report, d)) or d.kind == "duplicate" then
      count[d.table] = (count[d.table] or 0) + 1
      if count[d.table] > params.max then
        first_extra[d.table] = first_extra[d.table] or d
      else
        local why, why_en = "", ""
        if d.kind == "duplicate" then
          why, why_en = "（“" .. d.label .. "”行重复出现）", " (the row appears twice)"
        end
        emit { line = d.line, col = d.col, found = d.text,
               vars = { table = title(d.table), text = d.text, why = why, why_en = why_en } }
      end
    end
  end
  for tid, d in pairs(first_extra) do
    local n = count[tid] - params.max
    emit { line = d.line, col = d.col, found = d.text,
           vars = { table = title(tid), text = d.text,
                    why = string.format("等%d处", n), why_en = string.format(" and %d more", n - 1) } }
  end
end
