-- A grammar of the national packs is compiled when a sentence first needs
-- it, not when its rule registers it: every sentence reads the same claims
-- as with every grammar compiled at once. Inside a rule's limits it is
-- compiled outside them, as at start-up; when a report is not read ahead,
-- all that is left is compiled before its rules read it; a grammar of
-- texts the build never saw is compiled at once, its errors raised where
-- they always were.

local DIR = "tests/sentences"
local F = nianbao.engine:pack("gb2021").format
local claims = require "claims"
local limits = require "nianbao.sandbox"
local view = require "view"

-- the spec each txt rule file gives its grammar (text.grammar or text.claims)
local national_specs = dofile("tests/lua/national_text_specs.lua")
local function specs() return national_specs(claims.for_format(F)) end
local SPECS = specs()

local function registered(opts)
  local T = claims.for_format(F, opts)
  for _, spec in ipairs(SPECS) do T.grammar(spec) end
  return T
end

local function said(T, s, year)
  local out = {}
  for _, c in ipairs(T.read(s, { year = year })) do
    out[#out + 1] = string.format("%s %s %s %s %d-%d", c.grammar.name or "", c.kind, c.cells, tostring(c.value),
                                  c.at, c.stop)
  end
  return table.concat(out, "; ")
end

local sentences = {}
for _, n in ipairs((function() local l = assert(nbio.listdir(DIR)); table.sort(l); return l end)()) do
  if n:match("%.yaml$") then
    for _, e in ipairs(assert(nianbao.yaml.decode(assert(nbio.readfile(DIR .. "/" .. n)), n))) do
      if type(e.s) == "string" then sentences[#sentences + 1] = { s = e.s, year = e.year or 2024 } end
    end
  end
end

test("the national grammars are compiled when a sentence needs them, with the same claims", function()
  if #SPECS < 5 or #sentences < 20 then error("too few grammars or sentences to tell") end
  local later, now = registered(), registered { at_once = true }
  eq(#SPECS, claims.grammars_pending(later), "registered, none compiled")
  eq(0, claims.grammars_pending(now), "compiled at once")
  -- a sentence no grammar needs compiles none
  said(later, "本机关联系电话为0591-12345678。", 2024)
  local claimed = 0
  for _, e in ipairs(sentences) do
    local want = said(now, e.s, e.year)
    eq(want, said(later, e.s, e.year), e.s)
    if want ~= "" then claimed = claimed + 1 end
  end
  if claimed < 20 then error("too few sentences claim anything: " .. claimed) end
  eq(true, claims.grammars_pending(later) < #SPECS, "those the sentences needed compiled")
end)

test("a sentence read inside an untrusted rule's limits has what it needs compiled as at start-up", function()
  local T, now = registered(), registered { at_once = true }
  local s = "全年收到政府信息公开申请10件，上年结转2件。"
  local want = said(now, s, 2024)
  eq(true, want ~= "", "a sentence with claims")
  local ok, got = limits.call({ instructions = 1e9, memory = 1 << 28, untrusted = true }, said, T, s, 2024)
  eq(true, ok, "read under limits")
  eq(want, got, "the same claims")
  eq(true, claims.grammars_pending(T) < #SPECS and claims.grammars_pending(T) > 0, "those it needed compiled")
end)

test("work done outside a limited call is not charged to it, and its memory is not the call's", function()
  local limited = require "nianbao.limited"
  local function spin(n) local x = 0; for i = 1, n do x = x + i end; return x end
  local ok = limits.call({ instructions = 100000, memory = 1 << 26 }, spin, 1000000)
  eq(false, ok, "the loop alone passes the budget")
  local got
  ok, got = limits.call({ instructions = 100000, memory = 1 << 26 }, function()
    local inside = limited.running()
    local v, outside_running = limited.outside(function(n) return spin(n), limited.running() end, 1000000)
    return table.concat({ tostring(inside), tostring(v), tostring(outside_running), tostring(limited.running()) }, " ")
  end)
  eq(true, ok, "outside, the loop is not charged")
  eq("true 500000500000 false true", got, "running inside, not outside, again after")
  ok = limits.call({ instructions = 100000, memory = 1 << 26 }, function()
    limited.outside(function() end)
    return spin(1000000)
  end)
  eq(false, ok, "after it, the budget holds")
  local kept
  ok = limits.call({ instructions = 1e9, memory = 4 << 20 }, function()
    kept = limited.outside(function() return string.rep("x", 8 << 20) end)
    return #string.rep("y", 1 << 20)
  end)
  eq(true, ok, "the memory made outside is not counted against the call")
  eq(8 << 20, #kept, "what it made is kept")
  ok = limits.call({ instructions = 1e9, memory = 4 << 20 }, function() return #string.rep("y", 8 << 20) end)
  eq(false, ok, "inside, the ceiling holds")
  ok = pcall(limited.outside, function() error("raised") end)
  eq(false, ok, "an error passes through")
  eq(false, limited.running(), "and nothing is left running")
end)

test("a report too long to read ahead has every grammar compiled before its rules read it", function()
  local T = registered()
  local R = view.readonly(assert(nianbao.engine:read("examples/jiuqu-2024.txt")))
  eq(false, claims.read_ahead(T, R, 1000), "not read ahead")
  eq(0, claims.grammars_pending(T), "none left")
  eq(said(registered { at_once = true }, "全年收到政府信息公开申请10件。", 2024),
     said(T, "全年收到政府信息公开申请10件。", 2024), "the same claims")
end)

test("a grammar of texts the build did not see is compiled at once, its error where it was", function()
  local T = registered()
  local before = claims.grammars_pending(T)
  T.grammar { name = "own", readers = { { grammar = [[ claim <- "办结" %count ]] } }, cells = "t3.result.total.total" }
  eq(before, claims.grammars_pending(T), "not put off")
  local ok, err = pcall(function()
    T.grammar { name = "broken", readers = { { grammar = [[ claim <- %nosuch ]] } } }
  end)
  eq(false, ok, "a grammar that does not compile")
  has(err, "broken reader 1", "its message")
  has(err, "claim_grammars_put_off.lua:", "the place: the caller's line")
  eq(before, claims.grammars_pending(T), "nothing registered")
end)

-- (a plain copy, as a user pack's rule makes its spec anew at each run)
local function copy(v)
  if type(v) ~= "table" then return v end
  local out = {}
  for k, x in pairs(v) do out[k] = copy(x) end
  return out
end

test("a spec registered again gets the grammar registered first, whenever its key is worked out", function()
  local T = claims.for_format(F)
  local first = {}
  for i, spec in ipairs(SPECS) do first[i] = T.grammar(spec) end
  for i, spec in ipairs(SPECS) do
    eq(first[i], T.grammar(copy(spec)), "the same spec: " .. tostring(spec.name))
  end
  local again = claims.for_format(F)
  local G = again.grammar(SPECS[1])
  local ok, got = limits.call({ instructions = 1e9, memory = 1 << 28 }, again.grammar, copy(SPECS[1]))
  eq(true, ok, "registered under limits")
  eq(G, got, "under limits, the grammar registered outside them")
  local other = copy(SPECS[1])
  other.needs = { "另一个词" }
  eq(false, again.grammar(other) == G, "a spec of the same name that differs: a grammar of its own")
  eq(false, T.grammar(other) == first[1], "the same, where the first's key was put off")
end)

test("compiling a grammar put off leaves the collector as it found it", function()
  local was = collectgarbage("isrunning")
  local s = "全年收到政府信息公开申请10件。"
  local T = registered()
  collectgarbage("restart")
  said(T, s, 2024)
  local running_after = collectgarbage("isrunning")
  collectgarbage("stop")
  said(registered(), s, 2024)
  local stopped_after = not collectgarbage("isrunning")
  if was then collectgarbage("restart") end
  eq(true, running_after, "running before, running after")
  eq(true, stopped_after, "stopped before, stopped after")
end)
