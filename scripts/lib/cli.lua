-- The commands: check, extract, rules, run. main(opts) returns the exit
-- status: 0 no errors, 1 errors found, 2 usage or input that cannot be read.

local nianbao = require "nianbao"
local nbio = require "nianbao.io"
local engine = require "engine"
local sandbox = require "sandbox"
local json = require "json"
local limits = require "nianbao.sandbox"
local messages = require "messages"

local M = {}

local function say(fmt, ...)
  io.stderr:write("nianbao: ", string.format(fmt, ...), "\n")
end

--{=== writers ===

local grid = require "grid"

-- What a writer may use besides plain Lua: the official grid of a table,
-- and escaping.
local layout_view = setmetatable({}, { __index = { grid = grid.table, rows = grid.rows,
                                                   columns = grid.columns },
                                       __newindex = function() error("layout is read-only", 2) end })
local html_escapes = { ["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;", ['"'] = "&quot;", ["'"] = "&#39;" }
local function escape_html(s) return (tostring(s):gsub("[&<>\"']", html_escapes)) end
local function escape_md(s) return (tostring(s):gsub("|", "｜"):gsub("\n", " ")) end

local function load_writer(E, name)
  local path = name
  if not name:find("/", 1, true) and not name:find("%.lua$") then
    path = E.home .. "/scripts/formats/" .. name .. ".lua"
    if nbio.stat(path) ~= "file" then
      error(string.format("unknown format '%s'", name), 0)
    end
  end
  local src, err = nbio.readfile(path)
  if not src then error(path .. ": " .. err, 0) end
  local helpers = { json = json.encode, json_array = json.array, yaml = nianbao.yaml.encode,
                    null = nianbao.null, layout = layout_view, escape_html = escape_html,
                    escape_md = escape_md, format_sections = E.T.fmt.sections }
  local env, e = sandbox.run(path, src, sandbox.env(helpers))
  if not env then error(e, 0) end
  if type(rawget(env, "Writer")) ~= "function" then
    error(path .. ": a writer must define 'Writer(findings, report, opts)'", 0)
  end
  return env
end

--}===

--{=== files ===

--}===

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
  local W = load_writer(E, opts.format or "text")
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
    local ok, text = limits.call(E.limits.instructions, E.limits.memory, W.Writer, list,
                                 R and E:view(R), { file = path, status = status, lang = E.lang,
                                                    mode = "check", color = color, first = totals.files == 1 })
    if not ok or type(text) ~= "string" then
      finish(false)
      error(string.format("writer failed on %s: %s", path, tostring(text)), 0)
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
  if W.Summary then out:write(W.Summary(totals, { lang = E.lang, mode = "check", color = color })) end
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
  local W = load_writer(E, opts.format or default_format)
  local ok, text = limits.call(E.limits.instructions, E.limits.memory, W.Writer, {}, E:view(R),
                               { file = path, status = "checked", lang = E.lang, mode = mode })
  if not ok or type(text) ~= "string" then error("writer failed: " .. tostring(text), 0) end
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
  if not year or not opts.agency then
    say("new needs --year YEAR and --agency NAME (and may take --kind dept|gov|township)")
    return 2
  end
  local kind = opts.kind or "dept"
  if kind ~= "dept" and kind ~= "gov" and kind ~= "township" then
    say("--kind is dept, gov or township")
    return 2
  end
  local out, finish = output(opts)
  out:write(require("authoring").new(E.T, year, opts.agency, kind))
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
  local new, filled, differ = require("authoring").fill(text, E.T, path)
  if not new then
    say("%s", filled)
    return 2
  end
  if opts.in_place then opts.output = path end
  local out, finish = output(opts)
  out:write(new)
  finish(true)
  for _, d in ipairs(differ) do
    io.stderr:write(string.format(E.lang == "en" and "%s: %s is %d but its parts add up to %d (kept)\n"
                                  or "%s：%s 填写为%d，但各项之和为%d（保留原值）\n", path, d.id, d.found, d.expected))
  end
  io.stderr:write(string.format(E.lang == "en" and "%s: %d total(s) filled\n" or "%s：填入%d个合计\n",
                                path, #filled))
  return #differ > 0 and 1 or 0
end

function commands.rules(opts)
  local E = new_engine(opts)
  if not E then return 2 end
  local lang = E.lang
  for _, r in ipairs(E.rules) do
    local msg = r.message[lang] or r.message.zh
    io.stdout:write(string.format("%-34s %-8s %s%s\n", r.id, r.enabled and r.severity or "off",
                                  msg, r.identity and ("  [" .. r.identity:gsub("%s+", " "):gsub("^ ", ""):gsub(" $", "") .. "]") or ""))
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
  api.rules = E.rules
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
  local cmd = commands[opts.command]
  if not cmd then
    say("unknown command '%s' (check, extract, rules, run; --help)", tostring(opts.command))
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
