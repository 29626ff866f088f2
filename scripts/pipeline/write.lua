-- Writing: findings and a report → text, by a writer: one Lua file of
-- scripts/formats/ (or any path given to --format) that defines
-- `Writer(findings, report, opts)` and may define `Summary(totals, opts,
-- records)`, `extension` and `per_file` (one page per report). What a
-- Writer returns after its text (plain data) is kept, and its Summary gets
-- the list of them in the order of the files: with -j N the reports are
-- written in other processes, so a writer keeps nothing else between
-- them. It sees the report read-only and the helpers below, runs
-- sandboxed, and writes nothing itself. A writer given by path is untrusted: each call runs a fresh copy
-- of its file, so nothing it keeps reaches the next report.

local nbio = require "nianbao.io"
local nianbao = require "nianbao"
local sandbox = require "sandbox"
local limits = require "nianbao.sandbox"
local json = require "json"
local grid = require "grid"
local view = require "view"
local messages = require "messages"

local M = {}

local html_escapes = { ["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;", ['"'] = "&quot;", ["'"] = "&#39;" }
local function escape_html(s) return (tostring(s):gsub("[&<>\"']", html_escapes)) end
local function escape_md(s) return (tostring(s):gsub("|", "\u{FF5C}"):gsub("\n", " ")) end

-- A layout helper whose result is the writer's own copy (the format's
-- tables behind it stay as they are).
local function copied(fn)
  return function(...) return view.copy(fn(...)) end
end

-- What a writer may use besides plain Lua. base: the base format, for a
-- report that could not be read; infos.rules: id → what the writer may
-- say of a rule ({message=, rationale=, basis=, help_uri=, severity=}),
-- or nil (filled in by load when the writer may ask).
local function helpers(base, infos)
  return {
    rule = function(id, lang)
      local r = infos.rules and infos.rules[id]
      if not r then return nil end
      local l = lang == "en" and "en" or "zh"
      return view.copy { id = id, severity = r.severity, help_uri = r.help_uri, basis = r.basis,
                         message = r.message and (r.message[l] or r.message.zh),
                         rationale = r.rationale and (r.rationale[l] or r.rationale.zh) }
    end,
    json = json.encode, json_array = json.array, yaml = nianbao.yaml.encode, null = nianbao.null,
    escape_html = escape_html, escape_md = escape_md,
    layout = view.readonly {
      grid = copied(grid.table), tables = copied(grid.tables), columns = copied(grid.columns),
      rows = copied(grid.rows), title = grid.title, parts = copied(grid.parts),
      placeholders = copied(grid.placeholders), meta = copied(grid.meta), date = grid.date,
      signature = copied(grid.signature), label = grid.label, pieces = copied(grid.pieces),
      prose = function(...)
        local text, after, own, own_after = grid.prose(...)
        return text, after, view.copy(own), view.copy(own_after)
      end,
      typography = copied(function(report) return report and grid.typography(report) or base.typography end),
      figures = copied(function(report) return grid.figures(report, base) end),
    },
    message = function(key, lang, ...) return messages.text(lang, key, ...) end,
  }
end

-- A writer file's fields, as plain data, and its functions.
local function writer_fields(env)
  local f = view.plain { extension = rawget(env, "extension"), per_file = rawget(env, "per_file"),
                         uses_rules = rawget(env, "uses_rules") }
  f.Writer, f.Summary = rawget(env, "Writer"), rawget(env, "Summary")
  return f
end

-- load(home, name, base, lim, rules) → writer: a name of scripts/formats/,
-- or a path (untrusted). writer.extension is a plain word (else "out").
-- rules: what the writer's rule(id, lang) tells (see helpers), or a
-- function that makes it: called only for a writer that may ask (one given
-- by path, or one of ours that says `uses_rules = true`), since it builds
-- every format's rules.
function M.load(home, name, base, lim, rules)
  lim = lim or { instructions = 20000000, memory = 256 * 1048576 }
  local path, untrusted = name, true
  if not name:find("/", 1, true) and not name:find("%.lua$") then
    path, untrusted = home .. "/scripts/formats/" .. name .. ".lua", false
    if nbio.stat(path) ~= "file" then error(string.format("unknown format '%s'", name), 0) end
  end
  -- (a shipped writer as the build found it is not read: it runs from the build's bytecode)
  local built = not untrusted and sandbox.unchanged(path)
  local src, err
  if not built then
    src, err = nbio.readfile(path, 16 * 1048576)
    if not src then error(path .. ": " .. err, 0) end
  end
  local infos = {}
  local function resolve()
    if type(rules) == "function" then rules = rules() end
    infos.rules = rules
  end
  if untrusted then resolve() end
  local extra = helpers(base, infos)
  -- our JSON writer's findings written in one call of the core (a finding
  -- a table for the encoder to walk was a third of what a finding cost)
  if not untrusted then extra.json_findings = nianbao.json.findings end
  local env, f = sandbox.run(path, src, sandbox.env(extra), sandbox.limits(lim, untrusted), writer_fields,
                             built and { chunk = built } or nil)
  if not env then error(f, 0) end
  if not untrusted and f.uses_rules == true then resolve() end
  if type(f.Writer) ~= "function" then
    error(path .. ": a writer must define 'Writer(findings, report, opts)'", 0)
  end
  local ext = type(f.extension) == "string" and f.extension:match("^%w+$") and #f.extension <= 16
              and f.extension or "out"
  return { path = path, env = env, extra = extra, untrusted = untrusted, source = untrusted and src or nil,
           Writer = f.Writer, Summary = type(f.Summary) == "function" and f.Summary or nil,
           extension = ext, per_file = f.per_file == true, limits = lim }
end

-- The function `name` of writer W: for an untrusted writer, from its file
-- run afresh (within the caller's limits).
local function entry(W, name)
  if not W.untrusted then return W[name] end
  local env = sandbox.env(W.extra)
  local chunk, err = load(W.source, "@" .. W.path, "t", env)
  if not chunk then error(err, 0) end
  chunk()
  local fn = rawget(env, name)
  if type(fn) ~= "function" then error(string.format("%s: '%s' is not a function", W.path, name), 0) end
  return fn
end

local function call(W, name, ...)
  local text, record = entry(W, name)(...)
  if type(text) ~= "string" then error(string.format("%s returned a %s, not a text", name, type(text)), 0) end
  -- what a writer keeps for its Summary is plain data, taken within its limits
  if record ~= nil then record = view.plain(record) end
  return text, record
end

-- run(W, findings, report, opts, lim) → text, nil, record | nil, reason.
-- record: what the Writer returned after the text (plain data), for its Summary.
function M.run(W, findings, report, opts, lim)
  -- (a writer of ours reads the report itself, as the national rules do: it
  -- writes to none of it; a writer given by path reads its view)
  local given = report and (W.untrusted and view.readonly(report) or report)
  local ok, text, record = limits.call(sandbox.limits(lim, W.untrusted), call, W, "Writer", findings, given, opts)
  if not ok then return nil, text end
  return text, nil, record
end

-- summary(W, totals, opts, lim, records) → text (may be "") | nil, reason.
-- The writer gets copies of the totals (the caller's decide the exit
-- status) and of the records its Writer returned, in the order of the files.
function M.summary(W, totals, opts, lim, records)
  if not W.Summary then return "" end
  local ok, text = limits.call(sandbox.limits(lim, W.untrusted), call, W, "Summary", view.copy(totals), opts,
                               view.copy(records or {}))
  if not ok then return nil, text end
  return text
end

return M
