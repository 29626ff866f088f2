-- The commands: check, extract, rules, run. main(opts) returns the exit
-- status: 0 no errors, 1 errors found, 2 usage or input that cannot be read.

local nianbao = require "nianbao"
local nbio = require "nianbao.io"
local engine = require "engine"
local json = require "json"
local messages = require "messages"
local write = require "pipeline.write"
local formatlib = require "format"

local M = {}

local function say(fmt, ...)
  io.stderr:write("nianbao: ", string.format(fmt, ...), "\n")
end

local function new_engine(opts)
  local ok, E = pcall(engine.new, opts)
  if not ok then
    say("%s", tostring(E))
    return nil
  end
  return E
end

-- -o FILE: written to a temporary file beside it, renamed into place only
-- when complete, so a failed run never leaves half a file.
local function output(opts)
  if not opts.output then return io.stdout, function() end end
  local tmp = opts.output .. ".nianbao-tmp"
  local f, err = io.open(tmp, "w")
  if not f then error(err, 0) end
  return f, function(ok)
    f:close()
    if ok then
      local renamed, rerr = os.rename(tmp, opts.output)
      if not renamed then os.remove(tmp); error(rerr, 0) end
    else
      os.remove(tmp)
    end
  end
end

--{=== commands ===

local commands = {}

function commands.check(opts)
  local E = new_engine(opts)
  if not E then return 2 end
  local files = E:files(opts.files)
  if #files == 0 then
    say("%s", messages.text(E.lang, "no_files"))
    return 2
  end
  local W = write.load(E.home, opts.format or "text", E:pack(E.base).format)
  -- a writer of whole pages writes one file per report: -o names a folder
  local per_file = rawget(W, "per_file") and (#files > 1 or (opts.output and nbio.stat(opts.output) == "directory"))
  if per_file and not opts.output then
    say("--format %s writes one page per report: give a folder with -o", opts.format)
    return 2
  end
  local out, finish
  if per_file then
    os.execute("mkdir -p '" .. opts.output:gsub("'", "'\\''") .. "'")
    out, finish = { write = function() end, flush = function() end }, function() end
  else
    out, finish = output(opts)
  end
  local totals = { files = 0, error = 0, warning = 0, info = 0, unreadable = 0 }
  local color = not opts.output and nbio.isatty(1)
  for _, path in ipairs(files) do
    -- one file's failure, even a bug of ours, must not stop the batch
    local ok, R, why = pcall(E.read, E, path)
    if not ok then R, why = nil, messages.text(E.lang, "internal", tostring(R)) end
    local list, status
    if R then
      local okc, found = pcall(E.check, E, R)
      if okc then list = found:list() else
        list = { { rule = "nianbao.internal", severity = "error", cells = {},
                   message = messages.text(E.lang, "internal", tostring(found)) } }
      end
      status = "checked"
    else
      status = "unreadable"
      list = { { rule = "nianbao.unreadable", severity = "error", message = why, cells = {} } }
      totals.unreadable = totals.unreadable + 1
    end
    totals.files = totals.files + 1
    for _, f in ipairs(list) do
      if status == "checked" then totals[f.severity] = totals[f.severity] + 1 end
    end
    local text, werr = write.run(W, list, R, { file = path, status = status, lang = E.lang,
                                              mode = "check", color = color, first = totals.files == 1 },
                                 E.limits)
    if not text then
      finish(false)
      error(string.format("writer failed on %s: %s", path, werr), 0)
    end
    if per_file then
      local name = (path:match("([^/]+)$") or "report"):gsub("%.[^.]*$", "") .. "." .. (W.extension or "out")
      local page_out, page_finish = output({ output = opts.output .. "/" .. name })
      page_out:write(text)
      page_finish(true)
    end
    out:write(text)
    out:flush()
  end
  local tail, serr = write.summary(W, totals, { lang = E.lang, mode = "check", color = color }, E.limits)
  if not tail then
    finish(false)
    error("writer failed: " .. serr, 0)
  end
  out:write(tail)
  finish(true)
  if totals.unreadable > 0 then return 2 end
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
  local W = write.load(E.home, opts.format or default_format, E:pack(E.base).format)
  local text, werr = write.run(W, {}, R, { file = path, status = "checked", lang = E.lang, mode = mode },
                               E.limits)
  if not text then error("writer failed: " .. werr, 0) end
  local out, finish = output(opts)
  out:write(text)
  finish(true)
  return 0
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
  local out, finish = output(opts)
  out:write(require("authoring").new(F, year, opts.agency, kind))
  finish(true)
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
  local out, finish = output(opts)
  out:write(new)
  finish(true)
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
