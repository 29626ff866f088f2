-- The agency key: one issuer's reports paired across years and files by
-- its name, folded. The words that differ from year to year (a year at
-- the end, an office's suffix, a long and a short form) are the format's
-- (`agency_key` in its format.lua); this file only applies them.

local memo = require "memo"

local M = {}

local function ends_with(s, w)
  return #w > 0 and #s > #w and s:sub(-#w) == w
end

local function replace_all(s, from, to)
  if from == "" then return s end
  local out, i = {}, 1
  while true do
    local a, b = s:find(from, i, true)
    if not a then break end
    out[#out + 1] = s:sub(i, a - 1)
    out[#out + 1] = to
    i = b + 1
  end
  out[#out + 1] = s:sub(i)
  return table.concat(out)
end

local function words(list)
  local out = {}
  for _, w in ipairs(type(list) == "table" and list or {}) do
    if type(w) == "string" then out[#out + 1] = w end
  end
  table.sort(out, function(a, b) return #a > #b end)   -- the longest first
  return out
end

local specs = setmetatable({}, { __mode = "k" })

local function spec_of(F)
  local s = specs[F]
  if s then return s end
  local decl = type(F.decl) == "table" and type(F.decl.agency_key) == "table" and F.decl.agency_key or {}
  local norm = F.labels.norm
  local function normed(list)
    local out = {}
    for i, w in ipairs(words(list)) do out[i] = norm(w) end
    return out
  end
  s = { years = normed(decl.years), suffixes = normed(decl.suffixes), same = {} }
  for _, pair in ipairs(type(decl.same) == "table" and decl.same or {}) do
    if type(pair) == "table" and type(pair[1]) == "string" and type(pair[2]) == "string" then
      s.same[#s.same + 1] = { norm(pair[1]), norm(pair[2]) }
    end
  end
  specs[F] = s
  return s
end

-- A year at the end of k, with its year word and brackets: k without it.
local function strip_year(k, years)
  local rest, said = k:match("^(.-)%(([^()]*)%)$")
  if rest then return said:find("^%d%d%d%d") and rest or k end
  for _, w in ipairs(years) do
    if ends_with(k, w) then
      local rest = k:sub(1, #k - #w)
      if rest:find("%d%d%d%d$") then return (rest:gsub("%d+$", "")) end
    end
  end
  if k:find("%D%d%d%d%d$") then return (k:gsub("%d+$", "")) end
  return k
end

-- key(F, name) → the agency key of an issuer's name (nil for no name).
-- A batch asks for each report's key twice (its survey, its findings'
-- filter), and an issuer's name repeats across its years: each name's key
-- is worked out once per format (a memo bounded by the names' bytes).
local KEY_MEMO_BYTES = 1 << 18
local key_memo = memo.keyed()
local key_of

function M.key(F, name)
  if type(name) ~= "string" or name == "" then return nil end
  local m = memo.of(key_memo, F, KEY_MEMO_BYTES)
  local k = m.of[name]
  if k == nil then
    k = key_of(F, name) or false
    m.of[name], m.size = k, m.size + #name + 64
  end
  return k or nil
end

function key_of(F, name)
  local s = spec_of(F)
  local k = F.labels.norm(name)
  for _ = 1, 4 do                       -- a year, then a suffix, then a year again …
    local before = k
    k = strip_year(k, s.years)
    for _, w in ipairs(s.suffixes) do
      if ends_with(k, w) then k = k:sub(1, #k - #w); break end
    end
    if k == before then break end
  end
  for _, pair in ipairs(s.same) do k = replace_all(k, pair[1], pair[2]) end
  if k == "" then return nil end
  return k
end

return M
