-- The engines of one run, one per config file: each input is checked with
-- the config nearest to it (config.for_input), and an engine (its packs,
-- rules and limits) is built once for each config that some input uses.
-- All of them are built before any file is checked, so a config with
-- mistakes stops the run before it starts, with every mistake said.

local engine = require "engine"
local config = require "config"

local M = {}
local Pool = {}
Pool.__index = Pool

-- new(opts) → a pool for the command line's options.
function M.new(opts)
  -- found: each folder's nearest config, as far as this run has looked (config.find)
  return setmetatable({ opts = opts, by_config = {}, failed = {}, order = {}, of_file = {}, found = {} },
                      Pool)
end

-- The engine of config file `path` (false: none) | nil, reason.
function Pool:engine(path)
  local key = path or ""
  local E = self.by_config[key]
  if E then return E end
  if self.failed[key] then return nil, self.failed[key] end
  local o = setmetatable({ config_file = path or false }, { __index = self.opts })
  local ok, got = pcall(engine.new, o)
  if not ok then
    self.failed[key] = tostring(got)
    return nil, self.failed[key]
  end
  self.by_config[key] = got
  self.order[#self.order + 1] = got
  return got
end

-- The engine of the working folder's config (or of --config): for
-- finding the files, loading the writer, and commands of no input.
function Pool:first()
  local path = config.for_input(nil, self.opts, self.found)
  return self:engine(path or false)
end

-- prepare(files) → nil | list of reasons: every file's engine built.
function Pool:prepare(files)
  local errors, said = {}, {}
  for _, f in ipairs(files) do
    local path = config.for_input(f, self.opts, self.found)
    local E, why = self:engine(path or false)
    if E then self.of_file[f] = E
    elseif not said[why] then said[why] = true; errors[#errors + 1] = why end
  end
  return #errors > 0 and errors or nil
end

-- get(file) → its engine: of its nearest config, else (that config has
-- mistakes, which prepare() says) the first one.
function Pool:get(file)
  local E = self.of_file[file]
  if E then return E end
  E = self:engine(config.for_input(file, self.opts, self.found) or false)
  if E then self.of_file[file] = E end
  return E or self:first()
end

-- describe() → what each engine used: {config=, packs=} in order of use.
function Pool:describe()
  local out, used = {}, {}
  for _, E in pairs(self.of_file) do used[E] = true end
  for _, E in ipairs(self.order) do
    if used[E] then out[#out + 1] = E:describe() end
  end
  return out
end

return M
