-- A table whose rows all carry the same number of values more than the
-- format has columns: a column outside the national format (its cells stay
-- unknown, or, where the rows' own sums hold with one place left out and with
-- no other, are read without it).
id       = "gb2021.struct.col_extra"
severity = "warning"
message  = {
  zh = "{table}含统一格式以外的列：{rows}行数值均多{count}个{what}",
  en = "{table_en} has column(s) outside the national format: {rows} rows each have {count} value(s) too many{what_en}",
}
rationale = {
  zh = "表格多出统一格式以外的列，各列的数对应不上，无法核对。",
  en = "A table has columns the format lacks: its values cannot be matched to the format's columns or checked.",
}
basis    = { "国办公开办函〔2021〕30号规定的表格格式" }

function check(report, emit)
  for _, d in ipairs(report.diagnostics) do
    if d.kind == "col_extra" then
      local t = format.tables[d.table]
      local what, what_en = "，无法确定各列的数值", ""
      if d.dropped then
        -- (a run of places holding the same numbers in every row: leaving out any one reads the same)
        local at, at_en = string.format("第%d个数", d.dropped), string.format("the value in place %d", d.dropped)
        if d.dropped_to and d.dropped_to > d.dropped then
          at = string.format("第%d至第%d个数中的一个（各行这几个数相同）", d.dropped, d.dropped_to)
          at_en = string.format("one of the values in places %d to %d (the same in every row)", d.dropped, d.dropped_to)
        end
        what = "；各行去掉" .. at .. "后本行合计均相符，且只有这一种读法，已据此读取，多出的数不计，请核对"
        what_en = "; with " .. at_en .. " of each row left out, every row's own sums hold, and with no other reading: "
                  .. "read so, the extra value not counted — please verify"
      end
      emit { line = d.line, col = d.col, found = tostring(d.count),
             vars = { table = t and t.title or d.table, table_en = "table " .. d.table:sub(2),
                      rows = d.rows, count = d.count, what = what, what_en = what_en } }
    end
  end
end
