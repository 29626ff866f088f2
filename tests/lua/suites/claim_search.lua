-- How the readers of a grammar are searched: readers compiled together are
-- tried only where one of them can begin (its first characters, worked out
-- from the rules); everywhere else the search passes at a glance. It finds
-- every claim the search of every place finds.

local load_national_text_rules = dofile("tests/lua/national_text_rules.lua")
local F = nianbao.engine:pack("gb2021").format
local claims = require "claims"

local function words(list)
  local out = {}
  for _, w in ipairs(list or {}) do out[#out + 1] = w end
  table.sort(out)
  return table.concat(out, " ")
end

-- readers that begin with a word, an optional word, a predicate, a class, a format word
local function spec(first)
  return {
    name = "starts", topic = "t3",
    words = [[
      verb    <- "收到" / ("受理" "并")? "办理"
      maybe   <- "共"?
      request <- "政府信息公开"? "申请"
    ]],
    readers = {
      { cells = "t3.new.total", grammar = "claim <- verb request %sp %count" },
      { cells = "t3.carried.total", grammar = [[ claim <- maybe !"件" ("上年" / [xy]) "结转" %count ]] },
      { cells = "t3.next.total", grammar = "claim <- " .. first },
    },
  }
end

test("a grammar's readers compiled together begin only with the first characters of their rules", function()
  local G = claims.for_format(F).grammar(spec([[ "结转下年度" %count ]]))
  eq(true, G.scan ~= nil, "compiled together")
  eq("x y 上 共 办 受 收 结", words(G.starts), "first characters")
  local H = claims.for_format(F).grammar(spec([[ {:zero: %neg :} "结转" ]]))
  eq("x y 上 从 共 办 受 均 尚 收 无 未 没 都", words(H.starts), "first characters, a negation among them")
end)

test("a reader that may begin anywhere, or match nothing, leaves the search at every place", function()
  for _, first in ipairs { [[ . "结转" %count ]], [[ "结转"? ]], [[ %ch "结转" %count ]], [[ &"结转" ]] } do
    local G = claims.for_format(F).grammar(spec(first))
    eq(true, G.scan ~= nil, "compiled together: " .. first)
    eq(nil, G.starts, "first characters of " .. first)
  end
end)

-- every claim of a sentence, as text (the grammars of two readings are not the same object)
local function said(T, s, ctx)
  local out = {}
  for _, c in ipairs(T.read(s, ctx or { year = 2024 })) do
    out[#out + 1] = string.format("%s %s %s %s %s %d-%d", c.kind, c.cells, tostring(c.value), tostring(c.pct),
                                  tostring(c.of), c.at, c.stop)
  end
  return table.concat(out, "; ")
end

test("the readers searched where they can begin read the claims of searching every place", function()
  local fast, plain = claims.for_format(F), claims.for_format(F, { plain_search = true })
  for _, T in ipairs { fast, plain } do
    T.grammar(spec([[ "结转下年度" %count ]]))
    T.grammar(spec([[ {:zero: %neg :} "结转" ]]))
  end
  for _, s in ipairs {
    "本年收到政府信息公开申请12件，共上年结转3件，结转下年度2件。",
    "受理并办理申请５件，x结转1件，未结转",
    "收到　申请 4 1 2 件",                       -- a full-width space, digits a PDF spaced out
    "一、本年新收政府信息公开申请数量 19 1 0 0 1 0 21 二、上年结转政府信息公开申请数量 2 0 0 0 0 0 2",
  } do
    eq(said(plain, s), said(fast, s), s)
  end
end)

test("the national pack's grammars read every sentence of the corpus as the search of every place does", function()
  -- the text rules loaded twice, into a reading of each kind
  local function reading(opts)
    local T, registered = claims.for_format(F, opts), {}
    local grammar = T.grammar
    T.grammar = function(s)
      local G = grammar(s)
      registered[G.name or "?"] = G
      return G
    end
    load_national_text_rules(T)
    return T, registered
  end
  local fast, registered = reading()
  local plain = reading { plain_search = true }
  eq(true, registered.new ~= nil and registered.new.starts ~= nil, "txt.new's readers searched where they can begin")
  -- the sentence corpus, and every sentence of the real reports (long table runs of PDF text among them)
  local cases = {}
  for _, name in ipairs(assert(nbio.listdir("tests/sentences"))) do
    if name:match("%.yaml$") then
      local src = assert(nbio.readfile("tests/sentences/" .. name))
      for _, e in ipairs(assert(nianbao.yaml.decode(src, name))) do
        cases[#cases + 1] = { s = e.s, ctx = { year = e.year, issuer = e.issuer }, where = name }
      end
    end
  end
  for _, dir in ipairs { "tests/corpus", "tests/corpus/partial" } do
    for _, name in ipairs(assert(nbio.listdir(dir))) do
      local year = name:match("(%d%d%d%d)[^/]*%.txt$")
      if year then
        for _, s in ipairs(fast.sentences(assert(nbio.readfile(dir .. "/" .. name)))) do
          cases[#cases + 1] = { s = s.text, ctx = { year = tonumber(year) }, where = name }
        end
      end
    end
  end
  local claimed = 0
  for _, case in ipairs(cases) do
    local got = said(fast, case.s, case.ctx)
    if got ~= "" then claimed = claimed + 1 end
    eq(said(plain, case.s, case.ctx), got, case.where .. ": " .. case.s)
  end
  eq(true, claimed > 300, "sentences that claim something: " .. claimed .. " of " .. #cases)
end)
