-- The results' grammar (txt.result) needs 其他处理, not any 处理: of its
-- readers' words only the group 其他处理 holds 处理 and no other word of
-- the needs ("未收取信息处理费" names no result). Each sentence of the
-- corpus and of these forms reads the same claims with the needs as with none.

local DIR = "tests/sentences"
local F = nianbao.engine:pack("gb2021").format
local claims = require "claims"

-- the spec a rule file gives its grammar
local function spec_of(rule)
  local got
  local function keep(spec) got = spec; return function() end end
  local text = setmetatable({ grammar = keep, claims = keep }, { __index = claims.for_format(F) })
  local env = setmetatable({ text = text }, { __index = _G })
  assert(loadfile("rules/gb2021/" .. rule .. ".lua", "t", env))()
  return got
end

local function without_needs(spec)
  local copy = {}
  for k, v in pairs(spec) do copy[k] = v end
  copy.needs = nil
  return copy
end

local function said(T, s, year)
  local out = {}
  for _, c in ipairs(T.read(s, { year = year })) do
    out[#out + 1] = string.format("%s %s %s %s %d-%d", c.kind, c.cells, tostring(c.value), tostring(c.pct), c.at, c.stop)
  end
  return table.concat(out, "; ")
end

local sentences = {}
local names = assert(nbio.listdir(DIR))
table.sort(names)
for _, n in ipairs(names) do
  if n:match("%.yaml$") then
    for _, e in ipairs(assert(nianbao.yaml.decode(assert(nbio.readfile(DIR .. "/" .. n)), n))) do
      if type(e.s) == "string" then sentences[#sentences + 1] = { s = e.s, year = e.year } end
    end
  end
end

test("txt.result: a sentence reads the same claims with the results' needs as with every sentence read", function()
  local spec = spec_of("txt.result")
  local with, all = claims.for_format(F), claims.for_format(F)
  with.grammar(spec)
  all.grammar(without_needs(spec))
  local read = 0
  local forms = {
    { s = "其他处理2件。", year = 2024 }, { s = "其他处理的申请共计3件。", year = 2024 },
    { s = "不予处理1件，其他处理2件。", year = 2024 }, { s = "本年度未收取信息处理费。", year = 2024 },
    { s = "收到申请10件，其中予以公开5件，其他处理5件。", year = 2024 },
  }
  for _, e in ipairs(sentences) do forms[#forms + 1] = e end
  for i, e in ipairs(forms) do
    local want = said(all, e.s, e.year)
    eq(want, said(with, e.s, e.year), "sentence " .. i .. ": " .. e.s)
    if want ~= "" then read = read + 1 end
  end
  if read < 5 then error("too few sentences read to tell: " .. read) end
  local held = false
  for _, w in ipairs(spec.needs) do
    if ("本年度未收取信息处理费。"):find(w, 1, true) then held = true end
  end
  eq(false, held, "a word of the needs held by a sentence of no result")
end)
