-- The engine: the packs, readers and limits of one run, loaded once; then
-- for each file the pipeline in one direction:
--   decode → read → bind (with the format that fits) → years → check
-- (scripts/pipeline/). The engine itself holds no fact of a format.

local nianbao = require "nianbao"
local nbio = require "nianbao.io"
local packs = require "packs"
local Report = require "report"
local messages = require "messages"
local decode = require "pipeline.decode"
local read = require "pipeline.read"
local sandbox_limits = require "nianbao.sandbox"
local config = require "config"

-- A stage required at its first use: a run whose files are never bound
-- (empty, not text) needs neither the binder nor the checker.
local function lazy(name)
  return setmetatable({}, { __index = function(_, k) return require(name)[k] end })
end
local agency = lazy "agency"
local bind = lazy "pipeline.bind"
local years = lazy "pipeline.years"
local checking = lazy "pipeline.check"
local twins = lazy "twins"

local Engine = {}
Engine.__index = Engine
local M = {}

-- The collector runs from here on. Start-up (main.c) runs without it: what
-- it builds, the modules and the engine, lives as long as the process, and
-- each cycle meanwhile walked all of it again (some 1 M instructions of
-- every start). It starts again once a quarter of what the heap holds has
-- been allocated, as after a pack's build (packs.lua). Before a script of
-- the user's is loaded (a pack, a reader) it runs as it always did: else
-- its garbage would go only in the full collections Lua makes when the
-- script's memory limit is reached.
function M.collector_on()
  if collectgarbage("isrunning") then return end
  collectgarbage("restart")
  collectgarbage("step", -(collectgarbage("count") // 4))
end

--{=== loading ===

-- The rules a config may name: id → {schema=, defaults=} (the kinds of
-- their parameters), from every format's built pack that has them.
local function rules_for_config(set, wanted)
  local out = {}
  for id in pairs(set:rule_ids()) do out[id] = {} end
  for _, fname in ipairs(set.formats) do
    local need = fname == set.base
    for id in pairs(wanted) do
      if out[id] and not out[id].built then need = true end
    end
    if need then
      for id, r in pairs(set:pack(fname).rule_by_id) do
        if out[id] and not out[id].built then
          out[id] = { schema = r.schema, defaults = r.defaults, built = true }
        end
      end
    end
  end
  return out
end

-- --select / --ignore: each a list of "id,id…" → the patterns (an id, an
-- id's prefix up to a dot, or "prefix.*"), every one naming some rule.
local function rule_patterns(values, flag, ids, lang)
  local out = {}
  for _, v in ipairs(values or {}) do
    for p in tostring(v):gmatch("[^,%s]+") do
      local prefix = p:gsub("%.%*$", ""):gsub("%.$", "")
      local any = ids[p] ~= nil
      for id in pairs(ids) do
        any = any or id:sub(1, #prefix + 1) == prefix .. "."
      end
      if not any then
        local near = require("suggest").best(p, require("suggest").keys(ids))
        error(messages.text(lang, "select_unknown", flag, p,
                            near and messages.text(lang, "did_you_mean", near) or ""), 0)
      end
      out[#out + 1] = prefix
    end
  end
  return out
end

function M.new(opts)
  local home = opts.home
  -- The limits of every script call (and, scaled by input size, of every
  -- reader call): the command line's, else the config's, else the defaults.
  -- A config may only lower them (one found in a folder of reports must not
  -- lift them), and no value turns a limit off. → limits {instructions=,
  -- memory= (bytes), seconds=}, the largest input in bytes.
  local DEFAULT_LIMITS = { instructions = 20000000, memory_mb = 256, max_size_mb = 64, seconds = 10 }
  local MAX_LIMITS = { instructions = 1 << 50, memory_mb = 1 << 20, max_size_mb = 1 << 20 }
  local function limits_of(opts, conf, lang)
    local lim = type(conf.limits) == "table" and conf.limits or {}
    local function value(name, flag)
      local v, n = opts[name], nil
      if v ~= nil then
        n = math.tointeger(tonumber(v))
        if not n or n <= 0 then error(messages.text(lang, "bad_limit", flag), 0) end
        return math.min(n, MAX_LIMITS[name])
      end
      v = lim[name]
      if v == nil then return DEFAULT_LIMITS[name] end
      n = math.tointeger(tonumber(v))
      if not n or n <= 0 then error(string.format("%s: limits: %s", conf.path, messages.text(lang, "bad_limit", name)), 0) end
      return math.min(n, DEFAULT_LIMITS[name])
    end
    local instructions = value("instructions", "--instructions")
    local memory_mb = value("memory_mb", "--memory-mb")
    local max_size_mb = value("max_size_mb", "--max-size-mb")
    -- the time of a call grows with a budget raised on the command line
    local seconds = DEFAULT_LIMITS.seconds * math.max(1, instructions / DEFAULT_LIMITS.instructions)
    if lim.seconds ~= nil then
      local s = tonumber(lim.seconds)
      if not s or not (s > 0) then error(string.format("%s: limits: %s", conf.path, messages.text(lang, "bad_limit", "seconds")), 0) end
      seconds = math.min(s, seconds)
    end
    return { instructions = instructions, memory = memory_mb * 1048576, seconds = seconds },
           max_size_mb * 1048576
  end
  local self = setmetatable({ opts = opts, home = home, lang = opts.lang or "zh" }, Engine)
  -- the config: the one the caller chose for its inputs (false: none),
  -- else the nearest to the working folder; checked against its schema
  local conf_path = opts.config_file
  if conf_path == nil then conf_path = config.for_input(nil, opts) end
  local conf, conf_errors = {}, {}
  if conf_path then
    local c, errors = config.read(conf_path, self.lang, home)
    if not c then error(config.text(errors), 0) end
    conf, conf_errors = c, errors
  end
  self.config = conf
  -- user packs: the config's (national names there only say "keep it"), then --rules
  local dirs = {}
  for _, d in ipairs(conf.pack_dirs or {}) do dirs[#dirs + 1] = d end
  for _, d in ipairs(opts.rules or {}) do dirs[#dirs + 1] = d end
  -- a pack named twice (config and --rules) is loaded once
  local seen, unique = {}, {}
  for _, d in ipairs(dirs) do
    local key = d:gsub("/+$", "")
    if not seen[key] then seen[key] = true; unique[#unique + 1] = d end
  end
  self.limits, self.max_bytes = limits_of(opts, conf, self.lang)
  sandbox_limits.configure { seconds = self.limits.seconds }
  decode.pdf_limits = { seconds = 6 * self.limits.seconds, max_bytes = self.max_bytes,
                        memory_mb = math.max(1024, self.limits.memory // 1048576 * 4) }
  conf.select, conf.ignore = nil, nil
  if #unique > 0 then M.collector_on() end
  self.packs = packs.load(home, unique, conf, self.limits)
  -- (every format's rule ids, only for the patterns that must each name some)
  local ids = (opts.select or opts.ignore) and self.packs:rule_ids()
  conf.select = opts.select and rule_patterns(opts.select, "--select", ids, self.lang) or nil
  conf.ignore = opts.ignore and rule_patterns(opts.ignore, "--ignore", ids, self.lang) or nil
  self.base = self.packs.base
  if conf.path then
    local wanted = {}
    for id in pairs(conf.params or {}) do wanted[id] = true end
    local rules = rules_for_config(self.packs, wanted)
    local errors = config.check_ids(conf, rules, self.packs:pack(self.base).format, self.lang)
    for _, e in ipairs(errors) do conf_errors[#conf_errors + 1] = e end
    if #conf_errors > 0 then error(config.text(conf_errors), 0) end
    -- the parameters as checked (dates as MM-DD) in the rules built so far
    -- (a pack whose rules are not loaded yet takes them when they are)
    for _, P in pairs(self.packs.formats_built or {}) do
      local by_id = rawget(P, "rule_by_id") or {}
      for id, given in pairs(conf.params or {}) do
        local r = by_id[id]
        if r then for k, v in pairs(given) do r.params[k] = v end end
      end
    end
  end
  local forced = opts.reader and opts.reader:find("%.lua$") and opts.reader or nil
  if forced then M.collector_on() end
  self.readers, self.reader_by_name = read.load(home, forced, self.limits)
  return self
end

-- What the summary says of this engine: the config file (or nil) and the
-- packs, each "name" or "name (folder)" for a user pack.
function Engine:describe()
  local list = {}
  for _, f in ipairs(self.packs.formats) do list[#list + 1] = f end
  for _, d in ipairs(self.packs.user) do list[#list + 1] = d.name .. " (" .. d.dir .. ")" end
  return { config = self.config.path, packs = list }
end

-- The pack (format, rules, identities) of a format name; "legacy" and
-- unknown names are checked with the base. Its rules are loaded when
-- first asked for: a file that is never bound needs the format alone.
-- (asked several times a report, for the issuer's key and the checks: each
-- name's pack kept once found, as the set keeps each pack once built)
function Engine:pack(name)
  local kept = self.pack_of_name
  if not kept then kept = {}; self.pack_of_name = kept end
  local P = name ~= nil and kept[name]
  if P then return P end
  for _, f in ipairs(self.packs.formats) do
    if f == name then P = self.packs:pack(name, true); break end
  end
  P = P or self.packs:pack(self.base, true)
  if name ~= nil then kept[name] = P end
  return P
end

-- The other formats' signatures, as seen from format `name`.
function Engine:others(name)
  local out = {}
  for _, f in ipairs(self.packs.formats) do
    if f ~= name then
      local sig = self.packs:signature(f)
      if #sig > 0 then out[#out + 1] = { name = f, signature = sig } end
    end
  end
  return out
end

-- Load now what a batch would load at its first file (the base pack that
-- binds every report, the reports of other years), and the packs of
-- `formats` (a set of names, as the survey found them): before -j N forks
-- its workers, so each starts with them and none loads them again. Another
-- format's pack (gb2019's, some 60 M instructions) is loaded only when
-- some report is of it, in the worker that first meets one.
function Engine:prepare(formats)
  for _, name in ipairs { "pipeline.bind", "pipeline.years", "pipeline.check" } do require(name) end
  self.packs:pack(self.base)
  for _, f in ipairs(self.packs.formats) do
    if formats and formats[f] then self.packs:pack(f) end
  end
  if self.opts.previous and #self.opts.previous > 0 then self:related() end
end

--}===

--{=== reading ===

-- The name of a document file a text names (a page's link to its report as a
-- file: "…年度报告.pdf"), or nil.
local DOCUMENT_FILE = { pdf = true, doc = true, docx = true, wps = true, ofd = true, xls = true, xlsx = true,
                        zip = true, rar = true }
local function linked_file(blocks)
  for _, b in ipairs(blocks) do
    local text = type(b) == "table" and b.text
    text = type(text) == "string" and text or ""
    -- each dot once, the name read back from it over at most 240 bytes: linear in the text
    local at = text:find(".", 1, true)
    while at do
      local ext = text:match("^(%a%a%a?%a?)%f[^%w]", at + 1)
      if ext and DOCUMENT_FILE[ext:lower()] then
        local name = text:sub(math.max(1, at - 240), at - 1):match("([^%s\"'<>/\\|:]+)$")
        -- (after a full-width colon; not from inside a character the cut took)
        if name then return (name:gsub("^.*\xEF\xBC\x9A", ""):gsub("^[\x80-\xBF]+", "")) .. "." .. ext end
      end
      at = text:find(".", at + 1, true)
    end
  end
end

-- bind_text(text, path) → report, pending | nil, reason
function Engine:bind_text(text, path)
  local forced = self.opts.reader
  local reader, rerr = read.pick(self.readers, self.reader_by_name, forced, path, text, self.lang)
  if not reader then return nil, rerr end
  local doc, why = read.run(reader, text, path, self.limits, self.lang)
  if not doc then
    -- YAML that does not parse: said in words a clerk understands
    local ok, err = nianbao.yaml.decode(text, path)
    if reader.name == "yaml" and ok == nil then why = require("yamlerr").text(err, text, self.lang) end
    return nil, why
  end
  if doc.canonical then          -- the canonical YAML: cells named by id, no labels to bind
    local P = self:pack(type(doc.canonical.format) == "string" and doc.canonical.format or self.base)
    local R, pending = bind.bind_canonical(P.format, doc.canonical, type(doc.lines) == "table" and doc.lines or {}, path)
    if R then R.reader = reader.name end
    return R, pending
  end
  if type(doc.blocks) ~= "table" then
    return nil, messages.text(self.lang, "reader_failed", reader.name, "no blocks")
  end
  local P = self:pack(self.base)
  local R, pending = bind.bind(P.format, P.system, doc, path, self:others(P.name))
  R.reader = reader.name
  -- labels of another format: bind with its grid too, keep what fits better
  local best
  for name in pairs(R.signatures) do
    if not best or #R.signatures[name] > #R.signatures[best] then best = name end
  end
  if best and R.format ~= "legacy" then
    local P2 = self:pack(best)
    local R2, pending2 = bind.bind(P2.format, P2.system, doc, path, self:others(best))
    if bind.fit(R2) > bind.fit(R) then R, pending = R2, pending2; R.reader = reader.name end
  end
  -- a cell printed with two numbers (a revised value beside its old one): the sums say which, or
  -- unknown; before a digit's tail is doubted, which a twin's sum broken would blame on its neighbour
  -- (the tails it asked on the way, when it set no cell, are the text's to doubt)
  local tails = R.format ~= "legacy" and twins.resolve(R, self:pack(R.format).system, reader.loose_digits) or nil
  if reader.loose_digits and R.format ~= "legacy" then bind.doubt_tails(R, self:pack(R.format).system, doc.blocks, tails) end
  -- a table's anchor word alone (a note that mentions 表二) is not a table: a cell must be read
  -- (looked for only in a report with no part that carries a table: most have several;
  -- a part found by its words alone, "二、主动公开情况", may head another kind of report's)
  -- (a report's first cells are read at once: the walk stops there)
  -- (titled: a part that carries a table found by its title; its table's
  -- place held: a part of it that only points to its table, or holds
  -- nothing, where a picture or an attachment of the table may have stood:
  -- the binder's mark)
  local reads_as_report, titled, place_held = R.format == "legacy", false, false
  for _, s in ipairs(R.sections) do
    if s.variant ~= "words" and (s.part and s.part.table) ~= nil then
      titled, place_held = true, place_held or s.points_away == true
    end
  end
  if not reads_as_report then
    local c = R.c
    for _, id in ipairs(Report.format_of(R).cells) do
      if c:state(id) ~= "missing" then reads_as_report = true; break end
    end
  end
  if not reads_as_report then
    local F = P.format
    local says, other, plain = false, false, F.labels.simplify(text)
    for _, w in ipairs(F.report_words) do says = says or plain:find(w, 1, true) ~= nil end
    -- parts of prose alone are this format's unless the text names itself another report
    -- (a hospital's 信息公开工作年度报告), even under this format's own titles copied
    -- (二、主动公开政府信息情况 over a hospital's lists, and no table), unless a
    -- table's place is held (a department's tables as pictures: read, and said)
    for _, w in ipairs(F.decl.other_reports or {}) do other = other or plain:find(w, 1, true) ~= nil end
    if not says and (other and not place_held or not titled and (other or #R.sections <= 1)) then
      return nil, messages.text(self.lang, "not_report")
    end
    -- it calls itself a report, yet holds no part and no table: most often a page that
    -- links the report as a file, or shows it as images; six parts "missing" would say less
    if says and #R.sections <= 1 then
      local file = linked_file(doc.blocks)
      return nil, file and messages.text(self.lang, "report_in_file", file) or messages.text(self.lang, "report_body_missing")
    end
  end
  return R, pending
end

-- Standard input ("-"), read once for the whole run.
function Engine:stdin()
  if M.stdin_read then return nil, messages.text(self.lang, "stdin_twice") end
  M.stdin_read = true
  local bytes = io.stdin:read(self.max_bytes + 1) or ""
  if #bytes > self.max_bytes then return nil, messages.text(self.lang, "too_large", self.max_bytes // 1048576) end
  return bytes
end

-- The name standing for "-": --stdin-filename, else <stdin>.
function Engine:stdin_name()
  return self.opts.stdin_filename or messages.text(self.lang, "stdin_name")
end

-- bind_file(path) → report, pending | nil, reason. "-" is standard input.
function Engine:bind_file(path)
  if path == "-" then
    local bytes, serr = self:stdin()
    if not bytes then return nil, serr end
    return self:bind_bytes(bytes, path)
  end
  local bytes, err, code = nbio.readfile(path, self.max_bytes)
  if not bytes then
    if code == "EFBIG" then return nil, messages.text(self.lang, "too_large", self.max_bytes // 1048576) end
    return nil, messages.text(self.lang, "cannot_open", messages.os_error(self.lang, err, code))
  end
  return self:bind_bytes(bytes, path)
end

-- The first line of each page of pdftotext's text (pages end in a form feed).
local function page_starts(text)
  local starts, line = { 1 }, 1
  for i = 1, #text do
    local c = text:byte(i)
    if c == 10 then line = line + 1
    elseif c == 12 and i < #text then starts[#starts + 1] = line end
  end
  return starts
end

-- bind_bytes(bytes, path) → report, pending | nil, reason
function Engine:bind_bytes(bytes, path)
  local pages
  local was_pdf = decode.is_pdf(bytes)
  local inner, err = decode.binary(bytes, path, self.lang)
  if not inner then return nil, err end
  bytes = inner
  if was_pdf then pages = page_starts(bytes) end
  local text, why = decode.text(bytes, self.lang)
  if not text then return nil, why end
  local R, pending = self:bind_text(text, path == "-" and self:stdin_name() or path)
  if R and pages then R.pages = pages end
  return R, pending
end

-- Reports of the same issuer are found by its agency key (agency.lua).
function Engine:issuer_key(name)
  return agency.key(self:pack(self.base).format, name)
end

-- read(path) → report (complete, frozen) | nil, reason
function Engine:read(path)
  local R, pending = self:bind_file(path)
  if not R then return nil, pending end
  return self:complete(R, pending)
end

-- The binder's last pass (the years around), then the report is frozen.
-- found (from a batch, batch.lua): {before=, after=, from=, copies=}, the
-- neighbours it found in the batch, the archive or --previous.
function Engine:complete(R, pending, found)
  local previous = self.opts.previous
  if found then
    if found.before or found.after then
      local P = self:pack(R.format)
      years.resolve(P.format, P.system, R, pending or {}, { before = found.before, after = found.after })
    end
    R.previous_from = found.from
    R.copies = found.copies
  elseif previous and #previous > 0 and R.year then
    local list = self:related()[self:issuer_key(R.agency) or ""] or {}
    local before, after = list[R.year - 1], list[R.year + 1]
    if before and before.R.path == R.path then before = nil end
    if after and after.R.path == R.path then after = nil end
    if before or after then
      local P = self:pack(R.format)
      years.resolve(P.format, P.system, R, pending, { before = before, after = after })
    end
  end
  Report.freeze(R)
  return R
end

--}===

-- The extensions of the files read, as a set: the readers' own, and those
-- the decoding stage turns into a reader's text (an OFD's pages, words placed
-- on a page as a PDF converter's are)
function Engine:extensions()
  local known = {}
  for _, r in ipairs(self.readers) do
    for _, e in ipairs(r.extensions or {}) do known[e] = true end
  end
  for _, e in ipairs(decode.extensions) do known[e] = true end
  return known
end

--{=== other years ===

-- FILE|DIR arguments → files, in order; folders are walked, sorted, for
-- the files some reader takes by extension. A named file is always read.
--
-- Each folder and each file is taken once, however many names or links
-- lead to it (a link back to a folder above ends there). In folders only
-- regular files count: a FIFO or a device there is passed over.
function Engine:files(args)
  local known = self:extensions()
  local files, seen = {}, {}
  local function walk(path, top)
    local kind, id = nbio.stat(path)
    if id and seen[id] then return end
    if kind == "directory" then
      seen[id] = true
      local names = nbio.listdir(path) or {}
      table.sort(names)
      for _, n in ipairs(names) do
        if n:sub(1, 1) ~= "." then walk(path:gsub("/+$", "") .. "/" .. n, false) end
      end
    elseif top or (kind == "file" and known[(path:match("%.(%w+)$") or ""):lower()]) then
      if id then seen[id] = true end
      files[#files + 1] = path
    end
  end
  for _, a in ipairs(args or {}) do walk(a, true) end
  return files
end

-- The reports of other years (--previous FILE|DIR), bound once and
-- indexed by issuer and year: {R=, pending=}.
function Engine:related()
  if self.related_index then return self.related_index end
  local idx = {}
  self.related_index = idx
  for _, path in ipairs(self:files(self.opts.previous)) do
    local R, pending = self:bind_file(path)
    local key = R and self:issuer_key(R.agency)
    if key and R.year then
      Report.freeze(R)
      idx[key] = idx[key] or {}
      idx[key][R.year] = idx[key][R.year] or { R = R, pending = pending }
    end
  end
  return idx
end

--}===

-- check(R) → findings (C list), sorted by place; the checker's own
-- failures (nianbao.internal findings, a list apart).
function Engine:check(R)
  return checking.check(self:pack(R.format), R, { lang = self.lang, instructions = self.limits.instructions,
                                                  memory = self.limits.memory })
end

return M
