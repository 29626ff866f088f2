-- Writes the format images (the build's step: Makefile, format_images.bin):
-- each national format's compiled tables (format.compiled_data) as a Lua
-- function of its declaration that makes them again, with the format.lua
-- texts they were compiled from; a check takes a format's from here where
-- its format.lua files and the code that compiles them are the build's
-- (packs.lua, Set:format_image), and compiles it otherwise.
--   nianbao run scripts/tools/format_images.lua OUT
-- OUT: a chunk of bytecode returning { [format] = { layers = {pack names,
-- the base first}, sources = {their format.lua texts, false: none},
-- data = the bytecode of function(decl) → the tables } }.
local packs = require "packs"
local format = require "format"
local labels = require "labels"

local out_path = assert(arg[1], "usage: format_images.lua OUT")

local function quoted(v)
  local t = type(v)
  if t == "string" or t == "number" or t == "boolean" then return string.format("%q", v) end
  error("a value of type " .. t .. " in a format's compiled tables")
end

-- The keys of t in one order (the chunk the same at every build).
local function sorted_keys(t)
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  table.sort(keys, function(a, b)
    local ta, tb = type(a), type(b)
    if ta ~= tb then return ta < tb end
    if ta == "string" or ta == "number" then return a < b end
    error("a key of type " .. ta .. " in a format's compiled tables")
  end)
  return keys
end

-- The source of function(decl) → data: the tables data holds that the
-- declaration holds are taken from it by their place in it (the same
-- tables, as compile shares them); each other table made by a constructor,
-- its fields that name a table still being made set after it.
local function image_source(decl, data)
  local place = {}
  local function mark(t, at)
    if type(t) ~= "table" or place[t] then return end
    place[t] = at
    for _, k in ipairs(sorted_keys(t)) do
      if type(k) == "string" then mark(t[k], at .. "[" .. quoted(k) .. "]")
      elseif math.type(k) == "integer" then mark(t[k], at .. "[" .. k .. "]") end
    end
  end
  mark(decl, "decl")
  local lines, made, making, later = {}, {}, {}, {}
  local taken, ntaken, n = {}, 0, 0
  local value
  local function emit(t)
    if getmetatable(t) ~= nil then error("a table with a metatable in a format's compiled tables") end
    making[t] = true
    local items, len = {}, #t
    for i = 1, len do
      local v = value(t[i])
      if v == nil then later[#later + 1] = { t, i, t[i] }; v = "false" end
      items[#items + 1] = v
    end
    for _, k in ipairs(sorted_keys(t)) do
      -- (a list with holes has more than one length: # of its copy might be
      -- another; a table with no [1] is a map, its integer keys written as keys)
      if math.type(k) == "integer" and k > len and len > 0 then error("a list with holes in a format's compiled tables") end
      if not (math.type(k) == "integer" and k >= 1 and k <= len) then
        local v = value(t[k])
        if v == nil then later[#later + 1] = { t, k, t[k] }
        else items[#items + 1] = "[" .. quoted(k) .. "]=" .. v end
      end
    end
    n = n + 1
    made[t], making[t] = n, nil
    lines[#lines + 1] = "t[" .. n .. "]={" .. table.concat(items, ",") .. "}"
    return "t[" .. n .. "]"
  end
  function value(v)
    if type(v) ~= "table" then return quoted(v) end
    if place[v] then
      if not taken[v] then
        ntaken = ntaken + 1
        taken[v] = ntaken
        lines[#lines + 1] = "D[" .. ntaken .. "]=" .. place[v]
      end
      return "D[" .. taken[v] .. "]"
    end
    if made[v] then return "t[" .. made[v] .. "]" end
    if making[v] then return nil end
    return emit(v)
  end
  local top = emit(data)
  for _, l in ipairs(later) do
    lines[#lines + 1] = "t[" .. made[l[1]] .. "][" .. quoted(l[2]) .. "]=" .. value(l[3])
  end
  return "local decl = ...\nlocal t, D = {}, {}\n" .. table.concat(lines, "\n") .. "\nreturn " .. top .. "\n"
end

local set = packs.load(".", {}, {})
local images = {}
for _, name in ipairs(set.order) do
  local decl = set:declaration(name).decl
  local data = format.compiled_data(decl, name, name, labels.new(decl.fold, decl.numerals))
  local fn = assert(load(image_source(decl, data), "=format image", "t"))
  -- the layers the declaration was made of: the pack, and those it extends
  local layers, sources, d = {}, {}, set.packs[name]
  while d do
    table.insert(layers, 1, d.name)
    table.insert(sources, 1, d.has_format and d.format_source or false)
    d = d.extends and set.packs[d.extends]
  end
  images[name] = { layers = layers, sources = sources, data = string.dump(fn, true) }
end

local parts = { "return {" }
for _, name in ipairs(sorted_keys(images)) do
  local im = images[name]
  local layers, sources = {}, {}
  for i, l in ipairs(im.layers) do layers[i] = quoted(l) end
  for i, s in ipairs(im.sources) do sources[i] = quoted(s) end
  parts[#parts + 1] = string.format("[%s]={layers={%s},sources={%s},data=%s},", quoted(name),
                                    table.concat(layers, ","), table.concat(sources, ","), quoted(im.data))
end
parts[#parts + 1] = "}"
local chunk = assert(load(table.concat(parts, "\n"), "=format images", "t"))
local f = assert(io.open(out_path, "wb"))
assert(f:write(string.dump(chunk, true)))
assert(f:close())
return 0
