-- Read-only views and deep copies of Lua tables: what untrusted scripts
-- are handed of the engine's data, what the engine takes back from them,
-- and what an extending pack starts from.

local nianbao = require "nianbao"

local M = {}

local proxies = setmetatable({}, { __mode = "k" })   -- table → its view
local originals = setmetatable({}, { __mode = "k" })   -- view → its table

local function reject(_, k)
  error("read-only: cannot set '" .. tostring(k) .. "'", 2)
end

-- The metatable of the views whose hidden keys are `hidden` (false: none),
-- shared by all of them: a view is an empty table, its table found in
-- `originals`, and reads go through the core's __index (a read is what
-- rules do most).
local metatables = setmetatable({}, { __mode = "k" })
local function metatable_of(hidden)
  local mt = metatables[hidden]
  if mt then return mt end
  local skip = hidden or {}
  mt = {
    __index = nianbao.view_index(originals, proxies, hidden or nil, M.readonly),
    __newindex = reject,
    __len = function(v) return #originals[v] end,
    __pairs = function(v)
      local t = originals[v]
      return function(_, k)
        local nk, nv = next(t, k)
        while nk ~= nil and skip[nk] do nk, nv = next(t, nk) end
        return nk, M.readonly(nv)
      end, nil, nil
    end,
    __metatable = false,
  }
  metatables[hidden] = mt
  return mt
end

-- readonly(t) → a view of t, and of every table reached through it, that
-- refuses writes. Reading, #, ipairs and pairs work as on t. Values that
-- are not tables (functions, userdata) are handed out as they are, but the
-- fields a class lists in its metatable's __hidden are not handed out at all.
local plain_mt                      -- the views' of tables with no metatable (most)
function M.readonly(t)
  if type(t) ~= "table" or originals[t] then return t end   -- a view is its own view
  local v = proxies[t]
  if v then return v end
  local mt = getmetatable(t)
  if mt == nil then
    -- (a view is made under a rule's count as it first reads a table: no more calls than needed)
    plain_mt = plain_mt or metatable_of(false)
    v = setmetatable({}, plain_mt)
  else
    local hidden = type(mt) == "table" and rawget(mt, "__hidden")
    if type(hidden) ~= "table" then hidden = false end
    v = setmetatable({}, metatable_of(hidden))
  end
  proxies[t] = v
  originals[v] = t
  return v
end

-- unwrap(v) → the table behind view v (v itself when it is not a view): for
-- the engine's own methods called through a view.
function M.unwrap(v)
  return originals[v] or v
end

-- view → the table behind it, for methods rules call often to read as
-- unwrap does, without a call (read only: views are made here alone)
M.originals = originals

-- copy(v) → a deep copy (tables copied, cycles kept, metatables not).
-- (a call only for a table: a declaration is mostly strings and numbers)
local function copy_table(v, seen)
  local c = seen[v]
  if c then return c end
  c = {}
  seen[v] = c
  for k, x in pairs(v) do
    if type(k) == "table" then k = copy_table(k, seen) end
    if type(x) == "table" then x = copy_table(x, seen) end
    c[k] = x
  end
  return c
end
function M.copy(v, seen)
  if type(v) ~= "table" then return v end
  return copy_table(v, seen or {})
end

-- plain(v, keep) → a deep copy of data an untrusted script made, taken
-- without running any of its code: tables are walked raw (next, not
-- pairs; no __index, __len or __pairs), metatables are dropped, cycles
-- kept, and functions, userdata and threads left out, except the values
-- listed in `keep` (e.g. {[nianbao.null] = true}), which are kept as they
-- are. Run it inside the script's limits: its cost is the script's size.
function M.plain(v, keep, seen)
  local t = type(v)
  if t == "string" or t == "number" or t == "boolean" then return v end
  if keep and keep[v] then return v end
  if t ~= "table" then return nil end
  v = originals[v] or v                     -- a view of the engine's own data: its table
  seen = seen or {}
  if seen[v] then return seen[v] end
  local c = {}
  seen[v] = c
  local k, x = next(v)
  while k ~= nil do
    local ck = M.plain(k, keep, seen)
    if ck ~= nil then c[ck] = M.plain(x, keep, seen) end
    k, x = next(v, k)
  end
  return c
end

-- same(a, b) → whether two plain values are equal all the way down
function M.same(a, b)
  if type(a) ~= "table" or type(b) ~= "table" then return a == b end
  for k, v in pairs(a) do
    if not M.same(v, b[k]) then return false end
  end
  for k in pairs(b) do
    if a[k] == nil then return false end
  end
  return true
end

return M
