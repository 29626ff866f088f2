-- A rule's limits are read once for the caller's limits and made again
-- when those change: a check with a smaller budget stops a rule that a
-- larger one lets finish, in either order, report after report.

local check = require "pipeline.check"

test("check: each report's rules run under the limits that report's check was given", function()
  local rule = { enabled = true, id = "t.work", severity = "info", path = "work.lua",
                 message = { zh = "done", en = "done" } }
  function rule.check(report, emit)
    local n = 0
    for i = 1, 20000 do n = n + i end
    emit {}
  end
  local P = { rules = { rule }, format = {} }
  local function run(instructions, memory)
    local found, failures = check.check(P, { sections = {} },
                                        { lang = "en", instructions = instructions, memory = memory })
    return #found:list(), #failures, failures[1] and failures[1].message
  end
  for _, budget in ipairs { 1000000, 5000, 1000000, 1000000, 5000, 5000, 1000000 } do
    local found, failed, why = run(budget, 1 << 26)
    if budget == 5000 then
      eq(0, found, "no finding under " .. budget)
      eq(1, failed, "the rule stopped under " .. budget)
      has(why, "instruction budget exceeded", "its reason")
    else
      eq(1, found, "its finding under " .. budget)
      eq(0, failed, "no failure under " .. budget)
    end
  end
  -- the memory cap likewise (a block larger than any garbage a collection could free)
  function rule.check(report, emit) local s = string.rep("x", 16 << 20) emit { found = #s } end
  local _, failed_small = run(1000000, 1 << 20)
  local found_big, failed_big = run(1000000, 1 << 26)
  local _, failed_again = run(1000000, 1 << 20)
  eq(1, failed_small, "stopped at a small cap")
  eq(1, found_big, "finished under a large one")
  eq(0, failed_big, "no failure then")
  eq(1, failed_again, "and stopped at the small one again")
end)

test("check: a rule whose file changes is run under limits naming the new file; a disabled rule is not run", function()
  local src = "function check(report, emit)\n  local n = 0\n  error('no', 0)\nend\n"
  local function rule_from(path)
    local env = {}
    assert(load(src, "@" .. path, "t", setmetatable(env, { __index = _G })))()
    return env.check
  end
  local ran = 0
  local off = { enabled = false, id = "t.off", severity = "info", path = "off.lua", message = { zh = "m" },
                check = function() ran = ran + 1 end }
  local rule = { enabled = true, id = "t.moved", severity = "info", path = "a.lua", message = { zh = "m", en = "m" },
                 check = rule_from("a.lua") }
  local P = { rules = { off, rule }, format = {} }
  local opts = { lang = "en", instructions = 1000000, memory = 1 << 26 }
  local _, failures = check.check(P, { sections = {} }, opts)
  eq(1, #failures, "the rule failed")
  eq("a.lua", failures[1].file, "in its file")
  eq(3, failures[1].line, "at its line")
  rule.path, rule.check = "b.lua", rule_from("b.lua")
  _, failures = check.check(P, { sections = {} }, opts)
  eq("b.lua", failures[1].file, "in the new file")
  eq(3, failures[1].line, "at the line the new limits' source names")
  eq(0, ran, "the disabled rule never ran")
end)
