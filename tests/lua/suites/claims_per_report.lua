-- What rules ask of a report's prose is answered from what is read once a
-- report: a grammar's claims(report) from the claims grouped by grammar.
-- The answers are those of asking each claim in turn, read ahead of the
-- rules or not.

local claims = require "claims"
local view = require "view"

local P = nianbao.engine:pack("gb2021")
local text = P.rule_by_id["gb2021.txt.new"].view.text
local BUDGET = 20000000
local PATHS = { "examples/jiuqu-2024.txt", "tests/corpus/pingtan-2022.txt",
                "tests/corpus/huaian-2024.layout.txt", "tests/corpus/pingtan-2018.txt" }

local function said(c)
  return table.concat({ c.section, c.text, c.line, c.col, c.at, c.stop, c.kind, c.cells, tostring(c.value) }, "|")
end
local function lines(list)
  local out = {}
  for _, c in ipairs(list) do out[#out + 1] = said(c) end
  return table.concat(out, "\n")
end
-- a grammar's claims as each claim rule used to find them: every claim asked
local function claims_of(G, report)
  local out = {}
  for _, c in ipairs(text.claims_in(report)) do
    if c.grammar == G then out[#out + 1] = c end
  end
  return out
end
local function reports()
  local out = {}
  for _, path in ipairs(PATHS) do
    if nbio.stat(path) then
      local ahead = view.readonly(assert(nianbao.engine:read(path)))
      eq(true, claims.read_ahead(text, ahead, BUDGET), "read ahead: " .. path)
      out[#out + 1] = { path = path .. " (read ahead)", R = ahead }
      out[#out + 1] = { path = path, R = view.readonly(assert(nianbao.engine:read(path))) }
    end
  end
  return out
end

test("each grammar's claims of a report are its claims among all the report's, read ahead or not", function()
  local grammars, asked = {}, 0
  for _, r in ipairs(reports()) do
    for _, c in ipairs(text.claims_in(r.R)) do
      if not grammars[c.grammar] then grammars[c.grammar] = true; grammars[#grammars + 1] = c.grammar end
    end
  end
  if #grammars < 5 then error("too few grammars claimed to tell: " .. #grammars) end
  for _, r in ipairs(reports()) do
    for _, G in ipairs(grammars) do
      local got = G.claims(r.R)
      eq(lines(claims_of(G, r.R)), lines(got), (G.name or "?") .. " in " .. r.path)
      asked = asked + #got
    end
  end
  if asked < 10 then error("too few claims to tell: " .. asked) end
end)

test("a grammar's list of claims is the caller's own: changing it changes no later answer", function()
  for _, r in ipairs(reports()) do
    local G = text.claims_in(r.R)[1].grammar
    local first = G.claims(r.R)
    local want = lines(first)
    for i = #first, 1, -1 do first[i] = nil end
    first[1] = "not a claim"
    eq(want, lines(G.claims(r.R)), "claims again in " .. r.path)
  end
end)

test("what is kept of a report's prose goes with the report", function()
  local R = view.readonly(assert(nianbao.engine:read("examples/jiuqu-2024.txt")))
  eq(true, claims.read_ahead(text, R, BUDGET), "read ahead")
  local G = text.claims_in(R)[1].grammar
  eq(true, #G.claims(R) > 0, "claims")
  local kept = setmetatable({ view.unwrap(R) }, { __mode = "v" })
  R, G = nil, nil
  collectgarbage()
  collectgarbage()
  eq(nil, kept[1], "the report after its last use")
end)
