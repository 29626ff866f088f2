-- Writing: findings and a report → text, by a writer: one Lua file of
-- scripts/formats/ (or any path given to --format) that defines
-- `Writer(findings, report, opts)` and may define `Summary(totals, opts)`,
-- `extension` and `per_file` (one page per report). It sees the report
-- read-only and the helpers below, runs sandboxed, and writes nothing itself.

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

-- What a writer may use besides plain Lua. base: the base format, for a
-- report that could not be read.
local function helpers(base)
  return {
    json = json.encode, json_array = json.array, yaml = nianbao.yaml.encode, null = nianbao.null,
    escape_html = escape_html, escape_md = escape_md,
    layout = view.readonly {
      grid = grid.table, tables = grid.tables,
      title = grid.title, parts = grid.parts, placeholders = grid.placeholders,
      typography = function(report) return report and grid.typography(report) or base.typography end,
      figures = function(report) return grid.figures(report, base) end,
    },
    message = function(key, lang, ...) return messages.text(lang, key, ...) end,
  }
end

-- load(home, name, base) → writer: a name of scripts/formats/, or a path.
function M.load(home, name, base)
  local path = name
  if not name:find("/", 1, true) and not name:find("%.lua$") then
    path = home .. "/scripts/formats/" .. name .. ".lua"
    if nbio.stat(path) ~= "file" then error(string.format("unknown format '%s'", name), 0) end
  end
  local src, err = nbio.readfile(path)
  if not src then error(path .. ": " .. err, 0) end
  local env, e = sandbox.run(path, src, sandbox.env(helpers(base)))
  if not env then error(e, 0) end
  if type(rawget(env, "Writer")) ~= "function" then
    error(path .. ": a writer must define 'Writer(findings, report, opts)'", 0)
  end
  return env
end

-- run(W, findings, report, opts, lim) → text | nil, reason
function M.run(W, findings, report, opts, lim)
  local ok, text = limits.call(lim.instructions, lim.memory, W.Writer, findings,
                               report and view.readonly(report), opts)
  if not ok or type(text) ~= "string" then return nil, tostring(text) end
  return text
end

-- summary(W, totals, opts, lim) → text (may be "") | nil, reason
function M.summary(W, totals, opts, lim)
  if type(rawget(W, "Summary")) ~= "function" then return "" end
  local ok, text = limits.call(lim.instructions, lim.memory, W.Summary, totals, opts)
  if not ok or type(text) ~= "string" then return nil, tostring(text) end
  return text
end

return M
