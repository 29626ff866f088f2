-- The format pack compiled for binding and checking: the schema of cell
-- ids (C), what each cell is (table, row, column, labels), and the labels
-- normalised once for matching.

local nianbao = require "nianbao"
local labels = require "labels"
local norm = labels.normalize

local M = {}

local table_names_en = { t2 = "table 2", t3 = "table 3", t4 = "table 4" }

local function norm_list(list)
  local out = {}
  for i, s in ipairs(list or {}) do out[i] = norm(s) end
  return out
end

-- compile(fmt) → template. fmt is the environment the pack's format.lua
-- filled (sections, t2, t3, t4, …).
function M.compile(fmt)
  local schema = nianbao.schema()
  local T = {
    name = fmt.name, fmt = fmt, schema = schema,
    cells = {},        -- ids of the cells every report must have, in order
    info = {},         -- id → {table=, row=, column=, row_label=, col_label=, kind=, optional=}
    tables = {},       -- id → compiled table
    sections = {},     -- compiled sections in order
    rowlabels = {},    -- "t3.result.public" → label
  }

  local function add(id, info)
    schema:add(id, info.kind == "money" and "money" or "count")   -- "signed" is a count too
    T.info[id] = info
    info.id = id
    if not info.optional then T.cells[#T.cells + 1] = id end
  end

  for i, s in ipairs(fmt.sections) do
    local heads, raw = { norm(s.heading) }, { s.heading }
    for _, v in ipairs(s.variants or {}) do
      heads[#heads + 1] = norm(v)
      raw[#raw + 1] = v
    end
    T.sections[i] = { id = s.id, n = s.n, index = i, heading = s.heading,
                      numbered = s.n .. "、" .. s.heading, heads = heads, raw_heads = raw }
  end

  -- table 2: rows with their own columns
  do
    local t2 = fmt.t2
    local ct = { id = "t2", def = t2, kind = "rows", rows = {}, headers = norm_list(t2.headers),
                 section = t2.section, title = t2.title }
    for _, r in ipairs(t2.rows) do
      local row = { id = r.id, path = "t2." .. r.id, label = r.label, match = norm_list(r.match),
                    cells = {} }
      T.rowlabels[row.path] = r.label
      for _, col in ipairs(r.columns) do
        local id = row.path .. "." .. col
        add(id, { table = "t2", row = r.id, column = col, row_label = r.label,
                  col_label = t2.columns[col], kind = (r.kinds and r.kinds[col]) or r.kind })
        row.cells[#row.cells + 1] = id
      end
      ct.rows[#ct.rows + 1] = row
    end
    T.tables.t2 = ct
  end

  -- table 3: rows × the seven applicant columns, plus optional group subtotals
  do
    local t3 = fmt.t3
    local ct = { id = "t3", def = t3, kind = "rows", rows = {}, groups = {},
                 headers = norm_list(t3.headers), section = t3.section, title = t3.title }
    local group_label = {}
    for _, g in ipairs(t3.groups) do
      ct.groups[#ct.groups + 1] = { id = g.id, label = g.label, match = norm_list(g.match),
                                    parent = g.parent }
      group_label[g.id] = g.label
    end
    local function add_row(r, optional)
      local row = { id = r.id, path = "t3." .. r.id, label = r.label, match = norm_list(r.match),
                    group = r.group, exact = r.exact, cells = {}, optional = optional }
      local parent = r.id:match("^result%.(%a+)%.") 
      local shown = parent and group_label[parent] and (group_label[parent] .. r.label) or r.label
      T.rowlabels[row.path] = shown
      for _, col in ipairs(t3.columns) do
        local id = row.path .. "." .. col
        add(id, { table = "t3", row = r.id, column = col, row_label = shown,
                  col_label = t3.column_labels[col], optional = optional })
        row.cells[#row.cells + 1] = id
        row.by_col = row.by_col or {}
        row.by_col[col] = id
      end
      -- 法人或其他组织 subtotal: not in the official grid, validated where printed
      local org = row.path .. ".org"
      add(org, { table = "t3", row = r.id, column = "org", row_label = shown,
                 col_label = "法人或其他组织小计", optional = true })
      row.by_col.org = org
      return row
    end
    for _, r in ipairs(t3.rows) do ct.rows[#ct.rows + 1] = add_row(r, false) end
    ct.subtotal = {}
    for _, path in ipairs(t3.subtotals or {}) do
      local g = path:match("%.(%a+)$")
      ct.subtotal[g] = add_row({ id = path, label = group_label[g] .. "小计", match = {} }, true)
    end
    -- header words that name a column, for renderings that reorder or add columns
    ct.column_words = { [norm("小计")] = "org", [norm("法人或其他组织小计")] = "org" }
    for col, label in pairs(t3.column_labels) do ct.column_words[norm(label)] = col end
    T.tables.t3 = ct
    T.t3_rows = {}
    for _, r in ipairs(ct.rows) do T.t3_rows[#T.t3_rows + 1] = r.path end
  end

  -- table 4: one row of fifteen values, group by group
  do
    local t4 = fmt.t4
    local ct = { id = "t4", def = t4, kind = "flat", cells = {}, headers = norm_list(t4.headers),
                 section = t4.section, title = t4.title }
    for _, g in ipairs(t4.groups) do
      for _, col in ipairs(t4.columns) do
        local id = "t4." .. g.id .. "." .. col
        add(id, { table = "t4", row = g.id, column = col, row_label = g.label,
                  col_label = t4.column_labels[col] })
        ct.cells[#ct.cells + 1] = id
      end
      T.rowlabels["t4." .. g.id] = g.label
    end
    T.tables.t4 = ct
  end

  T.format_2019 = norm_list(fmt.format_2019)
  T.legacy_headings = norm_list(fmt.legacy_headings)
  T.markers = {}
  for _, m in ipairs(fmt.markers or { "-", "—", "--", "——", "/", "无", "－", "／", "\\" }) do
    T.markers[norm(m)] = true
  end
  return T
end

-- Where a cell is, for messages: 表三“（一）予以公开”行“自然人”列.
function M.where(T, id, lang)
  local info = T.info[id]
  if not info then return id end
  if lang == "en" then
    return string.format("%s, row %s, column %s (%s)", table_names_en[info.table] or info.table,
                         info.row, info.column, id)
  end
  local title = T.tables[info.table].title
  if info.table == "t4" then
    return string.format("%s“%s”“%s”", title, info.row_label, info.col_label)
  end
  return string.format("%s“%s”行“%s”列", title, info.row_label, info.col_label)
end

-- The label of a value an identity ranges over: a column id or a row path.
function M.label(T, value, table_id)
  if T.rowlabels[value] then return T.rowlabels[value] end
  local t = T.tables[table_id or ""]
  if t then
    local def = t.def
    local l = (def.column_labels or {})[value] or (type(def.columns) == "table" and def.columns[value])
    if type(l) == "string" then return l end
  end
  return value
end

return M
