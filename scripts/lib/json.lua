-- JSON text from Lua values (output only). Maps are written with their
-- keys in getmetatable(t).__order first, then sorted (none, when the
-- metatable says __exact: a map made with the keys of its order alone need
-- not be walked for others); nianbao.null is null.

local nianbao = require "nianbao"
local null = nianbao.null
local native = nianbao.json.encode
local M = {}

local escapes = { ['"'] = '\\"', ['\\'] = '\\\\', ['\b'] = '\\b', ['\f'] = '\\f',
                  ['\n'] = '\\n', ['\r'] = '\\r', ['\t'] = '\\t' }

local function quote(s)
  if not s:find('[%c"\\]') then return '"' .. s .. '"' end   -- most strings need no escape
  return '"' .. s:gsub('[%c"\\]', function(c)
    return escapes[c] or string.format("\\u%04x", c:byte())
  end) .. '"'
end

local function keys_of(t)
  local mt = getmetatable(t)
  local order, seen, out = mt and mt.__order or {}, {}, {}
  for _, k in ipairs(order) do
    if t[k] ~= nil then out[#out + 1] = k; seen[k] = true end
  end
  if mt and mt.__exact then return out end
  local rest = {}
  for k in pairs(t) do
    if not seen[k] then rest[#rest + 1] = k end
  end
  local strings = true
  for _, k in ipairs(rest) do strings = strings and type(k) == "string" end
  -- string keys compare as their tostring does, without a call per comparison
  if strings then table.sort(rest) else table.sort(rest, function(a, b) return tostring(a) < tostring(b) end) end
  for _, k in ipairs(rest) do out[#out + 1] = k end
  return out
end

local function encode(v, out, depth)
  if depth > 64 then error("json: value nested too deeply") end
  local t = type(v)
  if v == nil or v == null then out[#out + 1] = "null"
  elseif t == "boolean" then out[#out + 1] = tostring(v)
  elseif t == "number" then
    if math.type(v) == "integer" then out[#out + 1] = string.format("%d", v)
    elseif v ~= v or v == math.huge or v == -math.huge then out[#out + 1] = "null"
    else out[#out + 1] = string.format("%.17g", v) end
  elseif t == "string" then out[#out + 1] = quote(v)
  elseif t == "table" then
    local mt = getmetatable(v)
    if #v > 0 or (mt and mt.__array) then
      out[#out + 1] = "["
      for i = 1, #v do
        if i > 1 then out[#out + 1] = "," end
        encode(v[i], out, depth + 1)
      end
      out[#out + 1] = "]"
    else
      out[#out + 1] = "{"
      for i, k in ipairs(keys_of(v)) do
        if i > 1 then out[#out + 1] = "," end
        out[#out + 1] = quote(tostring(k))
        out[#out + 1] = ":"
        encode(v[k], out, depth + 1)
      end
      out[#out + 1] = "}"
    end
  else
    error("json: cannot encode a " .. t)
  end
end

-- encode(value) → JSON text on one line. The C writer gives the same text
-- for plain values; what it leaves (metamethods, odd keys) is written here.
function M.encode(v)
  local text = native(v)
  if text then return text end
  local out = {}
  encode(v, out, 0)
  return table.concat(out)
end

-- An empty list that encodes as [] rather than {}.
function M.array(t)
  return setmetatable(t or {}, { __array = true })
end

return M
