-- The environment that rule files, readers and writers run in: plain Lua
-- without io, os, debug, package, load or dofile, and without what would
-- let one script change what another sees. Each file gets its own table
-- of globals (NSE style); a miss falls through to a table of the shared
-- libraries that no script can reach (its metatable is locked) and whose
-- libraries are read-only views. pcall cannot catch the limits' errors
-- and setmetatable refuses __gc (nianbao.sandbox, in C).

local nianbao = require "nianbao"
local limits = require "nianbao.sandbox"
local chunks = require "nianbao.chunks"
local lpeg, re = require "lpeg", require "re"
local view = require "view"
local new_table = nianbao.new_table

local M = {}

-- A library as scripts see it: read-only, without the functions that
-- change state every script shares.
local function library(lib, without)
  local t = {}
  for k, v in pairs(lib) do
    if not (without and without[k]) then t[k] = v end
  end
  return view.readonly(t)
end

local base = {
  assert = assert, error = error, ipairs = ipairs, next = next, pairs = pairs,
  pcall = limits.pcall, select = select, tonumber = tonumber, tostring = tostring,
  type = type, rawget = rawget, rawequal = rawequal, rawlen = rawlen,
  setmetatable = limits.setmetatable, getmetatable = getmetatable,
  math = library(math, { randomseed = true }), string = library(string),
  table = library(table), utf8 = library(utf8),
  lpeg = library(lpeg, { setmaxstack = true }), re = library(re, { updatelocale = true }),
  nianbao = view.readonly {
    number = nianbao.number, add = nianbao.add, compare = nianbao.compare,
    is_integral = nianbao.is_integral, null = nianbao.null, version = nianbao.version,
    html = { parse = nianbao.html.parse, blocks = nianbao.html.blocks }, xml = { parse = nianbao.xml.parse }, convert = nianbao.convert,
    text = { blocks = nianbao.text.blocks, lone_lines = nianbao.text.lone_lines },
    yaml = { decode = nianbao.yaml.decode, encode = nianbao.yaml.encode },
  },
}

-- the metatable of the globals of an `extra`: a miss reads base and
-- extra's fields (tables as views). One for all the files given the same
-- extra (each rule of a pack): locked, no script reaches or changes it.
local env_meta_of = setmetatable({}, { __mode = "k" })
local base_meta = { __index = base, __metatable = false }

local function env_meta(extra)
  if not extra then return base_meta end
  local mt = env_meta_of[extra]
  if not mt then
    local s = {}
    for k, v in next, base do s[k] = v end
    for k, v in next, extra do s[k] = view.readonly(v) end
    mt = { __index = s, __metatable = false }
    env_meta_of[extra] = mt
  end
  return mt
end

-- env(extra[, room]) → a fresh globals table; extra's fields are visible
-- too. room: the globals the file is known to set (a rule file sets some
-- ten), made room for at once rather than by rehashing as each comes.
function M.env(extra, room)
  return setmetatable(room and new_table(0, room) or {}, env_meta(extra))
end

-- The file compiled and run, and what collect takes (the body of run: one
-- function for every file, not a closure made for each). kept: where a
-- file run again keeps its function: run with env as its globals, held in
-- an upvalue of its own (what the runs before made still sees theirs),
-- rather than its bytecode loaded again.
local function run_chunk(path, source, env, collect, kept)
  local chunk = kept and kept.chunk
  if chunk then
    debug.upvaluejoin(chunk, 1, function() return env end, 1)
  else
    local err
    chunk, err = chunks.load(source, "@" .. path, "t", env)
    if not chunk then error(err, 0) end
    if kept then kept.chunk = chunk end
  end
  chunk()
  if collect then return collect(env) end
end

-- unchanged(path) → the function of a file of the home's where the file is
-- still the one the build precompiled (its identity: nianbao.chunks), from
-- the build's bytecode without reading the file; nil for any other file,
-- to be read and run from its source (which may still be the build's).
function M.unchanged(path)
  return chunks.load_unchanged(path, "@" .. path)
end

-- run(path, source, env, lim, collect[, kept]) → env, collected | nil, "path:line: reason".
-- The file is text only (no precompiled chunks of its own; a file the
-- build precompiled, byte for byte, loads from the build's), runs with env as its
-- globals, and is compiled and run inside the limits `lim` (see
-- nianbao.sandbox.call), as is collect(env): what the caller takes from
-- the file's globals, walked where the file's limits still hold. With no
-- `lim`, a file of the home's packs runs outside them: under the limits'
-- count hook Lua stops at every instruction, a tenth of the start-up.
-- kept (a table, for a file of the home's run again from the same source):
-- the file's function is kept there at its first run, and run again; or
-- the function M.unchanged gave, run in its place (source is then nil).
function M.run(path, source, env, lim, collect, kept)
  local ok, got
  if lim then ok, got = limits.call(lim, run_chunk, path, source, env, collect, kept)
  else
    ok, got = pcall(run_chunk, path, source, env, collect, kept)
    local t = not ok and type(got)
    if t and t ~= "string" then
      got = t == "number" and tostring(got) or string.format("(error object is a %s value)", t)
    end
  end
  if not ok then
    if not got:find(path, 1, true) then got = path .. ": " .. got end
    return nil, got
  end
  return env, got
end

-- The limits of the call as given, for code that is the home's (trusted)
-- or not: an untrusted call also meters the LPeg loops it builds. They
-- are read once (nianbao.sandbox.prepare: their fields read as the
-- table's) for each table and trust while the table's numbers stay as
-- they were: a reader's sniff and a writer run under them at every
-- report, where each call read a new table. Limits that prepare refuses
-- are given as the table, for the call to refuse where it did.
local prepared = setmetatable({}, { __mode = "k" })   -- lim → the numbers read, [trusted or not] = limits
function M.limits(lim, untrusted)
  untrusted = untrusted and true or false
  local instructions, memory, seconds = lim.instructions, lim.memory, lim.seconds
  local read = prepared[lim]
  if read and read.instructions == instructions and read.memory == memory and read.seconds == seconds then
    local p = read[untrusted]
    if p then return p end
  else
    read = { instructions = instructions, memory = memory, seconds = seconds }
    prepared[lim] = read
  end
  local t = { instructions = instructions, memory = memory, seconds = seconds, untrusted = untrusted or nil }
  local ok, p = pcall(limits.prepare, t)
  if not ok then return t end
  read[untrusted] = p
  return p
end

return M
