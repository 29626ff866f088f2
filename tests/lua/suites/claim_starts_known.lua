-- The rules of the national packs' grammars, and where their readers can
-- begin, are worked out when the binary is built (scripts/lib/claim_starts.lua,
-- make claim-starts): the file holds what the grammars give now, a check
-- takes them from it only for the same texts, and works out any other.

local F = nianbao.engine:pack("gb2021").format
local claims = require "claims"
local lpeg = require "lpeg"

local function look(G)
  return string.format("scan=%s starts=%s runs=%s", tostring(G.scan ~= nil),
                       G.starts and table.concat(G.starts, " ") or "-", tostring(G.space_runs))
end

local function same(a, b, what)
  if type(a) ~= "table" or type(b) ~= "table" then eq(a, b, what) return end
  for k, v in pairs(a) do same(v, b[k], what .. " " .. tostring(k):sub(1, 40)) end
  for k in pairs(b) do if a[k] == nil then error(what .. ": left over: " .. tostring(k):sub(1, 80), 0) end end
end

test("the looks made when the binary was built are those the national packs' grammars give now", function()
  local recorded = assert(loadfile("tests/tools/claim_starts.lua"))("record")()
  local written = dofile("scripts/lib/claim_starts.lua")
  local n = 0
  for _, looks in pairs(recorded.starts) do for _ in pairs(looks) do n = n + 1 end end
  eq(true, n >= 10, "grammars looked at: " .. n)
  -- (stale: run make claim-starts)
  same(recorded, written, "claim_starts.lua")
end)

local SPEC = {
  name = "known", topic = "t3",
  words = [[ verb <- "收到" / "受理" ]],
  readers = {
    { cells = "t3.new.total", grammar = [[ claim <- verb %sp %count ]] },
    { cells = "t3.next.total", grammar = [[ claim <- "结转" %sp %count ]] },
  },
}

local function copy(t)
  if type(t) ~= "table" then return t end
  local c = {}
  for k, v in pairs(t) do c[k] = copy(v) end
  return c
end

test("a look made when the binary was built is taken for the same texts, and only for them", function()
  -- the key of SPEC's look, and a file that gives it a start no reader has
  local record = { starts = {}, rules = {} }
  claims.starts_record = record
  local ok, err = pcall(function() claims.for_format(F).grammar(copy(SPEC)) end)
  claims.starts_record = nil
  assert(ok, err)
  local language, key = next(record.starts)
  key = next(record.starts[language])
  local made = package.loaded.claim_starts
  package.loaded.claim_starts = { starts = { [language] = { [key] = { list = { "甲" }, uniform = false } } }, rules = {} }
  ok, err = pcall(function()
    eq("scan=true starts=甲 runs=nil", look(claims.for_format(F).grammar(copy(SPEC))), "the same texts")
    local function worked_out(spec, defs, format)
      local T = claims.for_format(format or F)
      for k, v in pairs(defs or {}) do T.defs[k] = v end
      local reference = claims.for_format(format or F, { starts_reference = true })
      for k, v in pairs(defs or {}) do reference.defs[k] = v end
      local want = look(reference.grammar(copy(spec)))
      eq(want, look(T.grammar(spec)), "worked out")
      eq(true, want:find("甲") == nil, "not the file's")
    end
    -- a reader's text edited, the words edited, a reader more
    local edited = copy(SPEC)
    edited.readers[2].grammar = [[ claim <- "结转" %sp  %count ]]
    worked_out(edited)
    edited = copy(SPEC)
    edited.words = [[ verb <- "收到" / "受理" / "接收" ]]
    worked_out(edited)
    edited = copy(SPEC)
    edited.readers[3] = { cells = "t3.done.total", grammar = [[ claim <- "办结" %count ]] }
    worked_out(edited)
    -- a format word defined anew
    worked_out(copy(SPEC), { sp = lpeg.P" "^0 })
    -- the language's words changed: a unit more, a space more
    for _, change in ipairs { { "units", "台" }, { "spaces", "\u{2002}" } } do
      local language = copy(F.language)
      language[change[1]][#language[change[1]] + 1] = change[2]
      worked_out(copy(SPEC), nil, setmetatable({ language = language }, { __index = F }))
    end
  end)
  package.loaded.claim_starts = made
  assert(ok, err)
end)

test("the rules a text was split into when the binary was built are taken for the same text only", function()
  local made = package.loaded.claim_starts
  local other = [[ claim <- "办结" %count ]]
  package.loaded.claim_starts = { starts = {}, rules = { [SPEC.readers[2].grammar] = claims.plain_rules(other) } }
  local ok, err = pcall(function()
    local G = claims.for_format(F).grammar(copy(SPEC))
    eq(true, G.starts ~= nil, "searched where a reader can begin")
    local starts = " " .. table.concat(G.starts, " ") .. " "
    eq(true, starts:find(" 办 ") ~= nil and starts:find(" 结 ") == nil, "the file's rules: " .. starts)
    local edited = copy(SPEC)
    edited.readers[2].grammar = edited.readers[2].grammar .. " "
    G = claims.for_format(F).grammar(edited)
    starts = " " .. table.concat(G.starts, " ") .. " "
    eq(true, starts:find(" 办 ") == nil and starts:find(" 结 ") ~= nil, "the text's own rules: " .. starts)
  end)
  package.loaded.claim_starts = made
  assert(ok, err)
end)

test("a grammar's readers joined as the binary's build planned them, for the same texts only", function()
  local record = { starts = {}, rules = {}, plans = {} }
  claims.starts_record = record
  local ok, err = pcall(function() claims.for_format(F).grammar(copy(SPEC)) end)
  claims.starts_record = nil
  assert(ok, err)
  local language, plans = next(record.plans)
  local key, plan = next(plans)
  eq(true, plan.text:find('"结转"', 1, true) ~= nil, "the plan's text")
  -- a file whose plan reads 办结 where the texts say 结转 (and no start: every place looked at)
  local altered = copy(plan)
  altered.text, altered.guard = altered.text:gsub('"结转"', '"办结"'), nil
  local made = package.loaded.claim_starts
  package.loaded.claim_starts = { starts = { [language] = { [key] = { list = false } } }, rules = {}, leads = {},
                                  plans = { [language] = { [key] = altered } } }
  ok, err = pcall(function()
    local function reads(spec, s)
      return claims.for_format(F).grammar(spec).scan:match(s, 1, 1) ~= nil
    end
    eq(true, reads(copy(SPEC), "办结5件"), "the file's plan")
    eq(false, reads(copy(SPEC), "结转5件"), "the file's plan")
    local edited = copy(SPEC)
    edited.readers[2].grammar = edited.readers[2].grammar .. " "
    eq(false, reads(edited, "办结5件"), "the texts' own")
    eq(true, reads(edited, "结转5件"), "the texts' own")
  end)
  package.loaded.claim_starts = made
  assert(ok, err)
end)
