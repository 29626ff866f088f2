-- A report's claims are read ahead of its rules, outside their limits, when
-- every grammar is the national packs': the rules then find them read, the
-- same claims as a rule reads under its limits. A user pack's grammars are
-- read as before, under the limits of the rule that asks.

local claims = require "claims"
local limits = require "nianbao.sandbox"
local view = require "view"

local P = nianbao.engine:pack("gb2021")
local text = P.rule_by_id["gb2021.txt.new"].view.text
local BUDGET = 20000000

local function said(c)
  return table.concat({ c.section, c.text, c.line, c.col, c.at, c.stop, c.kind, c.cells, tostring(c.value),
                        tostring(c.pct), c.grammar.name or "" }, "|")
end
local function lines(list)
  local out = {}
  for _, c in ipairs(list) do out[#out + 1] = said(c) end
  return table.concat(out, "\n")
end

test("claims read ahead are those a rule reads under its limits", function()
  local total = 0
  for _, path in ipairs { "examples/jiuqu-2024.txt", "tests/corpus/pingtan-2022.txt",
                          "tests/corpus/huaian-2024.layout.txt", "tests/corpus/pingtan-2018.txt" } do
    if nbio.stat(path) then
      local ahead = view.readonly(assert(nianbao.engine:read(path)))
      eq(true, claims.read_ahead(text, ahead, BUDGET), "read ahead: " .. path)
      local ruled = view.readonly(assert(nianbao.engine:read(path)))
      local ok, got = limits.call({ instructions = BUDGET, memory = 1 << 28 }, text.claims_in, ruled)
      eq(true, ok, "read under limits: " .. path)
      local want = lines(got)
      eq(want, lines(text.claims_in(ahead)), "claims of " .. path)
      total = total + #got
    end
  end
  if total < 10 then error("too few claims read to tell: " .. total) end
end)

test("prose long for the budget is not read ahead; its rules read it as before", function()
  local R = view.readonly(assert(nianbao.engine:read("examples/jiuqu-2024.txt")))
  eq(false, claims.read_ahead(text, R, 1000), "read ahead with a tiny budget")
  local again = view.readonly(assert(nianbao.engine:read("examples/jiuqu-2024.txt")))
  eq(true, claims.read_ahead(text, again, BUDGET), "read ahead")
  eq(lines(text.claims_in(again)), lines(text.claims_in(R)), "the same claims")
end)

test("a pack with a user layer reads no claims ahead", function()
  local ahead = 0
  local saved = claims.read_ahead
  claims.read_ahead = function(...) ahead = ahead + 1; return saved(...) end
  local check = require "pipeline.check"
  local R = assert(nianbao.engine:read("examples/jiuqu-2024.txt"))
  local ok, err = pcall(function()
    check.check(P, R, { lang = "zh", instructions = BUDGET, memory = 1 << 28 })
    eq(1, ahead, "the national pack's claims read ahead")
    local user = setmetatable({ decl = { layers = { { national = true }, { national = false } },
                                         entries = P.decl.entries } }, { __index = P })
    check.check(user, R, { lang = "zh", instructions = BUDGET, memory = 1 << 28 })
    eq(1, ahead, "no reading ahead with a user layer")
  end)
  claims.read_ahead = saved
  if not ok then error(err, 0) end
end)

-- a user rule whose grammar's reading of a long report passes the budget
test("a user pack's grammar is read under its rule's limits, and the limit names the rule", function()
  local dir = tmp .. "/read_ahead_user"
  os.execute("mkdir -p " .. dir .. "/reads")
  write("read_ahead_user/reads/pack.lua", 'name = "reads"\n')
  write("read_ahead_user/reads/counts.lua", [[
id = "reads.counts"
severity = "info"
message = { zh = "claims: {n}" }
local grammar = text.grammar {
  name = "reads_counts",
  readers = { { grammar = [==[ claim <- "办结" %count ]==] } },
  cells = "t3.result.total.total",
  topic = "t3",
}
function check(report, emit)
  emit { vars = { n = #grammar.claims(report) } }
end
]])
  local body = "本年新收政府信息公开申请12件，办结10件。"
  local src = assert(nbio.readfile("examples/jiuqu-2024.txt"))
  local at = src:find("二、", 1, true)
  write("read_ahead_user/long.txt", src:sub(1, at - 1) .. body:rep(2000) .. "\n" .. src:sub(at))
  local function run(limit)
    return sh(string.format("%s check --format json -j1 --rules %s --select reads --instructions %d %s",
                            NB, dir .. "/reads", limit, tmp .. "/read_ahead_user/long.txt"))
  end
  local out = run(200000)
  has(out, "reads.counts", "the limit names the rule")
  has(out, "instruction budget exceeded", "the reading ran under the rule's limits")
  out = run(20000000)
  has(out, "claims: ", "the rule reads all within a budget that allows it")
end)
