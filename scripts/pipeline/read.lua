-- Reading: UTF-8 text → a document, by the reader that takes the file's
-- shape. A reader is one Lua file of scripts/readers/ (or any path given
-- to --reader): it sets `name`, `extensions`, optionally `sniff(head)`
-- and `loose_digits` (its cells' numbers may be cut by a wrap or run into a mark),
-- and defines `Reader(text, opts)` returning {blocks = {…}} (or
-- {canonical = doc, lines = …} for the canonical YAML). It runs sandboxed,
-- its sniff too. A reader given by path is untrusted: it runs from a fresh
-- copy of its file for every input, and the engine takes its document as
-- plain data (a copy); a shipped reader's blocks are taken as they are.

local nianbao = require "nianbao"
local nbio = require "nianbao.io"
local sandbox = require "sandbox"
local limits = require "nianbao.sandbox"
local labels = require "labels"
local limited = require "nianbao.limited"
local view = require "view"
local messages = require "messages"

local M = {}

-- What a reader may use besides plain Lua. markup.lua is required the
-- first time a reader walks a tree (a page, a table in a text): a text
-- without one never loads it. It is loaded as start-up loads modules,
-- outside the limits of the reader's call, which it is not charged to.
local markup
local function blocks(tree, opts)
  markup = markup or limited.outside(require, "markup")
  return markup.blocks(tree, opts)
end
local helpers = { trim = labels.trim, markup = { blocks = blocks } }

-- A reader file's fields, as plain data, and its functions.
local function reader_fields(env)
  local f = view.plain { name = rawget(env, "name"), extensions = rawget(env, "extensions"),
                         loose_digits = rawget(env, "loose_digits") == true }
  f.Reader, f.sniff = rawget(env, "Reader"), rawget(env, "sniff")
  return f
end

local function load_one(path, lim, untrusted)
  -- (a shipped reader as the build found it is not read: it runs from the build's bytecode)
  local built = not untrusted and sandbox.unchanged(path)
  local src, err
  if not built then
    src, err = nbio.readfile(path, 16 * 1048576)
    if not src then error(path .. ": " .. err, 0) end
  end
  local env, f = sandbox.run(path, src, sandbox.env(helpers), sandbox.limits(lim, untrusted), reader_fields,
                             built and { chunk = built } or nil)
  if not env then error(f, 0) end
  if type(f.name) ~= "string" then error(string.format("%s: a reader must define 'name'", path), 0) end
  if type(f.Reader) ~= "function" then error(string.format("%s: a reader must define 'Reader'", path), 0) end
  if f.sniff ~= nil and type(f.sniff) ~= "function" then error(string.format("%s: 'sniff' must be a function", path), 0) end
  local extensions = {}
  for _, e in ipairs(type(f.extensions) == "table" and f.extensions or {}) do
    if type(e) == "string" then extensions[#extensions + 1] = e end
  end
  return { name = f.name, extensions = extensions, sniff = f.sniff, Reader = f.Reader, path = path,
           loose_digits = f.loose_digits, env = env, untrusted = untrusted, source = untrusted and src or nil }
end

-- load(home, extra, lim) → list of readers (sorted by file name), by name.
-- extra: a reader file given by path (untrusted).
function M.load(home, extra, lim)
  lim = lim or { instructions = 20000000, memory = 256 * 1048576 }
  local dir = home .. "/scripts/readers"
  local names = assert(nbio.listdir(dir))
  table.sort(names)
  local list, by_name = {}, {}
  for _, n in ipairs(names) do
    if n:match("%.lua$") then
      local r = load_one(dir .. "/" .. n, lim, false)
      list[#list + 1] = r
      by_name[r.name] = r
    end
  end
  if extra then
    local r = load_one(extra, lim, true)
    table.insert(list, 1, r)
    by_name[r.name] = r
    by_name[extra] = r
  end
  M.limits = lim
  return list, by_name
end

local function extension(path)
  return (path:match("%.([%w]+)$") or ""):lower()
end

-- Does reader r's sniff take head? (false when it fails: a reader's bug
-- or a limit is not the file's shape)
local function sniffs(r, head)
  if not r.sniff then return false end
  local ok, yes = limits.call(sandbox.limits(M.limits, r.untrusted), r.sniff, head)
  return ok and yes ~= nil and yes ~= false
end

-- pick(readers, by_name, forced, path, text, lang) → reader | nil, reason
function M.pick(readers, by_name, forced, path, text, lang)
  if forced then
    local r = by_name[forced]
    if not r then return nil, messages.text(lang, "unknown_reader", forced) end
    return r
  end
  -- (a text no longer than the head is its own head: not copied)
  local ext, head = extension(path), #text <= 65536 and text or text:sub(1, 65536)
  for _, r in ipairs(readers) do
    for _, e in ipairs(r.extensions) do
      if e == ext and (not r.sniff or sniffs(r, head)) then return r end
    end
  end
  for _, r in ipairs(readers) do
    if sniffs(r, head) then return r end
  end
  return by_name.text
end

-- A reader given by path: its file afresh, then its Reader.
local function run_fresh(reader, text, opts)
  local env = sandbox.env(helpers)
  local chunk, err = load(reader.source, "@" .. reader.path, "t", env)
  if not chunk then error(err, 0) end
  chunk()
  local Reader = rawget(env, "Reader")
  if type(Reader) ~= "function" then error(reader.path .. ": 'Reader' is not a function", 0) end
  return Reader(text, opts)
end

local keep = { [nianbao.null] = true }

-- The reader's document as plain data, taken within its limits.
local function read_plain(reader, text, path)
  local doc
  if reader.untrusted then doc = run_fresh(reader, text, { path = path })
  else
    doc = reader.Reader(text, { path = path })
    -- the shipped readers' blocks are fresh plain data already: no copy needed
    if type(doc) == "table" and doc.canonical == nil then return doc end
  end
  return view.plain(doc, keep)
end

-- run(reader, text, path, lim, lang) → document | nil, reason. A reader's
-- work grows with its input: its budget, time and memory do too.
function M.run(reader, text, path, lim, lang)
  local scaled = {
    instructions = lim.instructions + 2000 * #text, memory = lim.memory + 64 * #text,
    seconds = (lim.seconds or 10) + #text / 1048576, untrusted = reader.untrusted,
  }
  local ok, doc = limits.call(scaled, read_plain, reader, text, path)
  if not ok then return nil, messages.text(lang, "reader_failed", reader.name, doc) end
  if type(doc) ~= "table" then return nil, messages.text(lang, "reader_failed", reader.name, "no document") end
  return doc
end

return M
