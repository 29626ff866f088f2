-- A report's tables as writers draw them: the official grid of its format
-- (spec §5, compiled from the format's declaration) with the report's
-- values in the data cells, and flatter shapes for formats without
-- merged cells.

local Report = require "report"
local messages = require "messages"
local view = require "view"

local M = {}

local function value_text(report, id)
  local state, v = view.unwrap(report).c:state(id)
  if state == "number" then return tostring(v), state end
  local c = view.unwrap(report).c:get(id)
  if state == "missing" or state == "blank" or state == "unknown" then return "", state end
  return c.text or "", state
end

-- table(report, tid) → rows of cells {text=, rowspan=, colspan=, header=,
-- role=, id=}; data cells carry `id`, and from the report `text` (as
-- printed: the number, "" for blank or missing, a marker's text), `state`,
-- `line` and `col`.
function M.table(report, tid)
  local F = Report.format_of(report)
  local T = F.table_by_id[tid]
  local rows = {}
  for i, row in ipairs(T and T.grid or {}) do
    local out = {}
    for j, c in ipairs(row) do
      local cell = { text = c.text, rowspan = c.rowspan, colspan = c.colspan, header = c.header,
                     role = c.role, id = c.id }
      if c.id then
        local full = view.unwrap(report).c:get(c.id)
        cell.text, cell.state = value_text(report, c.id)
        cell.line, cell.col = full.line, full.col
      end
      out[j] = cell
    end
    rows[i] = out
  end
  return rows
end

-- The tables of the report's format, in the order of their parts:
-- {id=, title=, part=, heading= (the part's heading)}.
function M.tables(report)
  local F = Report.format_of(report)
  local out = {}
  for _, T in ipairs(F.tables) do
    out[#out + 1] = { id = T.id, title = T.title, part = T.part, heading = F.part_by_id[T.part].heading }
  end
  return out
end

-- The report's title as its format writes it.
function M.title(report)
  local F = Report.format_of(report)
  return require("format").fill(F.title, { agency = report.agency or "", year = report.year or "" })
end

-- The parts of the report's format: {id=, n=, title=, heading=, table=}.
function M.parts(report)
  local F = Report.format_of(report)
  local out = {}
  for i, p in ipairs(F.parts) do
    out[i] = { id = p.id, n = p.n, title = p.title, heading = p.heading, table = p.table }
  end
  return out
end

-- The key figures of a report (its format's `key_figures`): {label=, en=,
-- value=} with value "" where a cell is not a number. With no report, the
-- figures of `F` (the base format) with no values.
function M.figures(report, F)
  F = report and Report.format_of(report) or F
  local out = {}
  local c = report and view.unwrap(report).c
  for i, k in ipairs(F.key_figures) do
    local sum = report and 0 or nil
    for term in k.cells:gmatch("[^%s+]+") do
      if sum then
        local ok, state, v = pcall(c.state, c, term)
        if ok and state == "number" and math.type(v) == "integer" then sum = sum + v else sum = nil end
      end
    end
    out[i] = { label = k.label, en = k.en, value = sum and tostring(sum) or "" }
  end
  return out
end

-- The fonts of the report's format: {body = {…}, heading = {…}}.
function M.typography(report)
  return Report.format_of(report).typography
end

-- The metadata a published page prints before the report, as the format
-- labels it (each field's first label): {field=, label=, value=} for
-- 索引号, 发布机构, 成文日期, 发布日期 where the report has them.
function M.meta(report)
  local F = Report.format_of(report)
  local labels = (F.decl and F.decl.metadata) or {}
  local out = {}
  for _, field in ipairs { "index", "publisher", "written", "published" } do
    local value = field == "publisher" and report.agency or report[field]
    local label = labels[field] and labels[field][1]
    if value and label then out[#out + 1] = { field = field, label = label, value = value } end
  end
  return out
end

-- A date "YYYY-MM-DD" as the format writes it in a text (its
-- authoring.date: "{y}年{m}月{d}日"), or nil.
function M.date(report, iso)
  local F = Report.format_of(report)
  local y, m, d = tostring(iso or ""):match("^(%d%d%d%d)%-(%d%d)%-(%d%d)$")
  if not y or not F.authoring.date then return nil end
  return require("format").fill(F.authoring.date, { y = y, m = tonumber(m), d = tonumber(d) })
end

-- The signature (落款) that ends a published report: the issuer and the
-- date it was written (成文日期), as lines; nil when either is unknown.
function M.signature(report)
  local date = M.date(report, report.written)
  if not (report.agency and date) then return nil end
  return { report.agency, date }
end

-- A cell's place for people: table, row and column labels ("表三
-- 一、本年新收政府信息公开申请数量·自然人").
function M.label(report, id, lang)
  local F = Report.format_of(report)
  local info = F.info[id]
  if not info then return id end
  local T = F.table_by_id[info.table]
  return messages.text(lang or "zh", "cell_label", T and T.title or info.table, info.row_label or info.row,
                       info.col_label or info.column)
end

-- What the blank report of `new` writes in a part still to be filled.
function M.placeholders(report)
  local F = Report.format_of(report)
  return { text = F.authoring.text, table = F.authoring.table }
end

return M
