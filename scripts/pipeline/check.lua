-- Checking: a frozen Report → findings. Every enabled rule of the report's
-- pack runs once, sandboxed (work budget, time limit, memory cap); an
-- identity rule is evaluated by the C core per instance, a check rule is
-- called with a read-only view of the report and an emitter. A rule that
-- fails, or a user pack or rule file that could not be loaded, becomes a
-- nianbao.internal finding naming it; the others go on.
--
-- A rule of a user pack (untrusted) runs from a fresh copy of its file for
-- every report: nothing it keeps, in globals or upvalues, reaches the next
-- file. What a rule emits is bounded, since it is copied out of the limits.

local nianbao = require "nianbao"
local limits = require "nianbao.sandbox"
local sandbox = require "sandbox"
local view = require "view"
local formatlib = require "format"
local messages = require "messages"
local claims = require "claims"
local Report = require "report"
local identities = require "identities"

local M = {}

local MAX_FINDINGS = 2000          -- of one rule on one report
local MAX_BYTES = 4 * 1048576      -- of the text of one rule's findings on one report
local MAX_MESSAGE = 4096           -- bytes of one message; the rest is cut
local MAX_VALUE = 256              -- bytes of `found` and `expected`
local MAX_CELLS = 10000            -- cell ids of one finding
local MAX_ID = 256                 -- bytes of one cell id
local MAX_REASON = 2000            -- bytes of a failure's reason in an internal finding

-- s cut to at most n bytes, at a character boundary, with … when cut.
local function cut(s, n)
  if #s <= n then return s end
  local at = n
  while at > 0 and (s:byte(at + 1) or 0) & 0xC0 == 0x80 do at = at - 1 end
  return s:sub(1, at) .. "…"
end

-- A message template cut once into its texts and its {names}: a list
-- alternating text, name, text, …, text (made once a template). A local
-- pack's rule runs afresh for each report and could word its message anew
-- each time: past MAX_TEMPLATES the list starts afresh, so it cannot grow.
local MAX_TEMPLATES = 4096
local templates, ntemplates = {}, 0
local function parts_of(text)
  local parts = templates[text]
  if parts then return parts end
  if ntemplates >= MAX_TEMPLATES then templates, ntemplates = {}, 0 end
  ntemplates = ntemplates + 1
  parts = {}
  local at = 1
  while true do
    local from, to, name = text:find("{([%w_]+)}", at)
    if not from then break end
    parts[#parts + 1] = text:sub(at, from - 1)
    parts[#parts + 1] = name
    at = to + 1
  end
  parts[#parts + 1] = text:sub(at)
  templates[text] = parts
  return parts
end

-- The template with each {name} that vars has replaced by its value.
-- (vars is read raw: a table the rule made without a metatable, or the
-- emitter's own.) While the values are texts and numbers no code of the
-- rule's runs, and the core fills the message in one call (the emit runs
-- within the rule's count of instructions: a loop here was most of it);
-- another value's tostring may run the rule's code, even an emit, so its
-- message is filled here, with a list of its own.
local fill_texts = nianbao.fill
local function fill(text, vars)
  local parts = templates[text] or parts_of(text)
  if #parts == 1 then return text end
  local message = fill_texts(parts, vars)
  if message then return message end
  local out = {}
  for i = 1, #parts do
    local p = parts[i]
    if i % 2 == 0 then
      local v = vars[p]
      if v == nil then p = "{" .. p .. "}" else p = tostring(v) end
    end
    out[i] = p
  end
  return table.concat(out)
end

-- A place a rule gives: nil, or an integer from 0 to 2^31 - 1.
local function place(v, what)
  if v == nil then return nil end
  local n = math.tointeger(v)
  if not n or n < 0 or n > 0x7FFFFFFF then
    error(string.format("emit: '%s' must be a line or column number", what), 3)
  end
  return n
end

local function text_of(v, what)
  if v == nil then return nil end
  if type(v) ~= "string" and type(v) ~= "number" then
    error(string.format("emit: '%s' must be a text or a number", what), 3)
  end
  return cut(tostring(v), MAX_VALUE)
end

-- emit{…} for one rule on one report. Fields a rule may give: cell (from
-- report:cell), cells (ids), vars (for the message), found, expected,
-- quote (the words of the report the finding is about: a sentence), line,
-- col. The message and the severity are the rule's.
-- What the emitter knows sits in one table, st ({rule=} made once a rule;
-- count and bytes set for each report, and `at`, while the rule runs, the
-- table of what every rule of the report shares: F, R, findings, lang,
-- made once a report): a closure and a table for every rule on every
-- report would be garbage.
-- (An emit runs under the rule's count hook, where each step costs several
-- times what it costs outside: a place given as an integer in range is
-- taken as it is, not passed to place, and the report's fields are read
-- only for a cell.)
local NONE = {}                    -- no vars, no cells: read, never written
local math_type = math.type
-- (the common finding is put by the core in one call, as below: no step of it metered)
local emit_fast = nianbao.emitter_fast(MAX_FINDINGS, MAX_BYTES, MAX_MESSAGE, MAX_VALUE, MAX_CELLS, MAX_ID)
local function emitter(st)
  return function(f)
    if emit_fast(st, f, templates) then return end
    local at = st.at
    if at == nil then error("emit: the rule's call is over", 2) end
    local rule, lang = st.rule, at.lang
    f = type(f) == "table" and f or {}
    local count = st.count + 1
    st.count = count
    if count > MAX_FINDINGS then
      error(string.format("emit: more than %d findings on one report", MAX_FINDINGS), 2)
    end
    -- (each read once, and its type asked only when it is given)
    local cell, given = f.cell, f.vars
    if cell ~= nil and type(cell) ~= "table" then cell = nil end
    if given ~= nil and type(given) ~= "table" then given = nil end
    local vars
    if not cell and given and getmetatable(given) == nil then
      vars = given                -- read raw, as a copy of it would be: no table made
    else
      vars = {}
      if cell then
        local F, R = at.F, at.R
        vars.where, vars.text, vars.value = R:where(cell.id, lang), cell.text, cell.value
        vars.row, vars.col = cell.row_label, cell.col_label
        local T = F.table_by_id[cell.table or ""]
        vars.table = T and T.title
      end
      for k, v in pairs(given or NONE) do vars[k] = v end
    end
    local tmpl = rule.message[lang] or rule.message.zh
    local cells = f.cells or (cell and { cell.id }) or NONE
    local ids, size = NONE, 0
    if cells ~= NONE then
      if type(cells) ~= "table" then error("emit: 'cells' must be a list of cell ids", 2) end
      local n = math.min(#cells, MAX_CELLS + 1)
      if n > 0 then ids = {} end
      for i = 1, n do
        local id = cells[i]
        if type(id) ~= "string" or #id > MAX_ID then error("emit: 'cells' must be a list of cell ids", 2) end
        ids[i], size = id, size + #id
      end
      if #ids > MAX_CELLS then error(string.format("emit: more than %d cells in a finding", MAX_CELLS), 2) end
    end
    -- (place and text_of called only for a value given: most are not)
    local line = f.line
    if line ~= nil and (math_type(line) ~= "integer" or line < 0 or line > 0x7FFFFFFF) then
      line = place(line, "line")
    end
    local col = f.col
    if col ~= nil and (math_type(col) ~= "integer" or col < 0 or col > 0x7FFFFFFF) then
      col = place(col, "col")
    end
    if not line and cell then line, col = place(cell.line, "line"), place(cell.col, "col") end
    if not line and ids ~= NONE then
      local R = at.R
      for _, id in ipairs(ids) do
        local ok, c = pcall(R.c.get, R.c, id)
        if ok and c.line then line, col = c.line, c.col; break end
      end
    end
    -- (cut and text_of called only for a value that needs them: most do not;
    -- the core fills the message, as fill would, without a call of fill)
    local parts = templates[tmpl]
    local message = parts and (#parts == 1 and tmpl or fill_texts(parts, vars)) or fill(tmpl, vars)
    if #message > MAX_MESSAGE then message = cut(message, MAX_MESSAGE) end
    local found = f.found
    if found ~= nil and (type(found) ~= "string" or #found > MAX_VALUE) then found = text_of(found, "found") end
    local expected = f.expected
    if expected ~= nil and (type(expected) ~= "string" or #expected > MAX_VALUE) then
      expected = text_of(expected, "expected")
    end
    local quote
    if f.quote ~= nil then
      if type(f.quote) ~= "string" then error("emit: 'quote' must be a text", 2) end
      quote = cut(f.quote, MAX_MESSAGE)
    end
    local bytes = st.bytes + #message + size
    if found then bytes = bytes + #found end
    if expected then bytes = bytes + #expected end
    if quote then bytes = bytes + #quote end
    st.bytes = bytes
    if bytes > MAX_BYTES then
      error(string.format("emit: more than %d MB of findings on one report", MAX_BYTES // 1048576), 2)
    end
    at.findings:put(rule.id, rule.severity, message, ids, expected, found, quote, line, col)
  end
end

-- A rule's emitter and limits, made once a rule (the limits made again
-- when the rule's file changes, which the loop of check compares, or the
-- caller's limits do, which empties the list once a report): the sandbox
-- only reads them, and new ones per rule per report are garbage the
-- collector walks the batch for.
local runs = setmetatable({}, { __mode = "k" })
local runs_instructions, runs_memory       -- the caller's limits the runs were made for
local function run_of(rule, opts)
  local run = runs[rule]
  if not run then
    local st = { rule = rule }
    run = { st = st, emit = emitter(st) }
    runs[rule] = run
  end
  run.untrusted, run.path = rule.untrusted, rule.path
  -- read once in C: a call then reads no field of a table
  run.lim = limits.prepare { instructions = opts.instructions, memory = opts.memory, untrusted = rule.untrusted,
                             source = "@" .. rule.path, path = rule.path }
  return run
end

-- An identity rule: one finding per failing instance (where its guard,
-- `when`, holds), with lhs, rhs, diff and each bound name's label.
local function run_identity(F, rule, R, emit)
  local failures = rule.compiled:eval(R.c, rule.names)
  for _, fl in ipairs(failures) do
    local k = fl.instance
    if not rule.guard or rule.guard:check(R.c, k) == "holds" then
      local vars = { lhs = fl.lhs, rhs = fl.rhs, diff = fl.diff }
      local tid = fl.terms[1] and fl.terms[1].id:gsub("^prev%.", ""):match("^([^.]+)")
      for name, v in pairs(fl.values) do
        vars[name] = formatlib.label(F, v, tid)
        vars[name .. "_id"] = v
      end
      local cells, line, col = {}, nil, nil
      for _, t in ipairs(fl.terms) do
        cells[#cells + 1] = t.id
        if not line and t.side == "lhs" then
          local c = R.c:get(t.id)
          line, col = c.line, c.col
        end
      end
      if fl.overflow then vars.lhs, vars.rhs = "?", "?" end
      emit { vars = vars, cells = cells, found = fl.lhs, expected = fl.rhs, line = line, col = col }
    end
  end
end

-- A rule of a user pack: its file run afresh in a new environment, then
-- its check, all within one call's limits.
local function run_fresh(rule, report, emit)
  local env = sandbox.env(rule.view)
  local chunk, err = load(rule.source, "@" .. rule.path, "t", env)
  if not chunk then error(err, 0) end
  chunk()
  rawset(env, "params", view.copy(rule.params))
  local check = rawget(env, "check")
  if type(check) ~= "function" then error(rule.path .. ": 'check' is not a function", 0) end
  return check(report, emit)
end

-- A finding of the checker's own failure (nianbao.internal): not the
-- report's. Its place is the rule's or pack's file, and the line there
-- where it failed (`line`, or the "file:line:" its reason starts with,
-- which then leaves the reason).
local function internal(lang, key, who, why, file, line)
  why = tostring(why)
  if not file then                            -- a pack's: the file its reason names
    file = why:match("^(.-%.lua):%d+:") or why:match("^(.-%.lua):")
  end
  if file then
    local l, rest = why:match("^" .. file:gsub("%p", "%%%0") .. ":(%d+):%s*(.*)$")
    if l then line, why = line or tonumber(l), rest
    else
      local rest2 = why:match("^" .. file:gsub("%p", "%%%0") .. ":%s*(.*)$")
      if rest2 then why = rest2 end
    end
  end
  return { rule = "nianbao.internal", severity = "error", file = file, line = line, who = who,
           message = messages.text(lang, key, who, cut(why, MAX_REASON)) }
end

-- The line where a rule's entry is defined: where its failure is said
-- when the failure has no line of its file (a limit in C code, an identity).
local function entry_line(rule)
  if type(rule.check) == "function" then
    local info = debug.getinfo(rule.check, "S")
    if info and info.linedefined and info.linedefined > 0 then return info.linedefined end
  end
  local n = 0
  -- (a rule of the home's run from the build's bytecode kept no source: read it now, on a failure)
  local source = rule.source or (rule.path and require("nianbao.io").readfile(rule.path)) or ""
  for l in (source .. "\n"):gmatch("([^\n]*)\n") do
    n = n + 1
    if l:match("^%s*identity%s*=") or l:match("^%s*function%s+check") then return n end
  end
  return nil
end

-- The text helpers (the rules' view of them) of pack P when every layer of
-- it is national, none broken: their grammars and words are all trusted,
-- and a report's claims may be read ahead of its rules, outside their
-- limits, as the binder reads it (false: not so; made once a pack).
local trusted_text = setmetatable({}, { __mode = "k" })
local function trusted_text_of(P)
  local text = trusted_text[P]
  if text ~= nil then return text end
  text = false
  local decl, rules = P.decl, P.rules
  local trusted = type(decl) == "table" and type(decl.layers) == "table" and #(P.broken or {}) == 0
  for _, layer in ipairs(trusted and decl.layers or {}) do trusted = trusted and layer.national and true end
  for _, e in ipairs(trusted and decl.entries or {}) do trusted = trusted and not e.untrusted end
  for _, rule in ipairs(trusted and rules or {}) do
    trusted = trusted and not rule.untrusted and type(rule.view) == "table" and rule.view.text == rules[1].view.text
  end
  if trusted and rules[1] then text = rules[1].view.text end
  trusted_text[P] = text
  return text
end

-- check(P, R, opts) → findings (C list), sorted by place, and the
-- checker's own failures (a list of nianbao.internal findings, apart: a
-- broken rule is not the agency's error). opts: lang, instructions, memory.
local call = limits.call
function M.check(P, R, opts)
  local findings = nianbao.findings()
  local failures = {}
  local ro = view.readonly(R)
  local lang = opts.lang or "zh"
  for _, b in ipairs(P.broken or {}) do
    if b.id then failures[#failures + 1] = internal(lang, "rule_broken", b.id, b.why, b.path)
    else failures[#failures + 1] = internal(lang, "pack_broken", b.pack, b.why, b.file) end
  end
  local at = { F = P.format, R = R, findings = findings, lang = lang }
  local instructions, memory = opts.instructions, opts.memory
  if instructions ~= runs_instructions or memory ~= runs_memory then
    runs, runs_instructions, runs_memory = setmetatable({}, { __mode = "k" }), instructions, memory
  end
  local text = trusted_text_of(P)
  -- a pack all national hands its rules the report itself: a view guards
  -- the report from a rule's writes, and the checker's own rules write to
  -- none of it (a view made of each table they read was 2% of a check);
  -- a rule of any other pack reads it through its view
  local given = text and R or ro
  -- the claims the rules would read under their count hook, read first
  -- (identity rules alone read none), in the report as the rules are given
  -- it: the prose made of each part for the reading is the rules' then,
  -- where a part's view had prose of its own made again
  if text then
    for _, rule in ipairs(P.rules) do
      if rule.enabled and not rule.compiled then claims.read_ahead(text, given, instructions); break end
    end
  end
  -- the places of its copies' passages, which the copy rules name, found
  -- first outside the rules' count hooks as well
  Report.place_copies(R)
  -- and the cells the value rules ask for (a blank, a marker...), picked once
  -- (should the pick fail, each rule asks as it did, and fails in its own call)
  pcall(Report.pick_ahead, R)
  -- the identities' failures asked of the cells before (a text's tails),
  -- good for every rule: none sets a cell (the report is frozen, its cells
  -- hidden from views)
  local asked = identities.asked(R.c)
  -- (the list walked as ipairs walks it, with no call a rule; each field
  -- of a rule read once: most are absent, the dearest reads)
  local rules, runs, i = P.rules, runs, 1
  local rule = rules[1]
  while rule ~= nil do
    if rule.enabled then
      local run, untrusted = runs[rule], rule.untrusted
      if not run or run.untrusted ~= untrusted or run.path ~= rule.path then run = run_of(rule, opts) end
      local st, emit, lim = run.st, run.emit, run.lim
      st.at, st.count, st.bytes = at, 0, 0
      local ok, err, line
      local compiled = rule.compiled
      if compiled then
        -- most instances hold: the core is asked first, outside the
        -- limits (its eval runs none of the pack's code and is bounded by
        -- the identity's instances), and only a rule with failures is run
        -- under them, where they are asked again (those asked of the same
        -- cells before are not asked twice)
        local failures = asked and asked[rule]
        local answered = failures ~= nil
        if not answered then answered, failures = pcall(compiled.eval, compiled, R.c, rule.names) end
        if answered and type(failures) == "table" and rawlen(failures) == 0 then ok = true
        else ok, err, line = call(lim, run_identity, P.format, rule, R, emit) end
      elseif untrusted then
        ok, err, line = call(lim, run_fresh, rule, ro, emit)
      else
        ok, err, line = call(lim, rule.check, given, emit)
      end
      st.at = nil                       -- the report is not kept; an emit kept past its call fails
      if not ok then
        local f = internal(lang, "rule_failed", rule.id, err, rule.path, line)
        f.line = f.line or entry_line(rule)
        failures[#failures + 1] = f
      end
    end
    i = i + 1
    rule = rules[i]
  end
  findings:sort()
  return findings, failures
end

return M
