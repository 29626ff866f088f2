-- The config file (.nianbao.yaml, or --config FILE): which packs to load,
-- rule severities or off, rule parameters, lower limits. It is checked
-- against the schema below before anything runs, and every mistake is
-- said at once, each with its file and line, in the user's language,
-- with the word probably meant ("did you mean"). Dates are taken as
-- 02-20, 2月20日 or 2025-02-20 (the format's `deadline` grammar).
--
-- Where it is: --config FILE; none with --no-config; else the nearest
-- .nianbao.yaml in the folder of the input or a folder above it (as ESLint
-- and ruff find theirs), else the nearest to the working folder.
--
-- Checking runs in two steps: read() the file and check its shape and its
-- packs (before any pack is loaded), then check_ids() its rule ids and
-- parameters against the rules the packs declare.

local nianbao = require "nianbao"
local nbio = require "nianbao.io"
local messages = require "messages"
-- suggest and yamlerr serve a config file and its mistakes: required at first use, as a check
-- without a config needs neither

local M = {}

M.NAME = ".nianbao.yaml"

-- The schema: each top-level key, what it holds.
--   packs   a list: a national pack's name, or a folder (a path with a /)
--   rules   rule id (or "pack.area.*") → off | error | warning | info
--   params  rule id → { parameter → value of the rule's declared kind }
--   limits  name → a positive number; may only lower the defaults
M.schema = {
  packs  = { kind = "list", example = "[gb2021, ./rules]" },
  rules  = { kind = "map", example = "gb2021.val.blank: off" },
  params = { kind = "map", example = "gb2021.qlt.thin: {min: 200}" },
  limits = { kind = "map", example = "instructions: 10000000",
             keys = { instructions = "integer", memory_mb = "integer", max_size_mb = "integer",
                      seconds = "number" } },
}
M.order = { "packs", "rules", "params", "limits" }
M.SETTINGS = { "off", "error", "warning", "info" }

--{=== finding the file ===

local function dirname(path)
  local d = path:match("^(.*)/[^/]*$")
  if d == nil then return "." end
  if d == "" then return "/" end
  return d
end

-- The working folder, found once: a batch looks for each file's config,
-- and nothing of ours changes folder during a run. The shell's pwd is
-- asked only when the folder cannot be found here (it has been removed).
local working
local function cwd()
  if working then return working end
  local d = nbio.cwd()
  if not d then
    local p = io.popen("pwd")
    d = p and p:read("l")
    if p then p:close() end
  end
  working = d
  return d or "."
end

local function absolute(dir)
  if dir:sub(1, 1) == "/" then return dir end
  local base = cwd()
  if dir == "." then return base end
  return (base:gsub("/$", "")) .. "/" .. dir:gsub("^%./", "")
end

-- The folder and the ones above it, nearest first (paths kept as given
-- while they are relative: "a/b", "a", ".", then the absolute ones above).
local function upward(dir)
  local out, seen = {}, {}
  local function add(d)
    if not seen[d] then seen[d] = true; out[#out + 1] = d end
  end
  local d = dir
  while d ~= "." and d ~= "/" and d:sub(1, 1) ~= "/" do
    add(d)
    d = dirname(d)
  end
  local abs = absolute(d == "/" and "/" or d)
  if d ~= "/" and d:sub(1, 1) ~= "/" then add(d) end
  d = abs
  while true do
    add(d)
    if d == "/" then break end
    d = dirname(d)
  end
  return out
end

-- find(dir[, known]) → the path of the nearest config file in dir or above, or nil.
-- known: what the finds before it in one run saw, folder → its nearest config
-- (false: none). The folders above a folder are the rest of its own list, so
-- each folder a batch's inputs share is looked in once.
function M.find(dir, known)
  local k = known and known[dir]
  if k ~= nil then return k or nil end
  local list = upward(dir)
  local found, last = false, #list
  for i, d in ipairs(list) do
    k = known and known[d]
    if k ~= nil then found, last = k, i - 1; break end
    local p = (d == "/" and "" or d) .. "/" .. M.NAME
    if d == "." then p = M.NAME end
    if nbio.stat(p) == "file" then found, last = p, i; break end
  end
  if known then
    for i = 1, last do known[list[i]] = found end
  end
  return found or nil
end

-- for_input(path, opts[, known]) → the config of input `path` (nil: none),
-- and how it was chosen ("option", "near", "cwd"). known: as find's, kept
-- by the caller for one run (the files do not change under it).
function M.for_input(path, opts, known)
  if opts.config then return opts.config, "option" end
  if opts.no_config then return nil end
  if path and path ~= "-" then
    local near = M.find(dirname(path), known)
    if near then return near, "near" end
  end
  local here = M.find(".", known)
  if here then return here, "cwd" end
  return nil
end

--}===

--{=== step 1: the file and its shape ===

local function kind_of(v)
  if v == nianbao.null then return "null" end
  if math.type(v) == "integer" then return "integer" end
  if type(v) == "number" then return "number" end
  if type(v) == "table" then return #v > 0 and "list" or (next(v) == nil and "empty" or "map") end
  return type(v)
end

local function shown(v)
  if v == nianbao.null then return "~" end
  if type(v) == "table" then return "{…}" end
  return tostring(v)
end

-- An error list with the file's lines: add(line, key, ...).
local function collector(path, lang)
  local list = {}
  return list, function(line, key, ...)
    local text = messages.text(lang, key, ...)
    list[#list + 1] = { line = line, text = text,
                        where = line and string.format("%s:%d", path, line) or path }
  end
end

local function hint(lang, word, candidates)
  local best = require("suggest").best(word, candidates)
  return best and messages.text(lang, "did_you_mean", best) or ""
end

-- A severity word: the schema's, a Chinese one, or YAML's booleans.
local function setting_of(v)
  if v == false then return "off" end
  if v == true then return "on" end
  if type(v) ~= "string" then return nil end
  local w = v:lower()
  for _, s in ipairs(M.SETTINGS) do
    if w == s then return s end
  end
  for s, words in pairs(messages.setting_words) do
    for _, word in ipairs(words) do
      if v == word then return s end
    end
  end
  return nil
end

-- read(path, lang, home) → conf (what is right in it), errors
-- ({where=, line=, text=}, maybe none) | nil, errors when nothing of it can
-- be used. conf: {path=, dir=, packs=, rules=, params=, limits=, lines=,
-- keys=, pack_dirs=}; a wrong entry is left out of it, and said.
function M.read(path, lang, home)
  local errors, add = collector(path, lang)
  local src, err, code = nbio.readfile(path, 1048576)
  if not src then
    add(nil, "conf_cannot_read", messages.os_error(lang, err, code))
    return nil, errors
  end
  local conf, lines, keys = nianbao.yaml.decode(src, path)
  if conf == nil then
    local e = require("yamlerr").explain(lines, src, lang)
    errors[1] = { line = e.line, where = e.where, text = e.text }
    return nil, errors
  end
  local quiet = require("yamlerr").quiet_slip(src, path, lang)
  if quiet then return nil, { quiet } end
  if conf == nianbao.null then conf = {} end
  if type(conf) ~= "table" or #conf > 0 then
    add(1, "conf_not_map", messages.list(lang, M.order))
    return nil, errors
  end
  lines, keys = lines or {}, keys or {}
  local function line_of(k) return keys[k] or lines[k] end
  for k, v in pairs(conf) do
    local spec = type(k) == "string" and M.schema[k]
    if not spec then
      add(line_of(tostring(k)), "conf_unknown_key", tostring(k), hint(lang, tostring(k), M.order),
          messages.list(lang, M.order))
      conf[k] = nil
    elseif v == nianbao.null then
      conf[k] = nil                                          -- "rules:" with nothing under it
    elseif spec.kind == "list" and kind_of(v) ~= "list" then
      if type(v) == "string" then conf[k] = { v }            -- packs: ./rules
      else add(line_of(k), "conf_not_list", k, spec.example) end
    elseif spec.kind == "map" and kind_of(v) ~= "map" and kind_of(v) ~= "empty" then
      if type(v) == "string" and v:match("^[^%s:]+:%S") then   -- "id:off": no space after the colon
        add(lines[k] or line_of(k), "conf_colon_space", k, v)
      else
        add(line_of(k), "conf_not_map_of", k, spec.example)
      end
      conf[k] = nil
    end
    if spec and spec.kind == "list" and type(conf[k]) == "table" and kind_of(conf[k]) ~= "list" then conf[k] = nil end
  end
  -- packs: national names and folders (relative to the config's folder)
  local dir = path:match("^(.*)/[^/]*$") or "."
  local national = {}
  for _, n in ipairs(home and nbio.listdir(home .. "/rules") or {}) do
    if nbio.stat(home .. "/rules/" .. n) == "directory" then national[#national + 1] = n end
  end
  table.sort(national)
  local dirs = {}
  if type(conf.packs) == "table" then
    for i, p in ipairs(conf.packs) do
      local at = lines["packs." .. i] or line_of("packs")
      if type(p) ~= "string" then
        add(at, "conf_pack_word", shown(p))
      elseif p:find("/", 1, true) then
        local full = p:sub(1, 1) == "/" and p or (dir .. "/" .. p:gsub("^%./", ""))
        if nbio.stat(full) ~= "directory" then add(at, "conf_pack_missing", p, full)
        else dirs[#dirs + 1] = full end
      elseif not national[1] or nbio.stat(home .. "/rules/" .. p) ~= "directory" then
        local comma = p:find("\u{FF0C}", 1, true) or p:find("\u{3001}", 1, true)
        add(at, comma and "conf_pack_comma" or "conf_pack_unknown", p, hint(lang, p, national),
            messages.list(lang, national))
      end
    end
  end
  -- rules: the settings' words (the ids are checked in step 2)
  if type(conf.rules) == "table" then
    for id, v in pairs(conf.rules) do
      local s = setting_of(v)
      if type(id) ~= "string" then
        add(line_of("rules." .. tostring(id)), "conf_rule_word", shown(id))
        conf.rules[id] = nil
      elseif not s then
        local word = type(v) == "string" and v or shown(v)
        add(lines["rules." .. id] or line_of("rules"), "conf_rule_setting", id, word,
            hint(lang, word, M.SETTINGS))
        conf.rules[id] = nil
      else
        conf.rules[id] = s
      end
    end
  end
  -- limits: known names, positive numbers (lowering only is the engine's)
  if type(conf.limits) == "table" then
    local names = require("suggest").keys(M.schema.limits.keys)
    for k, v in pairs(conf.limits) do
      local want = M.schema.limits.keys[k]
      local at = line_of("limits." .. tostring(k)) or line_of("limits")
      if not want then
        add(at, "conf_limit_unknown", tostring(k), hint(lang, tostring(k), names), messages.list(lang, names))
        conf.limits[k] = nil
      else
        local n = tonumber(v)
        if want == "integer" then n = math.tointeger(n) end
        if not n or not (n > 0) then
          add(at, want == "integer" and "conf_limit_value" or "conf_limit_seconds", k, shown(v))
          conf.limits[k] = nil
        end
      end
    end
  end
  if type(conf.params) == "table" then
    for id, v in pairs(conf.params) do
      if type(v) ~= "table" or v == nianbao.null or #v > 0 then
        add(lines["params." .. tostring(id)] or line_of("params"), "conf_params_map", tostring(id))
        conf.params[id] = nil
      end
    end
  end
  conf.path, conf.dir, conf.lines, conf.keys, conf.pack_dirs = path, dir, lines, keys, dirs
  return conf, errors
end

--}===

--{=== step 2: rule ids and parameters ===

-- The kind of parameter `name` of a rule: its declared schema's, else its
-- default value's. issuers: the format's issuer kinds ("{issuer}" in a
-- schema stands for each).
local function param_kinds(rule, issuers)
  local kinds = {}
  for k, v in pairs(rule.schema or {}) do
    if k == "{issuer}" then
      for _, kind in ipairs(issuers) do kinds[kind] = v end
    else
      kinds[k] = v
    end
  end
  for k, v in pairs(rule.defaults or {}) do
    if not kinds[k] then
      local t = kind_of(v)
      kinds[k] = (t == "empty" or t == "map") and "map" or t == "string" and "text" or t
    end
  end
  return kinds
end

-- The value v for a parameter of kind `kind` → the value to use | nil.
local function coerce(kind, v, F)
  local t = kind_of(v)
  if kind == "date" then
    if type(v) ~= "string" then return nil end
    local g = F and F.grammars.deadline
    local m, d
    if g then m, d = g:match(v) end
    m, d = tonumber(m), tonumber(d)
    if not m or m < 1 or m > 12 or d < 1 or d > 31 then return nil end
    return string.format("%02d-%02d", m, d)
  elseif kind == "integer" then return t == "integer" and v or nil
  elseif kind == "number" then return (t == "integer" or t == "number") and v or nil
  elseif kind == "text" then return type(v) == "string" and v or nil
  elseif kind == "boolean" then return type(v) == "boolean" and v or nil
  elseif kind == "list" then
    if t ~= "list" then return nil end
    for _, x in ipairs(v) do if type(x) ~= "string" then return nil end end
    return v
  end
  return v
end

-- check_ids(conf, rules, F, lang) → errors. rules: id → {schema=,
-- defaults=} of every rule of every format; F: the base format (its
-- issuer kinds and its deadline grammar). Dates are normalised in conf.
function M.check_ids(conf, rules, F, lang)
  local errors, add = collector(conf.path, lang)
  local ids = require("suggest").keys(rules)
  local lines, keys = conf.lines or {}, conf.keys or {}
  local function known(id)
    if rules[id] then return true end
    if id:sub(-2) == ".*" then
      local prefix = id:sub(1, -2)
      for rid in pairs(rules) do
        if rid:sub(1, #prefix) == prefix then return true end
      end
    end
    return false
  end
  local issuers = {}
  for _, k in ipairs(F and F.issuers or {}) do issuers[#issuers + 1] = k.kind end
  for id in pairs(conf.rules or {}) do
    if not known(id) then
      add(keys["rules." .. id] or lines["rules." .. id], "conf_rule_unknown", id, hint(lang, id, ids))
    end
  end
  for id, given in pairs(conf.params or {}) do
    local at = keys["params." .. id] or lines["params." .. id]
    local rule = rules[id]
    if not rule then
      add(at, "conf_rule_unknown", id, hint(lang, id, ids))
    else
      local kinds = param_kinds(rule, issuers)
      local names = require("suggest").keys(kinds)
      for name, v in pairs(given) do
        local pat = keys["params." .. id .. "." .. tostring(name)] or lines["params." .. id .. "." .. tostring(name)] or at
        local kind = kinds[name]
        if not kind then
          if #names == 0 then add(pat, "conf_param_none", id, tostring(name))
          else add(pat, "conf_param_unknown", id, tostring(name), hint(lang, tostring(name), names),
                   messages.list(lang, names)) end
        else
          local value = coerce(kind, v, F)
          if value == nil then
            if kind == "date" then add(pat, "conf_param_date", id, tostring(name), shown(v))
            else add(pat, "conf_param_kind", id, tostring(name), messages.text(lang, "kind_" .. kind), shown(v)) end
          else
            given[name] = value
          end
        end
      end
    end
  end
  return errors
end

--}===

-- text(errors) → the errors, one a line: "file:line: what".
function M.text(errors)
  for i, e in ipairs(errors) do e.order = i end
  table.sort(errors, function(a, b)
    if (a.line or 0) ~= (b.line or 0) then return (a.line or 0) < (b.line or 0) end
    return a.order < b.order
  end)
  local out = {}
  for _, e in ipairs(errors) do out[#out + 1] = e.where .. ": " .. e.text end
  return table.concat(out, "\n")
end

return M
