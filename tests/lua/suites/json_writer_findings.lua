-- The JSON writer's findings written by the core in one call must be the
-- bytes its loop in Lua writes; what the core leaves (a metatable, an
-- unknown severity, a line not an integer where pages are) goes to the loop.

local write = require "pipeline.write"
local C = getmetatable(nianbao).__index     -- the core's module behind the script API

local function record(report, findings, status, core)
  local W = write.load(".", "json", nil, nil, {})
  if not core then W.extra.json_findings = nil end
  return assert(write.run(W, findings, report, { file = "a.pdf", status = status or "checked", mode = "check",
                                                 internal = {} }, W.limits))
end

test("json writer: findings written by the core as by the loop in Lua", function()
  local list = {
    { rule = "a", severity = "warning", message = "m \"q\" 一", cells = {}, line = 3, col = 2 },
    { rule = "b", severity = "error", message = "m", cells = { "t.a", "t.b" }, found = "1", expected = "2" },
    { rule = "c", severity = "info", message = "m", cells = { x = 1 }, line = 120, col = 0, quote = "q" },
    { severity = "info", message = "no rule", line = 0 },
    { rule = "e", severity = "warning", message = "m", cells = false, line = 57, col = 1.5 },
  }
  eq("string", type((C.json.findings(list, { 1, 58, 120 }))), "handled in C")
  local _, e, w, i = C.json.findings(list, nil)
  eq("1 2 2", table.concat({ e, w, i }, " "), "each severity counted")
  for _, report in ipairs { { format = "gb2021", pages = { 1, 58, 120 } }, { format = "gb2021" }, false } do
    for _, status in ipairs { "checked", "unreadable" } do
      eq(record(report or nil, list, status), record(report or nil, list, status, true), "same bytes")
    end
  end
  has(record({ pages = { 1, 58 } }, list, "checked", true), '"summary":{"error":1,"warning":2,"info":2}', "the summary")
end)

test("json writer: findings the core leaves to the loop in Lua", function()
  local odd = {
    { { rule = "a", severity = "fatal", message = "m" } },
    { setmetatable({ rule = "a", severity = "error", message = "m" }, { __index = { line = 1 } }) },
    { { rule = "a", severity = "error", message = "m", cells = setmetatable({ "x" }, { __len = function() return 0 end }) } },
    { { rule = "a", severity = "error", message = "m", line = 2.0 } },
    { { rule = "a", severity = "error", message = "m", cells = "x" } },
  }
  for k, list in ipairs(odd) do eq(nil, C.json.findings(list, { 1, 2 }), "left to Lua: list " .. k) end
  eq(nil, C.json.findings(setmetatable({}, { __index = function() return nil end }), nil), "a list with a metatable")
  local fine = { { rule = "a", severity = "error", message = "m", line = 2.0 } }
  eq("string", type((C.json.findings(fine, nil))), "a line of any number without pages")
  local report = { pages = { 1, 2 } }
  eq(record(report, odd[4]), record(report, odd[4], "checked", true), "the loop's bytes")
end)
