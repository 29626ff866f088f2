-- The engine: the packs, readers and limits of one run, loaded once; then
-- for each file the pipeline in one direction:
--   decode → read → bind (with the format that fits) → years → check
-- (scripts/pipeline/). The engine itself holds no fact of a format.

local nianbao = require "nianbao"
local nbio = require "nianbao.io"
local packs = require "packs"
local Report = require "report"
local messages = require "messages"
local decode = require "pipeline.decode"
local read = require "pipeline.read"
local bind = require "pipeline.bind"
local years = require "pipeline.years"
local checking = require "pipeline.check"
local sandbox_limits = require "nianbao.sandbox"
local agency = require "agency"

local Engine = {}
Engine.__index = Engine
local M = {}

--{=== loading ===

-- A config file: which packs, rule severities (or off), rule parameters, limits.
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

-- Severities, off switches and parameters of the config, checked against
-- the rules that exist.
local function check_config(conf, set)
  local ids = set:rule_ids()
  for id, v in pairs(conf.rules or {}) do
    if type(id) ~= "string" then error(string.format("%s: rule ids are words", conf.path), 0) end
    local known = ids[id]
    if not known and id:sub(-2) == ".*" then
      for rid in pairs(ids) do known = known or rid:sub(1, #id - 1) == id:sub(1, -2) end
    end
    if not known then error(string.format("%s: no rule '%s'", conf.path, id), 0) end
    if v == false then conf.rules[id] = "off"
    elseif v ~= "off" and v ~= "error" and v ~= "warning" and v ~= "info" then
      error(string.format("%s: rule '%s': use error, warning, info or off", conf.path, id), 0)
    end
  end
  for id in pairs(conf.params or {}) do
    if not ids[id] then error(string.format("%s: params for unknown rule '%s'", conf.path, id), 0) end
  end
end

function M.new(opts)
  local home = opts.home
  -- The limits of every script call (and, scaled by input size, of every
  -- reader call): the command line's, else the config's, else the defaults.
  -- A config may only lower them (one found in a folder of reports must not
  -- lift them), and no value turns a limit off. → limits {instructions=,
  -- memory= (bytes), seconds=}, the largest input in bytes.
  local DEFAULT_LIMITS = { instructions = 20000000, memory_mb = 256, max_size_mb = 64, seconds = 10 }
  local MAX_LIMITS = { instructions = 1 << 50, memory_mb = 1 << 20, max_size_mb = 1 << 20 }
  local function limits_of(opts, conf, lang)
    local lim = type(conf.limits) == "table" and conf.limits or {}
    local function value(name, flag)
      local v, n = opts[name], nil
      if v ~= nil then
        n = math.tointeger(tonumber(v))
        if not n or n <= 0 then error(messages.text(lang, "bad_limit", flag), 0) end
        return math.min(n, MAX_LIMITS[name])
      end
      v = lim[name]
      if v == nil then return DEFAULT_LIMITS[name] end
      n = math.tointeger(tonumber(v))
      if not n or n <= 0 then error(string.format("%s: limits: %s", conf.path, messages.text(lang, "bad_limit", name)), 0) end
      return math.min(n, DEFAULT_LIMITS[name])
    end
    local instructions = value("instructions", "--instructions")
    local memory_mb = value("memory_mb", "--memory-mb")
    local max_size_mb = value("max_size_mb", "--max-size-mb")
    -- the time of a call grows with a budget raised on the command line
    local seconds = DEFAULT_LIMITS.seconds * math.max(1, instructions / DEFAULT_LIMITS.instructions)
    if lim.seconds ~= nil then
      local s = tonumber(lim.seconds)
      if not s or not (s > 0) then error(string.format("%s: limits: %s", conf.path, messages.text(lang, "bad_limit", "seconds")), 0) end
      seconds = math.min(s, seconds)
    end
    return { instructions = instructions, memory = memory_mb * 1048576, seconds = seconds },
           max_size_mb * 1048576
  end
  local self = setmetatable({ opts = opts, home = home, lang = opts.lang or "zh" }, Engine)
  local conf = load_config(opts)
  self.config = conf
  -- user packs: the config's (national names there only say "keep it"), then --rules
  local dirs = {}
  for _, p in ipairs(conf.packs or {}) do
    if p:find("/", 1, true) then
      dirs[#dirs + 1] = p:sub(1, 1) == "/" and p or (conf.dir .. "/" .. p)
    elseif nbio.stat(home .. "/rules/" .. p) ~= "directory" then
      error(string.format("%s: no pack '%s'", conf.path, p), 0)
    end
  end
  for _, d in ipairs(opts.rules or {}) do dirs[#dirs + 1] = d end
  -- a pack named twice (config and --rules) is loaded once
  local seen, unique = {}, {}
  for _, d in ipairs(dirs) do
    local key = d:gsub("/+$", "")
    if not seen[key] then seen[key] = true; unique[#unique + 1] = d end
  end
  self.limits, self.max_bytes = limits_of(opts, conf, self.lang)
  sandbox_limits.configure { seconds = self.limits.seconds }
  decode.pdf_limits = { seconds = 6 * self.limits.seconds, max_bytes = self.max_bytes,
                        memory_mb = math.max(1024, self.limits.memory // 1048576 * 4) }
  self.packs = packs.load(home, unique, conf, self.limits)
  check_config(conf, self.packs)
  self.base = self.packs.base
  local forced = opts.reader and opts.reader:find("%.lua$") and opts.reader or nil
  self.readers, self.reader_by_name = read.load(home, forced, self.limits)
  return self
end

-- The pack (format, rules, identities) of a format name; "legacy" and
-- unknown names are checked with the base.
function Engine:pack(name)
  for _, f in ipairs(self.packs.formats) do
    if f == name then return self.packs:pack(name) end
  end
  return self.packs:pack(self.base)
end

-- The other formats' signatures, as seen from format `name`.
function Engine:others(name)
  local out = {}
  for _, f in ipairs(self.packs.formats) do
    if f ~= name then
      local F = self.packs:format(f)
      if #F.signature > 0 then out[#out + 1] = { name = f, signature = F.signature } end
    end
  end
  return out
end

-- Load now what a batch would load at its first file (every format's
-- pack, the reports of other years): before -j N forks its workers, so
-- each starts with them and none loads them again.
function Engine:prepare()
  for _, f in ipairs(self.packs.formats) do self.packs:pack(f) end
  if self.opts.previous and #self.opts.previous > 0 then self:related() end
end

--}===

--{=== reading ===

-- bind_text(text, path) → report, pending | nil, reason
function Engine:bind_text(text, path)
  local forced = self.opts.reader
  local reader, rerr = read.pick(self.readers, self.reader_by_name, forced, path, text, self.lang)
  if not reader then return nil, rerr end
  local doc, why = read.run(reader, text, path, self.limits, self.lang)
  if not doc then return nil, why end
  if doc.canonical then          -- the canonical YAML: cells named by id, no labels to bind
    local P = self:pack(type(doc.canonical.format) == "string" and doc.canonical.format or self.base)
    return bind.bind_canonical(P.format, doc.canonical, type(doc.lines) == "table" and doc.lines or {}, path)
  end
  if type(doc.blocks) ~= "table" then
    return nil, messages.text(self.lang, "reader_failed", reader.name, "no blocks")
  end
  local P = self:pack(self.base)
  local R, pending = bind.bind(P.format, P.system, doc, path, self:others(P.name))
  -- labels of another format: bind with its grid too, keep what fits better
  local best
  for name in pairs(R.signatures) do
    if not best or #R.signatures[name] > #R.signatures[best] then best = name end
  end
  if best and R.format ~= "legacy" then
    local P2 = self:pack(best)
    local R2, pending2 = bind.bind(P2.format, P2.system, doc, path, self:others(best))
    if bind.fit(R2) > bind.fit(R) then R, pending = R2, pending2 end
  end
  -- a table's anchor word alone (a note that mentions 表二) is not a table: a cell must be read
  local any_cell = false
  for _, id in ipairs(Report.format_of(R).cells) do
    any_cell = any_cell or R.c:state(id) ~= "missing"
  end
  if #R.sections <= 1 and not any_cell and R.format ~= "legacy" then
    local F = P.format
    local says, plain = false, F.labels.simplify(text)
    for _, w in ipairs(F.report_words) do says = says or plain:find(w, 1, true) ~= nil end
    if not says then return nil, messages.text(self.lang, "not_report") end
  end
  return R, pending
end

-- bind_file(path) → report, pending | nil, reason
function Engine:bind_file(path)
  local bytes, err = nbio.readfile(path, self.max_bytes)
  if not bytes then
    if err:find("limit") then return nil, messages.text(self.lang, "too_large", self.max_bytes // 1048576) end
    return nil, messages.text(self.lang, "cannot_open", err)
  end
  return self:bind_bytes(bytes, path)
end

-- bind_bytes(bytes, path) → report, pending | nil, reason
function Engine:bind_bytes(bytes, path)
  local inner, err = decode.binary(bytes, path, self.lang)
  if not inner then return nil, err end
  bytes = inner
  local text, why = decode.text(bytes, self.lang)
  if not text then return nil, why end
  return self:bind_text(text, path)
end

-- Reports of the same issuer are found by its agency key (agency.lua).
function Engine:issuer_key(name)
  return agency.key(self:pack(self.base).format, name)
end

-- read(path) → report (complete, frozen) | nil, reason
function Engine:read(path)
  local R, pending = self:bind_file(path)
  if not R then return nil, pending end
  return self:complete(R, pending)
end

-- The binder's last pass (the years around), then the report is frozen.
-- found (from a batch, batch.lua): {before=, after=, from=, copies=}, the
-- neighbours it found in the batch, the archive or --previous.
function Engine:complete(R, pending, found)
  local previous = self.opts.previous
  if found then
    if found.before or found.after then
      local P = self:pack(R.format)
      years.resolve(P.format, P.system, R, pending or {}, { before = found.before, after = found.after })
    end
    R.previous_from = found.from
    R.copies = found.copies
  elseif previous and #previous > 0 and R.year then
    local list = self:related()[self:issuer_key(R.agency) or ""] or {}
    local before, after = list[R.year - 1], list[R.year + 1]
    if before and before.R.path == R.path then before = nil end
    if after and after.R.path == R.path then after = nil end
    if before or after then
      local P = self:pack(R.format)
      years.resolve(P.format, P.system, R, pending, { before = before, after = after })
    end
  end
  Report.freeze(R)
  return R
end

--}===

--{=== other years ===

-- FILE|DIR arguments → files, in order; folders are walked, sorted, for
-- the files some reader takes by extension. A named file is always read.
--
-- Each folder and each file is taken once, however many names or links
-- lead to it (a link back to a folder above ends there). In folders only
-- regular files count: a FIFO or a device there is passed over.
function Engine:files(args)
  local known = {}
  for _, r in ipairs(self.readers) do
    for _, e in ipairs(r.extensions or {}) do known[e] = true end
  end
  local files, seen = {}, {}
  local function walk(path, top)
    local kind, id = nbio.stat(path)
    if id and seen[id] then return end
    if kind == "directory" then
      seen[id] = true
      local names = nbio.listdir(path) or {}
      table.sort(names)
      for _, n in ipairs(names) do
        if n:sub(1, 1) ~= "." then walk(path:gsub("/+$", "") .. "/" .. n, false) end
      end
    elseif top or (kind == "file" and known[(path:match("%.(%w+)$") or ""):lower()]) then
      if id then seen[id] = true end
      files[#files + 1] = path
    end
  end
  for _, a in ipairs(args or {}) do walk(a, true) end
  return files
end

-- The reports of other years (--previous FILE|DIR), bound once and
-- indexed by issuer and year: {R=, pending=}.
function Engine:related()
  if self.related_index then return self.related_index end
  local idx = {}
  self.related_index = idx
  for _, path in ipairs(self:files(self.opts.previous)) do
    local R, pending = self:bind_file(path)
    local key = R and self:issuer_key(R.agency)
    if key and R.year then
      Report.freeze(R)
      idx[key] = idx[key] or {}
      idx[key][R.year] = idx[key][R.year] or { R = R, pending = pending }
    end
  end
  return idx
end

--}===

-- check(R) → findings (C list), sorted by place.
function Engine:check(R)
  return checking.check(self:pack(R.format), R, { lang = self.lang, instructions = self.limits.instructions,
                                                  memory = self.limits.memory })
end

return M
