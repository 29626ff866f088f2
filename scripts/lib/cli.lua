-- The commands: check, extract, rules, run. main(opts) returns the exit
-- status: 0 no errors, 1 errors found, 2 usage or input that cannot be read.

local nianbao = require "nianbao"
local nbio = require "nianbao.io"
local engine = require "engine"
local json = require "json"
local messages = require "messages"
local write = require "pipeline.write"
local formatlib = require "format"
local workers = require "workers"

local M = {}

-- s as a terminal shows it safely: a byte that is not UTF-8, a control
-- character (C0, DEL, C1) becomes \xHH; line breaks stay when `lines`.
local function printable(s, lines)
  s = tostring(s)
  local out, i, n = {}, 1, #s
  while i <= n do
    local c = s:byte(i)
    local len = c < 0x80 and 1 or c >= 0xC2 and c <= 0xDF and 2 or c >= 0xE0 and c <= 0xEF and 3
                or c >= 0xF0 and c <= 0xF4 and 4 or 0
    local ch = len > 0 and s:sub(i, i + len - 1)
    if ch and len > 1 and not utf8.len(ch) then ch = nil end
    if ch and (len == 1 and (c < 0x20 or c == 0x7F) and not (lines and (ch == "\n" or ch == "\t"))
               or len == 2 and c == 0xC2 and s:byte(i + 1) < 0xA0) then
      ch = nil                                -- a control character
      for k = i, i + len - 1 do out[#out + 1] = string.format("\\x%02X", s:byte(k)) end
      i = i + len
    elseif ch then
      out[#out + 1] = ch
      i = i + len
    else
      out[#out + 1] = string.format("\\x%02X", c)
      i = i + 1
    end
  end
  return table.concat(out)
end

local function say(fmt, ...)
  io.stderr:write("nianbao: ", printable(string.format(fmt, ...), true), "\n")
end

local function new_engine(opts)
  local ok, E = pcall(engine.new, opts)
  if not ok then
    say("%s", tostring(E))
    return nil
  end
  return E
end

-- -o FILE: written to a new temporary file beside it (created
-- exclusively), renamed over FILE only when every write, the flush, the
-- sync and the close succeeded, so a failed run, a full disk or a signal
-- never leaves half a file, nor a temporary one. → out (with :write,
-- raising on failure), finish(ok).
local function output(opts, lang)
  local target = opts.output
  if not target then
    return { write = function(_, s)
      local ok, err = io.stdout:write(s)
      if not ok then error(messages.text(lang, "cannot_write", "stdout", err), 0) end
    end, flush = function() io.stdout:flush() end }, function() end
  end
  local f, err = nbio.tempfile(target)
  if not f then error(messages.text(lang, "cannot_write", target, err), 0) end
  local out = {}
  function out.write(_, s)
    local ok, werr = f:write(s)
    if not ok then
      f:close()                  -- discards the temporary file
      error(messages.text(lang, "cannot_write", target, werr), 0)
    end
  end
  function out.flush() end
  return out, function(ok)
    if io.type(f) ~= "file" then return end
    if not ok then f:close(); return end
    local done, cerr = nbio.commit(f, target)
    if not done then error(messages.text(lang, "cannot_write", target, cerr), 0) end
  end
end

--{=== commands ===

local commands = {}

-- The FILE|DIR arguments of --files-from FILE|- (one a line), after those
-- of the command line. → list | nil, reason
local function files_from(opts, lang)
  local args = {}
  for _, a in ipairs(opts.files) do args[#args + 1] = a end
  for _, list in ipairs(opts.files_from or {}) do
    local text, err
    if list == "-" then text = io.stdin:read("a") else text, err = nbio.readfile(list) end
    if not text then return nil, messages.text(lang, "cannot_read_list", list, tostring(err)) end
    for line in text:gmatch("[^\n]+") do
      line = line:gsub("\r$", "")
      if line ~= "" then args[#args + 1] = line end
    end
  end
  return args
end

function commands.check(opts)
  -- a batch's garbage is a report's worth at a time: collected before the
  -- heap grows by half again, so memory stays near what is live
  collectgarbage("incremental", 150)
  local E = new_engine(opts)
  if not E then return 2 end
  local args, aerr = files_from(opts, E.lang)
  if not args then say("%s", aerr); return 2 end
  local njobs, jerr = workers.jobs(opts.jobs, E.lang)
  if not njobs then say("%s", jerr); return 2 end
  -- the batch: files chosen and surveyed, years paired, copies found (batch.lua)
  if njobs > 1 then E:prepare() end    -- what every worker would load: loaded once, here
  local okb, B = pcall(require("batch").new, E, opts, args, njobs)
  if not okb then say("%s", tostring(B)); return 2 end
  local files = B.files
  if #files == 0 then
    say("%s", messages.text(E.lang, "no_files"))
    if #B.skipped > 0 then
      io.stderr:write(messages.text(E.lang, "skipped_n", #B.skipped), "\n")
      for _, sk in ipairs(B.skipped) do
        io.stderr:write("  ", printable(messages.text(E.lang, "skipped_line", sk.path, sk.why)), "\n")
      end
    end
    return 2
  end
  local W = write.load(E.home, opts.format or "text", E:pack(E.base).format, E.limits)
  -- a writer of whole pages writes one file per report: -o names a folder
  local per_file = W.per_file and (#files > 1 or (opts.output and nbio.stat(opts.output) == "directory"))
  if per_file and not opts.output then
    say("--format %s writes one page per report: give a folder with -o", opts.format)
    return 2
  end
  local out, finish
  if per_file then
    os.execute("mkdir -p '" .. opts.output:gsub("'", "'\\''") .. "'")
    out, finish = { write = function() end, flush = function() end }, function() end
  else
    out, finish = output(opts, E.lang)
  end
  local totals = { files = 0, error = 0, warning = 0, info = 0, unreadable = 0 }
  local color = not opts.output and nbio.isatty(1)
  local failed, records, pages = false, {}, {}
  -- the review pages get the dashboard and the sheet: of a row per report
  local review = per_file and not W.untrusted and W.extension == "html"
  B.keep_rows = review
  -- the pages' names depend on the order of the files: named here, in order
  if per_file then
    for i, path in ipairs(files) do pages[i] = B:page(path, W.extension) end
  end
  -- a report's text: its page (-o FOLDER), or kept for deliver to write
  local function place(i, text, res)
    if not per_file then res.text = text; return end
    local name = pages[i]
    res.page = name
    if name:find("/", 1, true) then
      os.execute("mkdir -p '" .. (opts.output .. "/" .. name:match("^(.*)/")):gsub("'", "'\\''") .. "'")
    end
    local page_out, page_finish = output({ output = opts.output .. "/" .. name }, E.lang)
    local okw, perr = pcall(page_out.write, page_out, text)
    if okw then okw, perr = pcall(page_finish, true) else page_finish(false) end
    if not okw then res.notes[#res.notes + 1] = perr; res.failed = true end
  end
  -- one file: read, checked, written → its result as plain data (made in a
  -- worker with -j N); what it says to the user is said in deliver, in order
  local function one(i)
    local path = files[i]
    -- one file's failure, even a bug of ours, must not stop the batch
    local ok, R, why = pcall(B.read, B, path)
    if not ok then R, why = nil, messages.text(E.lang, "internal", tostring(R)) end
    local list, status, side
    if R then
      local okc, found = pcall(E.check, E, R)
      if okc then list = found:list() else
        list = { { rule = "nianbao.internal", severity = "error", cells = {},
                   message = messages.text(E.lang, "internal", tostring(found)) } }
      end
      status = "checked"
      list, side = B:filter(path, R, list)
    else
      status = "unreadable"
      list = { { rule = "nianbao.unreadable", severity = "error", message = why, cells = {} } }
    end
    local res = { status = status, error = 0, warning = 0, info = 0, notes = {}, side = side }
    for _, f in ipairs(list) do res[f.severity] = res[f.severity] + 1 end
    local text, werr, record = write.run(W, list, R, { file = printable(path), status = status, lang = E.lang,
                                                     mode = "check", color = color, first = i == 1 },
                                         E.limits)
    res.record = record
    if not text then
      -- a writer that fails on one report loses that report's text, not the batch
      res.notes[#res.notes + 1] = messages.text(E.lang, "writer_failed", path, werr)
      res.failed = true
    else
      place(i, text, res)
    end
    res.kept = B:keep(path, R, list, status)
    return res
  end
  local function deliver(i, res)
    B:advance()
    totals.files = totals.files + 1
    if res.status == "checked" then
      for _, sev in ipairs { "error", "warning", "info" } do totals[sev] = totals[sev] + res[sev] end
    else
      totals.unreadable = totals.unreadable + 1
    end
    for _, note in ipairs(res.notes) do say("%s", note) end
    if res.failed then failed = true end
    if res.record ~= nil then records[#records + 1] = res.record end
    if res.text then
      local ok, perr = pcall(out.write, out, res.text)
      if not ok then finish(false); error(perr, 0) end
      out:flush()
    end
    B:record(files[i], res.side, res.kept, res.page)
  end
  -- a worker that died, or a bug of ours around a file: that file's result
  local function lost(i, reason, kind)
    local msg = workers.why(E.lang, reason, kind)
    local list = { { rule = "nianbao.internal", severity = "error", message = msg, cells = {} } }
    local res = { status = "unreadable", error = 1, warning = 0, info = 0, notes = {} }
    local text, werr, record = write.run(W, list, nil, { file = printable(files[i]), status = "unreadable",
                                                       lang = E.lang, mode = "check", color = color,
                                                       first = i == 1 }, E.limits)
    res.record = record
    if not text then res.notes[1], res.failed = messages.text(E.lang, "writer_failed", files[i], werr), true
    else place(i, text, res) end
    res.kept = B:keep(files[i], nil, list, "unreadable")
    return res
  end
  workers.run(#files, njobs, one, deliver, lost)
  -- beside the review pages: the dashboard and the sheet
  local okf, ferr = pcall(B.finish, B, totals, review and opts.output or nil)
  if not okf then say("%s", tostring(ferr)); failed = true end
  local tail, serr = write.summary(W, totals, { lang = E.lang, mode = "check", color = color }, E.limits, records)
  if not tail then
    say("%s", messages.text(E.lang, "writer_failed", "Summary", serr))
    tail, failed = "", true
  end
  if per_file and tail == "" then     -- pages in a folder: the summary (and what was skipped) on stdout
    io.stdout:write(write.summary(write.load(E.home, "text", E:pack(E.base).format, E.limits), totals,
                                  { lang = E.lang, mode = "check" }, E.limits) or "")
  end
  local ok, perr = pcall(out.write, out, tail)
  if ok then ok, perr = pcall(finish, true) else finish(false) end
  if not ok then error(perr, 0) end
  if totals.unreadable > 0 or failed then return 2 end
  return totals.error > 0 and 1 or 0
end

-- One report through one writer: extract (the report as read) and render
-- (the publishable report) differ only in the writer's mode.
local function one_report(opts, mode, default_format)
  local E = new_engine(opts)
  if not E then return 2 end
  if #opts.files ~= 1 then
    say("%s takes one file", opts.command)
    return 2
  end
  local path = opts.files[1]
  local R, why = E:read(path)
  if not R then
    say("%s: %s", path, why)
    return 2
  end
  local W = write.load(E.home, opts.format or default_format, E:pack(E.base).format, E.limits)
  local text, werr = write.run(W, {}, R, { file = printable(path), status = "checked", lang = E.lang, mode = mode },
                               E.limits)
  if not text then error(messages.text(E.lang, "writer_failed", path, werr), 0) end
  local out, finish = output(opts, E.lang)
  local ok, err = pcall(out.write, out, text)
  if ok then ok, err = pcall(finish, true) else finish(false) end
  if not ok then error(err, 0) end
  return 0
end

-- sum FILE|DIR...: the reports' tables added into one report, the
-- identities checked on the sum; --sheet FILE.xlsx the per-agency sheet.
function commands.sum(opts)
  local E = new_engine(opts)
  if not E then return 2 end
  return require("sum").run(E, opts, { output = output, say = say })
end

function commands.extract(opts)
  return one_report(opts, "extract", "yaml")
end

-- render FILE --format html|markdown: the publishable report.
function commands.render(opts)
  return one_report(opts, "render", "html")
end

function commands.new(opts)
  local E = new_engine(opts)
  if not E then return 2 end
  local year = math.tointeger(tonumber(opts.year))
  local P = E:pack(E.base)
  local F = P.format
  local kinds = {}
  for _, k in ipairs(F.issuers) do kinds[#kinds + 1] = k.kind end
  if not year or not opts.agency then
    say("new needs --year YEAR and --agency NAME (and may take --kind %s)", table.concat(kinds, "|"))
    return 2
  end
  -- the issuer kind: as given, else as the format classifies the agency's name
  local kind = opts.kind or formatlib.issuer(F, opts.agency)
  if not F.issuer_by_kind[kind] or kind == F.unknown_issuer.kind then
    say("--kind is %s", table.concat(kinds, ", "))
    return 2
  end
  local out, finish = output(opts, E.lang)
  local ok, err = pcall(out.write, out, require("authoring").new(F, year, opts.agency, kind))
  if ok then ok, err = pcall(finish, true) else finish(false) end
  if not ok then error(err, 0) end
  return 0
end

-- fill FILE.yaml: the derived totals written into the blanks; what the
-- author filled differently is kept and reported, never overwritten.
function commands.fill(opts)
  local E = new_engine(opts)
  if not E then return 2 end
  local path = opts.files[1]
  if #opts.files ~= 1 then
    say("fill takes one YAML file")
    return 2
  end
  local text, err = nbio.readfile(path, E.max_bytes)
  if not text then
    say("%s: %s", path, err)
    return 2
  end
  local new, filled, differ = require("authoring").fill(text, E:pack(E.base), path)
  if not new then
    say("%s", filled)
    return 2
  end
  if opts.in_place then opts.output = path end
  local out, finish = output(opts, E.lang)
  local ok, werr = pcall(out.write, out, new)
  if ok then ok, werr = pcall(finish, true) else finish(false) end
  if not ok then error(werr, 0) end
  for _, d in ipairs(differ) do
    io.stderr:write(messages.text(E.lang, "fill_differs", path, d.id, tostring(d.found), tostring(d.expected)), "\n")
  end
  io.stderr:write(messages.text(E.lang, "fill_done", path, #filled), "\n")
  return #differ > 0 and 1 or 0
end

function commands.rules(opts)
  local E = new_engine(opts)
  if not E then return 2 end
  local lang = E.lang
  local set = E.packs
  -- the packs: where from, what they extend, what they replace or leave out
  local function describe(d)
    local note = d.extends and messages.text(lang, "pack_extends", d.extends) or ""
    io.stdout:write(string.format("# %-8s %s%s\n", d.name, d.dir, note))
  end
  describe(set.packs[set.base])
  for _, name in ipairs(set.order) do
    if name ~= set.base then describe(set.packs[name]) end
  end
  for _, d in ipairs(set.user) do describe(d) end
  local said = {}
  for _, fname in ipairs(set.formats) do
    local P = E:pack(fname)
    for _, r in ipairs(P.rules) do
      if r.replaces and not said[r.path] then
        said[r.path] = true
        io.stdout:write("# " .. messages.text(lang, "pack_replaces", r.pack, r.path, r.replaces) .. "\n")
      end
    end
    for _, lo in ipairs(P.left_out) do
      io.stdout:write("# " .. messages.text(lang, "pack_left_out", fname, lo.id, lo.why) .. "\n")
    end
  end
  -- what could not be loaded: listed, and the exit status says so
  local broken, seen = {}, {}
  for _, fname in ipairs(set.formats) do
    for _, b in ipairs(E:pack(fname).broken) do
      local line = b.id and messages.text(lang, "rule_broken", b.id, b.why)
                   or messages.text(lang, "pack_broken", b.pack, b.why)
      if not seen[line] then seen[line] = true; broken[#broken + 1] = line end
    end
  end
  for _, line in ipairs(broken) do io.stdout:write("# " .. printable(line) .. "\n") end
  local shown = {}
  for _, fname in ipairs(set.formats) do
    local P = E:pack(fname)
    for _, r in ipairs(P.rules) do
      local key = r.id .. "@" .. r.path
      if not shown[key] then
        shown[key] = true
        local msg = r.message[lang] or r.message.zh
        local ident = r.identity and ("  [" .. r.identity:gsub("%s+", " "):gsub("^ ", ""):gsub(" $", "") .. "]") or ""
        io.stdout:write(string.format("%-34s %-8s %s%s\n", r.id, r.enabled and r.severity or "off",
                                      msg, ident))
      end
    end
  end
  if #broken > 0 then
    say("%s", messages.text(lang, "broken_listed"))
    return 2
  end
  return 0
end

-- The nianbao module as shell scripts see it: the C model plus the engine.
local function script_api(E)
  local api = setmetatable({}, { __index = nianbao })
  function api.read(path)
    return E:read(path)
  end
  function api.check(path_or_report)
    local R, why = path_or_report, nil
    if type(R) == "string" then R, why = E:read(R) end
    if not R then return nil, why end
    return E:check(R):list(), R
  end
  function api.extract(path)
    local R, why = E:read(path)
    if not R then return nil, why end
    return R:canonical()
  end
  function api.files(...)
    return E:files({ ... })
  end
  -- every rule of every format, once
  api.rules = {}
  local seen = {}
  for _, fname in ipairs(E.packs.formats) do
    for _, r in ipairs(E:pack(fname).rules) do
      if not seen[r] then seen[r] = true; api.rules[#api.rules + 1] = r end
    end
  end
  api.json = json
  api.engine = E
  return api
end

function commands.run(opts)
  if not opts.script then
    say("run needs a script: nianbao run SCRIPT.lua [ARGS]")
    return 2
  end
  local E = new_engine(opts)
  if not E then return 2 end
  local chunk, err = loadfile(opts.script, "t")
  if not chunk then
    say("%s", err)
    return 2
  end
  package.loaded.nianbao = script_api(E)
  arg = { [0] = opts.script }
  for i, a in ipairs(opts.args) do arg[i] = a end
  local ok, result = xpcall(chunk, debug.traceback, table.unpack(opts.args))
  if not ok then
    say("%s", tostring(result))
    return 2
  end
  return math.type(result) == "integer" and result or 0
end

--}===

function M.main(opts)
  local lang = opts.lang == "en" and "en" or "zh"
  if opts.version then
    io.stdout:write(string.format("nianbao %s (%s, LPeg, libyaml)\n", nianbao.version, _VERSION))
    return 0
  end
  if opts.help then
    io.stdout:write(messages.text(lang, "usage"))
    return 0
  end
  local problem = opts.unknown_option and messages.text(lang, "unknown_option", opts.unknown_option)
               or opts.missing_value and messages.text(lang, "missing_value", opts.missing_value)
               or not opts.command and messages.text(lang, "no_command")
  if problem then
    say("%s", problem)
    io.stderr:write(messages.text(lang, "usage"))
    return 2
  end
  local cmd = commands[opts.command]
  if not cmd then
    say("%s", messages.text(lang, "unknown_command", tostring(opts.command)))
    return 2
  end
  local ok, status = pcall(cmd, opts)
  if not ok then
    say("%s", tostring(status))
    return 2
  end
  return status
end

return M
