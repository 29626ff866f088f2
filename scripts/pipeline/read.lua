-- Reading: UTF-8 text → a document, by the reader that takes the file's
-- shape. A reader is one Lua file of scripts/readers/ (or any path given
-- to --reader): it sets `name`, `extensions`, optionally `sniff(head)`,
-- and defines `Reader(text, opts)` returning {blocks = {…}} (or
-- {canonical = doc, lines = …} for the canonical YAML). It runs sandboxed.

local nbio = require "nianbao.io"
local sandbox = require "sandbox"
local limits = require "nianbao.sandbox"
local labels = require "labels"
local messages = require "messages"

local M = {}

-- What a reader may use besides plain Lua.
local helpers = { trim = labels.trim }

local function load_one(path)
  local src, err = nbio.readfile(path)
  if not src then error(path .. ": " .. err, 0) end
  local env, e = sandbox.run(path, src, sandbox.env(helpers))
  if not env then error(e, 0) end
  for _, f in ipairs { "name", "Reader" } do
    if rawget(env, f) == nil then error(string.format("%s: a reader must define '%s'", path, f), 0) end
  end
  return env
end

-- load(home, extra) → list of readers (sorted by file name), by name.
function M.load(home, extra)
  local dir = home .. "/scripts/readers"
  local names = assert(nbio.listdir(dir))
  table.sort(names)
  local list, by_name = {}, {}
  for _, n in ipairs(names) do
    if n:match("%.lua$") then
      local r = load_one(dir .. "/" .. n)
      list[#list + 1] = r
      by_name[r.name] = r
    end
  end
  if extra then
    local r = load_one(extra)
    table.insert(list, 1, r)
    by_name[r.name] = r
    by_name[extra] = r
  end
  return list, by_name
end

local function extension(path)
  return (path:match("%.([%w]+)$") or ""):lower()
end

-- pick(readers, by_name, forced, path, text, lang) → reader | nil, reason
function M.pick(readers, by_name, forced, path, text, lang)
  if forced then
    local r = by_name[forced]
    if not r then return nil, messages.text(lang, "unknown_reader", forced) end
    return r
  end
  local ext, head = extension(path), text:sub(1, 65536)
  for _, r in ipairs(readers) do
    for _, e in ipairs(r.extensions or {}) do
      if e == ext and (not r.sniff or r.sniff(head)) then return r end
    end
  end
  for _, r in ipairs(readers) do
    if r.sniff and r.sniff(head) then return r end
  end
  return by_name.text
end

-- run(reader, text, path, lim, lang) → document | nil, reason. A reader's
-- work grows with its input: its budget does too.
function M.run(reader, text, path, lim, lang)
  local ok, doc = limits.call(lim.instructions + 2000 * #text, lim.memory + 64 * #text,
                              reader.Reader, text, { path = path })
  if not ok then return nil, messages.text(lang, "reader_failed", reader.name, tostring(doc)) end
  if type(doc) ~= "table" then return nil, messages.text(lang, "reader_failed", reader.name, "no document") end
  return doc
end

return M
