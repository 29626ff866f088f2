-- The rules of a pack all national, and our writers, read the report
-- itself; a rule of a pack with any other layer, and a writer given by
-- path, read it through its read-only view. The national rules write to no
-- report: their findings are the same either way.

local check = require "pipeline.check"
local view = require "view"

local P = nianbao.engine:pack("gb2021")
local OPTS = { lang = "zh", instructions = 20000000, memory = 1 << 28 }

-- P with a user layer: its rules, the same, read the report through its view
local function with_user_layer(pack)
  return setmetatable({ decl = { layers = { { national = true }, { national = false } },
                                 entries = pack.decl.entries } }, { __index = pack })
end

-- a pack of P's whose only rule keeps the report it is handed
local function spying(pack)
  local seen = {}
  local rule = { enabled = true, id = "spy.report", severity = "info", path = "spy.lua",
                 message = { zh = "spy" }, view = pack.rules[1].view }
  function rule.check(report) seen[#seen + 1] = report end
  return setmetatable({ rules = { rule } }, { __index = pack }), seen
end

test("national rules read the report itself; a pack with a user layer, its view", function()
  local R = assert(nianbao.engine:read("examples/jiuqu-2024.txt"))
  local national, seen = spying(P)
  local _, failures = check.check(national, R, OPTS)
  eq(0, #failures, "no failure")
  eq(true, seen[1] == R, "the report itself")
  local user, seen_user = spying(with_user_layer(P))
  check.check(user, R, OPTS)
  eq(false, seen_user[1] == R, "not the report itself")
  eq(true, view.unwrap(seen_user[1]) == R, "its view")
  local ok, err = pcall(function() seen_user[1].agency = "x" end)
  eq(false, ok, "the view refuses a write")
  has(tostring(err), "read-only", "the reason")
end)

test("the national rules' findings are the same through the report's view", function()
  local total = 0
  for _, path in ipairs { "examples/jiuqu-2024.txt", "tests/corpus/pingtan-2022.txt",
                          "tests/corpus/huaian-2024.layout.txt", "tests/corpus/pingtan-2018.txt" } do
    if nbio.stat(path) then
      local R = assert(nianbao.engine:read(path))
      local E = nianbao.engine:pack(R.format)
      local found, failures = check.check(E, R, OPTS)
      local viewed, viewed_failures = check.check(with_user_layer(E), R, OPTS)
      eq(nil, differ(viewed:list(), found:list(), "findings"), "the same findings: " .. path)
      eq(nil, differ(viewed_failures, failures, "failures"), "the same failures: " .. path)
      total = total + #found:list()
    end
  end
  if total < 5 then error("too few findings to tell: " .. total) end
end)

test("a writer of ours reads the report itself; a writer given by path, its view", function()
  local writers = require "pipeline.write"
  local R = assert(nianbao.engine:read("examples/jiuqu-2024.txt"))
  local seen
  local ours = setmetatable({ Writer = function(_, report) seen = report; return "" end },
                            { __index = writers.load(".", "json", nil, nil, {}) })
  eq("", (writers.run(ours, {}, R, { mode = "check" }, OPTS)), "written")
  eq(true, seen == R, "the report itself")
  write("national_report_writer.lua", [[
function Writer(findings, report, opts)
  local ok = pcall(function() report.agency = "x" end)
  return ok and "wrote" or "refused"
end
]])
  local theirs = writers.load(".", tmp .. "/national_report_writer.lua", nil, nil, {})
  eq("refused", (writers.run(theirs, {}, R, { mode = "check" }, OPTS)), "its view refuses a write")
  eq(true, R.agency ~= "x", "the report unchanged")
end)
