-- Checking: a frozen Report → findings. Every enabled rule of the report's
-- pack runs once, sandboxed (instruction budget, memory cap); an identity
-- rule is evaluated by the C core per instance, a check rule is called
-- with a read-only view of the report and an emitter. A rule that fails
-- becomes a nianbao.internal finding naming it; the others go on.

local nianbao = require "nianbao"
local limits = require "nianbao.sandbox"
local view = require "view"
local formatlib = require "format"
local messages = require "messages"

local M = {}

local function fill(text, vars)
  return (text:gsub("{([%w_]+)}", function(k)
    local v = vars[k]
    if v == nil then return "{" .. k .. "}" end
    return tostring(v)
  end))
end

-- emit{…} for one rule on one report. Fields a rule may give: cell (from
-- report:cell), cells (ids), vars (for the message), found, expected,
-- line, col. The message and the severity are the rule's.
local function emitter(F, rule, R, findings, lang)
  return function(f)
    f = type(f) == "table" and f or {}
    local vars = {}
    local cell = type(f.cell) == "table" and f.cell or nil
    if cell then
      vars.where, vars.text, vars.value = R:where(cell.id, lang), cell.text, cell.value
      vars.row, vars.col = cell.row_label, cell.col_label
      local T = F.table_by_id[cell.table or ""]
      vars.table = T and T.title
    end
    for k, v in pairs(type(f.vars) == "table" and f.vars or {}) do vars[k] = v end
    local tmpl = rule.message[lang] or rule.message.zh
    local cells = f.cells or (cell and { cell.id }) or {}
    local line, col = f.line, f.col
    if not line and cell then line, col = cell.line, cell.col end
    if not line then
      for _, id in ipairs(cells) do
        local ok, c = pcall(R.c.get, R.c, id)
        if ok and c.line then line, col = c.line, c.col; break end
      end
    end
    findings:add {
      rule = rule.id, severity = rule.severity, message = fill(tmpl, vars), cells = cells,
      expected = f.expected, found = f.found, line = line, col = col,
    }
  end
end

-- An identity rule: one finding per failing instance (where its guard,
-- `when`, holds), with lhs, rhs, diff and each bound name's label.
local function run_identity(F, rule, R, emit)
  local failures = rule.compiled:eval(R.c, rule.names)
  for _, fl in ipairs(failures) do
    local k = fl.instance
    if not rule.guard or rule.guard:check(R.c, k) == "holds" then
      local vars = { lhs = fl.lhs, rhs = fl.rhs, diff = fl.diff }
      local tid = fl.terms[1] and fl.terms[1].id:gsub("^prev%.", ""):match("^([^.]+)")
      for name, v in pairs(fl.values) do
        vars[name] = formatlib.label(F, v, tid)
        vars[name .. "_id"] = v
      end
      local cells, line, col = {}, nil, nil
      for _, t in ipairs(fl.terms) do
        cells[#cells + 1] = t.id
        if not line and t.side == "lhs" then
          local c = R.c:get(t.id)
          line, col = c.line, c.col
        end
      end
      if fl.overflow then vars.lhs, vars.rhs = "?", "?" end
      emit { vars = vars, cells = cells, found = fl.lhs, expected = fl.rhs, line = line, col = col }
    end
  end
end

-- check(P, R, opts) → findings (C list), sorted by place. opts: lang,
-- instructions, memory.
function M.check(P, R, opts)
  local findings = nianbao.findings()
  local ro = view.readonly(R)
  local lang = opts.lang or "zh"
  for _, rule in ipairs(P.rules) do
    if rule.enabled then
      local emit = emitter(P.format, rule, R, findings, lang)
      local ok, err
      if rule.compiled then
        ok, err = limits.call(opts.instructions, opts.memory, run_identity, P.format, rule, R, emit)
      else
        ok, err = limits.call(opts.instructions, opts.memory, rule.check, ro, emit)
      end
      if not ok then
        findings:add { rule = "nianbao.internal", severity = "error",
                       message = messages.text(lang, "rule_failed", rule.id, tostring(err)) }
      end
    end
  end
  findings:sort()
  return findings
end

return M
