-- The environment that rule files, readers and writers run in: plain Lua
-- without io, os, debug, package, load or dofile. Each file gets its own
-- table of globals (NSE style) whose misses fall through to a shared,
-- read-only base.

local nianbao = require "nianbao"
local lpeg, re = require "lpeg", require "re"

local M = {}

local function readonly(t, name)
  return setmetatable({}, {
    __index = t,
    __newindex = function() error(name .. " is read-only", 2) end,
    __metatable = false,
  })
end

local base = {
  assert = assert, error = error, ipairs = ipairs, next = next, pairs = pairs,
  pcall = pcall, select = select, tonumber = tonumber, tostring = tostring,
  type = type, rawget = rawget, rawequal = rawequal, rawlen = rawlen,
  setmetatable = setmetatable, getmetatable = getmetatable,
  math = readonly(math, "math"), string = readonly(string, "string"),
  table = readonly(table, "table"), utf8 = readonly(utf8, "utf8"),
  lpeg = readonly(lpeg, "lpeg"), re = readonly(re, "re"),
  nianbao = readonly({
    number = nianbao.number, add = nianbao.add, compare = nianbao.compare,
    is_integral = nianbao.is_integral, null = nianbao.null, version = nianbao.version,
    html = readonly(nianbao.html, "nianbao.html"), convert = nianbao.convert,
    yaml = readonly({ decode = nianbao.yaml.decode, encode = nianbao.yaml.encode }, "nianbao.yaml"),
  }, "nianbao"),
}
base._G = nil

-- env(extra) → a fresh globals table; extra's fields are visible too.
function M.env(extra)
  local shared = base
  if extra then
    shared = setmetatable({}, { __index = function(_, k)
      local v = extra[k]
      if v == nil then v = base[k] end
      return v
    end })
  end
  return setmetatable({}, { __index = shared })
end

-- run(path, source, env) → env | nil, "path:line: reason". The file is text
-- only (no precompiled chunks) and runs with env as its globals.
function M.run(path, source, env)
  local chunk, err = load(source, "@" .. path, "t", env)
  if not chunk then return nil, err end
  local ok, e = pcall(chunk)
  if not ok then return nil, tostring(e) end
  return env
end

return M
