-- Every row of the official grid must be there, with all its columns.
id       = "gb2021.struct.row_missing"
severity = "error"
message  = {
  zh = "{table}缺少“{row}”{detail}",
  en = "{table_en} lacks row “{row}”{detail_en}",
}

local titles = { t2 = { "表二", "table 2" }, t3 = { "表三", "table 3" }, t4 = { "表四", "table 4" } }

function check(report, emit)
  local rows, order = {}, {}
  for cell in report:cells() do
    if report.tables[cell.table].present then
      local key = cell.table .. "." .. cell.row
      if not rows[key] then
        rows[key] = { table = cell.table, label = cell.row_label, have = 0, missing = {} }
        order[#order + 1] = key
      end
      local r = rows[key]
      if cell.state == "missing" and not report.unknown[cell.id] then r.missing[#r.missing + 1] = cell else r.have = r.have + 1 end
    end
  end
  for _, key in ipairs(order) do
    local r = rows[key]
    if #r.missing > 0 then
      local ids, cols = {}, {}
      for i, c in ipairs(r.missing) do ids[i] = c.id; cols[i] = "“" .. c.col_label .. "”" end
      local detail, detail_en = "行", ""
      if r.have > 0 then
        detail = "行中" .. table.concat(cols, "、") .. "列的数值"
        detail_en = string.format(" values in %d column(s)", #r.missing)
      end
      emit { cells = ids, vars = { table = titles[r.table][1], table_en = titles[r.table][2],
                                   row = r.label, detail = detail, detail_en = detail_en } }
    end
  end
end
