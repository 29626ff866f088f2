-- Plain data as bytes and back: what a worker process hands its parent.
-- Nil, booleans, integers, floats, strings and tables of them (no cycles,
-- no metatables, no functions): encode(v) → bytes; decode(bytes) → v, the
-- same value (an integer stays an integer, a float a float).

local pack, unpack = string.pack, string.unpack
local type, pairs, mtype, error = type, pairs, math.type, error

local M = {}

local MAX_DEPTH = 200

local function put(v, out, depth)
  local t = type(v)
  if v == nil then out[#out + 1] = "n"
  elseif v == true then out[#out + 1] = "t"
  elseif v == false then out[#out + 1] = "f"
  elseif t == "number" then
    out[#out + 1] = mtype(v) == "integer" and pack("<c1j", "i", v) or pack("<c1n", "d", v)
  elseif t == "string" then out[#out + 1] = pack("<c1s4", "s", v)
  elseif t == "table" then
    if depth > MAX_DEPTH then error("marshal: nested too deeply", 0) end
    local n = 0
    for _ in pairs(v) do n = n + 1 end
    out[#out + 1] = pack("<c1I4", "T", n)
    for k, x in pairs(v) do
      put(k, out, depth + 1)
      put(x, out, depth + 1)
    end
  else
    error("marshal: cannot pass on a " .. t, 0)
  end
end

-- encode(v) → bytes
function M.encode(v)
  local out = {}
  put(v, out, 0)
  return table.concat(out)
end

local function get(s, at)
  local tag = s:sub(at, at)
  if tag == "n" then return nil, at + 1
  elseif tag == "t" then return true, at + 1
  elseif tag == "f" then return false, at + 1
  elseif tag == "i" then return unpack("<j", s, at + 1)
  elseif tag == "d" then return unpack("<n", s, at + 1)
  elseif tag == "s" then return unpack("<s4", s, at + 1)
  elseif tag == "T" then
    local n
    n, at = unpack("<I4", s, at + 1)
    local t = {}
    for _ = 1, n do
      local k, v
      k, at = get(s, at)
      v, at = get(s, at)
      if k ~= nil then t[k] = v end
    end
    return t, at
  end
  error("marshal: bad data at byte " .. at, 0)
end

-- decode(bytes) → v
function M.decode(s)
  local v, at = get(s, 1)
  if at ~= #s + 1 then error("marshal: trailing data", 0) end
  return v
end

return M
