-- What rules ask of a report's prose is answered from what is read once a
-- report: a grammar's claims(report) from the claims grouped by grammar,
-- and holds(report, parts, words) first from the report's parts joined.
-- The answers are those of asking each claim and each part in turn, read
-- ahead of the rules or not.

local claims = require "claims"
local view = require "view"
local Report = require "report"

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
-- holds as it was: each part asked for each word
local function holds_each(report, parts, words)
  for _, sid in ipairs(parts) do
    local s = report:section(sid)
    local t = s and s.text
    if t and t ~= "" then
      for _, w in ipairs(words) do
        local chars = {}
        for c in w:gmatch(utf8.charpattern) do chars[#chars + 1] = (c:gsub("%p", "%%%0")) end
        if t:find(w:match(utf8.charpattern) or w, 1, true) and t:find(table.concat(chars, "[%s%d%-]*")) then
          return true
        end
      end
    end
  end
  return false
end

local function reports()
  local out = {}
  for _, path in ipairs(PATHS) do
    if nbio.stat(path) then
      local ahead = view.readonly(assert(nianbao.engine:read(path)))
      eq(true, claims.read_ahead(text, ahead, BUDGET), "read ahead: " .. path)
      -- (holds' quick look reads the report's own joined parts)
      eq("string", type(Report.joined_text(view.unwrap(ahead))), "joined parts: " .. path)
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

test("holds answers as each part asked for each word does, read ahead or not", function()
  local PARTS = { "s0", "s1", "s2", "s3", "s4", "s5", "s6" }
  local asks = {
    { PARTS, { "填写", "描述", "XX", "xx", "××", "**" } },
    { { "s0", "s1" }, { "第", "条例" } },
    { PARTS, { "政府信息公开" } },
    { { "s6" }, { "政府信息公开" } },
    { { "s9", "s2" }, { "申请" } },
    { PARTS, { "2 0" } },
    { PARTS, { "" } },
    { {}, { "政府" } },
    { PARTS, {} },
  }
  local yes, no = 0, 0
  for _, r in ipairs(reports()) do
    -- a word each part holds, and one none does (first characters of both)
    local s1 = r.R:section("s1")
    local word = s1 and s1.text:match("[\228-\233][\128-\191][\128-\191][\228-\233][\128-\191][\128-\191]")
    local list = { table.unpack(asks) }
    if word then list[#list + 1] = { PARTS, { "龘", word } }; list[#list + 1] = { { "s0" }, { word } } end
    for _, ask in ipairs(list) do
      local want = holds_each(r.R, ask[1], ask[2])
      eq(want, text.holds(r.R, ask[1], ask[2]), table.concat(ask[2], ",") .. " in " .. r.path)
      if want then yes = yes + 1 else no = no + 1 end
    end
  end
  if yes < 4 or no < 4 then error(string.format("too few of each answer to tell: %d yes, %d no", yes, no)) end
end)

test("what is kept of a report's prose goes with the report", function()
  local R = view.readonly(assert(nianbao.engine:read("examples/jiuqu-2024.txt")))
  eq(true, claims.read_ahead(text, R, BUDGET), "read ahead")
  local G = text.claims_in(R)[1].grammar
  eq(true, #G.claims(R) > 0, "claims")
  text.holds(R, { "s1" }, { "年" })
  local kept = setmetatable({ view.unwrap(R) }, { __mode = "v" })
  R, G = nil, nil
  collectgarbage()
  collectgarbage()
  eq(nil, kept[1], "the report after its last use")
end)

test("a reading stopped by a limit goes on when asked again; a finished one is given as it is", function()
  local limits = require "nianbao.sandbox"
  local path = "examples/jiuqu-2024.txt"
  local want = lines(text.claims_in(view.readonly(assert(nianbao.engine:read(path)))))
  local R = view.readonly(assert(nianbao.engine:read(path)))
  local ok = limits.call({ instructions = 1000, memory = 1 << 28 }, text.claims_in, R)
  eq(false, ok, "the reading stopped by the limit")
  local G = text.claims_in(view.readonly(assert(nianbao.engine:read(path))))[1].grammar
  eq(lines(claims_of(G, R)), lines(G.claims(R)), "a grammar's claims after the stop")
  local all = text.claims_in(R)
  eq(want, lines(all), "the claims after the stop")
  eq(all, text.claims_in(R), "the finished reading given again")
end)
