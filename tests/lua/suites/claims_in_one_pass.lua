-- A report's claims are read a sentence at a time as the text is cut, the
-- sentences passed over at the quick look with no list of them made: the
-- claims are those of each sentence read by itself, in the same order.

local nbio = require "nianbao.io"
local text = nianbao.engine:pack("gb2021").rule_by_id["gb2021.txt.new"].env.text

local function said(c)
  return table.concat({ c.section, c.text, c.at, c.stop, c.kind, c.cells, tostring(c.value), tostring(c.pct) }, "|")
end

-- the claims as each sentence of each part read by itself gives them
local function sentence_by_sentence(R)
  local out = {}
  for _, sec in ipairs(R.sections or {}) do
    local s = R:section(sec.id)
    if s and s.text ~= "" then
      local ctx = { year = R.year, issuer = R.issuer, part = sec.id }
      for _, st in ipairs(text.sentences(s.text)) do
        for _, c in ipairs(text.read(st.text, ctx)) do
          c.section = sec.id
          out[#out + 1] = said(c)
        end
      end
    end
  end
  return out
end

test("a report's claims are its sentences' claims, each read by itself, in order", function()
  local wrapped = "一、总体情况\n本年共收到政府信息公开申请\n  12件，办结10件。\n - 2 - \n上年结转2件；\n\n无行政复议。\n（一）全年收到申请15件\n其他。"
  local inputs = {
    { "jiuqu.txt", assert(nbio.readfile("examples/jiuqu-2024.txt")) },
    { "pingtan.txt", assert(nbio.readfile("tests/corpus/pingtan-2021.txt")) },
    { "wrapped.txt", assert(nbio.readfile("examples/jiuqu-2024.txt")):gsub("。", "。\n", 3) .. wrapped },
  }
  local total = 0
  for _, input in ipairs(inputs) do
    local R = nianbao.engine:bind_bytes(input[2], input[1])
    local want = sentence_by_sentence(R)
    local got = {}
    for _, c in ipairs(text.claims_in(R)) do got[#got + 1] = said(c) end
    eq(table.concat(want, "\n"), table.concat(got, "\n"), "claims of " .. input[1])
    total = total + #got
  end
  if total < 10 then error("too few claims read to tell: " .. total) end
end)

-- a sentence read for one report is not read again for the next with the
-- same year, issuer and part: its claims are the same, in tables of its own
test("a sentence read before gives the same claims, each report its own tables, for its own year", function()
  local said_of = "\n2024年全年共收到申请15件。"
  local function report(year)
    local src = assert(nbio.readfile("examples/jiuqu-2024.txt")):gsub("2024", tostring(year)) .. said_of
    return nianbao.engine:bind_bytes(src, "same-" .. year .. ".txt")
  end
  local function claims_of(R)
    local out = {}
    for _, c in ipairs(text.claims_in(R)) do out[#out + 1] = said(c) end
    return table.concat(out, "\n")
  end
  local first, again = report(2024), report(2024)
  local a, b = text.claims_in(first), text.claims_in(again)
  eq(#a, #b, "claims of the same text")
  if #a == 0 then error("no claims to compare") end
  for i = 1, #a do
    eq(said(a[i]), said(b[i]), "claim " .. i)
    eq(a[i].line, b[i].line, "line of claim " .. i)
    if rawequal(a[i], b[i]) then error("claim " .. i .. " is one table for two reports") end
  end
  local was = b[1].value
  a[1].value = "changed by a rule"
  eq(was, b[1].value, "the second report's claim after a change to the first's")
  -- the same last sentence in a report of 2025: read for that year
  local later = report(2025)
  local want = table.concat(sentence_by_sentence(later), "\n")
  eq(want, claims_of(later), "claims of the report of 2025")
  local function of_last(R)
    local out = {}
    for _, c in ipairs(text.claims_in(R)) do
      if c.text:find("2024年全年共收到申请15件", 1, true) then out[#out + 1] = c.kind .. " " .. tostring(c.value) end
    end
    return table.concat(out, "; ")
  end
  if of_last(first) == of_last(later) then error("the year made no difference to the claims: the test tells nothing") end
end)
