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

-- The rows of the format's printed grid, in order, with how many cells
-- each has, and the row of each cell (made once per format).
local grid, grid_format
local function rows_of(fmt)
  if grid_format == fmt then return grid end
  grid, grid_format = { row_of = {} }, fmt
  local by_key = {}
  for _, id in ipairs(fmt.cells) do
    local info = fmt.info[id]
    local key = info.table .. "." .. info.row
    if not by_key[key] then
      by_key[key] = { table = info.table, label = info.row_label, n = 0 }
      grid[#grid + 1] = by_key[key]
    end
    by_key[key].n = by_key[key].n + 1
    grid.row_of[id] = by_key[key]
  end
  return grid
end

-- The numbers of each table that found no row of their own: values alone
-- said unplaced, a refused row's values beyond its own count, the values
-- of a row outside the format. A row whose label was not understood
-- (wrapped around its values in a narrow column, （一）予 / 以公开, or a
-- page's footer read as a row's label) may hold them: a row with no more
-- cells missing than that is not said missing; the numbers are said.
local function stray_numbers(report)
  local out = {}
  for _, d in ipairs(report.diagnostics) do
    local n = 0
    if d.kind == "unplaced" and d.text:match("^%s*%d[%d,%.]*%s*$") then
      n = 1
    elseif d.kind == "long" and d.count and d.expected then
      n = d.count - d.expected
    elseif d.kind == "extra" and d.values then
      for _ in d.values:gmatch("%d[%d,%.]*") do n = n + 1 end
    end
    if n > 0 and d.table then out[d.table] = (out[d.table] or 0) + n end
  end
  return out
end

function check(report, emit)
  local ids = report:ids_in("missing")
  if #ids == 0 then return end   -- most reports: every row whole
  local stray = stray_numbers(report)
  local grid = rows_of(format)
  local missing = {}          -- grid row → its missing cells, in the format's order
  for _, id in ipairs(ids) do
    local g = grid.row_of[id]
    missing[g] = missing[g] or {}
    table.insert(missing[g], format.info[id])
  end
  local rows, present = {}, {}
  for _, g in ipairs(grid) do
    if present[g.table] == nil then present[g.table] = report.tables[g.table].present end
    local m = missing[g] or {}
    if present[g.table] and #m > 0 and #m <= (stray[g.table] or 0) then m = {} end
    if present[g.table] then
      rows[#rows + 1] = { table = g.table, label = g.label, have = g.n - #m, missing = m }
    end
  end
  -- three or more whole rows missing one after another (a page cut short)
  -- make one finding, not one per row
  local i = 1
  while i <= #rows do
    local r = rows[i]
    local j = i
    while r.have == 0 and j + 1 <= #rows and rows[j + 1].have == 0
          and rows[j + 1].table == r.table and #rows[j + 1].missing > 0 do
      j = j + 1
    end
    if #r.missing > 0 and j - i >= 2 then
      local ids = {}
      for k = i, j do
        for _, c in ipairs(rows[k].missing) do ids[#ids + 1] = c.id end
      end
      local last = rows[j]
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
