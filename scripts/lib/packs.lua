-- Packs: folders of policy. A pack has a pack.lua (name, title, extends,
-- and optionally messages and params for inherited rules), may have a
-- format.lua (the facts of a format, or the changes to the one it
-- extends), and rule files: one rule per file, the file name is the rule
-- id without its pack prefix.
--
-- National packs live in the home's rules/ folder: gb2021, and the
-- formats that extend it (gb2019). A national pack that declares a
-- `signature` is a format of its own: reports are bound with it when its
-- labels are seen. User packs (the config's `packs:`, --rules DIR) extend
-- a national pack (gb2021 when they say nothing) and change it in place:
-- what they add or replace holds for every format built on it.
--
-- A rule file named as an inherited rule replaces that rule (its id must
-- then be the inherited id): one finding, never two. Formats and their
-- rules are built when first needed, once per process.

local nbio = require "nianbao.io"
local nianbao = require "nianbao"
local sandbox = require "sandbox"
local view = require "view"
local format = require "format"
local identities = require "identities"
local messages = require "messages"

local M = {}

local SEVERITIES = { error = true, warning = true, info = true }
local RESERVED = { nianbao = true }

local function fail(msg, ...) error(string.format(msg, ...), 0) end

local function read(path)
  local src, err = nbio.readfile(path)
  if not src then fail("%s: %s", path, err) end
  return src
end

local function run(path, env)
  local ok, err = sandbox.run(path, read(path), env)
  if not ok then
    if not err:find(path, 1, true) then err = path .. ": " .. err end   -- a library's error
    error(err, 0)
  end
  return env
end

--{=== finding the packs ===

-- pack.lua → {name, title, extends, messages, params}; a folder without
-- one is a user pack named after itself.
local function describe(dir, national)
  local path = dir .. "/pack.lua"
  local d = { dir = dir, national = national }
  if nbio.stat(path) == "file" then
    local env = run(path, sandbox.env())
    d.name, d.title, d.extends = rawget(env, "name"), rawget(env, "title"), rawget(env, "extends")
    d.messages, d.params = rawget(env, "messages") or {}, rawget(env, "params") or {}
    if type(d.name) ~= "string" or not d.name:match("^[%w_%-]+$") then
      fail("%s: 'name' must be a word of letters, digits, - and _", path)
    end
    if d.extends ~= nil and type(d.extends) ~= "string" then fail("%s: 'extends' must be a pack name", path) end
  elseif national then
    fail("%s: a pack needs a pack.lua with its name", dir)
  else
    d.name = dir:gsub("/+$", ""):match("([^/]+)$")
    d.messages, d.params = {}, {}
  end
  d.path = path
  d.files = {}
  local names, err = nbio.listdir(dir)
  if not names then fail("%s: %s", dir, err) end
  table.sort(names)
  for _, n in ipairs(names) do
    local base = n:match("^(.+)%.lua$")
    if base and base ~= "pack" and base ~= "format" then
      d.files[#d.files + 1] = { base = base, path = dir .. "/" .. n }
    end
  end
  d.has_format = nbio.stat(dir .. "/format.lua") == "file"
  return d
end

--}===

--{=== formats ===

-- The globals a format.lua sees besides its parent's declaration: helpers
-- that read like policy for the changes an extending pack makes.
local function format_env(decl, path)
  local function find_row(rows, segs, i)
    for _, r in ipairs(rows or {}) do
      if r.id == segs[i] then
        if i == #segs then return r end
        return find_row(r.rows, segs, i + 1)
      end
    end
  end
  local helpers = {}
  -- row("t3", "result.deny.law") → the row (or group) as declared
  function helpers.row(tid, rowpath)
    local t = decl.tables and decl.tables[tid]
    local segs = {}
    for s in tostring(rowpath):gmatch("[^.]+") do segs[#segs + 1] = s end
    for _, b in ipairs(t and t.blocks or {}) do
      local r = find_row(b.rows, segs, 1)
      if r then return r end
    end
    error(string.format("no row '%s' in table '%s'", tostring(rowpath), tostring(tid)), 2)
  end
  -- variant("t3", "result.deny.law", "其他法律行政止公开"): one more spelling
  function helpers.variant(tid, rowpath, key)
    local r = helpers.row(tid, rowpath)
    r.keys = r.keys or { r.label }
    r.keys[#r.keys + 1] = key
  end
  -- part("s4") → the part as declared
  function helpers.part(id)
    for _, p in ipairs(decl.parts or {}) do
      if p.id == id then return p end
    end
    error(string.format("no part '%s'", tostring(id)), 2)
  end
  -- issuer("township") → the issuer kind as declared (its deadline, its endings)
  function helpers.issuer(kind)
    for _, k in ipairs(decl.issuers or {}) do
      if k.kind == kind then return k end
    end
    if decl.unknown_issuer and decl.unknown_issuer.kind == kind then return decl.unknown_issuer end
    error(string.format("no issuer kind '%s'", tostring(kind)), 2)
  end
  local env = sandbox.env(helpers)
  for k, v in pairs(decl) do rawset(env, k, v) end
  return env, path
end

local function apply_format(dir, decl)
  local path = dir .. "/format.lua"
  local env = run(path, (format_env(decl, path)))
  local out = {}
  for k, v in pairs(env) do out[k] = v end
  return out
end

--}===

--{=== the set of packs ===

local Set = {}
Set.__index = Set

-- load(home, user_dirs, config) → set. user_dirs: folders of user packs,
-- in order; config: the checked config ({rules=, params=}).
function M.load(home, user_dirs, config)
  local self = setmetatable({ home = home, config = config or {}, packs = {}, order = {},
                              formats = {}, built = {}, overlays = {}, user = {} }, Set)
  local root = home .. "/rules"
  local names = assert(nbio.listdir(root))
  table.sort(names)
  for _, n in ipairs(names) do
    if nbio.stat(root .. "/" .. n) == "directory" then
      local d = describe(root .. "/" .. n, true)
      if self.packs[d.name] then fail("%s: a second pack named '%s'", d.dir, d.name) end
      self.packs[d.name] = d
      self.order[#self.order + 1] = d.name
    end
  end
  -- the base: the national pack that extends nothing
  for _, name in ipairs(self.order) do
    if not self.packs[name].extends then
      if self.base then fail("%s: two national packs extend nothing (%s, %s)", root, self.base, name) end
      self.base = name
    end
  end
  if not self.base then fail("%s: no national pack", root) end
  for _, dir in ipairs(user_dirs or {}) do
    if nbio.stat(dir) ~= "directory" then fail("%s: %s", dir, messages.text("zh", "no_pack_dir")) end
    local d = describe(dir, false)
    if self.packs[d.name] or RESERVED[d.name] then
      fail("%s: the pack name '%s' is taken (a national pack or the engine's own); choose another", dir, d.name)
    end
    for _, u in ipairs(self.user) do
      if u.name == d.name then fail("%s: a second pack named '%s' (also %s)", dir, d.name, u.dir) end
    end
    d.extends = d.extends or self.base
    if not self.packs[d.extends] or not self.packs[d.extends].national then
      fail("%s: extends '%s', which is not a national pack (%s)", d.path, tostring(d.extends),
           table.concat(self.order, ", "))
    end
    self.user[#self.user + 1] = d
    self.overlays[d.extends] = self.overlays[d.extends] or {}
    table.insert(self.overlays[d.extends], d)
  end
  for _, name in ipairs(self.order) do
    local d = self.packs[name]
    if d.extends and not self.packs[d.extends] then
      fail("%s: extends '%s', which is not a pack here", d.path, d.extends)
    end
  end
  -- the formats a report may be bound with: the base first, then the
  -- national packs with a signature of their own
  self.formats[1] = self.base
  for _, name in ipairs(self.order) do
    if name ~= self.base and self:declaration(name).signature_own then
      self.formats[#self.formats + 1] = name
    end
  end
  return self
end

-- The declaration of national pack `name` with everything it extends and
-- every user pack over it applied, and its rule files: {base, id, path,
-- pack, replaces}. Memoised; runs format.lua files only.
function Set:declaration(name, depth)
  local b = self.built[name]
  if b then return b end
  depth = depth or 0
  if depth > 8 then fail("%s: packs extend each other in a circle", name) end
  local d = self.packs[name]
  local parent = d.extends and self:declaration(d.extends, depth + 1)
  local decl = parent and view.copy(parent.decl) or {}
  local entries, messages_, params = {}, {}, {}
  if parent then
    for i, e in ipairs(parent.entries) do entries[i] = e end
    for k, v in pairs(parent.messages) do messages_[k] = v end
    for k, v in pairs(parent.params) do params[k] = v end
  end
  local signature_before = decl.signature
  local layers = { d }
  for _, u in ipairs(self.overlays[name] or {}) do layers[#layers + 1] = u end
  local sources = {}
  for _, layer in ipairs(layers) do
    if layer.has_format then decl = apply_format(layer.dir, decl) end
    for _, f in ipairs(layer.files) do
      local at
      for i, e in ipairs(entries) do
        if e.base == f.base then at = i end
      end
      if at then
        entries[at] = { base = f.base, id = entries[at].id, path = f.path, pack = layer.name,
                        replaces = entries[at].id, replaced_from = entries[at].pack }
      else
        entries[#entries + 1] = { base = f.base, id = layer.name .. "." .. f.base, path = f.path,
                                  pack = layer.name }
      end
    end
    for k, v in pairs(layer.messages) do messages_[k] = v end
    for k, v in pairs(layer.params) do params[k] = v end
    sources[#sources + 1] = layer
  end
  table.sort(entries, function(a, b) return a.id < b.id end)
  b = { name = name, decl = decl, entries = entries, messages = messages_, params = params,
        signature_own = decl.signature ~= nil and decl.signature ~= signature_before,
        layers = sources }
  self.built[name] = b
  return b
end

-- Every rule id of every format (for checking a config before any rule runs).
function Set:rule_ids()
  local ids = {}
  for _, name in ipairs(self.formats) do
    for _, e in ipairs(self:declaration(name).entries) do ids[e.id] = ids[e.id] or e end
  end
  return ids
end

--}===

--{=== rules ===

-- What rule files see of a format besides plain Lua: the format itself,
-- each table's columns, rows and groups (for identities that range over
-- them), and the prose helpers.
local function rule_view(F, text)
  local v = { format = view.readonly(F.view), text = text }
  for _, T in ipairs(F.tables) do
    local t = { columns = {}, rows = {}, subtotals = {}, groups = {} }
    for _, c in ipairs(T.columns) do t.columns[#t.columns + 1] = c.id end
    for _, r in ipairs(T.rows) do
      if not r.anonymous then t.rows[#t.rows + 1] = r.path end
    end
    for _, g in ipairs(T.groups) do
      if g.subtotal then t.subtotals[#t.subtotals + 1] = T.id .. "." .. g.path end
    end
    local seen = {}
    for _, c in ipairs(T.blocks[1] and T.blocks[1].columns or {}) do
      if c.group and not seen[c.group.id] then
        seen[c.group.id] = true
        t.groups[#t.groups + 1] = T.id .. "." .. c.group.id
      end
    end
    v[T.id] = view.readonly(t)
  end
  return v
end

local function check_rule(path, env, want_id)
  local function bad(msg, ...) fail("%s: " .. msg, path, ...) end
  local id = rawget(env, "id")
  if type(id) ~= "string" then bad("missing field 'id'") end
  if id ~= want_id then
    local base = path:match("([^/]+)%.lua$")
    if want_id:sub(-#base - 1) == "." .. base and want_id:match("^[^.]+") ~= id:match("^[^.]+") then
      bad("this file replaces the inherited rule %s: its id must be '%s' (to add a rule of your own, give the file another name)",
          want_id, want_id)
    end
    bad("id '%s' does not match the file name (expected '%s')", id, want_id)
  end
  if not SEVERITIES[rawget(env, "severity")] then bad("field 'severity' must be error, warning or info") end
  local msg = rawget(env, "message")
  if type(msg) ~= "table" or type(msg.zh) ~= "string" then
    bad("field 'message' needs a Chinese text: message = { zh = \"…\", en = \"…\" }")
  end
  local ident, check = rawget(env, "identity"), rawget(env, "check")
  if (ident == nil) == (check == nil) then bad("define exactly one of 'identity' or 'check'") end
  if ident ~= nil and type(ident) ~= "string" then bad("'identity' must be a string") end
  if check ~= nil and type(check) ~= "function" then bad("'check' must be a function") end
  local when = rawget(env, "when")
  if when ~= nil and (type(when) ~= "string" or ident == nil) then
    bad("'when' is an identity that guards the rule's identity")
  end
end

local function compile_identity(F, expr, each, path, what)
  local ok, compiled = pcall(nianbao.identity, F.schema, expr, each)
  if ok then return compiled end
  return nil, string.format("%s: %s: %s", path, what, tostring(compiled))
end

-- The pack `name` built: its format compiled, its rules loaded against it,
-- the config applied, its identities as one system.
function Set:pack(name)
  local P = self.formats_built and self.formats_built[name]
  if P then return P end
  self.formats_built = self.formats_built or {}
  local decl = self:declaration(name)
  local F = format.compile(decl.decl, name, self.packs[name].dir .. "/format.lua")
  local text = require("claims").for_format(F)
  local base_view = rule_view(F, text)
  local own = {}
  for _, layer in ipairs(decl.layers) do own[layer.name] = true end
  P = { name = name, title = self.packs[name].title, format = F, rules = {}, rule_by_id = {},
        left_out = {}, decl = decl }
  local conf = self.config
  for _, e in ipairs(decl.entries) do
    local env = sandbox.env(base_view)
    run(e.path, env)
    check_rule(e.path, env, e.id)
    local message = rawget(env, "message")
    if decl.messages[e.id] then
      message = setmetatable({}, { __index = function(_, k)
        return decl.messages[e.id][k] or rawget(env, "message")[k] end })
    end
    local params = rawget(env, "params") or {}
    for k, v in pairs(decl.params[e.id] or {}) do params[k] = v end
    for k, v in pairs((conf.params or {})[e.id] or {}) do params[k] = v end
    rawset(env, "params", params)
    local rule = { id = e.id, severity = rawget(env, "severity"), message = message, path = e.path,
                   pack = e.pack, replaces = e.replaces, replaced_from = e.replaced_from,
                   check = rawget(env, "check"),
                   identity = rawget(env, "identity"), params = params, env = env, enabled = true }
    local keep = true
    if rule.identity then
      -- the names' values as plain lists (they may be views of the format)
      local each
      if type(rawget(env, "each")) == "table" then
        each = {}
        for k, list in pairs(rawget(env, "each")) do
          local l = {}
          if type(list) == "table" then for i, v in ipairs(list) do l[i] = v end end
          each[k] = l
        end
      end
      local compiled, why = compile_identity(F, rule.identity, each, e.path, "identity")
      local guard, why2
      if compiled and rawget(env, "when") then
        guard, why2 = compile_identity(F, rawget(env, "when"), each, e.path, "when")
      end
      if not compiled or (rawget(env, "when") and not guard) then
        -- an inherited identity over cells this format does not have: not for it
        if own[e.pack] then error(why or why2, 0) end
        P.left_out[#P.left_out + 1] = { id = e.id, why = why or why2 }
        keep = false
      else
        rule.compiled, rule.guard, rule.names = compiled, guard, {}
        for k in pairs(each or {}) do rule.names[#rule.names + 1] = k end
        table.sort(rule.names)
      end
    end
    if keep then
      local setting = self:setting(e.id)
      if setting == "off" then rule.enabled = false
      elseif setting then rule.severity = setting end
      P.rules[#P.rules + 1] = rule
      P.rule_by_id[rule.id] = rule
    end
  end
  P.system = identities.new(F, P.rules)
  self.formats_built[name] = P
  return P
end

-- The config's word for a rule: "off", a severity, or nil. Exact ids win
-- over patterns ("gb2021.txt.*"); of two patterns the longer wins.
function Set:setting(id)
  local rules = self.config.rules or {}
  if rules[id] ~= nil then return rules[id] end
  local best, len
  for pat, v in pairs(rules) do
    if pat:sub(-2) == ".*" and id:sub(1, #pat - 1) == pat:sub(1, -2) and (not len or #pat > len) then
      best, len = v, #pat
    end
  end
  return best
end

--}===

return M
