-- A batch: the files of one `check` as an evaluator has them — a folder
-- per agency, several years — read in two passes.
--
--   select   folders walked recursively; a file is taken when a reader
--            takes its extension and --include/--exclude let it; the
--            tool's own files (configs, expectation files, a baseline, the
--            archive) and a second copy of a file are skipped, each with
--            its reason, for the summary
--   survey   every file read and bound once; its agency key and year
--            indexed; its narrative signed (similar.lua); the report
--            stowed on disk for the check, which restores it unbound
--   pair     each report's year before found in the batch, else --previous,
--            else the archive (--db); copied narrative found between
--            agencies and against the year before
--   check    (the caller's loop, in worker processes with -j N) each report
--            completed with what was found, checked; findings in the
--            baseline or acknowledged by the agency set aside; what the
--            archive and the dashboard keep of it taken as plain data
--   record   (the caller, in the order of the files) that data stored:
--            the archive, the dashboard's rows, the baseline's fingerprints
--   finish   the baseline written when new; with -o FOLDER the dashboard
--            (index.html) and the sheet (agencies.csv, agencies.xlsx)
--
-- Pages of -o FOLDER mirror the input tree, so two agencies' files of one
-- name never collide.

local nbio = require "nianbao.io"
local nianbao = require "nianbao"
local sim = require "nianbao.similar"
local messages = require "messages"
local similar = require "similar"
local column = require "column"
-- the archive, the baseline and the rows of the dashboard are loaded when
-- a run asks for them (--db, --baseline or an acknowledgement, -o FOLDER)
local function archive() return require "archive" end
local function baseline() return require "baseline" end
local function rollup() return require "rollup" end
local workers = require "workers"
local marshal = require "marshal"
local Report = require "report"
local jobs = require "nianbao.jobs"

local M = {}
M.GC_PAUSE = 150           -- the collector's pause over a batch (percent of what is live)
M.PAIRS_GC_PAUSE = 110     -- and while the pairs are measured
-- Reading and checking a report leaves mostly garbage that dies young
-- beside a heap of formats and memos that lives as long as the batch: the
-- generational collector frees the one without walking the other each
-- cycle (1.5% fewer instructions a report). A full collection once the
-- heap has grown by half (not the default whole): 1,000 files peak at
-- 23 MB, not 32 (18 incremental), for the same instructions.
M.GC_MINOR, M.GC_MAJOR = 20, 50
-- Entering the generational mode is a full collection of the packs (some
-- 5 M instructions): a batch of fewer files than this stays incremental.
M.GC_YOUNG_FROM = 16
-- The growth allowed before a full collection is a share of the heap,
-- which a large batch's entries make large: past GC_ROOM (KB) of growth
-- the share is cut, so ten thousand files leave little more garbage
-- waiting than a thousand (peak 37 MB, not 43; at 3 MB the full
-- collections added, each walking the entries, cost 4% more instructions;
-- at 4 MB 0.5%).
M.GC_ROOM, M.GC_MAJOR_LEAST = 4 * 1024, 10
local function major_for(kb)
  local major = M.GC_MAJOR
  if kb * major > M.GC_ROOM * 100 then major = math.max(M.GC_MAJOR_LEAST, M.GC_ROOM * 100 // kb) end
  return major
end
M.major_for = major_for
local function young_first(self, n)
  if n >= M.GC_YOUNG_FROM then
    self.major = major_for(collectgarbage("count"))
    collectgarbage("generational", M.GC_MINOR, self.major)
  end
end
-- room(): the full collections' allowance fitted to the heap now, every
-- ROOM_EVERY files (only while the collector is generational)
local ROOM_EVERY = 64
local function room(self)
  local n = (self.since_room or 0) + 1
  self.since_room = n
  if n < ROOM_EVERY or not self.major then return end
  self.since_room = 0
  local major = major_for(collectgarbage("count"))
  if major ~= self.major then
    self.major = major
    collectgarbage("generational", M.GC_MINOR, major)
  end
end
-- A batch surveyed in this process keeps its first KEPT reports as bound
-- for their own check, which then restores none of them (a stow and a
-- restore cost some 250 K instructions a report; a report kept, some 40 KB
-- until its check). Checked first, they are let go first: a larger batch
-- holds no more of them than a batch of KEPT files, and stows the rest.
-- (256 saved 1% of a thousand reports' instructions, and cost 8% more CPU
-- time on PDF text: more held, more the collector and caches go through.)
M.KEPT = 64
local MAX_PEERS = 5        -- copies between agencies said on one report
local SPOOL_LEN_BITS = 28  -- a stowed report up to 256 MB; the spool up to 2^35 bytes
local Batch = {}
Batch.__index = Batch

--{=== choosing the files ===

-- Does glob g match path s? `*` and `?` stay within a folder, `**` spans
-- folders (`**/` also matches no folder at all).
local function glob_match(g, s)
  local function m(pi, si)
    while pi <= #g do
      local c = g:sub(pi, pi)
      if c == "*" and g:sub(pi + 1, pi + 1) == "*" then
        local rest = pi + 2
        local slash = g:sub(rest, rest) == "/"
        if slash then rest = rest + 1 end
        for k = si, #s + 1 do
          if (not slash or k == si or s:sub(k - 1, k - 1) == "/") and m(rest, k) then return true end
        end
        return false
      elseif c == "*" then
        for k = si, #s + 1 do
          if m(pi + 1, k) then return true end
          if s:sub(k, k) == "/" then break end
        end
        return false
      elseif c == "?" then
        if si > #s or s:sub(si, si) == "/" then return false end
        pi, si = pi + 1, si + 1
      else
        if s:sub(si, si) ~= c then return false end
        pi, si = pi + 1, si + 1
      end
    end
    return si > #s
  end
  return m(1, 1)
end
M.glob_match = glob_match

-- A glob without a slash is matched against the file's name as well.
local function matches(globs, rel)
  local name = rel:match("([^/]+)$") or rel
  for _, g in ipairs(globs or {}) do
    if glob_match(g, rel) or (not g:find("/", 1, true) and glob_match(g, name)) then return true end
  end
  return false
end

-- The tool's own files by name: what `check` of a corpus or an example
-- folder keeps beside the reports.
local OWN_NAMES = { "%.expected%.ya?ml$", "%.expect%.ya?ml$", "^%.nianbao%.ya?ml$" }
-- … and by content: a YAML map whose keys are all a config's, a baseline's
-- or an expectation file's.
local OWN_KEYS = { packs = true, rules = true, params = true, limits = true, baseline = true,
                   findings = true }

local function own_content(bytes)
  local ok, doc = pcall(nianbao.yaml.decode, bytes, "")
  if not ok or type(doc) ~= "table" then return false end
  local any = false
  for k in pairs(doc) do
    if not OWN_KEYS[k] then return false end
    any = true
  end
  return any
end

-- A file of the batch as select chose it is its path; one found in a
-- folder has in the column tree (by its place) the byte its name in the
-- tree starts at, a file named (on the command line, in --files-from)
-- none: its name in the tree is its file's name. (A table {path =, rel =}
-- a file found held some 150 bytes a file more.)
-- rel_of(B, i) → the name in the tree of the batch's file i
local function rel_of(self, i)
  local f, from = self.all[i], self.tree:get(i)
  if from then return f:sub(from) end
  return f:match("([^/]+)$") or f
end
M.rel_of = rel_of

-- select(E, args, opts) → files (their paths), skipped {path=, why=}, tree (as above)
function Batch:select(args)
  local E, opts, lang = self.E, self.opts, self.E.lang
  local known = E:extensions()
  local avoid = {}                  -- the archive and the baseline are never inputs
  for _, p in ipairs { opts.db, opts.baseline } do
    local kind, id = nbio.stat(p)
    if kind then avoid[id] = true end
  end
  local files, skipped, seen, tree = {}, {}, {}, column.new()
  local function skip(path, key, ...)
    skipped[#skipped + 1] = { path = path, why = messages.text(lang, key, ...) }
  end
  -- kind, id: what nbio.stat says of path, asked by the caller (a file
  -- named is stat'ed once, not once for its kind and again here)
  -- rel_from: where the name in the tree starts in path, for a file found in a folder
  local function walk(path, rel_from, named, kind, id)
    if not kind then id = nil end       -- (a failed stat's second value is its reason: no identity)
    if id and seen[id] then return end
    if kind == "directory" then
      seen[id] = true
      local names = nbio.listdir(path) or {}
      table.sort(names)
      local folder = path:gsub("/+$", "")
      for _, n in ipairs(names) do
        if n:sub(1, 1) ~= "." then
          local sub = folder .. "/" .. n
          walk(sub, rel_from or #folder + 2, false, nbio.stat(sub))
        end
      end
      return
    end
    if id then seen[id] = true end
    if named then
      files[#files + 1] = path
      return
    end
    if kind ~= "file" then return end
    local rel = path:sub(rel_from)
    local name = rel:match("([^/]+)$")
    if avoid[id] then return skip(path, "skip_own") end
    for _, pat in ipairs(OWN_NAMES) do
      if name:lower():find(pat) then return skip(path, "skip_own") end
    end
    if not known[(name:match("%.(%w+)$") or ""):lower()] then return skip(path, "skip_no_reader") end
    if opts.exclude and matches(opts.exclude, rel) then return skip(path, "skip_excluded") end
    if opts.include and not matches(opts.include, rel) then return skip(path, "skip_not_included") end
    files[#files + 1] = path
    tree:set(#files, rel_from)
  end
  for _, a in ipairs(args or {}) do
    local kind, id = nbio.stat(a)
    walk(a, nil, kind ~= "directory", kind, id)
  end
  return files, skipped, tree
end

--}===

--{=== progress on a terminal ===

local function duration(s)
  s = math.max(0, math.floor(s + 0.5))
  if s >= 3600 then return string.format("%d:%02d:%02d", s // 3600, s % 3600 // 60, s % 60) end
  return string.format("%d:%02d", s // 60, s % 60)
end

-- One line on stderr, rewritten in place: files done of all, rate, time
-- left. Only when stderr is a terminal; a pipe or a file gets nothing.
function Batch:tick(done)
  if not self.progress then return end
  local now = os.clock()
  if done < self.steps and now - (self.shown or -1) < 0.2 then return end
  self.shown = now
  local spent = now - self.started
  local rate = spent > 0 and done / spent or 0
  local left = rate > 0 and (self.steps - done) / rate or 0
  local text = messages.text(self.E.lang, "progress", math.min(done, self.steps) // 2, self.steps // 2,
                             rate / 2, duration(left))
  io.stderr:write("\r\27[K", text)
  io.stderr:flush()
  self.on_screen = true
  if done >= self.steps then io.stderr:write("\r\27[K"); self.progress, self.on_screen = false, false end
end

--}===

--{=== the survey's report, kept for the check ===

-- The survey binds every report; the check would bind it again. Instead
-- the survey's report is stowed as plain data in a spool on disk (memory
-- stays flat) and the check, and a neighbour's year, take it back: it is
-- the report a bind gives, restored in a fraction of a bind's time. A
-- report holding anything but plain data, its cells and its parts'
-- references to its format is not stowed: that one is bound again.

local reachable_of = setmetatable({}, { __mode = "k" })   -- F → tables reachable from it

-- The tables of a format and of its identity system: a report refers to
-- them, it does not own them (so they are never copied).
local function reachable(F, system)
  local set = reachable_of[F]
  if set then return set end
  set = marshal.reachable(F, system)
  reachable_of[F] = set
  return set
end

local math_type = math.type
local index_of = setmetatable({}, { __mode = "k" })      -- F → part → its number

-- part_index(F) → each part of the format by its number, made once a format
local function part_index(F)
  local index = index_of[F]
  if index then return index end
  index = {}
  for i, part in ipairs(F.parts or {}) do index[part] = i end
  index_of[F] = index
  return index
end

-- stow(Ef, R, pending[, spool]) → the bytes that restore them | nil; with
-- a spool, put there as they are made: their place and length | nil. The
-- report's tables are encoded where they are (marshal.encode_plain checks
-- them as it goes): a deep copy of each first cost as much again.
local report_mt       -- the reports' metatable, taken from the first report made here
local function stow(Ef, R, pending, spool)
  local F = Report.format_of(R)
  if not F or type(F.name) ~= "string" or Ef:pack(F.name).format ~= F then return nil end
  local P = Ef:pack(F.name)
  report_mt = report_mt or getmetatable(Report.new(F, nil))
  if getmetatable(R) ~= report_mt or type(R.sections) ~= "table" then return nil end
  local ext = reachable(F, P.system)
  local index = part_index(F)
  local seen = { [R] = true, [R.sections] = true }
  local fields, parts, sections, skip = {}, {}, {}, {}
  if getmetatable(R.sections) ~= nil or ext[R.sections] then return nil end
  for i, sec in next, R.sections do
    if math_type(i) ~= "integer" or type(sec) ~= "table" then return nil end
    if sec.part ~= nil then
      if not index[sec.part] then return nil end
      parts[i] = index[sec.part]
    end
    -- a section's part is the format's: kept as its number
    sections[i], skip[sec] = sec, "part"
  end
  for k, v in next, R do
    if k == "sections" or k == "c" then      -- above; below
    elseif type(k) ~= "string" then return nil
    elseif type(v) == "table" or type(v) == "string" or type(v) == "number" or type(v) == "boolean" then
      fields[k] = v
    else return nil end
  end
  fields.sections = sections
  if pending ~= nil and type(pending) ~= "table" then return nil end
  -- the cells set, each {id, state, value, text, line, col, offset}
  local c = R.c
  if type(c) ~= "userdata" then return nil end
  -- apart, as bytes by schema index: restore sets them with no id looked up
  -- (a format of another schema by then refuses them: that report is bound again)
  local cells = c:dump()
  local d = { format = F.name, fields = fields, parts = parts, pending = pending, cells = cells }
  if spool then return spool:put_plain(d, ext, seen, skip) end
  return marshal.encode_plain(d, ext, seen, skip)
end

-- restore(Ef, d) → report, pending as the survey's bind gave them (d:
-- what stow's bytes decode to)
local function restore(Ef, d)
  local F = Ef:pack(d.format).format
  local R = Report.restored(F, d.fields)
  for i, pi in next, d.parts do R.sections[i].part = F.parts[pi] end
  R.c:load(d.cells)
  return R, d.pending
end

--}===

--{=== the survey: every file read once ===

-- put(bytes) → their place in the spool and their length in one integer | nil
function Batch:put(bytes)
  if not bytes or not self.spool or #bytes >= 1 << SPOOL_LEN_BITS then return nil end
  local at = self.spool:put(bytes)
  if at and at < 1 << (63 - SPOOL_LEN_BITS) then return at << SPOOL_LEN_BITS | #bytes end
  return nil
end

-- place(at, len) → the place and length of bytes put in one integer, as
-- put gives it | nil when they do not fit in it
local function place(at, len)
  if not at or len >= 1 << SPOOL_LEN_BITS or at >= 1 << (63 - SPOOL_LEN_BITS) then return nil end
  return at << SPOOL_LEN_BITS | len
end

-- stowed(Ef, R, pending) → where stow put the report and its pending
-- readings in the spool, as put gives it | nil: its bytes never a string
function Batch:stowed(Ef, R, pending)
  if not self.spool then return nil end
  local okp, at, len = pcall(stow, Ef, R, pending, self.spool)
  return okp and place(at, len) or nil
end

-- spooled(x) → the bytes put at x
function Batch:spooled(x)
  return self.spool:get(x >> SPOOL_LEN_BITS, x & ((1 << SPOOL_LEN_BITS) - 1))
end

-- decoded(x) → marshal.decode of the bytes put at x, decoded as read
-- (no string made of them: a report's bytes were copied twice)
function Batch:decoded(x)
  return self.spool:decode(x >> SPOOL_LEN_BITS, x & ((1 << SPOOL_LEN_BITS) - 1))
end

-- found_at(e, within, from, to) → the passage within:sub(from, to) of a
-- pair handed as values (similar.each_pair's "span"), found in entry e's
-- narrative: where it is in the spool when the narrative waits there (a
-- number for spooled, read and said only if kept), else said now
function Batch:found_at(e, within, from, to)
  local told = self.told_at:get(e.index)
  if told then return ((told >> SPOOL_LEN_BITS) + from - 1) << SPOOL_LEN_BITS | (to - from + 1) end
  return similar.said_at(within, from, to)
end

-- found_in(e, m) → the same of measured pair m (similar.measure, whole)
function Batch:found_in(e, m)
  if rawget(m, "passage") == nil and m.within then return self:found_at(e, m.within, m.from, m.to) end
  return similar.said_of(m)
end

-- narrative(e) → the narrative of an entry of the batch | nil
-- (of its fields as they are: asked once a pair measured)
function Batch:narrative(e)
  local text = rawget(e, "text")
  if text then return text end
  local told = self.told_at and self.told_at:get(e.index)
  if told and self.spool then return self:spooled(told) end
  return nil
end

-- An entry keeps four fields as its own (a table of four slots, not
-- eight: 96 bytes less a file): its index, path, year and agency key; the
-- few of an archive, of --previous or of a file that failed more. The
-- rest it is asked for, of the batch's columns by its index (survey):
-- its agency and format (their numbers in a list of the names), its
-- report's place in the spool, where its narrative and its copies wait
-- there; of the index of agencies and years: its year before and after,
-- the report of its year the batch pairs in its place (same_as), and
-- where its year before came from (a year before of --previous or the
-- archive, and where it came from, are kept as its own).
-- (its own fields read raw: asked of an entry, an absent field asks again)
local FORMAT_BITS = 20            -- a name's number in the column: the agency's above the format's
local FORMAT_MASK = (1 << FORMAT_BITS) - 1
local function entry_fields(self)
  local names, named_at, index, unpaired = self.names, self.named_at, self.index, self.unpaired
  -- paired(e) → e's years of the index (the batch pairs it with its years) | nil
  local function paired(e)
    local key, year = rawget(e, "key"), rawget(e, "year")
    if key and year and not unpaired[e] then return index[key] end
    return nil
  end
  -- (a function a field asked: asked at every read, a chain of tests cost more)
  local ask = {
    agency = function(e)
      local x = named_at:get(e.index)
      return x and names[x >> FORMAT_BITS]
    end,
    format = function(e)
      local x = named_at:get(e.index)
      return x and names[x & FORMAT_MASK]
    end,
    stowed = function(e) return self.stowed_at:get(e.index) end,
    told = function(e) return self.told_at:get(e.index) end,
    copied = function(e) return self.copied_at:get(e.index) end,
    before = function(e)
      local years = paired(e)
      return years and years[e.year - 1]
    end,
    from = function(e)
      local years = paired(e)
      return years and (years[e.year - 1] and "batch" or "none")
    end,
    after = function(e)
      local years = paired(e)
      return years and years[e.year + 1]
    end,
    same_as = function(e)
      local years = paired(e)
      local first = years and years[e.year]
      if first ~= e then return first end
      return nil
    end,
  }
  return { __index = function(e, k)
    local f = ask[k]
    if f then return f(e) end
    return nil
  end }
end

-- The copies found of the reports, as the survey holds them while the
-- pairs are measured: a store in the core (similar.copies), each report
-- (by its place in the list of reports paired) a list of its closest
-- copies, the closest first: share, passage, length, other. other is the
-- peer's place, or 0 for the copy of the year before, that report as the
-- years' pass found it (e.before: a peer is another agency's). The year
-- before first, then the larger share, then the name first in the order
-- of the paths; only the MAX_PEERS + 1 closest are kept as they come (a
-- region's template makes a report the copy of hundreds). The passage may
-- wait in the spool as found, unsaid: where it is in a narrative put
-- there (an integer, as Batch:put gives); a passage said at once is kept
-- in a list of them, its number negated. Only the copies a report keeps
-- are said (settle_copies). 24 bytes a copy: a table of them a report
-- held some 440 bytes of ten thousand files' peak.
local Copies = {}
Copies.__index = Copies

-- copies_found(kept) → the store of the copies of the entries kept
-- (their paths placed in order once: the many copies alike in share are
-- told apart by two numbers, not two names)
local function copies_found(kept)
  local sorted = {}
  for i = 1, #kept do sorted[i] = i end
  table.sort(sorted, function(x, y) return kept[x].path < kept[y].path end)
  local ranks = table.move(sorted, 1, #sorted, 1, {})  -- sized as a list, then filled
  for n, i in ipairs(sorted) do
    local before = sorted[n - 1]
    -- one place for paths alike
    ranks[i] = before and not (kept[before].path < kept[i].path) and ranks[before] or n
  end
  return setmetatable({ store = sim.copies(ranks, MAX_PEERS + 1), said = {}, kept = kept }, Copies)
end

-- found.store:add(i, share, length, other) → where entry i (its place in
-- kept) keeps one more copy found of it, nil when it does not: other the
-- place of the entry it shares with, 0 for its year before. Its passage
-- is set by the caller (found:set), said only for a copy kept.

-- found:set(i, k, passage): the passage of entry i's copy k
function Copies:set(i, k, p)
  if math.type(p) ~= "integer" or p < 0 then
    local said = self.said
    said[#said + 1] = p
    p = -#said
  end
  self.store:set(i, k, p)
end

-- settle_copies(B, found, i, e) → entry e's copies (i its place in kept)
-- as the check reads them | nil for none. A report with more than MAX_PEERS
-- copies says the closest (as kept); one with fewer says them all, the
-- year before first and then in the order of the files. (More were found
-- exactly when more are kept: a count of them all, a table of every
-- entry, held 400 KB of ten thousand files' peak.)
local function settle_copies(self, found, i, e)
  local store, kept = found.store, found.kept
  local n = store:count(i)
  if n == 0 then return nil end
  local before = e.before
  local order, others = {}, {}
  for k = 1, n do
    local _, _, _, o = store:get(i, k)
    order[k], others[k] = k, o == 0 and before or kept[o]
  end
  if n <= MAX_PEERS then
    table.sort(order, function(x, y)
      local ox, oy = others[x], others[y]
      local px, py = ox == before, oy == before
      if px ~= py then return px end
      return (ox.index or 0) < (oy.index or 0)
    end)
  end
  local out = {}
  for n_out, k in ipairs(order) do
    local share, passage, length = store:get(i, k)
    local o = others[k]
    if passage < 0 then passage = found.said[-passage]
    else
      -- said for this report alone: a pair kept on with its passage said, until
      -- its other report's check, held thousands of passages in a large batch
      passage = similar.said(assert(self:spooled(passage)))
    end
    local c = { kind = "peer", file = o.path, agency = o.agency, year = o.year,
                share = share, passage = passage, length = length }
    if o == before then
      -- the year before as it is said: of --previous or the archive, its report's
      c.kind, c.file = "previous", o.path or o.R.path
      c.agency, c.year = o.R and o.R.agency or o.agency, o.R and o.R.year or o.year
    end
    out[n_out] = c
  end
  return out
end

-- bytes(path) → the bytes of a file of the batch | nil, reason. Standard
-- input ("-") is read once, before any worker starts (survey), and kept.
function Batch:bytes(path)
  local Ef = self.engine_of(path)
  if path == "-" then
    if not self.stdin then
      local bytes, err = Ef:stdin()
      self.stdin = { bytes = bytes, err = err }
    end
    return self.stdin.bytes, self.stdin.err
  end
  local bytes, err, code = nbio.readfile(path, Ef.max_bytes)
  if bytes then return bytes end
  if code == "EFBIG" or tostring(err):find("limit") then
    return nil, messages.text(Ef.lang, "too_large", Ef.max_bytes // 1048576)
  end
  return nil, messages.text(Ef.lang, "cannot_open", messages.os_error(Ef.lang, err, code))
end

-- One file of the survey (i its place in all), as plain data (it may be worked out in a worker
-- process): {error=} | {sum=, own=true} | {sum=, error=} |
-- {sum=, not_report=true} | {sum=, agency=, year=, key=, format=,
-- text=, sig=, blob=}, with digest= as well for an archive. The report
-- itself is not kept in memory: blob is it as plain data, put in the
-- spool, so a batch of any size holds one report at a time.
function Batch:survey_one(i)
  local E, lang = self.E, self.E.lang
  local path, named = self.all[i], self.tree:get(i) == nil
  local Ef = self.engine_of(path)
  local s = {}
  local bytes, err = self:bytes(path)
  if not bytes then
    s.error = err
    return s
  end
  -- the digest (a byte a step) only for the archive, which keeps it: the
  -- batch tells files apart by the sum, and two of one sum by their digest
  s.sum = jobs.sum(bytes)
  if self.archive then s.digest = sim.digest(bytes) end
  local ext = (path:match("%.(%w+)$") or ""):lower()
  if not named and (ext == "yaml" or ext == "yml") and own_content(bytes) then
    s.own = true
    return s
  end
  -- the base format compiled before the reader runs, as the bind asks for
  -- it anyway (a little cheaper than in between; a failure is the bind's
  -- to say); an empty file needs none
  if #bytes > 0 then pcall(Ef.pack, Ef, Ef.base) end
  local ok, R, why = pcall(Ef.bind_bytes, Ef, bytes, path)
  if not ok then
    s.error = messages.text(lang, "internal", tostring(R))
  elseif not R then
    if why == messages.text(lang, "not_report") and not named then s.not_report = true
    else s.error = why end
  else
    if self.bound and self.bound_left > 0 then
      -- the report itself, to the survey in this process (never plain data):
      -- stowed once the years are paired, if a neighbour's year
      s.R, s.pending = R, why
      self.bound_left = self.bound_left - 1
    elseif self.stow_here then
      s.stowed = self:stowed(Ef, R, why)
    elseif self.spool then
      local okp, blob = pcall(stow, Ef, R, why)
      s.blob = okp and blob or nil
    end
    s.agency, s.year, s.format = R.agency, R.year, R.format
    s.key = Ef:issuer_key(R.agency)
    if R.format ~= "legacy" then
      s.text = similar.narrative(E:pack(E.base).format, R)
      -- (signed only to find pairs: a file alone has none)
      if #self.all > 1 then s.sig = similar.signature(s.text) end
    end
  end
  return s
end

-- measure_years(kept, F, found): each report's narrative against its year
-- before's, the copy found added to the report's (found:add). Each
-- agency's years are walked in order, so a narrative of the batch is read
-- and cut in shingles once for its own year and the year after, not once
-- a comparison; at most the cut narratives of two years are held.
function Batch:measure_years(kept, F, found)
  -- is e the year before of a report of the batch (the first of its year, with a year after)?
  -- asked of the index, not kept in a set: ten thousand files' peak
  local index = self.index
  local function is_before(e)
    local years = index[e.key]
    return years[e.year] == e and years[e.year + 1] ~= nil
  end
  local order = {}                  -- places in kept
  for i, e in ipairs(kept) do
    if e.before or is_before(e) then order[#order + 1] = i end
  end
  table.sort(order, function(i, j)
    local x, y = kept[i], kept[j]
    if x.key ~= y.key then return x.key < y.key end
    if x.year ~= y.year then return x.year < y.year end
    return x.index < y.index
  end)
  local held, held_key = {}, nil    -- entry → its narrative {text =, shingled =}, of one agency
  local function let_go(t)
    if t.shingled then sim.release(t.shingled) end
  end
  for _, i in ipairs(order) do
    local e = kept[i]
    if e.key ~= held_key then
      for _, t in pairs(held) do let_go(t) end
      held, held_key = {}, e.key
    end
    for x, t in pairs(held) do
      if x.year < e.year - 1 then let_go(t); held[x] = nil end
    end
    local b, prev = e.before, nil
    if e.from == "batch" then prev = held[b] or { text = self:narrative(b) }
    elseif b then
      prev = { text = b.narrative or (b.R and b.R.format ~= "legacy" and similar.narrative(F, b.R)) or nil }
    end
    local mine
    local ahead = is_before(e)
    if (prev and prev.text) or ahead then
      mine = { text = self:narrative(e) }
      if mine.text and mine.text ~= "" then mine.shingled = sim.shingled(mine.text, similar.K) end
    end
    if prev and prev.text and mine.text then
      local m = similar.measure(prev, mine, true)
      if m then
        -- the passage, said only if the report keeps it, waits where it is found
        local k = found.store:add(i, m.share, m.length, 0)
        if k then found:set(i, k, self:found_in(e, m)) end
      end
    end
    if mine then
      if ahead then held[e] = mine else let_go(mine) end
    end
  end
  for _, t in pairs(held) do let_go(t) end
end

function Batch:survey(njobs)
  young_first(self, #self.all)
  -- path → {report, pending} of the first KEPT files, bound here (not in a
  -- worker); a single file is always surveyed here, and its check then
  -- binds it no more. A small batch keeps all its reports so.
  local here = self.spool and (njobs or 1) <= 1
  self.small = #self.all == 1 or here and #self.all <= M.KEPT
  self.bound_left = #self.all == 1 and 1 or here and M.KEPT or 0
  if self.bound_left > 0 then self.bound = {} end
  local E, lang = self.E, self.E.lang
  local entries, kept = {}, {}
  -- the files of the same bytes, while the files are read: by_sum a sum's
  -- first file's path (true once a second came and all of that sum are in
  -- by_digest, by the digest of their bytes read again: the same file
  -- under two names, or nearly never two others); let go before the pairs
  -- are measured (a table a file)
  self.same = { by_sum = {}, by_digest = {} }
  local function digest_of(path)
    local bytes = self:bytes(path)
    return bytes and sim.digest(bytes)
  end
  -- first_of(path, s) → the path of an earlier file of the same bytes | nil
  local function first_of(path, s)
    local by_sum, by_digest = self.same.by_sum, self.same.by_digest
    local held = by_sum[s.sum]
    if held == nil then return nil end
    if held ~= true then
      local d = digest_of(held)
      if d then by_digest[d] = held end
      by_sum[s.sum] = true
    end
    s.digest = s.digest or digest_of(path)
    return s.digest and by_digest[s.digest]
  end
  local function hold(path, s)
    local by_sum, by_digest = self.same.by_sum, self.same.by_digest
    if by_sum[s.sum] == nil then by_sum[s.sum] = path
    elseif s.digest then by_digest[s.digest] = path end
  end
  self.told_at, self.copied_at = column.new(), column.new()
  self.stowed_at, self.named_at = column.new(), column.new()
  -- the agencies' and formats' names, each once: name → its number in the list
  self.names = {}
  -- the entries of an agency key and a year the batch does not pair: of no format, or legacy
  self.unpaired = {}
  local number_of = {}
  local function numbered(name)
    if name == nil then return 0 end
    local n = number_of[name]
    if not n then
      n = #self.names + 1
      self.names[n], number_of[name] = name, n
    end
    return n
  end
  local fields = entry_fields(self)
  local spool_sigs = #self.all > similar.SEEN_MAX
  -- each entry's signature, by its place in entries: past SEEN_MAX its
  -- place in the spool, in a column (a signature the spool did not take
  -- kept apart); a table keyed by the entries held 40 bytes a file
  local sig_at, sig_left = spool_sigs and column.new() or {}, {}
  local function take(i, s)
    local path = self.all[i]
    local first = s.sum and first_of(path, s)
    if first then
      self.skipped[#self.skipped + 1] = { path = path, why = messages.text(lang, "skip_duplicate", first) }
    elseif s.own then
      self.skipped[#self.skipped + 1] = { path = path, why = messages.text(lang, "skip_own") }
    elseif s.not_report then
      hold(path, s)
      self.skipped[#self.skipped + 1] = { path = path, why = messages.text(lang, "skip_not_report") }
    else
      local sig, stowed, told
      if s.sum then
        hold(path, s)
        if not s.error then
          -- apart until the pairs are measured: an entry of sixteen fields
          -- at most takes half the memory of one of seventeen
          -- in the spool as well past SEEN_MAX files (256 bytes a file):
          -- read back a band at a time
          sig = s.sig and spool_sigs and self:put(s.sig) or s.sig
          -- its place in the spool and its length in one integer: one field more an entry
          stowed = s.stowed or self:put(s.blob)
          if s.R then self.bound[path] = { s.R, s.pending } end
          -- the narrative waits in the spool too: read back for a pair measured
          told = s.text and s.text ~= "" and self:put(s.text) or nil
        end
      end
      -- an entry's name in the tree and whether it was named stay in
      -- self.tree; the file's digest is the archive's alone. Made whole at
      -- once: grown a field at a time, each entry left four smaller
      -- tables' worth of holes among the batch's lasting memory.
      local e = setmetatable({ index = i, path = path, year = s.year, key = s.key }, fields)
      if not told and s.text then e.text = s.text end
      local format = numbered(s.format)
      assert(format < 1 << FORMAT_BITS, "too many formats")
      local named = numbered(s.agency) << FORMAT_BITS | format
      if named > 0 then self.named_at:set(i, named) end
      if stowed and stowed > 0 then self.stowed_at:set(i, stowed) end
      if s.key and s.year and (s.format == nil or s.format == "legacy") then self.unpaired[e] = true end
      if self.archive then e.digest = s.digest end
      if s.error then e.error = s.error end
      if told then self.told_at:set(i, told) end
      local n = #entries + 1
      entries[n] = e
      if not spool_sigs then sig_at[n] = sig
      elseif math.type(sig) == "integer" then sig_at:set(n, sig)
      else sig_left[n] = sig end
      self.by_path[path] = e
    end
    room(self)
    self:tick(i)
  end
  -- every file's engine, and standard input, taken here: a worker has
  -- them as this process had them when it started (one file forks none,
  -- and loads only the pack its format needs)
  local loaded, forks = {}, (njobs or 1) > 1 and #self.all > 1
  for _, f in ipairs(self.all) do
    local path = f
    local Ef = self.engine_of(path)
    if forks and not loaded[Ef] then loaded[Ef] = true; Ef:prepare() end
    if path == "-" then self:bytes("-") end
  end
  -- surveyed in this process, a report is put in the spool as it is stowed;
  -- a worker's comes as bytes
  self.stow_here = not forks and self.spool ~= nil
  workers.run(#self.all, njobs or 1, function(i) return self:survey_one(i) end, take,
              function(_, reason, kind) return { error = workers.why(lang, reason, kind) } end)
  self.stow_here, self.bound_left = nil, nil
  self.same = nil
  self.entries = entries
  -- the index of agencies and years: the first report of each
  -- the signatures of the kept entries, in their order (as sig_at)
  local sigs, sigs_left = spool_sigs and column.new() or {}, {}
  for n, e in ipairs(entries) do
    if e.format and e.key and e.year and e.format ~= "legacy" then
      self.index[e.key] = self.index[e.key] or {}
      -- a second report of an agency's year is that one's same_as
      if not self.index[e.key][e.year] then self.index[e.key][e.year] = e end
      kept[#kept + 1] = e
      if not spool_sigs then sigs[#kept] = sig_at[n]
      elseif sig_at:get(n) then sigs:set(#kept, sig_at:get(n))
      else sigs_left[#kept] = sig_left[n] end
    end
  end
  sig_at, sig_left = nil, nil
  -- sig(i) → the signature of kept entry i: a string, or its place in the spool
  local function sig(i)
    if spool_sigs then return sigs:get(i) or sigs_left[i] end
    return sigs[i]
  end
  -- the years around each report: the batch, else --previous, else the archive
  local related = (self.opts.previous and #self.opts.previous > 0) and E:related() or {}
  for _, e in ipairs(kept) do
    local years = self.index[e.key]
    local before, after = years[e.year - 1], years[e.year + 1]
    -- (a year before of the batch, and from "batch" and "none", are asked of the index)
    if not before then
      local r = related[e.key] and related[e.key][e.year - 1]
      if r and r.R.path ~= e.path then e.before, e.from = r, "previous"
      elseif self.archive then
        local a = self.archive:find(E:pack(e.format).format, e.key, e.year - 1, e.digest)
        if a then e.before, e.from = a, "archive" end
      end
    end
    -- a small batch's year before or after, kept as bound, is stowed now,
    -- before any check: restored as it was read for the report beside it
    -- (the year after only for a report with readings left open)
    local mine = self.bound and self.bound[e.path]
    local open = not mine or (mine[2] and #mine[2] > 0)
    for _, x in ipairs { before or false, open and after or false } do
      local k = x and self.bound and not x.stowed and self.bound[x.path]
      if k then
        x.stowed = self:stowed(self.engine_of(x.path), k[1], k[2])
        -- not plain: bound afresh, for its own check too
        if not x.stowed then self.bound[x.path] = nil end
      end
    end
    -- the year after of the batch is asked of the index
    if not after then
      local r = related[e.key] and related[e.key][e.year + 1]
      if r and r.R.path ~= e.path then e.after = r end
    end
  end
  -- narrative copied from the year before and shared between agencies:
  -- measuring reads narratives back by the thousand and keeps little of
  -- them: the collector starts from what is live and runs close behind
  -- (a small batch's few pairs are not worth the two full collections)
  if #kept >= M.GC_YOUNG_FROM and not self.small then
    collectgarbage()
    collectgarbage("incremental", M.PAIRS_GC_PAUSE)
    self.major = nil
  end
  local found = copies_found(kept)
  local store = found.store
  -- the base format only once some report was bound: an empty check compiles none
  self:measure_years(kept, #kept > 0 and E:pack(E.base).format or nil, found)
  local listed = self.opts.output
  -- the pairs added to the store in the core, where the found function
  -- below does no more than that: no pair listed, every narrative in the
  -- spool, and no entry the raw year before of another (a year before of
  -- --previous or the archive is never an entry)
  local sink = not listed and #kept <= similar.SEEN_MAX and { store = store, told = {}, shift = SPOOL_LEN_BITS }
  for n, e in ipairs(sink and kept or {}) do
    local told = self.told_at:get(e.index)
    if not told or getmetatable(rawget(e, "before")) == fields then sink = nil; break end
    sink.told[n] = told
  end
  -- (an agency's own years are the years' pass's: not a pair here)
  similar.each_pair(kept, function(x) return self:narrative(x) end, function(a, b, share, length, within, from, to, i, j)
    -- a passage is said (cut) only for a pair listed, or kept when the
    -- copies are settled: the pair holds where it is in a narrative
    local passage
    if listed then
      passage = similar.said_at(within, from, to)
      -- only the dashboard (of -o FOLDER) lists them: some ten a report
      self.copies[#self.copies + 1] = { share = share, length = length, a = a, b = b, passage = passage }
    end
    -- (the year before read raw: absent, asking for it called the entry's fields' function)
    local at_a = store:add(i, share, length, b == rawget(a, "before") and 0 or j)
    local at_b = store:add(j, share, length, a == rawget(b, "before") and 0 or i)
    if at_a or at_b then
      passage = passage or self:found_at(b, within, from, to)
      if at_a then found:set(i, at_a, passage) end
      if at_b then found:set(j, at_b, passage) end
    end
  end, not spool_sigs and sigs or setmetatable({}, { __index = function(_, i)
    local x = sig(i)
    if math.type(x) == "integer" then return self:spooled(x) end
    return x
  end }), "span", spool_sigs and function(i, from, to)
    local x = sig(i)
    if math.type(x) == "integer" then
      return self.spool:get((x >> SPOOL_LEN_BITS) + from - 1, to - from + 1)
    end
    return x and x:sub(from, to)
  end or nil, true, sink or nil)
  sigs = nil
  table.sort(self.copies, similar.in_order)
  young_first(self, #kept)
  -- what the check needs no more: the signatures, and the narrative
  -- unless the archive keeps it (memory stays flat over many files)
  -- a larger batch's copies wait in the store, settled at their report's
  -- check: settled now, the check's views of them would live as long as
  -- the batch, and put in the spool, each was encoded and decoded (a tenth
  -- of the spool's cost). A small batch keeps the few it settles now.
  local later = not self.small
  local at = 1                      -- the entries kept are among them, in order
  for _, e in ipairs(entries) do
    if not self.archive and not self.told_at:get(e.index) then e.text = nil end
    if kept[at] == e then
      -- (its place in kept, never a field of the entry: one field too many)
      if not later then e.copies = settle_copies(self, found, at, e)
      elseif store:count(at) > 0 then self.copied_at:set(e.index, at) end
      at = at + 1
    end
  end
  if later then self.found_copies = found else store:free() end
end

--}===

--{=== the check loop's side ===

-- new(E, opts[, args[, njobs[, engine_of]]]) → batch, with the files
-- chosen and surveyed (by njobs worker processes, default 1): args
-- (default opts.files) are files and folders; engine_of(path) the engine
-- of a file's own config (default E). Raises a usage error (text) for an
-- archive or baseline that cannot be opened.
function M.new(E, opts, args, njobs, engine_of)
  local self = setmetatable({ E = E, engine_of = engine_of or function() return E end, opts = opts,
                              by_path = {}, index = {}, skipped = {}, copies = {},
                              rows = {}, fingerprints = {}, baselined = 0, acknowledged = {},
                              pages = {}, neighbours = {}, keep_rows = true }, Batch)
  if opts.db then
    local a, err = archive().open(opts.db)
    if not a then
      local dir = opts.db:match("^(.*)/[^/]*$")
      if dir and dir ~= "" and nbio.stat(dir) ~= "directory" then   -- SQLite only says "unable to open"
        err = messages.text(E.lang, "no_such_folder", dir)
      end
      error(messages.text(E.lang, "cannot_open_db", opts.db, err), 0)
    end
    self.archive = a
  end
  if opts.baseline then
    local b, err = baseline().load(opts.baseline)
    if not b then error(err, 0) end
    self.baseline = b
  end
  self.all, self.skipped, self.tree = self:select(args or opts.files)
  -- where the survey's reports wait for the check (none: each is bound again)
  if #self.all > 1 then self.spool = jobs.spool() end
  self.steps = 2 * #self.all
  self.progress = #self.all > 1 and nbio.isatty(2) and not opts.quiet
  self.to_screen = not opts.output and nbio.isatty(1)
  self.started = os.clock()
  self:survey(njobs)
  -- the paths of the reports, in order: a view of the entries (a list of
  -- them held 16 bytes a file and room for as many again)
  local entries = self.entries
  self.files = setmetatable({}, { __index = function(_, i) local e = entries[i]; return e and e.path end,
                                  __len = function() return #entries end })
  self.done = #self.all
  return self
end

-- prepare(njobs): before the check forks its njobs workers, each file's
-- engine loads the packs of the formats the survey found, so no worker
-- loads one again (nor one no report is of).
function Batch:prepare(njobs)
  if (njobs or 1) <= 1 or #self.files <= 1 then return end
  local formats_of = {}            -- engine → set of format names
  for _, path in ipairs(self.files) do
    local Ef, e = self.engine_of(path), self.by_path[path]
    formats_of[Ef] = formats_of[Ef] or {}
    if e and e.format then formats_of[Ef][e.format] = true end
  end
  for _, path in ipairs(self.files) do
    local Ef = self.engine_of(path)
    if formats_of[Ef] then Ef:prepare(formats_of[Ef]); formats_of[Ef] = nil end
  end
end

-- advance(): one more file checked, for the progress line (in the order
-- the files are written); findings printed on the same terminal start on
-- a line of their own.
function Batch:advance()
  self.done = self.done + 1
  room(self)
  self:tick(self.done)
  if self.on_screen and self.to_screen then
    io.stderr:write("\r\27[K")
    self.on_screen = false
  end
end

-- bind(path[, own]) → a report of the batch as the survey bound it (for
-- its own check, own, the one the survey kept; else restored from the
-- spool, else bound afresh), and its pending readings | nil, reason
function Batch:bind(path, own)
  local kept = own and self.bound and self.bound[path]
  if kept then
    -- taken once: a neighbour's year is restored, as it was read
    self.bound[path] = nil
    return kept[1], kept[2]
  end
  local e = self.by_path[path]
  if e and e.stowed and self.spool then
    local okd, d = pcall(self.decoded, self, e.stowed)
    if okd and d then
      local ok, R, pending = pcall(restore, self.engine_of(path), d)
      if ok and R then return R, pending end
    end
  end
  local bytes, err = self:bytes(path)
  if not bytes then return nil, err end
  return self.engine_of(path):bind_bytes(bytes, path)
end

-- The year before or after a report, as the years' pass takes it
-- ({R=, pending=}): of the archive or --previous as found, of the batch
-- bound again (the last few kept: a folder's years come together). It is
-- never the report a check completes, so every report sees its
-- neighbours as they were read, whatever order the files are checked in.
local NEIGHBOURS_KEPT = 8
function Batch:neighbour(x)
  if not x or x.R then return x end
  local kept = self.neighbours
  for i, k in ipairs(kept) do
    if k.path == x.path then
      table.remove(kept, i)
      table.insert(kept, 1, k)
      return k.value
    end
  end
  local R, pending = self:bind(x.path)
  local value = R and { R = R, pending = pending, path = x.path } or nil
  table.insert(kept, 1, { path = x.path, value = value })
  if #kept > NEIGHBOURS_KEPT then kept[#kept] = nil end
  return value
end

-- copies_of(e) → the copies found of an entry: settled now when they
-- wait in the store, else as the survey settled them
function Batch:copies_of(e)
  local at = self.copied_at and self.copied_at:get(e.index)
  if at then return settle_copies(self, self.found_copies, at, e) or {} end
  return e.copies or {}
end

-- read(path) → the report, complete and frozen | nil, reason. Says
-- nothing: it may run in a worker process.
function Batch:read(path)
  room(self)
  local e = self.by_path[path]
  if not e then return self.engine_of(path):read(path) end
  if e.error then return nil, e.error end
  local R, pending = self:bind(path, true)
  if not R then return nil, pending end
  -- the year after only decides readings of glued digits still open: a
  -- report with none is not restored for it
  local before = self:neighbour(e.before)
  local after = pending and #pending > 0 and self:neighbour(e.after) or nil
  return self.engine_of(path):complete(R, pending, { before = before, after = after,
                                       from = e.from, copies = self:copies_of(e) })
end

-- filter(path, R, list) → the findings to report: those of the baseline
-- and those the agency acknowledged are set aside; and what record counts
-- of them (plain data: filter may run in a worker process).
function Batch:filter(path, R, list)
  local out, fps = {}, {}
  local side = { acknowledged = {}, baselined = 0, fingerprints = {}, fps = fps }
  -- fingerprints are for a baseline and the archive alone, and so is the
  -- agency's key they are made of (looked up, it cost 0.7% of a check)
  local printed = self.baseline ~= nil or self.archive ~= nil
  local key = printed and R and self.E:issuer_key(R.agency)
  -- the report's own list, read once (through its view), not once a finding
  local acknowledging = R and R.acknowledged ~= nil
  local bl = (printed or acknowledging) and baseline()
  for _, f in ipairs(list) do
    local fp = printed and bl.fingerprint(f, key or (R and R.source) or path, R and R.year) or nil
    local why = acknowledging and bl.acknowledged(R, f)
    if why then
      side.acknowledged[#side.acknowledged + 1] = { path = path, rule = f.rule, reason = why }
    elseif self.baseline and self.baseline.exists and self.baseline.set[fp] then
      side.baselined = side.baselined + 1
    else
      out[#out + 1] = f
      fps[#fps + 1] = fp
    end
    if self.baseline then
      side.fingerprints[#side.fingerprints + 1] = { fingerprint = fp, rule = f.rule, file = path,
                                                    agency = R and R.agency, year = R and R.year,
                                                    message = f.message }
    end
  end
  return out, side
end

-- page(path, ext) → the page of -o FOLDER for input path, mirroring the
-- input tree: FOLDER/agency/2024/report.html. Unique in this run.
function Batch:page(path, ext)
  local e = self.by_path[path]
  local rel = e and rel_of(self, e.index) or path:match("([^/]+)$") or "report"
  local parts = {}
  for p in rel:gmatch("[^/]+") do
    if p ~= "." and p ~= ".." then parts[#parts + 1] = (p:gsub("^%.+", "_"):gsub("[%c\\]", "_")) end
  end
  if #parts == 0 then parts[1] = "report" end
  local stem = parts[#parts]:gsub("%.[^.]*$", "")
  parts[#parts] = stem ~= "" and stem or "report"
  local base = table.concat(parts, "/")
  local name, k = base .. "." .. ext, 1
  while self.pages[name] do
    k = k + 1
    name = base .. "-" .. k .. "." .. ext
  end
  self.pages[name] = true
  return name
end

-- keep(path, R, list, status) → what the archive and the dashboard keep
-- of one checked report, as plain data (keep may run in a worker process).
function Batch:keep(path, R, list, status)
  local e = self.by_path[path] or { path = path }
  local E = self.E
  local kept = {}
  -- the row is the dashboard's and the sheet's alone
  if self.keep_rows then
    kept.row = rollup().row(E, R, list, { path = path, status = status, key = e.key,
                                          from = e.from, before = e.before })
  end
  if self.archive then
    kept.archive = archive().entry(R, list, E:pack(R and R.format or E.base).format,
                                 { digest = e.digest, narrative = self:narrative(e), path = path, key = e.key })
  end
  return kept
end

-- record(path, side, kept, page): in the order of the files, what filter
-- counted (side, nil for a file not checked) and keep took (kept) stored:
-- the baseline's fingerprints, the archive, the dashboard's row.
function Batch:record(path, side, kept, page)
  local e = self.by_path[path] or { path = path }
  if side then
    for _, a in ipairs(side.acknowledged) do self.acknowledged[#self.acknowledged + 1] = a end
    self.baselined = self.baselined + side.baselined
    if self.baseline and not self.baseline.exists then    -- a new baseline is written of them
      for _, fp in ipairs(side.fingerprints) do self.fingerprints[#self.fingerprints + 1] = fp end
    end
  end
  if self.archive and kept.archive then
    local a = kept.archive
    a.previous, a.fingerprints = e.before and e.before.id, side and side.fps
    local ok, id = pcall(self.archive.put, self.archive, a)
    if ok then e.id = id
    else io.stderr:write("nianbao: ", messages.text(self.E.lang, "cannot_write", self.opts.db, tostring(id)), "\n") end
  end
  if kept.row then
    kept.row.page = page
    self.rows[#self.rows + 1] = kept.row
  end
end

-- finish(totals, out_dir): the summary's lists; the baseline when new;
-- the dashboard and the sheet beside the pages of -o FOLDER.
function Batch:finish(totals, out_dir)
  local lang = self.E.lang
  if self.on_screen then io.stderr:write("\r\27[K"); self.on_screen = false end
  totals.skipped = self.skipped
  totals.baselined = self.baselined
  totals.acknowledged = #self.acknowledged
  if self.archive then self.archive:close() end
  if self.spool then self.spool:close(); self.spool = nil end
  if self.found_copies then self.found_copies.store:free(); self.found_copies = nil end
  self.bound = nil
  if self.baseline and not self.baseline.exists then
    local f, err = nbio.tempfile(self.opts.baseline)
    if not f then error(messages.text(lang, "cannot_write", self.opts.baseline, err), 0) end
    f:write(baseline().encode(self.fingerprints))
    local ok, cerr = nbio.commit(f, self.opts.baseline)
    if not ok then error(messages.text(lang, "cannot_write", self.opts.baseline, cerr), 0) end
  end
  if out_dir then
    local F = self.E:pack(self.E.base).format
    rollup().write_sheet(F, self.rows, out_dir .. "/agencies", lang)
    require("dashboard").write(F, self.rows, { skipped = self.skipped, copies = self.copies, lang = lang,
                                               totals = totals }, out_dir .. "/index.html")
  end
end

--}===

return M
