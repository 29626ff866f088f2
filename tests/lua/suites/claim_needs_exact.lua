-- The words a grammar needs are a quick test only: a sentence without any
-- of them is one none of the grammar's readers can match. So each sentence
-- of the corpus and of these forms reads the same claims with a grammar's
-- needs as with none (every sentence read), for every grammar that has
-- needs. The needs of negations (txt.none) and results (txt.result) name
-- what every match of some reader holds ("为0", not any 0; "予以公开", not
-- any 公开; "其他处理", not any 处理); a reader's word missing from the needs
-- ("将于", "同2023年", "同 2023年") shows here as a sentence read only without them.

local DIR = "tests/sentences"
local F = nianbao.engine:pack("gb2021").format
local claims = require "claims"

-- the specs a rule file gives its grammars (one, or a second for lists said with 分别)
local function specs_of(rule)
  local got = {}
  local function keep(spec) got[#got + 1] = spec; return function() end end
  local text = setmetatable({ grammar = function(spec) keep(spec); return { claims = function() return {} end } end,
                              claims = keep }, { __index = claims.for_format(F) })
  local env = setmetatable({ text = text }, { __index = _G })
  assert(loadfile("rules/gb2021/" .. rule .. ".lua", "t", env))()
  return got
end
local function spec_of(rule) return specs_of(rule)[1] end

local function without_needs(spec)
  local copy = {}
  for k, v in pairs(spec) do copy[k] = v end
  copy.needs = nil
  return copy
end

local function said(T, s, year)
  local out = {}
  for _, c in ipairs(T.read(s, { year = year })) do
    out[#out + 1] = string.format("%s %s %s %d-%d", c.kind, c.cells, tostring(c.value), c.at, c.stop)
  end
  return table.concat(out, "; ")
end

local sentences = {
  { s = "实现政府信息公开行政复议纠错“0发生”。", year = 2024 },
  { s = "实现政府信息公开行政复议纠错“零发生”。", year = 2024 },
  { s = "行政复议、行政诉讼均为0件。", year = 2024 },
  { s = "依申请公开数量为0。", year = 2024 },
  { s = "2020年以来未收到政府信息公开申请。", year = 2024 },
  { s = "上年无结转。", year = 2024 },
  { s = "全年收到政府信息公开申请10件，上年结转0件。", year = 2024 },
  { s = "其他法律行政法规禁止公开的2件。", year = 2024 },
  { s = "予以公开3件，部分公开1件，不予公开2件。", year = 2024 },
  { s = "予以公开及部分公开的42件。", year = 2024 },
  { s = "属于国家秘密不予公开1件，公开出版物2件。", year = 2024 },
  { s = "主动公开政府信息120条。", year = 2024 },
  { s = "其他处理2件。", year = 2024 }, { s = "其他处理的申请共计3件。", year = 2024 },
  { s = "不予处理1件，其他处理2件。", year = 2024 }, { s = "本年度未收取信息处理费。", year = 2024 },
  { s = "收到申请10件，其中予以公开5件，其他处理5件。", year = 2024 },
  -- the carried over, said by what the office will do
  { s = "7件申请尚在法定答复期限内，将于2025年办理。", year = 2024 },
  { s = "61件申请尚在法定答复期限内，将于2025年继续办理。", year = 2024 },
  -- last year, by its number
  { s = "政府信息公开申请数量同2023年增加5件。", year = 2024 },
  { s = "行政复议案件数量同２０２３年减少2件。", year = 2024 },
  { s = "政府信息公开申请数量同 2023年增加5件。", year = 2024 },
  { s = "行政诉讼案件数量同\u{3000}2023年减少1件。", year = 2024 },
  { s = "依申请公开数量较2023年增加5件。", year = 2024 },
  -- shares
  { s = "予以公开126件，占收到申请总数的89.4%。", year = 2024 },
  { s = "其中予以公开的占比为55%。", year = 2024 },
  { s = "部分公开6件，占比12.5％。", year = 2024 },
  { s = "本机关不掌握相关政府信息的占比最高，达41.2%。", year = 2024 },
  { s = "办结申请412件，占32.4%。", year = 2024 },
}
local names = assert(nbio.listdir(DIR))
table.sort(names)
for _, n in ipairs(names) do
  if n:match("%.yaml$") then
    for _, e in ipairs(assert(nianbao.yaml.decode(assert(nbio.readfile(DIR .. "/" .. n)), n))) do
      if type(e.s) == "string" then sentences[#sentences + 1] = { s = e.s, year = e.year } end
    end
  end
end

for _, rule in ipairs { "txt.carried", "txt.done", "txt.new", "txt.next", "txt.none", "txt.pct", "txt.result",
                        "txt.review", "txt.suit", "txt.t2", "xy.text_prev" } do
  test(rule .. ": a sentence reads the same claims with the grammar's needs as with every sentence read", function()
    local read = 0
    for _, spec in ipairs(specs_of(rule)) do
      eq(true, #spec.needs > 0, "the grammar needs words")
      local with, all = claims.for_format(F), claims.for_format(F)
      with.grammar(spec)
      all.grammar(without_needs(spec))
      for i, e in ipairs(sentences) do
        local want = said(all, e.s, e.year)
        eq(want, said(with, e.s, e.year), "sentence " .. i .. ": " .. e.s)
        if want ~= "" then read = read + 1 end
      end
    end
    if read < 5 then error(rule .. ": too few sentences read to tell: " .. read) end
  end)
end

-- and a sentence that names no result is not read for one
test("txt.result: no word of the needs in a sentence of a fee for processing", function()
  for _, w in ipairs(spec_of("txt.result").needs) do
    eq(nil, ("本年度未收取信息处理费。"):find(w, 1, true), "the needs' word " .. w)
  end
end)
