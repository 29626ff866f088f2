-- nianbao sum FILE|DIR... [-o SUM.yaml] [--sheet AGENCIES.xlsx]: the
-- tables of a set of reports added cell by cell into one report (one
-- report per agency and year: a second copy or shape of the same report is
-- left out, and said), the format's identities checked again on the sum,
-- and the per-agency sheet (XLSX, with a CSV beside it) an evaluator
-- hands in. The summed report is written as canonical YAML.

local nianbao = require "nianbao"
local messages = require "messages"
local batch = require "batch"
local rollup = require "rollup"
local checking = require "pipeline.check"
local Report = require "report"

local M = {}

-- The pack P with its identity rules only: the arithmetic of the sum.
local function identities_only(P)
  local rules = {}
  for _, r in ipairs(P.rules) do
    if r.enabled and r.compiled then rules[#rules + 1] = r end
  end
  return setmetatable({ rules = rules, broken = {} }, { __index = P })
end

function M.run(E, opts, io_)
  local lang = E.lang
  local B = batch.new(E, opts)
  if io_.inputs then opts.inputs = io_.inputs(B.files) end   -- -o never overwrites an input
  if #B.files == 0 then
    io_.say("%s", messages.text(lang, "no_files"))
    return 2
  end
  local reports, used, left_out, unreadable = {}, {}, {}, 0
  for _, path in ipairs(B.files) do
    local ok, R, why = pcall(B.read, B, path)
    if not ok then R, why = nil, messages.text(lang, "internal", tostring(R)) end
    local list = {}
    if R then
      local okc, found = pcall(E.check, E, R)
      list = okc and found:list() or {}
      local e = B.by_path[path]
      if e and e.same_as then
        left_out[#left_out + 1] = messages.text(lang, "sum_left_out", path, e.same_as.path)
      elseif R.format ~= "legacy" then
        reports[#reports + 1] = R
        used[#used + 1] = path
      end
    else
      unreadable = unreadable + 1
      io_.say("%s: %s", path, why)
    end
    B:record(path, nil, B:keep(path, R, list, R and "checked" or "unreadable"), nil)
  end
  B:finish({}, nil)
  if #reports == 0 then
    io_.say("%s", messages.text(lang, "no_files"))
    return 2
  end
  local P = E:pack(reports[1].format)
  local S, gaps = rollup.sum(P.format, reports, lang)
  Report.freeze(S)
  local findings = checking.check(identities_only(P), S, { lang = lang, instructions = E.limits.instructions,
                                                           memory = E.limits.memory }):list()
  local doc = S:canonical()
  doc.source = nil
  local out, finish = io_.output(opts, lang)
  local ok, err = pcall(out.write, out, nianbao.yaml.encode(doc))
  if ok then ok, err = pcall(finish, true) else finish(false) end
  if not ok then error(err, 0) end
  -- what was added, what was not, and what the sum's arithmetic says
  local sep = messages.text(lang, "list_sep")
  io.stderr:write(messages.text(lang, "sum_done", #reports, table.concat(used, sep),
                                #left_out > 0 and table.concat(left_out, sep) or "-"), "\n")
  if #B.skipped > 0 then
    io.stderr:write(messages.text(lang, "skipped_n", #B.skipped), "\n")
    for _, k in ipairs(B.skipped) do io.stderr:write("  ", messages.text(lang, "skipped_line", k.path, k.why), "\n") end
  end
  for i, n in pairs(gaps) do
    io.stderr:write(messages.text(lang, "sum_gap", used[i], n), "\n")
  end
  local errors = 0
  for _, f in ipairs(findings) do
    if f.severity == "error" then errors = errors + 1 end
    io.stderr:write(messages.text(lang, "finding_line", S.agency, messages.text(lang, f.severity), f.message, f.rule),
                    "\n")
  end
  if opts.sheet then
    rollup.write_sheet(P.format, B.rows, (opts.sheet:gsub("%.[xX][lL][sS][xX]$", ""):gsub("%.[cC][sS][vV]$", "")), lang)
  end
  if unreadable > 0 then return 2 end
  return errors > 0 and 1 or 0
end

return M
