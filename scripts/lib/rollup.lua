-- A region's reports summed up: one row per report checked (agency, year,
-- findings by severity and by rule, publication against the deadline,
-- outcome shares), the sheet an evaluator hands in (CSV and XLSX), and
-- `nianbao sum`: tables added cell by cell into one report. What the
-- outcome kinds and the summed tables are is the format's (`rollup` in its
-- format.lua).

local nianbao = require "nianbao"
local nbio = require "nianbao.io"
local xlsx = require "nianbao.xlsx"
local messages = require "messages"
local Report = require "report"

local M = {}

local function spec(F)
  local r = type(F.decl) == "table" and type(F.decl.rollup) == "table" and F.decl.rollup or {}
  return r
end

-- The outcome kinds of format F: {id =, label =, cells = {…}} in the
-- format's order, and the total cell (read-only: made once a format, as
-- every report's row asks for them).
local kinds_of = setmetatable({}, { __mode = "k" })

local function outcome_kinds(F)
  local o = spec(F).outcomes
  if type(o) ~= "table" or not o.group then return {}, nil end
  local kinds, by = {}, {}
  local prefix, suffix = o.group .. ".", "." .. (o.column or "total")
  local total = o.total and (o.total .. suffix)
  for _, id in ipairs(F.cells) do
    if id:sub(1, #prefix) == prefix and id:sub(-#suffix) == suffix and id ~= total then
      local kind = id:sub(#prefix + 1):match("^([^.]+)")
      local k = by[kind]
      if not k then
        local gid = o.group .. "." .. kind
        k = { id = kind, label = F.rowlabels[gid] or kind, cells = {} }
        by[kind] = k
        kinds[#kinds + 1] = k
      end
      k.cells[#k.cells + 1] = id
    end
  end
  return kinds, total
end

function M.outcome_kinds(F)
  local known = kinds_of[F]
  if not known then
    local kinds, total = outcome_kinds(F)
    known = { kinds = kinds, total = total }
    kinds_of[F] = known
  end
  return known.kinds, known.total
end

local function value(R, id)
  local ok, state, v = pcall(R.c.state, R.c, id)
  if ok and state == "number" and math.type(v) == "integer" then return v end
  return nil
end

local function days(date)
  local y, m, d = tostring(date or ""):match("^(%d%d%d%d)-(%d%d)-(%d%d)$")
  if not y then return nil end
  return os.time { year = tonumber(y), month = tonumber(m), day = tonumber(d), hour = 12 } // 86400
end

-- row(E, R, findings, info) → the row of one report. info: path, page,
-- status, key, from, before.
function M.row(E, R, findings, info)
  local F = E:pack(R and R.format or E.base).format
  local row = { file = info.path, page = info.page, status = info.status, key = info.key,
                error = 0, warning = 0, info = 0, rules = {}, outcomes = {} }
  for _, f in ipairs(findings) do
    row[f.severity] = (row[f.severity] or 0) + 1
    row.rules[f.rule] = (row.rules[f.rule] or 0) + 1
  end
  if not R then return row end
  row.agency, row.year, row.published, row.format = R.agency, R.year, R.published, R.format
  local issuer = F.issuer_by_kind[R.issuer]
  row.issuer = issuer and issuer.name
  if issuer and issuer.deadline and R.year then
    row.deadline = string.format("%d-%s", R.year + 1, issuer.deadline)
    local a, b = days(R.published), days(row.deadline)
    if a and b then
      row.days = a - b
      row.late = a > b
    end
  end
  if R.format ~= "legacy" then
    local kinds, total = M.outcome_kinds(F)
    row.handled = total and value(R, total)
    for _, k in ipairs(kinds) do
      local sum
      for _, id in ipairs(k.cells) do
        local v = value(R, id)
        if v then sum = (sum or 0) + v end
      end
      row.outcomes[k.id] = sum
    end
  end
  if R.previous then
    row.previous = { file = R.previous.path, year = R.previous.year, from = R.previous_from }
  else
    row.previous = { from = R.previous_from or "none" }
  end
  return row
end

--{=== the sheet ===

local function csv_field(v)
  v = v == nil and "" or tostring(v)
  if v:find('[",\r\n]') then v = '"' .. v:gsub('"', '""') .. '"' end
  return v
end

-- The sheet's rows: a header, then one row per report (ranked: year, most
-- errors, most warnings, agency).
function M.sheet_rows(F, rows, lang)
  local t = function(k, ...) return messages.text(lang, k, ...) end
  local rules, seen = {}, {}
  for _, r in ipairs(rows) do
    for id in pairs(r.rules) do
      if not seen[id] then seen[id] = true; rules[#rules + 1] = id end
    end
  end
  table.sort(rules)
  local kinds = M.outcome_kinds(F)
  local head = { t("col_agency"), t("col_key"), t("col_year"), t("col_file"), t("col_issuer"),
                 t("col_published"), t("col_deadline"), t("col_late"), t("error"), t("warning"), t("info"),
                 t("col_handled") }
  for _, k in ipairs(kinds) do head[#head + 1] = t("col_share", lang == "en" and k.id or k.label) end
  head[#head + 1] = t("col_previous")
  for _, id in ipairs(rules) do head[#head + 1] = id end
  local sorted = {}
  for i, r in ipairs(rows) do sorted[i] = r end
  table.sort(sorted, function(a, b)
    if (a.year or 0) ~= (b.year or 0) then return (a.year or 0) < (b.year or 0) end
    if a.error ~= b.error then return a.error > b.error end
    if a.warning ~= b.warning then return a.warning > b.warning end
    return (a.agency or a.file) < (b.agency or b.file)
  end)
  local out = { head }
  for _, r in ipairs(sorted) do
    local line = { r.agency or "", r.key or "", r.year, r.file, r.issuer or "", r.published or "",
                   r.deadline or "", r.late == nil and "" or t(r.late and "yes" or "no"),
                   r.error, r.warning, r.info, r.handled }
    for _, k in ipairs(kinds) do
      local v = r.outcomes[k.id]
      line[#line + 1] = (v and r.handled and r.handled > 0) and math.floor(v * 10000 / r.handled + 0.5) / 100 or nil
    end
    line[#line + 1] = r.previous and r.previous.file or ""
    for _, id in ipairs(rules) do line[#line + 1] = r.rules[id] or 0 end
    out[#out + 1] = line
  end
  return out
end

-- write_sheet(F, rows, base, lang): base.csv (UTF-8 with BOM, for Excel
-- and WPS) and base.xlsx. Raises on a write failure.
function M.write_sheet(F, rows, base, lang)
  local sheet = M.sheet_rows(F, rows, lang)
  local lines = {}
  for i, r in ipairs(sheet) do
    local cells = {}
    for k = 1, #sheet[1] do cells[k] = csv_field(r[k]) end
    lines[i] = table.concat(cells, ",")
  end
  local f, err = nbio.tempfile(base .. ".csv")
  if not f then error(messages.text(lang, "cannot_write", base .. ".csv", err), 0) end
  f:write("\239\187\191", table.concat(lines, "\r\n"), "\r\n")
  local ok, cerr = nbio.commit(f, base .. ".csv")
  if not ok then error(messages.text(lang, "cannot_write", base .. ".csv", cerr), 0) end
  local done, xerr = xlsx.write(base .. ".xlsx", { { name = messages.text(lang, "sheet_name"), rows = sheet } })
  if not done then error(messages.text(lang, "cannot_write", base .. ".xlsx", xerr), 0) end
end

--}===

--{=== nianbao sum ===

-- sum(F, reports, lang) → a report of format F whose cells of the
-- format's summed tables are the sums of the reports' (blank and marker
-- cells count as 0); a cell that some report lacks as a number is unknown
-- in the sum, so no identity is judged on a part. → sum, gaps {report
-- index → cells it lacks}.
function M.sum(F, reports, lang)
  local S = Report.new(F, nil)
  local tables = {}
  for _, t in ipairs(spec(F).tables or {}) do tables[t] = true end
  local gaps = {}
  for _, id in ipairs(F.cells) do
    if tables[id:match("^([^.]+)")] then
      local total, whole = 0, true
      for i, R in ipairs(reports) do
        local ok, state, v = pcall(R.c.state, R.c, id)
        if ok and state == "number" then
          total = nianbao.add(total, v)
        elseif not (ok and (state == "blank" or state == "marker")) then
          whole = false
          gaps[i] = (gaps[i] or 0) + 1
        end
      end
      if whole then S.c:set(id, "number", total) else S.c:set(id, "unknown") end
    end
  end
  local years = {}
  for _, R in ipairs(reports) do if R.year then years[R.year] = true end end
  local only
  for y in pairs(years) do only = only == nil and y or false end
  S.year = only or nil
  S.agency = messages.text(lang, "sum_agency", #reports)
  return S, gaps
end

--}===

return M
