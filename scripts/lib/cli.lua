-- The commands: check, extract, rules, run. main(opts) returns the exit
-- status: 0 no errors, 1 errors found, 2 usage or input that cannot be read.

local nianbao = require "nianbao"
local nbio = require "nianbao.io"
local messages = require "messages"

-- A module required at its first use: --version, --help and a usage
-- mistake need none of the engine's.
local function lazy(name)
  return setmetatable({}, { __index = function(_, k) return require(name)[k] end,
                            __newindex = function(_, k, v) require(name)[k] = v end })
end
local write = lazy "pipeline.write"
local formatlib = lazy "format"
local workers = lazy "workers"
local engines = lazy "engines"
local engine_mod = lazy "engine"
local usage = lazy "usage"

local M = {}

-- The options that belong to some commands only: a flag → the commands
-- that take it (options of every command are not listed). Here, beside
-- the check that asks it, not in usage.lua: a run that goes right needs
-- none of the help's and completion's module.
local ONLY_FOR = {
  ["--sheet"] = { "sum" },
  ["--db"] = { "check" }, ["--baseline"] = { "check" },
  ["-j"] = { "check" }, ["--files-from"] = { "check" },
  ["--include"] = { "check", "sum" }, ["--exclude"] = { "check", "sum" },
  ["--draft"] = { "render" }, ["--in-place"] = { "fill" },
  ["--year"] = { "new" }, ["--agency"] = { "new" }, ["--kind"] = { "new" },
}

-- s as a terminal shows it safely: a byte that is not UTF-8, a control
-- character (C0, DEL, C1) becomes \xHH; line breaks stay when `lines`.
local function escaped(s, lines)
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

-- Most texts (a file's name, a message) are UTF-8 without a control
-- character: returned as they are, without the walk byte by byte in Lua.
local function printable(s, lines)
  s = tostring(s)
  if utf8.len(s) and not s:find(lines and "[%z\1-\8\11-\31\127]" or "[%z\1-\31\127]")
     and not s:find("\194[\128-\159]") then
    return s
  end
  return escaped(s, lines)
end
M.printable, M.printable_escaped = printable, escaped

local function say(fmt, ...)
  local text = printable(string.format(fmt, ...), true)
  io.stderr:write("nianbao: ", (text:gsub("\n", "\nnianbao: ")), "\n")
end

-- -o FILE: written to a new temporary file beside it (created
-- exclusively), renamed over FILE only when every write, the flush, the
-- sync and the close succeeded, so a failed run, a full disk or a signal
-- never leaves half a file, nor a temporary one. → out (with :write,
-- raising on failure), finish(ok).
local function output(opts, lang)
  local target = opts.output
  local input = target and opts.inputs and opts.inputs(target)
  if input then error(messages.text(lang, "output_is_input", target, input), 0) end
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

-- inputs(files) → a function telling whether a path names one of the
-- input files (the same file by device and inode, however named): -o
-- must never overwrite an input.
local function inputs(files)
  local ids = {}
  for _, f in ipairs(files) do
    if f ~= "-" then
      local kind, id = nbio.stat(f)
      if kind == "file" and id then ids[id] = f end
    end
  end
  return function(target)
    local kind, id = nbio.stat(target)
    return kind and id and ids[id] or nil
  end
end

-- Colour: --color=always|never|auto (or --no-color); auto is a terminal
-- on standard output, unless NO_COLOR is set (no-color.org).
local function use_color(opts)
  if opts.no_color or opts.color == "never" then return false end
  if opts.color == "always" then return true end
  local no = os.getenv("NO_COLOR")
  if no and no ~= "" then return false end
  return not opts.output and nbio.isatty(1)
end

-- The findings shown: --quiet keeps the errors only (as ESLint's does).
local function shown(list, opts)
  if not opts.quiet then return list end
  local out = {}
  for _, f in ipairs(list) do
    if f.severity == "error" then out[#out + 1] = f end
  end
  return out
end

-- The output formats there are: scripts/formats/*.lua.
local function format_names(home)
  local out = {}
  for _, n in ipairs(nbio.listdir(home .. "/scripts/formats") or {}) do
    local name = n:match("^(.+)%.lua$")
    if name then out[#out + 1] = name end
  end
  table.sort(out)
  return out
end

-- A file's path as an absolute file: URI (SARIF's helpUri of a rule
-- that names no page of its own).
local function file_uri(path)
  if path:sub(1, 1) ~= "/" then
    local here = nbio.cwd()
    if not here then   -- the folder has been removed: what the shell says of it
      local p = io.popen("pwd")
      here = p and p:read("l") or ""
      if p then p:close() end
    end
    path = here .. "/" .. path:gsub("^%./", "")
  end
  return "file://" .. path:gsub("[^%w%-%._~/]", function(c) return string.format("%%%02X", c:byte()) end)
end

-- What writers may tell of each rule: id → {message=, rationale=, basis=,
-- help_uri=, severity=}.
local function rule_infos(E)
  local out = {}
  for _, fname in ipairs(E.packs.formats) do
    -- a format whose every rule id an earlier one told adds nothing: its
    -- rules are not loaded for it
    local adds = false
    for _, e in ipairs(E.packs:declaration(fname).entries) do adds = adds or not out[e.id] end
    for _, r in ipairs(adds and E:pack(fname).rules or {}) do
      if not out[r.id] then
        out[r.id] = { message = r.message, rationale = r.rationale, basis = r.basis, severity = r.severity,
                      help_uri = r.help or file_uri(r.path) }
      end
    end
  end
  return out
end

-- The writer `name` (a format of scripts/formats/ or a file), or nil after
-- saying which formats there are.
local function load_writer(E, name)
  if not name:find("/", 1, true) and not name:find("%.lua$") then
    local names = format_names(E.home)
    local known = false
    for _, n in ipairs(names) do known = known or n == name end
    if not known then
      local near = require("suggest").best(name, names)
      say("%s", messages.text(E.lang, "unknown_format", name,
                              near and messages.text(E.lang, "did_you_mean", near) or "",
                              messages.list(E.lang, names)))
      return nil
    end
  end
  -- the base format as compiled to bind the reports; if none was bound,
  -- compiled when the writer first asks of it: a check of no report compiles none
  local base = E.packs.formats_compiled and E.packs.formats_compiled[E.base]
               or setmetatable({}, { __index = function(_, k) return E:pack(E.base).format[k] end })
  return write.load(E.home, name, base, E.limits, function() return rule_infos(E) end)
end

--{=== commands ===

-- check, and the others (commands.lua) loaded when a run names one of them
local others
local function other_commands()
  others = others or require("commands").with {
    say = say, output = output, inputs = inputs, printable = printable, load_writer = load_writer,
    format_names = format_names, write = write, formatlib = formatlib, engines = engines, usage = usage,
  }
  return others
end
local commands = setmetatable({}, { __index = function(_, name) return other_commands().commands[name] end })

-- The FILE|DIR arguments of --files-from FILE|- (one a line), after those
-- of the command line. → list | nil, reason
local function files_from(opts, lang)
  local args = {}
  for _, a in ipairs(opts.files) do args[#args + 1] = a end
  for _, list in ipairs(opts.files_from or {}) do
    local text, err
    if list == "-" then
      -- standard input, read once: a file "-" as well cannot be read
      if engine_mod.stdin_read then text, err = nil, messages.text(lang, "stdin_twice")
      else engine_mod.stdin_read = true; text = io.stdin:read("a") end
    else text, err = nbio.readfile(list) end
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
  collectgarbage("incremental", require("batch").GC_PAUSE)
  local pool = engines.new(opts)
  local E, why = pool:first()
  if not E then
    say("%s", why)
    say("%s", messages.text(opts.lang == "en" and "en" or "zh", "config_errors"))
    return 2
  end
  -- started: the files' work has the collector
  engine_mod.collector_on()
  local args, aerr = files_from(opts, E.lang)
  if not args then say("%s", aerr); return 2 end
  local njobs, jerr = workers.jobs(opts.jobs, E.lang)
  if not njobs then say("%s", jerr); return 2 end
  -- the batch: files chosen and surveyed, years paired, copies found (batch.lua);
  -- each file read with the engine of its own config (with -j N, every
  -- file's engine is built and loaded here, before the workers start)
  local okb, B = pcall(require("batch").new, E, opts, args, njobs, function(path) return pool:get(path) end)
  -- the batch holds the paths it chose: the list named lives no longer than the survey
  args = nil
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
  -- every file's config, checked before any file is: a mistake stops the run
  local errors = pool:prepare(files)
  if errors then
    for _, e in ipairs(errors) do say("%s", e) end
    say("%s", messages.text(E.lang, "config_errors"))
    return 2
  end
  -- the inputs' identities guard -o alone: with no -o none is looked up
  if opts.output then opts.inputs = inputs(files) end
  local W = load_writer(E, opts.format or "text")
  if not W then return 2 end
  -- a writer of whole pages writes one file per report: -o names a folder
  local per_file = W.per_file and (#files > 1 or (opts.output and nbio.stat(opts.output) == "directory"))
  if per_file and not opts.output then
    say("%s", messages.text(E.lang, "per_file_output", opts.format))
    return 2
  end
  local out, finish
  if per_file then
    os.execute("mkdir -p '" .. opts.output:gsub("'", "'\\''") .. "'")
    out, finish = { write = function() end, flush = function() end }, function() end
  else
    out, finish = output(opts, E.lang)
  end
  local totals = { files = 0, error = 0, warning = 0, info = 0, unreadable = 0, internal = 0 }
  local color = use_color(opts)
  local failed, records, pages = false, {}, {}
  -- the review pages get the dashboard and the sheet: of a row per report
  local review = per_file and not W.untrusted and W.extension == "html"
  B.keep_rows = review
  -- the pages' names depend on the order of the files: named here, in order
  if per_file then
    for i, path in ipairs(files) do pages[i] = B:page(path, W.extension) end
  end
  -- the name a file goes by: "-" is --stdin-filename (or <stdin>)
  local function name_of(path)
    return path == "-" and pool:get(path):stdin_name() or path
  end
  -- a report's text: its page (-o FOLDER), or kept for deliver to write
  local function place(i, text, res)
    if not per_file then res.text = text; return end
    local pname = pages[i]
    res.page = pname
    if pname:find("/", 1, true) then
      os.execute("mkdir -p '" .. (opts.output .. "/" .. pname:match("^(.*)/")):gsub("'", "'\\''") .. "'")
    end
    local page_out, page_finish = output({ output = opts.output .. "/" .. pname, inputs = opts.inputs }, E.lang)
    local okw, perr = pcall(page_out.write, page_out, text)
    if okw then okw, perr = pcall(page_finish, true) else page_finish(false) end
    if not okw then res.notes[#res.notes + 1] = perr; res.failed = true end
  end
  -- one file: read, checked, written → its result as plain data (made in a
  -- worker with -j N); what it says to the user is said in deliver, in order
  local function one(i)
    local path = files[i]
    local Ef = pool:get(path)
    local name = name_of(path)
    -- one file's failure, even a bug of ours, must not stop the batch
    local ok, R, why = pcall(B.read, B, path)
    if not ok then R, why = nil, messages.text(Ef.lang, "internal", tostring(R)) end
    local list, all, status, side, failures = nil, nil, nil, nil, {}
    if R then
      local okc, found, fails = pcall(Ef.check, Ef, R)
      if okc then list, failures = found:list(), fails or {} else
        list = {}
        failures = { { rule = "nianbao.internal", severity = "error", cells = {},
                       message = messages.text(Ef.lang, "internal", tostring(found)) } }
      end
      status = "checked"
      -- the baseline and the archive see every finding; --quiet only what is shown
      all, side = B:filter(path, R, list)
      list = shown(all, opts)
    else
      status = "unreadable"
      -- a reason that starts with the file's own place (a YAML error) gives the line
      local line, rest = tostring(why):match("^" .. name:gsub("%p", "%%%0") .. ":(%d+):%d*:?%s*(.*)$")
      list = { { rule = "nianbao.unreadable", severity = "error", message = rest or why, cells = {},
                 line = tonumber(line) } }
    end
    local res = { status = status, error = 0, warning = 0, info = 0, internal = #failures, notes = {},
                  side = side }
    for _, f in ipairs(list) do res[f.severity] = res[f.severity] + 1 end
    local described = Ef:describe()
    local text, werr, record = write.run(W, list, R, { file = printable(name), status = status, lang = Ef.lang,
                                                     mode = "check", color = color, first = i == 1,
                                                     internal = failures, config = described.config,
                                                     packs = described.packs },
                                         Ef.limits)
    res.record = record
    if not text then
      -- a writer that fails on one report loses that report's text, not the batch
      res.notes[#res.notes + 1] = messages.text(E.lang, "writer_failed", name, werr)
      res.failed = true
    else
      place(i, text, res)
    end
    res.kept = B:keep(path, R, all or list, status)
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
    totals.internal = totals.internal + (res.internal or 0)
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
    local name = name_of(files[i])
    local msg = workers.why(E.lang, reason, kind)
    local list = { { rule = "nianbao.internal", severity = "error", message = msg, cells = {} } }
    -- the checker's failure, not the file's: counted as one (exit status 3)
    local res = { status = "unreadable", error = 1, warning = 0, info = 0, internal = 1, notes = {} }
    local text, werr, record = write.run(W, list, nil, { file = printable(name), status = "unreadable",
                                                       lang = E.lang, mode = "check", color = color,
                                                       first = i == 1, internal = {} }, E.limits)
    res.record = record
    if not text then res.notes[1], res.failed = messages.text(E.lang, "writer_failed", name, werr), true
    else place(i, text, res) end
    res.kept = B:keep(files[i], nil, list, "unreadable")
    return res
  end
  B:prepare(njobs)
  workers.run(#files, njobs, one, deliver, lost)
  totals.configs = pool:describe()
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
  -- the exit status: the checker's failures, then unreadable input, then
  -- the report's errors (or more warnings than allowed)
  if totals.internal > 0 then
    say("%s", messages.text(E.lang, "internal_exit"))
    return 3
  end
  if totals.unreadable > 0 or failed then return 2 end
  if totals.error > 0 then return 1 end
  local most = opts.max_warnings and math.tointeger(tonumber(opts.max_warnings))
  if most and totals.warning > most then
    say("%s", messages.text(E.lang, "too_many_warnings", totals.warning, most))
    return 1
  end
  return 0
end

--}===

-- The option values the driver checks before any command runs: a word of
-- a closed set, a count. → a problem, or nil.
local function bad_value(opts, lang)
  if opts.lang and opts.lang ~= "zh" and opts.lang ~= "en" then return messages.text(lang, "bad_lang", opts.lang) end
  if opts.color and opts.color ~= "auto" and opts.color ~= "always" and opts.color ~= "never" then
    return messages.text(lang, "bad_color", opts.color)
  end
  if opts.max_warnings ~= nil then
    local n = math.tointeger(tonumber(opts.max_warnings))
    if not n or n < 0 then return messages.text(lang, "bad_count", "--max-warnings", opts.max_warnings) end
  end
  -- an option of some commands only, given to another
  local field_of = {}
  for _, o in ipairs(opts.option_table or {}) do field_of[o.flag] = o.field end
  local cmd = opts.command
  if cmd and commands[cmd] and cmd ~= "help" then
    local flagged = {}
    for flag in pairs(ONLY_FOR) do flagged[#flagged + 1] = flag end
    table.sort(flagged)
    for _, flag in ipairs(flagged) do
      local v = field_of[flag] and opts[field_of[flag]]
      if v ~= nil and v ~= false then
        local ok = false
        for _, c in ipairs(ONLY_FOR[flag]) do ok = ok or c == cmd end
        if not ok then
          return messages.text(lang, "not_for_command", flag, cmd, messages.list(lang, ONLY_FOR[flag]))
        end
      end
    end
  end
  for _, flag in ipairs { "--include", "--exclude", "--select", "--ignore" } do
    for _, v in ipairs(type(opts[field_of[flag] or ""]) == "table" and opts[field_of[flag]] or {}) do
      if v == "" then return messages.text(lang, "empty_value", flag) end
    end
  end
  if opts.sheet and not (opts.sheet:lower():match("%.xlsx$") or opts.sheet:lower():match("%.csv$")) then
    return messages.text(lang, "bad_sheet", opts.sheet)
  end
  for _, flag in ipairs { "--db", "--baseline", "--sheet" } do
    local v = opts[field_of[flag] or ""]
    if v == "" then return messages.text(lang, "empty_value", flag) end
    if type(v) == "string" and nbio.stat(v) == "directory" then return messages.text(lang, "is_folder", flag, v) end
  end
  return nil
end

function M.main(opts)
  local lang = opts.lang == "en" and "en" or "zh"
  if opts.version then
    io.stdout:write(string.format("nianbao %s (%s, LPeg, libyaml)\n", nianbao.version, _VERSION))
    return 0
  end
  local function problem_of()
    if opts.unknown_option then
      local near = usage.suggest_option(opts.unknown_option, opts.option_table)
      return messages.text(lang, "unknown_option", opts.unknown_option)
             .. (near and messages.text(lang, "did_you_mean", near) or "")
    end
    if opts.missing_value then return messages.text(lang, "missing_value", opts.missing_value) end
    if opts.unexpected_value then return messages.text(lang, "unexpected_value", opts.unexpected_value) end
    return bad_value(opts, lang)
  end
  local problem = problem_of()
  if problem then
    say("%s", problem)
    io.stderr:write(usage.help(lang, commands[opts.command or ""] and opts.command or nil) or messages.text(lang, "usage"))
    return 2
  end
  if opts.help then
    -- COMMAND --help is help COMMAND; an unknown command gets the general help
    io.stdout:write(usage.help(lang, commands[opts.command or ""] and opts.command or nil))
    return 0
  end
  if opts.list_readers then return other_commands().list_readers(opts) end
  if opts.list_formats then return other_commands().list_formats(opts) end
  if not opts.command then
    say("%s", messages.text(lang, "no_command"))
    io.stderr:write(messages.text(lang, "usage"))
    return 2
  end
  local cmd = commands[opts.command]
  if not cmd then
    local near = usage.suggest_command(opts.command)
    say("%s", messages.text(lang, "unknown_command", tostring(opts.command),
                            near and messages.text(lang, "did_you_mean", near) or "",
                            messages.list(lang, usage.commands)))
    return 2
  end
  -- check turns the collector on once its engine is built; the others now
  if cmd ~= commands.check then engine_mod.collector_on() end
  local ok, status = pcall(cmd, opts)
  if not ok then
    say("%s", tostring(status))
    return 2
  end
  return status
end

return M
