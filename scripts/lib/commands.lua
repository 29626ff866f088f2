-- The commands other than check (sum, extract, render, new, fill, rules,
-- run, help, completion) and --list-readers, --list-formats: required by
-- the driver (cli.lua) at the first of them a run names, so that a check
-- loads none of their code. with(driver) → {commands =, list_readers =,
-- list_formats =}; driver: the helpers of cli.lua they share with check.

local nianbao = require "nianbao"
local nbio = require "nianbao.io"
local messages = require "messages"

-- the driver's helpers, set by with()
local say, output, inputs, printable, load_writer, format_names
local write, formatlib, engines, usage

local commands = {}

-- The engine of the working folder's config (or --config), or nil after
-- saying why not.
local function new_engine(opts)
  local E, why = engines.new(opts):first()
  if not E then say("%s", why) end
  return E
end

-- The engine of one input file (its nearest config) | nil after saying why.
local function engine_for(opts, path)
  local pool = engines.new(opts)
  local errors = pool:prepare({ path })
  if errors then
    for _, e in ipairs(errors) do say("%s", e) end
    return nil
  end
  opts.inputs = inputs({ path })
  return pool:get(path)
end

local function one_file(opts, lang)
  if #opts.files ~= 1 then
    say("%s", messages.text(lang, "takes_one", opts.command))
    return nil
  end
  return opts.files[1]
end

-- the_file(opts) → the one file a command takes and its engine; nil
-- (and what is wrong said) when it is not one file or the engine fails
local function the_file(opts)
  local path = one_file(opts, opts.lang or "zh")
  if not path then return nil end
  return path, engine_for(opts, path)
end

local function write_out(opts, E, text)
  local out, finish = output(opts, E.lang)
  local ok, err = pcall(out.write, out, text)
  if ok then ok, err = pcall(finish, true) else finish(false) end
  if not ok then error(err, 0) end
end

-- sum FILE|DIR...: the reports' tables added into one report, the
-- identities checked on the sum; --sheet FILE.xlsx the per-agency sheet.
function commands.sum(opts)
  local E = new_engine(opts)
  if not E then return 2 end
  return require("sum").run(E, opts, { output = output, say = say, inputs = inputs })
end

-- extract FILE: the report as read, canonical.
function commands.extract(opts)
  local path, E = the_file(opts)
  if not E then return 2 end
  local R, why = E:read(path)
  if not R then
    say("%s: %s", path == "-" and E:stdin_name() or path, why)
    return 2
  end
  local W = load_writer(E, opts.format or "yaml")
  if not W then return 2 end
  local text, werr = write.run(W, {}, R, { file = printable(path), status = "checked", lang = E.lang,
                                           mode = "extract" }, E.limits)
  if not text then error(messages.text(E.lang, "writer_failed", path, werr), 0) end
  write_out(opts, E, text)
  return 0
end

-- render FILE --format html|markdown: the publishable report, checked
-- first. A report with errors (or a rule that failed on it) is not
-- rendered: its errors are listed, exit 1 (3); with --draft the page is
-- marked as a draft and lists them.
function commands.render(opts)
  local path, E = the_file(opts)
  if not E then return 2 end
  local name = path == "-" and E:stdin_name() or path
  local R, why = E:read(path)
  if not R then
    say("%s: %s", name, why)
    return 2
  end
  local found, failures = E:check(R)
  local errors = {}
  for _, f in ipairs(found:list()) do
    if f.severity == "error" then errors[#errors + 1] = f end
  end
  failures = failures or {}
  local W = load_writer(E, opts.format or "html")
  if not W then return 2 end
  if (#errors > 0 or #failures > 0) and not opts.draft then
    -- the errors, as check writes them, then why nothing was rendered
    local T = write.load(E.home, "text", E:pack(E.base).format, E.limits)
    local listing = write.run(T, errors, R, { file = printable(name), status = "checked", lang = E.lang,
                                              mode = "check", color = false, internal = failures }, E.limits)
    io.stderr:write(listing or "")
    if #failures > 0 then say("%s", messages.text(E.lang, "render_internal", printable(name))); return 3 end
    say("%s", messages.text(E.lang, "render_refused", printable(name), #errors))
    return 1
  end
  local draft = #errors > 0 or #failures > 0
  local text, werr = write.run(W, draft and errors or {}, R,
                               { file = printable(name), status = "checked", lang = E.lang, mode = "render",
                                 draft = draft, internal = failures }, E.limits)
  if not text then error(messages.text(E.lang, "writer_failed", name, werr), 0) end
  write_out(opts, E, text)
  return 0
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
    say("%s", messages.text(E.lang, "new_needs", table.concat(kinds, "|")))
    return 2
  end
  -- the issuer kind: as given, else as the format classifies the agency's name
  local kind = opts.kind or formatlib.issuer(F, opts.agency)
  if not F.issuer_by_kind[kind] or kind == F.unknown_issuer.kind then
    local near = require("suggest").best(tostring(kind), kinds)
    say("%s", messages.text(E.lang, "new_kind", table.concat(kinds, ", "), tostring(kind),
                            near and messages.text(E.lang, "did_you_mean", near) or ""))
    return 2
  end
  write_out(opts, E, require("authoring").new(F, year, opts.agency, kind))
  return 0
end

-- fill FILE.yaml: the derived totals written into the blanks; what the
-- author filled differently is kept and reported, never overwritten.
function commands.fill(opts)
  local path, E = the_file(opts)
  if not E then return 2 end
  local text, err, code = nbio.readfile(path, E.max_bytes)
  if not text then
    say("%s: %s", path, messages.os_error(E.lang, err, code))
    return 2
  end
  local new, filled, differ = require("authoring").fill(text, E:pack(E.base), path)
  if not new then
    say("%s", require("yamlerr").text(filled, text, E.lang))
    return 2
  end
  if opts.in_place then opts.output, opts.inputs = path, nil end
  write_out(opts, E, new)
  for _, d in ipairs(differ) do
    io.stderr:write(messages.text(E.lang, "fill_differs", path, d.id, tostring(d.found), tostring(d.expected)), "\n")
  end
  io.stderr:write(messages.text(E.lang, "fill_done", path, #filled), "\n")
  return #differ > 0 and 1 or 0
end

-- Every rule of every format, once: id → rule (the base format's first).
local function all_rules(E)
  local out, order = {}, {}
  for _, fname in ipairs(E.packs.formats) do
    for _, r in ipairs(E:pack(fname).rules) do
      if not out[r.id] then out[r.id] = r; order[#order + 1] = r.id end
    end
  end
  return out, order
end

-- nianbao rules ID: one rule, for people: what it says, why it is checked
-- and on what basis, its identity and parameters.
local function describe_rule(E, id)
  local lang = E.lang
  local rules, order = all_rules(E)
  local r = rules[id]
  if not r then
    local near = require("suggest").best(id, order)
    say("%s", messages.text(lang, "rule_unknown", id, near and messages.text(lang, "did_you_mean", near) or ""))
    return 2
  end
  local function field(key, value)
    if value == nil or value == "" then return end
    io.stdout:write(messages.text(lang, "rule_field", messages.text(lang, key), value), "\n")
  end
  io.stdout:write(r.id, "\n")
  field("rule_severity", r.enabled and messages.text(lang, r.severity) or messages.text(lang, "rule_off"))
  field("rule_pack", r.pack)
  field("rule_file", r.path)
  if r.replaces then field("rule_replaces", r.replaces) end
  field("rule_message", r.message[lang] or r.message.zh)
  if r.rationale then field("rule_rationale", r.rationale[lang] or r.rationale.zh) end
  if r.basis and #r.basis > 0 then field("rule_basis", messages.list(lang, r.basis)) end
  if r.identity then field("rule_identity", (r.identity:gsub("%s+", " "):gsub("^ ", ""):gsub(" $", ""))) end
  local params = {}
  for k, v in pairs(r.params or {}) do
    local shown_v = type(v) == "table" and ("[" .. table.concat((function()
      local l = {}
      for _, x in ipairs(v) do l[#l + 1] = tostring(x) end
      return l
    end)(), ", ") .. "]") or tostring(v)
    params[#params + 1] = k .. " = " .. shown_v
  end
  table.sort(params)
  if #params > 0 then field("rule_params", table.concat(params, "; ")) end
  return 0
end

function commands.rules(opts)
  local E = new_engine(opts)
  if not E then return 2 end
  if opts.files[1] then return describe_rule(E, opts.files[1]) end
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
    local found, failures = E:check(R)
    return found:list(), R, failures
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
  api.json = require "json"
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

-- help [COMMAND]: the general help, or a command's.
function commands.help(opts)
  local lang = opts.lang == "en" and "en" or "zh"
  local cmd = opts.files[1]
  local text = usage.help(lang, cmd)
  if not text then
    local near = usage.suggest_command(cmd)
    say("%s", messages.text(lang, "help_unknown", cmd, near and messages.text(lang, "did_you_mean", near) or "",
                            messages.list(lang, usage.commands)))
    return 2
  end
  io.stdout:write(text)
  return 0
end

-- The names completion offers: formats, readers, rule ids, issuer kinds.
local function names_of(E)
  local readers, kinds, ids = {}, {}, {}
  for _, r in ipairs(E.readers) do readers[#readers + 1] = r.name end
  for _, k in ipairs(E:pack(E.base).format.issuers) do kinds[#kinds + 1] = k.kind end
  local _, order = all_rules(E)
  for _, id in ipairs(order) do ids[#ids + 1] = id end
  table.sort(ids)
  return { formats = format_names(E.home), readers = readers, rules = ids, kinds = kinds }
end

-- completion bash: the completion script.
function commands.completion(opts)
  local lang = opts.lang == "en" and "en" or "zh"
  if opts.files[1] ~= "bash" then
    say("%s", messages.text(lang, "completion_shell"))
    return 2
  end
  local E = new_engine(opts)
  if not E then return 2 end
  io.stdout:write(usage.bash(opts.option_table, names_of(E)))
  return 0
end

-- --list-readers, --list-formats: one a line, as Pandoc lists its own.
local function list_readers(opts)
  local E = new_engine(opts)
  if not E then return 2 end
  for _, r in ipairs(E.readers) do
    io.stdout:write(string.format("%-8s %s\n", r.name, table.concat(r.extensions or {}, " ")))
  end
  return 0
end

local function list_formats(opts)
  local E = new_engine(opts)
  if not E then return 2 end
  for _, n in ipairs(format_names(E.home)) do io.stdout:write(n, "\n") end
  return 0
end

local M = {}

function M.with(driver)
  say, output, inputs, printable = driver.say, driver.output, driver.inputs, driver.printable
  load_writer, format_names = driver.load_writer, driver.format_names
  write, formatlib, engines, usage = driver.write, driver.formatlib, driver.engines, driver.usage
  return { commands = commands, list_readers = list_readers, list_formats = list_formats }
end

return M
