-- A format's grammars are compiled when first asked for, and all of them
-- when walked: each reads as its text compiled on its own does, and a
-- grammar that does not compile says so, by name, when asked for.

local format = require "format"
local packs = require "packs"
local re = require "re"
local lpeg = require "lpeg"
local view = require "view"

local SAMPLES = { "", "2024年3月31日", "二〇二四年一月二十日", "- 3 -", "第 2 页", "某某县人民政府2024年政府信息公开工作年度报告",
                  "2024年1月1日至2024年12月31日", "某某县人民政府办公室", "15个工作日" }

-- what a match gives, as text (tables of captures by their contents)
local function shown(...)
  local out = {}
  for i = 1, select("#", ...) do
    local v = select(i, ...)
    if type(v) == "table" then
      local keys = {}
      for k in pairs(v) do keys[#keys + 1] = tostring(k) end
      table.sort(keys)
      local parts = {}
      for _, k in ipairs(keys) do parts[#parts + 1] = k .. "=" .. tostring(v[k] or v[tonumber(k)]) end
      out[i] = "{" .. table.concat(parts, ",") .. "}"
    else
      out[i] = tostring(v)
    end
  end
  return table.concat(out, " ")
end

test("a format's grammars are compiled when asked for, each as its text compiled alone", function()
  local decl = packs.load(".", {}, {}):declaration("gb2021").decl
  local F = format.compile(decl, "gb2021", "gb2021")
  local names = {}
  for name in pairs(decl.grammars) do names[#names + 1] = name end
  table.sort(names)
  eq(true, #names > 2, "grammars declared")
  for _, name in ipairs(names) do eq(nil, rawget(F.grammars, name), name .. ": not compiled before it is asked for") end
  local first = names[1]
  local p = F.grammars[first]
  eq("pattern", lpeg.type(p), first .. ": a pattern once asked for")
  eq(true, rawget(F.grammars, first) == p, first .. ": kept")
  eq(nil, rawget(F.grammars, names[2]), names[2] .. ": still not compiled")
  eq(nil, F.grammars.no_such_grammar, "a grammar not declared")
  local walked = 0
  for name, q in pairs(F.grammars) do
    walked = walked + 1
    local alone = re.compile(decl.grammars[name], { ch = format.utf8char })
    for _, s in ipairs(SAMPLES) do
      eq(shown(alone:match(s)), shown(q:match(s)), name .. " on " .. s)
    end
  end
  eq(#names, walked, "every grammar walked")
end)

test("a grammar that does not compile is named when it is asked for", function()
  local decl = view.copy(packs.load(".", {}, {}):declaration("gb2021").decl)
  decl.grammars.broken = [[ x <- ( "a" ]]
  local F = format.compile(decl, "gb2021", "some/format.lua")
  local ok, err = pcall(function() return F.grammars.broken end)
  eq(false, ok, "asking for it fails")
  has(err, "some/format.lua: grammar 'broken':", "the message")
  eq("pattern", lpeg.type(F.grammars.date), "the others still compile")
end)
