-- SARIF 2.1.0, for code-scanning tools: one log for the whole run, written
-- when every file is done. Each report's Writer keeps its findings and its
-- internal failures (the record after its empty text); Summary writes them
-- all, in file order. Each rule carries its message as the short
-- description, its rationale as the full one, rationale and legal basis as
-- help, and a helpUri; the checker's own failures (a rule that failed) are
-- tool execution notifications, not results.

extension = "sarif"
-- the rules' texts are asked of rule(id, lang): made only for a writer that says so
uses_rules = true

local levels = { error = "error", warning = "warning", info = "note" }

local function ordered(t, keys) return setmetatable(t, { __order = keys }) end

local function descriptor(id, severity, lang)
  local info = rule(id, lang)
  local d = ordered({ id = id, defaultConfiguration = { level = levels[severity] } },
                    { "id", "shortDescription", "fullDescription", "help", "helpUri", "defaultConfiguration",
                      "properties" })
  if info then
    if info.message then d.shortDescription = { text = info.message } end
    if info.rationale then d.fullDescription = { text = info.rationale } end
    local help = { info.rationale }
    if info.basis and #info.basis > 0 then
      help[#help + 1] = message("rule_field", lang, message("rule_basis", lang),
                                table.concat(info.basis, message("list_sep", lang)))
    end
    if #help > 0 then
      d.help = ordered({ text = table.concat(help, "\n"), markdown = table.concat(help, "\n\n") },
                       { "text", "markdown" })
    end
    d.helpUri = info.help_uri
    if info.basis and #info.basis > 0 then d.properties = { basis = json_array(info.basis) } end
  end
  return d
end

function Writer(findings, report, opts)
  local kept, internal = {}, {}
  for i, f in ipairs(findings) do
    kept[i] = { rule = f.rule, severity = f.severity, message = f.message, line = f.line, col = f.col,
                expected = f.expected, found = f.found, cells = f.cells }
  end
  for i, f in ipairs(opts.internal or {}) do
    internal[i] = { message = f.message, line = f.line, file = f.file }
  end
  return "", { file = opts.file, lang = opts.lang, findings = kept, internal = internal }
end

function Summary(totals, opts, records)
  local results, rules, rule_index, notes = {}, {}, {}, {}
  for _, rec in ipairs(records) do
    local lang = rec.lang or opts.lang or "zh"
    for _, f in ipairs(rec.findings or {}) do
      if not rule_index[f.rule] then
        rules[#rules + 1] = descriptor(f.rule, f.severity, lang)
        rule_index[f.rule] = #rules - 1
      end
      local region = f.line and ordered({ startLine = f.line, startColumn = f.col or 1 },
                                        { "startLine", "startColumn" }) or nil
      local loc = { physicalLocation = { artifactLocation = { uri = rec.file }, region = region } }
      results[#results + 1] = ordered({
        ruleId = f.rule, ruleIndex = rule_index[f.rule], level = levels[f.severity],
        message = { text = f.message }, locations = json_array { loc },
        properties = (f.expected or f.found) and { expected = f.expected, found = f.found,
                                                    cells = json_array(f.cells or {}) } or nil,
      }, { "ruleId", "ruleIndex", "level", "message", "locations", "properties" })
    end
    for _, f in ipairs(rec.internal or {}) do
      local region = f.line and { startLine = f.line } or nil
      notes[#notes + 1] = ordered({
        level = "error", message = { text = f.message .. message("internal_while", lang, rec.file) },
        locations = f.file and json_array { { physicalLocation = { artifactLocation = { uri = f.file },
                                                                   region = region } } } or nil,
      }, { "level", "message", "locations" })
    end
  end
  local run = ordered({
    tool = { driver = ordered({ name = "nianbao", version = nianbao.version, rules = json_array(rules) },
                              { "name", "version", "rules" }) },
    results = json_array(results),
  }, { "tool", "invocations", "results" })
  if #notes > 0 then
    run.invocations = json_array {
      ordered({ executionSuccessful = false, toolExecutionNotifications = json_array(notes) },
              { "executionSuccessful", "toolExecutionNotifications" }) }
  end
  local log = ordered({
    ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
    version = "2.1.0",
    runs = json_array { run },
  }, { "$schema", "version", "runs" })
  return json(log) .. "\n"
end
