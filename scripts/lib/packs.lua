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
--
-- Every pack.lua, format.lua and rule file of a user pack runs inside the
-- limits (sandbox.run), and what the engine takes from it is copied raw
-- (view.plain): none of its code runs outside them. The national packs
-- are the home's and trusted to load: their files run in the same
-- sandboxed globals but outside the limits (their rules' checks run inside
-- them, as every rule's), and what they leave is taken as it is (the tests
-- hold it to plain data), not copied.
-- A user pack that fails to load, in whole or one rule, is kept in
-- `broken` and reported as a finding on every file checked
-- (nianbao.internal), while everything else goes on.

local nbio = require "nianbao.io"
local nianbao = require "nianbao"
local sandbox = require "sandbox"
local view = require "view"
local format = require "format"
local limits = require "nianbao.sandbox"
local identities = require "identities"
local messages = require "messages"
local chunks = require "nianbao.chunks"

local M = {}

local SEVERITIES = { error = true, warning = true, info = true }
-- the kinds a rule's `schema` gives its parameters (checked in a config)
local PARAM_KINDS = { integer = true, number = true, text = true, date = true, list = true,
                      boolean = true, map = true }
local RESERVED = { nianbao = true }
local NAME = "^[%w_%-]+$"                -- a pack's name: the prefix of its rule ids
local RULE_FILE = "^[%w_%-][%w_%-%.]*$"  -- a rule file's name before .lua
local USER_MAX_INSTANCES = 10000         -- instances of all of a user pack rule's identities
local USER_MAX_CELLS = 20000             -- cells of a format a user pack extends

local function fail(msg, ...) error(string.format(msg, ...), 0) end

local function read(path)
  local src, err = nbio.readfile(path, 16 * 1048576)
  if not src then fail("%s: %s", path, err) end
  return src
end

-- The limits a file of the home's packs is given: none but that it is the home's.
local HOME_FILE = {}

-- A user pack's file (lim.untrusted) runs inside the limits; a file of
-- the home's packs, trusted and bundled, outside them (sandbox.run).
-- → env, collected | nil, "path: reason"
local function run_file(path, src, env, lim, collect, kept)
  return sandbox.run(path, src, env, lim.untrusted and lim or nil, collect, not lim.untrusted and kept or nil)
end

-- Run file `path` in env (within the limits when untrusted); collect(env)
-- → what is kept. Raises "path: reason" when the file fails.
local function run(path, env, lim, collect)
  local built = not lim.untrusted and sandbox.unchanged(path)
  local ok, got = run_file(path, not built and read(path) or nil, env, lim, collect, built and { chunk = built } or nil)
  if not ok then error(got, 0) end
  return got
end

-- The globals a file of the home's packs left, as they are: a national
-- file is trusted and leaves plain data, so the deep copy view.plain
-- makes of a user pack's is start-up work it need not do.
local function globals(env)
  local out = {}
  for k, v in next, env do out[k] = v end
  return out
end

-- The fields of a pack.lua, as plain data.
local function pack_fields(env)
  return view.plain { name = rawget(env, "name"), title = rawget(env, "title"),
                      extends = rawget(env, "extends"), messages = rawget(env, "messages"),
                      params = rawget(env, "params") }
end

-- messages = { [id] = {zh =, en =} } and params = { [id] = {…} }, keeping
-- only what has that shape.
local function by_rule(t, what)
  local out = {}
  for id, v in pairs(type(t) == "table" and t or {}) do
    if type(id) == "string" and type(v) == "table" then
      if what == "messages" then
        out[id] = { zh = type(v.zh) == "string" and v.zh or nil, en = type(v.en) == "string" and v.en or nil }
      else
        out[id] = v
      end
    end
  end
  return out
end

--{=== finding the packs ===

-- pack.lua → {name, title, extends, messages, params}; a folder without
-- one is a user pack named after itself. Raises "path: reason".
local function describe(dir, national, lim)
  local path = dir .. "/pack.lua"
  local d = { dir = dir, national = national, path = path }
  if nbio.stat(path) == "file" then
    local f = run(path, sandbox.env(), sandbox.limits(lim, not national), pack_fields)
    d.name, d.title, d.extends = f.name, f.title, f.extends
    d.messages, d.params = by_rule(f.messages, "messages"), by_rule(f.params, "params")
    if type(d.name) ~= "string" or not d.name:match(NAME) or #d.name > 64 then
      fail("%s: 'name' must be a word of letters, digits, - and _", path)
    end
    if d.title ~= nil and type(d.title) ~= "string" then d.title = nil end
    if d.extends ~= nil and type(d.extends) ~= "string" then fail("%s: 'extends' must be a pack name", path) end
  elseif national then
    fail("%s: a pack needs a pack.lua with its name", dir)
  else
    d.name = dir:gsub("/+$", ""):match("([^/]+)$") or ""
    d.messages, d.params = {}, {}
    if not d.name:match(NAME) or #d.name > 64 then
      fail("%s: a pack without a pack.lua is named after its folder, which must be a word of letters, digits, - and _", dir)
    end
  end
  d.files = {}
  -- (in the folder's order: the rules are put in the order of their ids later)
  local names, err = nbio.listdir(dir)
  if not names then fail("%s: %s", dir, err) end
  for i = 1, #names do
    -- the name before ".lua", when there is one (a plain look at the end, no pattern)
    local n = names[i]
    local cut = #n - 4
    local base = cut > 0 and n:find(".lua", cut + 1, true) and n:sub(1, cut)
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
  for k, v in pairs(decl) do env[k] = v end   -- (a new table with no __newindex: set as rawset would)
  return env, path
end

-- The declaration after layer's format.lua: a new table (decl is left as
-- it was), taken from the file's globals (raw, for a user pack's). `fresh`:
-- a copy of decl already made, for the file to change.
local function apply_format(layer, decl, lim, fresh)
  local path = layer.dir .. "/format.lua"
  local env, file_lim = (format_env(fresh or view.copy(decl), path)), sandbox.limits(lim, not layer.national)
  -- (a national format.lua is read and loaded once: a pack built on it runs
  -- it again, Set:replay, as the function its first run loaded)
  local src = layer.format_source or read(path)
  if layer.national then
    layer.format_source = src
    layer.format_run = layer.format_run or {}
  end
  local ok, got = run_file(path, src, env, file_lim, layer.national and globals or view.plain,
                           layer.format_run)
  if not ok then error(got, 0) end
  return got
end


-- A user pack's format must still compile, within the pack's limits, keep
-- every part and cell of the format it changes (a local pack adds and
-- re-spells; the national rules need what it would take away), and stay
-- of a size the binder handles; its grammars are the national pack's
-- (they run on every report outside any script's limits).
local function check_user_format(before, after, name, path, lim)
  if not view.same(before.grammars, after.grammars) then
    fail("%s: a local pack cannot change the format's grammars", path)
  end
  local function compiled(decl)
    local ok, F = limits.call(sandbox.limits(lim, true), format.compile, view.copy(decl), name, path)
    if not ok then fail("%s", F) end
    return F
  end
  local F0, F1 = compiled(before), compiled(after)
  if #F1.cells > USER_MAX_CELLS then
    fail("%s: the format would have %d cells (at most %d)", path, #F1.cells, USER_MAX_CELLS)
  end
  for id in pairs(F0.part_by_id) do
    if not F1.part_by_id[id] then fail("%s: a local pack adds to the format, it never takes away: part '%s'", path, id) end
  end
  for _, id in ipairs(F0.cells) do
    if not F1.info[id] then fail("%s: a local pack adds to the format, it never takes away: cell '%s'", path, id) end
  end
end

--}===

--{=== the set of packs ===

local Set = {}
Set.__index = Set

-- load(home, user_dirs, config, lim) → set. user_dirs: folders of user
-- packs, in order; config: the checked config ({rules=, params=}); lim:
-- the limits of each script call ({instructions=, memory=}).
function M.load(home, user_dirs, config, lim)
  lim = lim or { instructions = 20000000, memory = 256 * 1048576 }
  local self = setmetatable({ home = home, config = config or {}, packs = {}, order = {},
                              formats = {}, built = {}, overlays = {}, user = {}, limits = lim,
                              broken = {} }, Set)
  local root = home .. "/rules"
  local names = assert(nbio.listdir(root))
  table.sort(names)
  for _, n in ipairs(names) do
    if nbio.stat(root .. "/" .. n) == "directory" then
      local d = describe(root .. "/" .. n, true, lim)
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
    local ok, d = pcall(function()
      local d = describe(dir, false, lim)
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
      return d
    end)
    if ok then
      self.user[#self.user + 1] = d
      self.overlays[d.extends] = self.overlays[d.extends] or {}
      table.insert(self.overlays[d.extends], d)
    else
      self.broken[#self.broken + 1] = { pack = dir, why = tostring(d) }
    end
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

-- A new copy of national pack `name`'s declaration, made by running its
-- format.lua files again: the home's are plain data, and running one
-- costs a fraction of a deep copy of what it declares. nil when a user
-- pack changes the pack or one it extends (that one is copied instead).
function Set:replay(name, depth)
  depth = depth or 0
  local d = self.packs[name]
  if depth > 8 or self.overlays[name] then return nil end
  local decl = {}
  if d.extends then
    decl = self:replay(d.extends, depth + 1)
    if not decl then return nil end
  end
  if d.has_format then decl = apply_format(d, nil, self.limits, decl) end
  return decl
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
  -- the parent's, as it is: a format.lua applied over it starts from a copy
  local decl = parent and parent.decl or {}
  local entries, messages_, params = {}, {}, {}
  if parent then
    table.move(parent.entries, 1, #parent.entries, 1, entries)
    for k, v in pairs(parent.messages) do messages_[k] = v end
    for k, v in pairs(parent.params) do params[k] = v end
  end
  local signature_before = decl.signature
  local at_base = {}   -- a rule file's name → its place in entries
  for i = 1, #entries do at_base[entries[i].base] = i end
  local layers = { d }
  for _, u in ipairs(self.overlays[name] or {}) do layers[#layers + 1] = u end
  local sources = {}
  local added = not parent   -- a rule of a name the parent has not: its place is to be found
  for i, layer in ipairs(layers) do
    local ok = true
    if layer.has_format then
      local why
      ok, why = pcall(function()
        local fresh = i == 1 and parent and self:replay(d.extends) or nil
        local after = apply_format(layer, decl, self.limits, fresh)
        if not layer.national then check_user_format(decl, after, name, layer.dir .. "/format.lua", self.limits) end
        decl = after
      end)
      if not ok then
        if layer.national then error(why, 0) end
        self.broken[#self.broken + 1] = { pack = layer.dir, why = tostring(why) }
      end
    end
    for _, f in ipairs(ok and layer.files or {}) do
      local at = at_base[f.base]
      local untrusted = not layer.national or nil
      if at then
        entries[at] = { base = f.base, id = entries[at].id, path = f.path, pack = layer.name,
                        replaces = entries[at].id, replaced_from = entries[at].pack, untrusted = untrusted }
      else
        entries[#entries + 1] = { base = f.base, id = layer.name .. "." .. f.base, path = f.path,
                                  pack = layer.name, untrusted = untrusted }
        at_base[f.base] = #entries
        added = true
      end
    end
    if ok then
      for k, v in pairs(layer.messages) do messages_[k] = v end
      for k, v in pairs(layer.params) do params[k] = v end
      sources[#sources + 1] = layer
    end
  end
  -- in the order of their ids (each id is one entry's): the ids sorted as
  -- strings, without a Lua comparison for each pair. Rules that only
  -- replace the parent's keep its ids in their places: its order holds.
  if added then
    local ids, by_id = {}, {}
    for i = 1, #entries do
      local e = entries[i]
      ids[i], by_id[e.id] = e.id, e
    end
    table.sort(ids)
    for i = 1, #ids do entries[i] = by_id[ids[i]] end
  end
  if parent and decl == parent.decl then decl = view.copy(decl) end   -- no format.lua changed it
  b = { name = name, decl = decl, entries = entries, messages = messages_, params = params,
        signature_own = decl.signature ~= nil and not view.same(decl.signature, signature_before),
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
  local v = { format = view.readonly(F.view), text = view.readonly(text) }
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

-- A rule file's fields (as plain data, from a user pack's file), and its
-- check function: id, severity, message, params, identity, when, each,
-- schema, rationale, basis, help (each read by its name, with no loop
-- over a list of names for each rule).
local function trusted_rule_fields(env)
  return { id = rawget(env, "id"), severity = rawget(env, "severity"), message = rawget(env, "message"),
           params = rawget(env, "params"), identity = rawget(env, "identity"), when = rawget(env, "when"),
           each = rawget(env, "each"), schema = rawget(env, "schema"), rationale = rawget(env, "rationale"),
           basis = rawget(env, "basis"), help = rawget(env, "help"), check = rawget(env, "check") }
end

local function rule_fields(env)
  local f = trusted_rule_fields(env)
  local check = f.check
  f.check = nil
  f = view.plain(f)
  f.check = check
  return f
end

local function check_rule(path, f, want_id)
  local function bad(msg, ...) fail("%s: " .. msg, path, ...) end
  local id = f.id
  if type(id) ~= "string" then bad("missing field 'id'") end
  if id ~= want_id then
    local base = path:match("([^/]+)%.lua$")
    if want_id:sub(-#base - 1) == "." .. base and want_id:match("^[^.]+") ~= id:match("^[^.]+") then
      bad("this file replaces the inherited rule %s: its id must be '%s' (to add a rule of your own, give the file another name)",
          want_id, want_id)
    end
    bad("id '%s' does not match the file name (expected '%s')", id, want_id)
  end
  if not SEVERITIES[f.severity] then bad("field 'severity' must be error, warning or info") end
  local msg = f.message
  if type(msg) ~= "table" or type(msg.zh) ~= "string" then
    bad("field 'message' needs a Chinese text: message = { zh = \"…\", en = \"…\" }")
  end
  if msg.en ~= nil and type(msg.en) ~= "string" then bad("field 'message': 'en' must be a text") end
  local ident, check = f.identity, f.check
  if (ident == nil) == (check == nil) then bad("define exactly one of 'identity' or 'check'") end
  if ident ~= nil and type(ident) ~= "string" then bad("'identity' must be a string") end
  if check ~= nil and type(check) ~= "function" then bad("'check' must be a function") end
  local when = f.when
  if when ~= nil and (type(when) ~= "string" or ident == nil) then
    bad("'when' is an identity that guards the rule's identity")
  end
  if f.params ~= nil and type(f.params) ~= "table" then bad("'params' must be a table") end
  if f.schema ~= nil and type(f.schema) ~= "table" then bad("'schema' must be a table: parameter → kind") end
  if f.schema ~= nil then
    for k, v in pairs(f.schema) do
      if type(k) ~= "string" or not PARAM_KINDS[v] then
        bad("'schema': parameter '%s' has kind '%s' (kinds: integer, number, text, date, list, boolean, map)",
            tostring(k), tostring(v))
      end
    end
  end
  if f.rationale ~= nil and (type(f.rationale) ~= "table" or type(f.rationale.zh) ~= "string") then
    bad("field 'rationale' needs a Chinese text: rationale = { zh = \"…\", en = \"…\" }")
  end
  if f.basis ~= nil then
    local ok = type(f.basis) == "table"
    -- (as ipairs would walk it, without a call for each text)
    local i, b = 1, ok and f.basis[1]
    while ok and b ~= nil do
      ok = type(b) == "string"
      i = i + 1
      b = f.basis[i]
    end
    if not ok then bad("field 'basis' must be a list of texts") end
  end
  if f.help ~= nil and type(f.help) ~= "string" then bad("field 'help' must be a URI") end
end

local function compile_identity(F, expr, each, path, what)
  local ok, compiled = pcall(nianbao.identity, F.schema, expr, each)
  if ok then return compiled end
  return nil, string.format("%s: %s: %s", path, what, tostring(compiled))
end

-- Rule file e run in env: its fields, checked. Raises "path: reason".
local function rule_file_fields(e, env, lim)
  if e.untrusted and not e.base:match(RULE_FILE) then
    fail("%s: a rule file's name is its id: letters, digits, -, _ and .", e.path)
  end
  -- (a file of the home's as the build found it is not read: it runs from the build's bytecode)
  local built = not e.untrusted and sandbox.unchanged(e.path)
  local src = not built and read(e.path) or nil
  local loaded, got = run_file(e.path, src, env, lim, e.untrusted and rule_fields or trusted_rule_fields,
                               built and { chunk = built } or nil)
  if not loaded then error(got, 0) end
  check_rule(e.path, got, e.id)
  got.source = src
  return got
end

-- Load rule file e against format F: the rule, or nil, the reason and
-- whether the rule is only left out of this format (an inherited identity
-- over cells F lacks). Raises for a file of the home's packs (what it
-- raised, as it raised it).
function Set:load_rule(F, base_view, e, decl, own)
  local env = sandbox.env(base_view, 16)
  local f
  if e.untrusted then
    local ok
    ok, f = pcall(rule_file_fields, e, env, sandbox.limits(self.limits, true))
    if not ok then return nil, tostring(f) end
  else
    f = rule_file_fields(e, env, HOME_FILE)
  end
  local conf = self.config
  -- (each pack's and the config's words for the rule, where there are any)
  local message = { zh = f.message.zh, en = f.message.en }
  local given = decl.messages[e.id]
  if given then for k, v in pairs(given) do message[k] = v end end
  local params = f.params or {}
  given = decl.params[e.id]
  if given then for k, v in pairs(given) do params[k] = v end end
  -- (no params of its own nor from its packs: an empty table, not a copy of one)
  local defaults = (f.params == nil and not given) and {} or view.copy(params)
  given = conf.params and conf.params[e.id]
  if given then for k, v in pairs(given) do params[k] = v end end
  rawset(env, "params", params)
  local rule = { id = e.id, severity = f.severity, message = message, path = e.path,
                 pack = e.pack, replaces = e.replaces, replaced_from = e.replaced_from,
                 check = f.check, identity = f.identity, params = params, env = env, enabled = true,
                 untrusted = e.untrusted, view = base_view, source = e.untrusted and f.source or nil,
                 defaults = defaults, schema = f.schema, rationale = f.rationale, basis = f.basis,
                 help = f.help }
  if rule.identity then
    -- the names' values as plain lists of strings
    local each
    if type(f.each) == "table" then
      each = {}
      for k, list in pairs(f.each) do
        local l = {}
        if type(list) == "table" then for i, v in ipairs(list) do l[i] = v end end
        each[k] = l
      end
    end
    local compiled, why = compile_identity(F, rule.identity, each, e.path, "identity")
    local guard, why2
    if compiled and f.when then
      guard, why2 = compile_identity(F, f.when, each, e.path, "when")
    end
    if not compiled or (f.when and not guard) then
      -- an inherited identity over cells this format does not have: not for it
      if own[e.pack] then
        if not e.untrusted then error(why or why2, 0) end
        return nil, why or why2
      end
      return nil, why or why2, true
    end
    if e.untrusted and compiled:instances() + (guard and guard:instances() or 0) > USER_MAX_INSTANCES then
      return nil, string.format("%s: identity: more than %d instances", e.path, USER_MAX_INSTANCES)
    end
    rule.compiled, rule.guard, rule.names = compiled, guard, {}
    for k in pairs(each or {}) do rule.names[#rule.names + 1] = k end
    table.sort(rule.names)
  end
  return rule
end

-- The build's images of the national formats' compiled tables (made by
-- scripts/tools/format_images.lua): read once, false when there are none.
local format_images
-- the code that makes a declaration and compiles it: an image is of what
-- the build's made
local IMAGED_BY = { "format", "labels", "view", "packs", "sandbox" }

-- The image of format `name`'s compiled tables (image(decl) → them), where
-- its declaration is the one the build compiled: no user pack over it or
-- a pack it extends, the same packs with the same format.lua texts, and
-- the code that makes and compiles it the build's. nil otherwise.
function Set:format_image(name)
  if format_images == nil then
    format_images = false
    local bytes = chunks.format_images()
    local chunk = bytes and chunks.load(bytes, "=format images", "b")
    if chunk then format_images = chunk() end
  end
  local im = format_images and format_images[name]
  if not im then return nil end
  for _, m in ipairs(IMAGED_BY) do
    if not chunks.built(m) then return nil end
  end
  local d, i = self.packs[name], #im.layers
  while d do
    if i < 1 or d.name ~= im.layers[i] or not d.national or self.overlays[d.name]
       or (d.has_format and d.format_source or false) ~= im.sources[i] then
      return nil
    end
    d, i = d.extends and self.packs[d.extends], i - 1
  end
  if i ~= 0 then return nil end
  return chunks.load(im.data, "=format image", "b")
end

-- The compiled format of a format name alone, without its rules (what
-- another format's reports are told apart by): cheap, and shared with
-- the pack when the pack is built.
function Set:format(name)
  self.formats_compiled = self.formats_compiled or {}
  local F = self.formats_compiled[name]
  if not F then
    -- the formats share a label folder and grammars where they are the same
    self.compiled_shared = self.compiled_shared or { folders = {}, grammars = {} }
    local decl = self:declaration(name).decl
    F = format.compile(decl, name, self.packs[name].dir .. "/format.lua", self.compiled_shared,
                       self:format_image(name))
    self.formats_compiled[name] = F
  end
  return F
end

-- The signature of format `name` as its compiled format has it (labels
-- normalised), without compiling it: what the other formats' reports are
-- searched for, when no report of this format may come.
function Set:signature(name)
  local F = self.formats_compiled and self.formats_compiled[name]
  if F then return F.signature end
  self.signatures = self.signatures or {}
  local sig = self.signatures[name]
  if not sig then
    local decl = self:declaration(name).decl
    -- a compiled format that folds labels the same way lends its folder
    -- (and what it has folded) rather than a new one being made
    local norm
    for _, F in pairs(self.formats_compiled or {}) do
      if view.same(F.decl.fold, decl.fold) then norm = F.labels.norm; break end
    end
    sig = format.signature(decl, norm)
    self.signatures[name] = sig
  end
  return sig
end

-- The collector stopped until what this returns is closed. It then runs
-- again once a quarter of what the heap holds has been allocated, not at
-- once: what was built lives as long as the process, and a walk over all
-- of it right away is some 2 M instructions a short check never needs
-- (the peak of a small batch is some 1 MB higher).
local restart = { __close = function()
  collectgarbage("restart")
  collectgarbage("step", -(collectgarbage("count") // 4))
end }
local function pause_collector()
  collectgarbage("stop")
  return setmetatable({}, restart)
end

-- The parts of a built pack that its rules make: loaded when one of them
-- is first asked for. A run that never binds a report (a file that is
-- empty, not text, a listing of formats) needs the compiled format only.
local RULE_PARTS = { rules = true, rule_by_id = true, left_out = true, broken = true, system = true }

-- The pack `name` built: its format compiled, its rules loaded against
-- it, the config applied, its identities as one system. P.broken lists
-- the user packs and rule files that could not be loaded: {id=|pack=,
-- why=}. `lazily`: the rules are loaded when one of those parts is first
-- asked for (and a rule that fails to load raises then).
function Set:pack(name, lazily)
  self.formats_built = self.formats_built or {}
  local P = self.formats_built[name]
  if not P then
    local paused <close> = #self.user == 0 and collectgarbage("isrunning") and pause_collector() or nil
    local set = self
    P = setmetatable({ name = name, title = self.packs[name].title, decl = self:declaration(name),
                       format = self:format(name) },
                     { __index = function(P, k)
                         if not RULE_PARTS[k] then return nil end
                         set:load_rules(P)
                         return rawget(P, k)
                       end })
    self.formats_built[name] = P
  end
  if not lazily and getmetatable(P) then self:load_rules(P) end
  return P
end

-- Pack P's rules loaded against its format, the config applied, its
-- identities made one system.
function Set:load_rules(P)
  -- Building the national packs leaves mostly what lives as long as the
  -- process: the collector, stopped while it grows, does not walk it
  -- again and again (some 6 M instructions of start-up, a few MB more at
  -- the peak); it runs again when the pack is built or its build fails.
  -- With a user pack it runs on, as its limits were set with it running.
  local paused <close> = #self.user == 0 and collectgarbage("isrunning") and pause_collector() or nil
  local decl, F = P.decl, P.format
  local text = require("claims").for_format(F)
  local base_view = rule_view(F, text)
  local own = {}
  for _, layer in ipairs(decl.layers) do own[layer.name] = true end
  local rules, rule_by_id, left_out, broken = {}, {}, {}, {}
  for _, b in ipairs(self.broken) do broken[#broken + 1] = b end
  for _, e in ipairs(decl.entries) do
    local rule, why, out = self:load_rule(F, base_view, e, decl, own)
    if rule then
      local setting = self:setting(e.id)
      if setting == "off" then rule.enabled = false
      elseif setting then rule.severity = setting end
      rules[#rules + 1] = rule
      rule_by_id[rule.id] = rule
    elseif out then
      left_out[#left_out + 1] = { id = e.id, why = why }
    else
      broken[#broken + 1] = { id = e.id, path = e.path, why = why }
    end
  end
  P.rules, P.rule_by_id, P.left_out, P.broken = rules, rule_by_id, left_out, broken
  P.system = identities.new(F, rules)
  setmetatable(P, nil)
end

-- Does rule id fall under one of the patterns (an id, or a prefix of ids
-- up to a dot)?
local function under(id, patterns)
  for _, p in ipairs(patterns) do
    if id == p or id:sub(1, #p + 1) == p .. "." then return true end
  end
  return false
end

-- The config's word for a rule: "off", a severity, or nil. The command
-- line's --select and --ignore (config.select, config.ignore) come first;
-- then exact ids win over patterns ("gb2021.txt.*"); of two patterns the
-- longer wins. "on" keeps the rule's own severity.
function Set:setting(id)
  local conf = self.config
  if conf.ignore and under(id, conf.ignore) then return "off" end
  if conf.select and not under(id, conf.select) then return "off" end
  local rules, best = conf.rules, nil   -- (no table made for a config without rules)
  if rules then best = rules[id] end
  if best == nil and rules then
    local len
    for pat, v in pairs(rules) do
      if pat:sub(-2) == ".*" and id:sub(1, #pat - 1) == pat:sub(1, -2) and (not len or #pat > len) then
        best, len = v, #pat
      end
    end
  end
  if best == "on" then return nil end
  return best
end

--}===

return M
