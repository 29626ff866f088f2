-- The other formats' signature words reach the tables as one list: for
-- one other format the same list each bind (made once per signature),
-- which the tables know by itself; for more, a list made anew. Either
-- way its words are the signatures' in order, and a report binds alike
-- whichever list it is given.

local bind = require "pipeline.bind"

local E = nianbao.engine
local P = E:pack("gb2021")
local F = P.format

local function joined(others)
  local out = {}
  for _, o in ipairs(others) do
    for _, w in ipairs(o.signature) do out[#out + 1] = w end
  end
  return out
end

local function same_list(want, got, what)
  eq(#want, #got, what .. ": length")
  for i = 1, #want do eq(want[i], got[i], what .. ": " .. i) end
end

test("the signature words of one other format are one list, given again; of more, made anew", function()
  local a, b = { name = "a", signature = { "甲词", "乙词" } }, { name = "b", signature = { "丙词" } }
  local wa = bind.words_of { a }
  same_list(joined { a }, wa, "one format")
  eq(wa, bind.words_of { a }, "the same list again")
  eq(wa, bind.words_of { { name = "a2", signature = a.signature } }, "the same signature, another entry")
  local wb = bind.words_of { b }
  same_list(joined { b }, wb, "another signature")
  eq(true, wa ~= wb, "a list per signature")
  local wab = bind.words_of { a, b }
  same_list(joined { a, b }, wab, "two formats")
  eq(true, wab ~= bind.words_of { a, b }, "made anew for two")
  same_list({}, bind.words_of {}, "no other format")
end)

test("a report binds alike with the words given again, made anew, or by another list", function()
  local docs = dofile("tests/lua/documents.lua")(E, NB, tmp .. "/words_given")
  local others = E:others(P.name)
  local function cells(R)
    local out = {}
    for _, id in ipairs(F.cells) do
      local c = R:cell(id)
      out[#out + 1] = id .. "=" .. tostring(c and c.state) .. ":" .. tostring(c and c.value)
    end
    for _, d in ipairs(R.diagnostics) do out[#out + 1] = d.kind .. ":" .. tostring(d.text) end
    return table.concat(out, "\n")
  end
  local n = 0
  for _, d in ipairs(docs) do
    local want = cells(bind.bind(F, P.system, { blocks = d.blocks }, d.path, others))
    eq(want, cells(bind.bind(F, P.system, { blocks = d.blocks }, d.path, others)), d.path .. ": given again")
    eq(want, cells(bind.bind(F, P.system, { blocks = d.blocks }, d.path, E:others(P.name))), d.path .. ": made anew")
    -- the same words split over two entries: a list made anew, found equal word by word
    local split = {}
    for _, o in ipairs(others) do
      local half = #o.signature // 2
      split[#split + 1] = { name = o.name, signature = { table.unpack(o.signature, 1, half) } }
      split[#split + 1] = { name = o.name .. "+", signature = { table.unpack(o.signature, half + 1) } }
    end
    eq(want, cells(bind.bind(F, P.system, { blocks = d.blocks }, d.path, split)), d.path .. ": the words split over two entries")
    n = n + 1
  end
  eq(true, n > 20, "documents (" .. n .. ")")
end)
