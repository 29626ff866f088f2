-- The official grid of each table (spec §5): rows of cells with their
-- rowspan and colspan, header cells apart from data cells, and each data
-- cell's id. Writers draw a report's tables from it, so every output
-- format shows the same grid.

local M = {}

local function cell(text, opts)
  opts = opts or {}
  return { text = text, rowspan = opts.rowspan or 1, colspan = opts.colspan or 1,
           header = opts.header or false, id = opts.id, role = opts.role }
end

-- t2: four columns; captions span all four; single values span three.
local function t2(T)
  local def, rows = T.fmt.t2, {}
  local blocks = {
    { "第二十条第（一）项", { "信息内容", def.columns.made, def.columns.repealed, def.columns.valid },
      { "reg", "nrm" } },
    { "第二十条第（五）项", { "信息内容", def.columns.decisions }, { "permit" } },
    { "第二十条第（六）项", { "信息内容", def.columns.decisions }, { "penalty", "coercion" } },
    { "第二十条第（八）项", { "信息内容", def.columns.amount }, { "fee" } },
  }
  local by_id = {}
  for _, r in ipairs(def.rows) do by_id[r.id] = r end
  for _, b in ipairs(blocks) do
    rows[#rows + 1] = { cell(b[1], { colspan = 4, header = true, role = "caption" }) }
    local head = {}
    for i, h in ipairs(b[2]) do
      head[i] = cell(h, { header = true, colspan = (#b[2] == 2 and i == 2) and 3 or 1 })
    end
    rows[#rows + 1] = head
    for _, rid in ipairs(b[3]) do
      local r = by_id[rid]
      local row = { cell(r.label, { header = true, role = "label" }) }
      for _, col in ipairs(r.columns) do
        row[#row + 1] = cell(nil, { id = "t2." .. rid .. "." .. col, colspan = #r.columns == 1 and 3 or 1 })
      end
      rows[#rows + 1] = row
    end
  end
  return rows
end

-- t3: three label columns and seven data columns under a three-row header.
local function t3(T)
  local def, ct = T.fmt.t3, T.tables.t3
  local cols = def.columns
  local rows = {
    { cell("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
           { rowspan = 3, colspan = 3, header = true, role = "corner" }),
      cell("申请人情况", { colspan = 7, header = true }) },
    { cell(def.column_labels.np, { rowspan = 2, header = true }),
      cell("法人或其他组织", { colspan = 5, header = true }),
      cell(def.column_labels.total, { rowspan = 2, header = true }) },
    {},
  }
  for _, c in ipairs { "biz", "research", "ngo", "legal", "other" } do
    rows[3][#rows[3] + 1] = cell(def.column_labels[c], { header = true })
  end
  local function data(r)
    local out = {}
    for _, c in ipairs(cols) do out[#out + 1] = cell(nil, { id = r.path .. "." .. c }) end
    return out
  end
  local group_size, group_label = {}, {}
  for _, g in ipairs(def.groups) do group_label[g.id] = g.label end
  for _, r in ipairs(ct.rows) do
    local g = r.id:match("^result%.(%a+)%.")
    if g then group_size[g] = (group_size[g] or 0) + 1 end
  end
  local result_rows, seen_group, first_result = 0, {}, true
  for _, r in ipairs(ct.rows) do
    if r.id:match("^result") then result_rows = result_rows + 1 end
  end
  for _, r in ipairs(ct.rows) do
    local row = {}
    local g = r.id:match("^result%.(%a+)%.")
    if r.id:match("^result") then
      if first_result then
        row[#row + 1] = cell(group_label.result or "三、本年度办理结果",
                             { rowspan = result_rows, header = true, role = "label" })
        first_result = false
      end
      if g then
        if not seen_group[g] then
          seen_group[g] = true
          row[#row + 1] = cell(group_label[g], { rowspan = group_size[g], header = true, role = "label" })
        end
        row[#row + 1] = cell(r.label, { header = true, role = "label" })
      else
        row[#row + 1] = cell(r.label, { colspan = 2, header = true, role = "label" })
      end
    else
      row[#row + 1] = cell(r.label, { colspan = 3, header = true, role = "label" })
    end
    for _, d in ipairs(data(r)) do row[#row + 1] = d end
    rows[#rows + 1] = row
  end
  return rows
end

-- t4: 行政复议 (5) and 行政诉讼 (2 × 5) over one row of values.
local function t4(T)
  local def = T.fmt.t4
  local labels = {}
  for i, c in ipairs(def.columns) do labels[i] = def.column_labels[c] end
  local rows = {
    { cell("行政复议", { colspan = 5, header = true }), cell("行政诉讼", { colspan = 10, header = true }) },
    {},
    {},
    {},
  }
  for _, l in ipairs(labels) do rows[2][#rows[2] + 1] = cell(l, { rowspan = 2, header = true }) end
  rows[2][#rows[2] + 1] = cell("未经复议直接起诉", { colspan = 5, header = true })
  rows[2][#rows[2] + 1] = cell("复议后起诉", { colspan = 5, header = true })
  for _ = 1, 2 do
    for _, l in ipairs(labels) do rows[3][#rows[3] + 1] = cell(l, { header = true }) end
  end
  for _, g in ipairs { "rv", "ld", "la" } do
    for _, c in ipairs(def.columns) do rows[4][#rows[4] + 1] = cell(nil, { id = "t4." .. g .. "." .. c }) end
  end
  return rows
end

local builders = { t2 = t2, t3 = t3, t4 = t4 }

-- table(report, tid) → rows of cells; data cells carry `id` and, filled from
-- the report, `value` (as printed: number, "" for blank, the text of a
-- marker) and `state`.
function M.table(report, tid)
  local rows = builders[tid](report.T)
  for _, row in ipairs(rows) do
    for _, c in ipairs(row) do
      if c.id then
        local v = report:cell(c.id)
        c.state, c.line, c.col = v.state, v.line, v.col
        if v.state == "number" then c.text = tostring(v.value)
        elseif v.state == "missing" or v.state == "blank" then c.text = ""
        else c.text = v.text or "" end
      end
    end
  end
  return rows
end

-- For formats without merged cells (Markdown, CSV): the value columns of a
-- table, and its rows each with one label (group labels joined) and values.
function M.columns(report, tid)
  local T = report.T
  if tid == "t2" then
    local c = T.fmt.t2.columns
    return { c.made or "数量一", c.repealed or "数量二", c.valid or "数量三" }
  elseif tid == "t3" then
    local out = {}
    for i, c in ipairs(T.fmt.t3.columns) do out[i] = T.fmt.t3.column_labels[c] end
    return out
  end
  local out = {}
  for _, g in ipairs { { "行政复议", "rv" }, { "行政诉讼（未经复议直接起诉）", "ld" }, { "行政诉讼（复议后起诉）", "la" } } do
    for _, c in ipairs(T.fmt.t4.columns) do out[#out + 1] = g[1] .. "：" .. T.fmt.t4.column_labels[c] end
  end
  return out
end

local function text_of(report, id)
  local v = report:cell(id)
  if v.state == "number" then return tostring(v.value) end
  if v.state == "missing" or v.state == "blank" then return "" end
  return v.text or ""
end

function M.rows(report, tid)
  local T, out = report.T, {}
  if tid == "t2" then
    for _, r in ipairs(T.fmt.t2.rows) do
      local label = r.label
      if #r.columns == 1 then label = label .. "（" .. T.fmt.t2.columns[r.columns[1]] .. "）" end
      local vals = {}
      for i, c in ipairs(r.columns) do vals[i] = text_of(report, "t2." .. r.id .. "." .. c) end
      out[#out + 1] = { label = label, values = vals }
    end
  elseif tid == "t3" then
    for _, r in ipairs(T.tables.t3.rows) do
      local vals = {}
      for i, c in ipairs(T.fmt.t3.columns) do vals[i] = text_of(report, r.path .. "." .. c) end
      out[#out + 1] = { label = T.rowlabels[r.path] or r.label, values = vals }
    end
  else
    local vals = {}
    for _, id in ipairs(T.tables.t4.cells) do vals[#vals + 1] = text_of(report, id) end
    out[#out + 1] = { label = "件数", values = vals }
  end
  return out
end

return M
