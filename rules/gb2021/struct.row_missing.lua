-- Every row of the official grid must be there, with all its columns.
id       = "gb2021.struct.row_missing"
severity = "error"
message  = {
  zh = "{table}缺少“{row}”{detail}",
  en = "{table_en} lacks row “{row}”{detail_en}",
}
rationale = {
  zh = "统一格式的每一行都要填写，没有数据的填0；缺行就无法核对勾稽关系，也无法汇总比较。",
  en = "Every row of the format is filled, with 0 where there is nothing; a missing row leaves the identities unchecked and the report out of any sum.",
}
basis    = { "国办公开办函〔2021〕30号规定的表格格式" }

local function titles(tid)
  return { format.tables[tid].title, "table " .. tid:sub(2) }
end

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
      if cell.state == "missing" then r.missing[#r.missing + 1] = cell else r.have = r.have + 1 end
    end
  end
  -- three or more whole rows missing one after another (a page cut short)
  -- make one finding, not one per row
  local i = 1
  while i <= #order do
    local r = rows[order[i]]
    local j = i
    while r.have == 0 and j + 1 <= #order and rows[order[j + 1]].have == 0
          and rows[order[j + 1]].table == r.table and #rows[order[j + 1]].missing > 0 do
      j = j + 1
    end
    if #r.missing > 0 and j - i >= 2 then
      local ids = {}
      for k = i, j do
        for _, c in ipairs(rows[order[k]].missing) do ids[#ids + 1] = c.id end
      end
      local last = rows[order[j]]
      emit { cells = ids, vars = {
        table = titles(r.table)[1], table_en = titles(r.table)[2], row = r.label,
        detail = string.format("行至“%s”行共%d行", last.label, j - i + 1),
        detail_en = string.format(" and the %d rows after it, to “%s”", j - i, last.label) } }
      i = j + 1
    else
      if #r.missing > 0 then
        local ids, cols = {}, {}
        for k, c in ipairs(r.missing) do ids[k] = c.id; cols[k] = "“" .. c.col_label .. "”" end
        local detail, detail_en = "行", ""
        if r.have > 0 then
          detail = "行中" .. table.concat(cols, "、") .. "列的数值"
          detail_en = string.format(" values in %d column(s)", #r.missing)
        end
        emit { cells = ids, vars = { table = titles(r.table)[1], table_en = titles(r.table)[2],
                                     row = r.label, detail = detail, detail_en = detail_en } }
      end
      i = i + 1
    end
  end
end
