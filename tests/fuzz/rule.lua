-- libFuzzer (fuzz_lua_rule): generated Lua against the rule API. Each
-- input becomes a rule file of a user pack (the bytes pick fragments that
-- go at the file's top level or in its check function, and the strings and
-- numbers they use), which runs on two reports next to a harmless rule.
-- Whatever it does, checking must not raise, the harmless rule must fire
-- with the same words, and national rules run afterwards must give the
-- findings they gave before: else the harness aborts (a crash for
-- libFuzzer). An input that starts with "--raw\n" is taken as the file.
--
-- Loaded by tests/fuzz/fuzz_lua.c with (home, scratch folder).

local home, scratch = ...
local nbio = require "nianbao.io"
local engine = require "engine"
local checking = require "pipeline.check"
local limits = require "nianbao.sandbox"

local E = engine.new { home = home, no_config = true, rules = { home .. "/tests/hostile/packs/harmless" },
                       instructions = "200000", memory_mb = "32" }
local opts = { lang = "zh", instructions = 200000, memory = 32 * 1048576 }
local R1 = assert(E:read(home .. "/examples/jiuqu-2024.txt"))
local R2 = assert(E:read(home .. "/examples/broken/t3-balance.txt"))
local P = E:pack(R1.format)
-- the national rules are loaded: from now on a generated rule gets little time
limits.configure { seconds = 0.1 }      -- rule calls
E.limits.seconds = 0.1                   -- loading rule files

-- the rules whose findings must not change: an identity, checks, prose
local watched, harmless = {}, nil
for _, r in ipairs(P.rules) do
  if r.id == "harmless.fires" then harmless = r
  elseif r.id == "gb2021.t3.balance" or r.id == "gb2021.val.blank" or r.id == "gb2021.struct.section_missing"
         or r.id == "gb2021.date.late_dept" or r.id == "gb2021.qlt.placeholder" then
    watched[#watched + 1] = r
  end
end
assert(harmless and #watched == 5, "the harness's rules")

local function findings(rules, R)
  local list = checking.check({ format = P.format, rules = rules, broken = {} }, R, opts):list()
  local out = {}
  for _, f in ipairs(list) do out[#out + 1] = f.rule .. " " .. f.message .. " " .. tostring(f.line) end
  return table.concat(out, "\n")
end

local before = { findings(watched, R1), findings(watched, R2) }
local harmless_said = findings({ harmless }, R1)

--{=== the generator ===

local input, at
local function byte()
  at = at + 1
  return input:byte(at) or 0
end
local function number()
  local b = byte()
  local pick = { 0, 1, -1, 2, 7, 255, 65536, 1 << 31, 1 << 40, 1 << 62, math.maxinteger, math.mininteger, 0.5, -0.0 }
  return b < 200 and b or pick[(b % #pick) + 1]
end
local function str()
  local n = byte() % 24
  local s = input:sub(at + 1, at + n)
  at = at + n
  return string.format("%q", s)
end
local function num() return tostring(number()):gsub("%.0$", "") end

local targets = { "report", "report.sections", "report:section('s1')", "format", "format.tables.t3", "t3.columns",
                  "text", "text.defs", "lpeg", "lpeg.P(1)", "re", "string", "nianbao", "nianbao.null", "_ENV",
                  "params", "message", "''", "emit", "getmetatable(_ENV)" }
local function target() return targets[byte() % #targets + 1] end

local fragments = {
  function() return "emit { line = " .. num() .. ", col = " .. num() .. ", found = " .. str() .. " }" end,
  function() return "emit { cells = { " .. str() .. ", 't3.new.np' }, vars = { x = " .. str() .. " } }" end,
  function() return "emit { vars = { x = string.rep(" .. str() .. ", " .. num() .. ") } }" end,
  function() return "emit { cell = report:cell('t3.new.np'), expected = " .. num() .. " }" end,
  function() return "while true do end" end,
  function() return "pcall(function() while true do end end)" end,
  function() return "for i = 1, " .. num() .. " do pcall(string.rep, 'x', 1 << 24) end" end,
  function() return "error(" .. str() .. ")" end,
  function() return "error(setmetatable({}, { __tostring = function() return " .. str() .. " end }))" end,
  function() return "error(setmetatable({}, { __tostring = function() while true do end end }))" end,
  function() return "setmetatable({}, { __gc = function() while true do end end })" end,
  function() return "local mt = getmetatable(" .. target() .. ") if type(mt) == 'table' then mt.__index = nil end" end,
  function() return target() .. "[" .. str() .. "] = " .. str() end,
  function() return "rawget(" .. target() .. ", " .. str() .. ")" end,
  function() return "for k, v in pairs(" .. target() .. ") do end" end,
  function() return "local s = string.rep('a', " .. num() .. ") string.find(s, " .. str() .. ")" end,
  function() return "string.find(string.rep('a', 3000), '(.-)(.-)(.-)b')" end,
  function() return "string.gsub(" .. str() .. ", " .. str() .. ", " .. str() .. ")" end,
  function() return "for w in string.gmatch(" .. str() .. ", " .. str() .. ") do end" end,
  function() return "lpeg.P { 'S', S = lpeg.P'a' * lpeg.V'S' * 'b' + lpeg.P'a' * lpeg.V'S' * 'c' + '' }:match(string.rep('a', 40))" end,
  function() return "re.compile(" .. str() .. ")" end,
  function() return "(re.compile(" .. str() .. ")):match(" .. str() .. ")" end,
  function() return "text.find(report, { 's1', 's3' }, lpeg.P(" .. str() .. "))" end,
  function() return "text.number(" .. str() .. ")" end,
  function() return "report:cell(" .. str() .. ")" end,
  function() return "report:where(" .. str() .. ", " .. str() .. ")" end,
  function() return "report:place(report:section('s1') or {}, " .. num() .. ")" end,
  function() return "report:set('t3.new.np', 'number', " .. num() .. ")" end,
  function() return "nianbao.html.parse(" .. str() .. ", " .. num() .. ")" end,
  function() return "nianbao.html.parse(string.rep('<b>', " .. num() .. "))" end,
  function() return "nianbao.yaml.decode(" .. str() .. ")" end,
  function() return "local t = {} for i = 1, " .. num() .. " do t = { t } end nianbao.yaml.encode(t)" end,
  function() return "nianbao.convert(" .. str() .. ", " .. str() .. ")" end,
  function() return "nianbao.number(" .. str() .. ")" end,
  function() return "table.move({}, 1, " .. num() .. ", 2)" end,
  function() return "table.insert(setmetatable({}, { __len = function() return " .. num() .. " end }), 1, 0)" end,
  function() return "table.sort({ 3, 1, 2 }, function(a, b) return " .. str() .. " end)" end,
  function() return "utf8.len(string.rep('年', " .. num() .. "))" end,
  function() return "tostring(setmetatable({}, { __tostring = function() return " .. num() .. " end }))" end,
  function() return "kept = (kept or 0) + 1 if kept > 1 then emit { vars = { x = 'kept' } } end" end,
  function() return "lpeg.setmaxstack(" .. num() .. ")" end,
  function() return "local a = string.rep('a', " .. num() .. ") local b = a .. 'b' local n = 0 while a < b do n = n + 1 end" end,
}

-- The rule file of the current input.
local function program(bytes)
  if bytes:sub(1, 6) == "--raw\n" then return bytes:sub(7) end
  input, at = bytes, 0
  local top, body = {}, {}
  while at < #input do
    local where = byte()
    local frag = fragments[byte() % #fragments + 1]()
    if where % 4 == 0 then top[#top + 1] = frag else body[#body + 1] = frag end
    if #top + #body > 12 then break end
  end
  return table.concat {
    'id = "fuzz.rule"\nseverity = "error"\nmessage = { zh = "{x}" }\n',
    table.concat(top, "\n"), "\nfunction check(report, emit)\n", table.concat(body, "\n"), "\nend\n",
  }
end

--}===

local path = scratch .. "/rule.lua"

return function(bytes)
  local f = assert(io.open(path, "w"))
  f:write(program(bytes))
  f:close()
  local e = { base = "rule", id = "fuzz.rule", path = path, pack = "fuzz", untrusted = true }
  local rule = E.packs:load_rule(P.format, harmless.view, e, P.decl, {})
  local rules = { harmless }
  if rule then rules[2] = rule end
  for _, R in ipairs { R1, R2 } do
    local said = findings(rules, R)
    if not said:find(harmless_said, 1, true) then
      error("the harmless rule did not fire as before:\n" .. said)
    end
  end
  local after = { findings(watched, R1), findings(watched, R2) }
  if after[1] ~= before[1] or after[2] ~= before[2] then
    error("the national findings changed after the rule ran:\n" .. after[2] .. "\n--- before:\n" .. before[2])
  end
  local _ = nbio
end
