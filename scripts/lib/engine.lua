-- The engine: packs loaded once per process, then for each file
-- read → decode → reader → binder → rules → findings.

local nianbao = require "nianbao"
local nbio = require "nianbao.io"
local limits = require "nianbao.sandbox"
local pack = require "pack"
local sandbox = require "sandbox"
local binder = require "binder"
local template = require "template"
local messages = require "messages"

local Engine = {}
Engine.__index = Engine
local M = {}

-- The formats a report can be bound with; the first is the current one.
local FORMATS = { "gb2021", "gb2019" }

-- Reports of the same issuer in other years are found by its name.
local function issuer_key(name)
  return name and (require("labels").normalize(name)) or nil
end

-- What rules see: the report, read-only at its top level.
local function read_only(R)
  return setmetatable({}, {
    __index = R,
    __newindex = function(_, k) error("the report is read-only (" .. tostring(k) .. ")", 2) end,
    __metatable = false,
  })
end

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

-- What a reader may use besides plain Lua.
local reader_helpers = { trim = require("labels").trim }

local function load_readers(home)
  local dir = home .. "/scripts/readers"
  local names = assert(nbio.listdir(dir))
  table.sort(names)
  local list, by_name = {}, {}
  for _, n in ipairs(names) do
    if n:match("%.lua$") then
      local r = load_script(dir .. "/" .. n, "reader", { "name", "Reader" }, reader_helpers)
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
  -- limits for every rule call (and, scaled by input size, every reader call)
  -- from the command line, else the config's `limits:`, else the defaults
  local lim = conf.limits or {}
  local function int(v) return v ~= nil and math.tointeger(tonumber(v)) or nil end
  self.limits = {
    instructions = int(opts.instructions) or int(lim.instructions) or 20000000,
    memory = (int(opts.memory_mb) or int(lim.memory_mb) or 256) * 1024 * 1024,
  }
  self.max_bytes = (int(opts.max_size_mb) or int(lim.max_size_mb) or 64) * 1024 * 1024
  return self
end

--}===

--{=== reading ===

-- The charset a page declares: <meta charset="gbk">, content="…; charset=gb2312",
-- or an XML declaration.
local function declared_charset(bytes)
  local head = bytes:sub(1, 4096):lower()
  return head:match("<meta[^>]-charset%s*=%s*[\"']?%s*([%w_%-]+)")
      or head:match("<%?xml[^>]-encoding%s*=%s*[\"']([%w_%-]+)")
end

local chinese = { gbk = true, gb2312 = true, gb18030 = true, ["x-gbk"] = true, cp936 = true,
                  ["euc-cn"] = true, hz = false }

-- Bytes → UTF-8 text, or nil and the reason. UTF-8 (with or without BOM),
-- UTF-16 with BOM, and GB18030/GBK/GB2312 (declared, or sniffed when the
-- bytes are not UTF-8) are read; GB18030 is the superset of the other two.
local function decode(self, bytes)
  local b2 = bytes:sub(1, 2)
  if b2 == "\255\254" or b2 == "\254\255" then
    local t, err = nianbao.convert(bytes:sub(3), b2 == "\255\254" and "UTF-16LE" or "UTF-16BE")
    if not t then return nil, messages.text(self.lang, "bad_utf16", err) end
    bytes = t
  elseif bytes:sub(1, 3) == "\239\187\191" then
    bytes = bytes:sub(4)
  end
  if bytes:find("\0", 1, true) then return nil, messages.text(self.lang, "binary") end
  if not bytes:find("[^%s]") then return nil, messages.text(self.lang, "empty") end
  local ok, bad = utf8.len(bytes)
  if not ok then
    local cs = declared_charset(bytes)
    if cs == nil or chinese[cs] then
      local t = nianbao.convert(bytes, "GB18030")
      if t then return t, "GB18030" end
    end
    local line = select(2, bytes:sub(1, bad):gsub("\n", "")) + 1
    return nil, messages.text(self.lang, "bad_encoding", line)
  end
  return bytes
end

-- A PDF's text layer in reading layout, through poppler's pdftotext.
local function pdf_text(self, path)
  local quoted = "'" .. path:gsub("'", "'\\''") .. "'"
  local p = io.popen("pdftotext -layout -enc UTF-8 -- " .. quoted .. " - 2>&1", "r")
  local out = p and p:read("a") or ""
  local ok, _, code = true, nil, 0
  if p then ok, _, code = p:close() end
  if not ok or code ~= 0 then
    if code == 127 then return nil, messages.text(self.lang, "no_pdftotext") end
    return nil, messages.text(self.lang, "pdf_failed", (out:gsub("%s+$", "")))
  end
  if not out:find("[^%s]") then return nil, messages.text(self.lang, "pdf_no_text") end
  return out
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

-- read(path) → report | nil, reason (the file cannot be read as a report).
-- alone: do not look at other years' reports (used while indexing them).
function Engine:read(path, alone)
  local bytes, err = nbio.readfile(path, self.max_bytes)
  if not bytes then
    if err:find("limit") then return nil, messages.text(self.lang, "too_large", self.max_bytes // 1048576) end
    return nil, messages.text(self.lang, "cannot_open", err)
  end
  return self:read_bytes(bytes, path, alone)
end

-- read_bytes(bytes, path) → report | nil, reason: the same for bytes in hand
-- (path names them and picks the reader by its extension).
function Engine:read_bytes(bytes, path, alone)
  if bytes:sub(1, 5) == "%PDF-" then
    local t, perr = pdf_text(self, path)
    if not t then return nil, perr end
    bytes = t
  end
  local text, why = decode(self, bytes)
  if not text then return nil, why end
  local reader, rerr = self:pick_reader(path, text)
  if not reader then return nil, rerr end
  -- a reader's work grows with its input; a hostile page must not stall the batch
  local ok, doc = limits.call(self.limits.instructions + 2000 * #text,
                              self.limits.memory + 64 * #text, reader.Reader, text, { path = path })
  if not ok then return nil, messages.text(self.lang, "reader_failed", reader.name, tostring(doc)) end
  local source = path:match("([^/]+)$")
  if type(doc) == "table" and doc.canonical then        -- the canonical YAML: no binding by labels
    local F = self.formats[doc.canonical.format] or self.formats[FORMATS[1]]
    local R, problems = binder.bind_canonical(F.T, doc.canonical, doc.lines or {}, source)
    R.problems, R.path = problems, path
    return R
  end
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
  if not alone then
    self:resolve_across_years(R)
    -- the year before, for the cross-year checks (xy.*)
    if self.opts.previous and #self.opts.previous > 0 and R.year then
      local years = self:related()[issuer_key(R.agency) or ""]
      local prev = years and years[R.year - 1]
      if prev and prev ~= R then R.previous = read_only(prev) end
    end
  end
  return R
end

--}===

--{=== other years ===

-- FILE|DIR arguments → files, in order; folders are walked, sorted, for
-- the files some reader takes by extension. A named file is always read.
function Engine:files(args)
  local known = {}
  for _, r in ipairs(self.readers) do
    for _, e in ipairs(r.extensions or {}) do known[e] = true end
  end
  local files = {}
  local function walk(path, top)
    local kind = nbio.stat(path)
    if kind == "directory" then
      local names = nbio.listdir(path) or {}
      table.sort(names)
      for _, n in ipairs(names) do
        if n:sub(1, 1) ~= "." then walk(path:gsub("/+$", "") .. "/" .. n, false) end
      end
    elseif top or known[(path:match("%.(%w+)$") or ""):lower()] then
      files[#files + 1] = path
    end
  end
  for _, a in ipairs(args or {}) do walk(a, true) end
  return files
end

-- The reports of other years (--previous FILE|DIR), bound once and indexed
-- by issuer and year.
function Engine:related()
  if self.related_index then return self.related_index end
  local idx = {}
  self.related_index = idx
  for _, path in ipairs(self:files(self.opts.previous)) do
    local R = self:read(path, true)
    local key = R and issuer_key(R.agency)
    if key and R.year then
      idx[key] = idx[key] or {}
      idx[key][R.year] = idx[key][R.year] or R
    end
  end
  return idx
end

-- Candidates of a glued table-2 row: {made=, repealed=, valid=} lists.
local function stock_options(R2, row)
  if not R2 or R2.format ~= FORMATS[1] then return nil end   -- the 2019 grid has no stock
  for _, p in ipairs(R2.problems or {}) do
    if p.kind == "glued" and p.table == "t2" and p.row and p.row.id == row and not p.resolved then
      local opts = {}
      for _, c in ipairs(p.candidates or {}) do
        opts[#opts + 1] = { made = tonumber(c[1]), repealed = tonumber(c[2]), valid = tonumber(c[3]) }
      end
      return opts
    end
  end
  local m, r, v = R2.c:get("t2." .. row .. ".made"), R2.c:get("t2." .. row .. ".repealed"),
                  R2.c:get("t2." .. row .. ".valid")
  if m.state == "number" and r.state == "number" and v.state == "number" then
    return { { made = m.value, repealed = r.value, valid = v.value } }
  end
end

-- Table 2 has no identity within a year, but its stock carries over:
-- 现行有效(N) = 现行有效(N−1) + 本年制发(N) − 本年废止(N). Where glued digits of
-- a row allow several cuts, keep the one that the neighbouring years confirm.
function Engine:resolve_across_years(R)
  local open = {}
  for _, p in ipairs(R.problems) do
    if p.kind == "glued" and p.table == "t2" and not p.resolved and p.complete
       and p.candidates and #p.candidates > 1 and p.row and (p.row.id == "reg" or p.row.id == "nrm") then
      open[#open + 1] = p
    end
  end
  if #open == 0 or not (self.opts.previous and #self.opts.previous > 0) or R.format ~= FORMATS[1] then
    return
  end
  local years = self:related()[issuer_key(R.agency) or ""]
  if not years or not R.year then return end
  for _, p in ipairs(open) do
    local before = stock_options(years[R.year - 1] ~= R and years[R.year - 1] or nil, p.row.id)
    local after = stock_options(years[R.year + 1] ~= R and years[R.year + 1] or nil, p.row.id)
    if before or after then
      local keep = {}
      for _, c in ipairs(p.candidates) do
        local made, rep, valid = tonumber(c[1]), tonumber(c[2]), tonumber(c[3])
        local ok = true
        if before then
          local any = false
          for _, o in ipairs(before) do any = any or (valid == o.valid + made - rep) end
          ok = ok and any
        end
        if after then
          local any = false
          for _, o in ipairs(after) do any = any or (o.valid == valid + o.made - o.repealed) end
          ok = ok and any
        end
        if ok then keep[#keep + 1] = c end
      end
      if #keep == 1 then
        p.resolved, p.across_years = true, true
        for i, v in ipairs(keep[1]) do
          R:set(p.slots[i], "number", math.tointeger(tonumber(v)),
                { text = v, line = p.block.line, col = p.block.col, offset = p.block.offset })
          R.unknown[p.slots[i]] = nil
        end
      end
    end
  end
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

-- A read-only view of a report, for rules and writers.
function Engine:view(R)
  return read_only(R)
end

function Engine:check(R)
  local findings = nianbao.findings()
  local view = read_only(R)
  local F = self.formats[R.format] or self.formats[FORMATS[1]]
  for _, rule in ipairs(F.rules) do
    if rule.enabled then
      local emit = self:emitter(rule, R, findings)
      local ok, err
      if rule.compiled then
        ok, err = limits.call(self.limits.instructions, self.limits.memory, run_identity, self, rule, view, emit)
      else
        ok, err = limits.call(self.limits.instructions, self.limits.memory, rule.check, view, emit)
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
