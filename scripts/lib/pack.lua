-- Loading policy: a format pack (format.lua) and rule packs (one rule per
-- file, the file name is the rule id without the pack prefix).

local nbio = require "nianbao.io"
local nianbao = require "nianbao"
local sandbox = require "sandbox"
local template = require "template"
local claims = require "claims"

-- What rule files see of the prose helpers (read-only).
local claims_view = setmetatable({}, { __index = claims, __newindex = function()
  error("text is read-only", 2) end, __metatable = false })

local M = {}

local severities = { error = true, warning = true, info = true }

local function read(path)
  local src, err = nbio.readfile(path)
  if not src then error(path .. ": " .. err, 0) end
  return src
end

local function run(path, env)
  local ok, err = sandbox.run(path, read(path), env)
  if not ok then
    -- errors raised inside libraries (a bad LPeg grammar) do not name the file
    if not err:find(path, 1, true) then err = path .. ": " .. err end
    error(err, 0)
  end
  return env
end

local function deep_copy(v, seen)
  if type(v) ~= "table" then return v end
  seen = seen or {}
  if seen[v] then return seen[v] end
  local c = {}
  seen[v] = c
  for k, x in pairs(v) do c[deep_copy(k, seen)] = deep_copy(x, seen) end
  return c
end

-- The globals a format.lua sets. `inherit "name"` in it gives a copy of
-- another format of the same rules folder to start from.
local function format_env(dir, depth)
  if depth > 4 then error(dir .. "/format.lua: formats inherit too deeply", 0) end
  local root = dir:match("^(.*)/[^/]+/*$") or "."
  local env = sandbox.env({
    inherit = function(name)
      if type(name) ~= "string" or not name:match("^[%w_%-]+$") then
        error("inherit needs the name of a format folder", 2)
      end
      return deep_copy(format_env(root .. "/" .. name, depth + 1))
    end,
  })
  run(dir .. "/format.lua", env)
  local fmt = {}
  for k, v in pairs(env) do fmt[k] = v end
  return fmt
end

-- format(dir) → compiled template of dir/format.lua
function M.format(dir)
  local path = dir .. "/format.lua"
  local fmt = format_env(dir, 0)
  for _, field in ipairs { "name", "sections", "t2", "t3", "t4" } do
    if fmt[field] == nil then
      error(string.format("%s: missing field '%s'", path, field), 0)
    end
  end
  return template.compile(fmt)
end

-- What rule files see of the format besides plain Lua: the tables' column
-- and row lists, for identities that range over them.
local function format_view(T)
  local t3rows = {}
  for _, r in ipairs(T.tables.t3.rows) do t3rows[#t3rows + 1] = r.path end
  return {
    t2 = { rows = (function() local l = {} for _, r in ipairs(T.tables.t2.rows) do l[#l + 1] = r.path end return l end)() },
    t3 = { columns = T.fmt.t3.columns, rows = t3rows,
           parties = { "np", "biz", "research", "ngo", "legal", "other" },
           orgs = { "biz", "research", "ngo", "legal", "other" } },
    t4 = { columns = T.fmt.t4.columns, groups = { "t4.rv", "t4.ld", "t4.la" } },
    format = T.fmt,
    text = claims_view,
  }
end

local function check_rule(path, env, prefix, base)
  local function fail(msg) error(string.format("%s: %s", path, msg), 0) end
  local id = rawget(env, "id")
  if type(id) ~= "string" then fail("missing field 'id'") end
  if id ~= prefix .. "." .. base then
    fail(string.format("id '%s' does not match the file name (expected '%s.%s')", id, prefix, base))
  end
  local sev = rawget(env, "severity")
  if not severities[sev] then fail("field 'severity' must be error, warning or info") end
  local msg = rawget(env, "message")
  if type(msg) ~= "table" or type(msg.zh) ~= "string" then
    fail("field 'message' needs a Chinese text: message = { zh = \"…\", en = \"…\" }")
  end
  local ident, check = rawget(env, "identity"), rawget(env, "check")
  if (ident == nil) == (check == nil) then fail("define exactly one of 'identity' or 'check'") end
  if ident ~= nil and type(ident) ~= "string" then fail("'identity' must be a string") end
  if check ~= nil and type(check) ~= "function" then fail("'check' must be a function") end
end

-- rules(dir, T, prefix, lenient) → list of rules, sorted by id. With
-- lenient, an identity naming cells this format lacks leaves the rule out
-- (a 2021 rule on a 2019 report) instead of failing.
function M.rules(dir, T, prefix, lenient)
  local names, err = nbio.listdir(dir)
  if not names then error(dir .. ": " .. err, 0) end
  table.sort(names)
  local view = format_view(T)
  local list = {}
  for _, name in ipairs(names) do
    local base = name:match("^(.+)%.lua$")
    if base and base ~= "format" and base ~= "pack" then
      local path = dir .. "/" .. name
      local env = run(path, sandbox.env(view))
      check_rule(path, env, prefix, base)
      local rule = {
        id = env.id, severity = env.severity, message = env.message, path = path,
        check = rawget(env, "check"), identity = rawget(env, "identity"),
        params = rawget(env, "params") or {}, env = env, enabled = true,
      }
      rawset(env, "params", rule.params)
      if rule.identity then
        local each = rawget(env, "each")
        local ok, compiled = pcall(nianbao.identity, T.schema, rule.identity, each)
        if not ok and not lenient then error(string.format("%s: identity: %s", path, compiled), 0) end
        if ok then
          rule.compiled, rule.names = compiled, {}
          for k in pairs(each or {}) do rule.names[#rule.names + 1] = k end
          table.sort(rule.names)
        else
          rule = nil
        end
      end
      if rule then
        rule.base = base
        list[#list + 1] = rule
      end
    end
  end
  return list
end

-- The name of a pack: pack.lua's `name`, else the folder's own name; and
-- the pack whose rules it inherits, if any.
function M.prefix(dir)
  local path = dir .. "/pack.lua"
  if nbio.stat(path) == "file" then
    local env = run(path, sandbox.env())
    if type(rawget(env, "name")) ~= "string" then error(path .. ": missing field 'name'", 0) end
    return env.name, rawget(env, "inherit")
  end
  return (dir:gsub("/+$", ""):match("([^/]+)$"))
end

return M
