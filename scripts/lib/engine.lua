-- The engine: packs loaded once per process, then for each file
-- read → decode → reader → binder → rules → findings.

local nianbao = require "nianbao"
local nbio = require "nianbao.io"
local pack = require "pack"
local sandbox = require "sandbox"
local binder = require "binder"
local template = require "template"
local messages = require "messages"

local Engine = {}
Engine.__index = Engine
local M = {}

local MAX_BYTES = 64 * 1024 * 1024

-- The formats a report can be bound with; the first is the current one.
local FORMATS = { "gb2021", "gb2019" }

--{=== loading ===

local function load_script(path, kind, required, extra)
  local src, err = nbio.readfile(path)
  if not src then error(path .. ": " .. err, 0) end
  local env, e = sandbox.run(path, src, sandbox.env(extra))
  if not env then error(e, 0) end
  for _, f in ipairs(required) do
    if rawget(env, f) == nil then
      error(string.format("%s: a %s must define '%s'", path, kind, f), 0)
    end
  end
  return env
end

local function load_readers(home)
  local dir = home .. "/scripts/readers"
  local names = assert(nbio.listdir(dir))
  table.sort(names)
  local list, by_name = {}, {}
  for _, n in ipairs(names) do
    if n:match("%.lua$") then
      local r = load_script(dir .. "/" .. n, "reader", { "name", "Reader" })
      list[#list + 1] = r
      by_name[r.name] = r
    end
  end
  return list, by_name
end

-- A config file: which packs, rule severities (or off), rule parameters.
local function load_config(opts)
  local path = opts.config
  if not path and not opts.no_config and nbio.stat(".nianbao.yaml") == "file" then
    path = ".nianbao.yaml"
  end
  if not path then return {} end
  local src, err = nbio.readfile(path)
  if not src then error(path .. ": " .. err, 0) end
  local conf, where = nianbao.yaml.decode(src, path)
  if conf == nil then error(where, 0) end
  if conf == nianbao.null then return {} end
  if type(conf) ~= "table" then error(path .. ": the config must be a map", 0) end
  conf.path = path
  conf.dir = path:match("^(.*)/[^/]*$") or "."
  return conf
end

function M.new(opts)
  local home = opts.home
  local self = setmetatable({ opts = opts, home = home, lang = opts.lang or "zh" }, Engine)
  local conf = load_config(opts)
  self.config = conf
  local dirs = {}
  for _, p in ipairs(conf.packs or { "gb2021" }) do
    if p:find("/", 1, true) then
      dirs[#dirs + 1] = p:sub(1, 1) == "/" and p or (conf.dir .. "/" .. p)
    else
      dirs[#dirs + 1] = home .. "/rules/" .. p
    end
  end
  for _, d in ipairs(opts.rules or {}) do dirs[#dirs + 1] = d end
  -- Each format has its rules compiled against its own cells. A format
  -- other than the first takes every pack's rules that fit it, except
  -- where its own folder has a rule of the same name.
  self.formats, self.rules = {}, {}
  for k, fname in ipairs(FORMATS) do
    local fdir = home .. "/rules/" .. fname
    local T = pack.format(fdir)
    local F = { T = T, rules = {} }
    self.formats[fname] = F
    local own, own_base = {}, {}
    if k > 1 then
      own = pack.rules(fdir, T, (pack.prefix(fdir)))
      for _, r in ipairs(own) do own_base[r.base] = true end
    end
    for _, d in ipairs(dirs) do
      for _, r in ipairs(pack.rules(d, T, (pack.prefix(d)), k > 1)) do
        if not own_base[r.base] then F.rules[#F.rules + 1] = r end
      end
    end
    for _, r in ipairs(own) do F.rules[#F.rules + 1] = r end
    table.sort(F.rules, function(a, b) return a.id < b.id end)
    for _, r in ipairs(k == 1 and F.rules or own) do self.rules[#self.rules + 1] = r end
  end
  self.T = self.formats[FORMATS[1]].T
  -- severities, off switches and parameters from the config, for every
  -- format's copy of the rule
  local by_id = {}
  for _, F in pairs(self.formats) do
    for _, r in ipairs(F.rules) do
      by_id[r.id] = by_id[r.id] or {}
      table.insert(by_id[r.id], r)
    end
  end
  for id, v in pairs(conf.rules or {}) do
    if not by_id[id] then error(string.format("%s: no rule '%s'", conf.path, id), 0) end
    for _, r in ipairs(by_id[id]) do
      if v == "off" or v == false then r.enabled = false
      elseif v == "error" or v == "warning" or v == "info" then r.severity = v
      else error(string.format("%s: rule '%s': use error, warning, info or off", conf.path, id), 0) end
    end
  end
  for id, ps in pairs(conf.params or {}) do
    if not by_id[id] then error(string.format("%s: params for unknown rule '%s'", conf.path, id), 0) end
    for _, r in ipairs(by_id[id]) do
      for k, v in pairs(ps) do r.params[k] = v end
    end
  end
  self.readers, self.reader_by_name = load_readers(home)
  return self
end

--}===

--{=== reading ===

-- Bytes → UTF-8 text, or nil and the reason.
local function decode(self, bytes)
  if bytes:sub(1, 3) == "\239\187\191" then bytes = bytes:sub(4) end
  if bytes:find("\0", 1, true) then return nil, messages.text(self.lang, "binary") end
  if not bytes:find("[^%s]") then return nil, messages.text(self.lang, "empty") end
  local ok, bad = utf8.len(bytes)
  if not ok then
    local line = select(2, bytes:sub(1, bad):gsub("\n", "")) + 1
    return nil, messages.text(self.lang, "bad_encoding", line)
  end
  return bytes
end

local function extension(path)
  return (path:match("%.([%w]+)$") or ""):lower()
end

function Engine:pick_reader(path, text)
  if self.opts.reader then
    local r = self.reader_by_name[self.opts.reader]
    if not r then return nil, messages.text(self.lang, "unknown_reader", self.opts.reader) end
    return r
  end
  local ext, head = extension(path), text:sub(1, 65536)
  for _, r in ipairs(self.readers) do
    for _, e in ipairs(r.extensions or {}) do
      if e == ext and (not r.sniff or r.sniff(head)) then return r end
    end
  end
  for _, r in ipairs(self.readers) do
    if r.sniff and r.sniff(head) then return r end
  end
  return self.reader_by_name.text
end

-- read(path) → report, problems | nil, reason (the file cannot be read as a report)
function Engine:read(path)
  local bytes, err = nbio.readfile(path, MAX_BYTES)
  if not bytes then
    if err:find("limit") then return nil, messages.text(self.lang, "too_large", err) end
    return nil, messages.text(self.lang, "cannot_open", err)
  end
  local text, why = decode(self, bytes)
  if not text then return nil, why end
  local reader, rerr = self:pick_reader(path, text)
  if not reader then return nil, rerr end
  local ok, doc = pcall(reader.Reader, text, { path = path })
  if not ok then return nil, messages.text(self.lang, "reader_failed", reader.name, tostring(doc)) end
  local source = path:match("([^/]+)$")
  local R, problems = binder.bind(self.T, doc, source)
  if R.format ~= FORMATS[1] and self.formats[R.format] then
    -- labels of another version: bind with its grid too, keep what fits better
    local R2, problems2 = binder.bind(self.formats[R.format].T, doc, source)
    if binder.fit(R2, problems2) > binder.fit(R, problems) then
      R, problems = R2, problems2
    else
      R.format = FORMATS[1]
    end
  end
  local any_table = R.tables.t2.present or R.tables.t3.present or R.tables.t4.present
  if #R.sections <= 1 and not any_table and R.format ~= "legacy"
     and not text:find("政府信息公开工作年度报告", 1, true)
     and not text:find("政府信息公开年度报告", 1, true) then
    return nil, messages.text(self.lang, "not_report")
  end
  R.problems = problems
  R.path = path
  return R
end

--}===

--{=== checking ===

local function fill(text, vars)
  return (text:gsub("{([%w_]+)}", function(k)
    local v = vars[k]
    if v == nil then return "{" .. k .. "}" end
    return tostring(v)
  end))
end

function Engine:emitter(rule, R, findings)
  local lang = self.lang
  return function(f)
    f = f or {}
    local vars = {}
    local cell = f.cell
    if cell then
      vars.where, vars.text, vars.value = R:where(cell.id, lang), cell.text, cell.value
      vars.row, vars.col, vars.table = cell.row_label, cell.col_label, R.T.tables[cell.table].title
    end
    for k, v in pairs(f.vars or {}) do vars[k] = v end
    local tmpl = rule.message[lang] or rule.message.zh
    local cells = f.cells or (cell and { cell.id }) or {}
    local line, col = f.line, f.col
    if not line and cell then line, col = cell.line, cell.col end
    if not line then
      for _, id in ipairs(cells) do
        local c = R.c:get(id)
        if c.line then line, col = c.line, c.col; break end
      end
    end
    findings:add {
      rule = rule.id, severity = f.severity or rule.severity, message = fill(tmpl, vars),
      cells = cells, expected = f.expected, found = f.found, line = line, col = col,
    }
  end
end

local function run_identity(self, rule, R, emit)
  local failures = rule.compiled:eval(R.c, rule.names)
  for _, fl in ipairs(failures) do
    local vars = { lhs = fl.lhs, rhs = fl.rhs, diff = fl.diff }
    local tid = fl.terms[1] and fl.terms[1].id:match("^(t%d)")
    for name, v in pairs(fl.values) do
      vars[name] = template.label(self.T, v, tid)
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
    if fl.overflow then
      vars.lhs, vars.rhs = "?", "?"
    end
    emit { vars = vars, cells = cells, found = fl.lhs, expected = fl.rhs, line = line, col = col }
  end
end

-- check(R) → findings (C list), sorted by place.
function Engine:check(R)
  local findings = nianbao.findings()
  local F = self.formats[R.format] or self.formats[FORMATS[1]]
  for _, rule in ipairs(F.rules) do
    if rule.enabled then
      local emit = self:emitter(rule, R, findings)
      local ok, err
      if rule.compiled then
        ok, err = pcall(run_identity, self, rule, R, emit)
      else
        ok, err = pcall(rule.check, R, emit)
      end
      if not ok then
        findings:add { rule = "nianbao.internal", severity = "error",
                       message = messages.text(self.lang, "rule_failed", rule.id, tostring(err)) }
      end
    end
  end
  findings:sort()
  return findings
end

--}===

return M
