-- SARIF 2.1.0, for code-scanning tools: one log for the whole run, written
-- when every file is done. Each report's Writer keeps its findings (the
-- record after its empty text); Summary writes them all, in file order.

extension = "sarif"

local levels = { error = "error", warning = "warning", info = "note" }

function Writer(findings, report, opts)
  local kept = {}
  for i, f in ipairs(findings) do
    kept[i] = { rule = f.rule, severity = f.severity, message = f.message, line = f.line, col = f.col,
                expected = f.expected, found = f.found, cells = f.cells }
  end
  return "", { file = opts.file, findings = kept }
end

function Summary(totals, opts, records)
  local results, rules, rule_index = {}, {}, {}
  for _, rec in ipairs(records) do
    for _, f in ipairs(rec.findings) do
      if not rule_index[f.rule] then
        rules[#rules + 1] = setmetatable({ id = f.rule, defaultConfiguration = { level = levels[f.severity] } },
                                         { __order = { "id", "defaultConfiguration" } })
        rule_index[f.rule] = #rules - 1
      end
      local region = f.line and setmetatable({ startLine = f.line, startColumn = f.col or 1 },
                                             { __order = { "startLine", "startColumn" } }) or nil
      local loc = { physicalLocation = { artifactLocation = { uri = rec.file }, region = region } }
      results[#results + 1] = setmetatable({
        ruleId = f.rule, ruleIndex = rule_index[f.rule], level = levels[f.severity],
        message = { text = f.message }, locations = json_array { loc },
        properties = (f.expected or f.found) and { expected = f.expected, found = f.found,
                                                    cells = json_array(f.cells or {}) } or nil,
      }, { __order = { "ruleId", "ruleIndex", "level", "message", "locations", "properties" } })
    end
  end
  local log = setmetatable({
    ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
    version = "2.1.0",
    runs = json_array {
      setmetatable({
        tool = { driver = setmetatable({ name = "nianbao", version = nianbao.version,
                                         rules = json_array(rules) },
                                       { __order = { "name", "version", "rules" } }) },
        results = json_array(results),
      }, { __order = { "tool", "results" } }),
    },
  }, { __order = { "$schema", "version", "runs" } })
  return json(log) .. "\n"
end
