-- The binder keeps no list of the blocks' texts normalised while it walks
-- them: the few reports that need one (a signature word found, the parts
-- too few to tell the old structure without the text) have it made where
-- it is asked. The signatures found and the structure told are those the
-- walk's own list gives, for every document, with other formats' words.

local bind = require "pipeline.bind"

local E = nianbao.engine
local P = E:pack("gb2021")
local F = P.format

local function documents() return dofile("tests/lua/documents.lua")(E, NB, tmp .. "/normed_late") end

-- The signatures and the old structure from the walk's list of texts, as
-- the binder told them before (each signature's first block, in order).
local function told_long_way(blocks, found, normed, sigs)
  local text = table.concat(normed, "\n")
  local signatures = {}
  for _, o in ipairs(sigs) do
    local list, seen = {}, {}
    for i, b in ipairs(blocks) do
      for _, sig in ipairs(o.signature) do
        if text:find(sig, 1, true) and not seen[sig] and normed[i]:find(sig, 1, true) then
          seen[sig] = true
          list[#list + 1] = b.text
        end
      end
    end
    if #list > 0 then signatures[o.name] = list end
  end
  local nfound = 0
  for _ in pairs(found) do nfound = nfound + 1 end
  local legacy = 0
  for _, h in ipairs(F.legacy.headings) do
    for _, n in utf8.codes(F.decl.numerals or "") do
      if text:find(utf8.char(n) .. h, 1, true) then legacy = legacy + 1; break end
    end
  end
  return signatures, nfound < 4 and legacy >= F.legacy.at_least
end

test("a report's signatures and structure are told as the walk's normalised texts tell them", function()
  local others = E:others(P.name)
  local sigs = { table.unpack(others) }
  if #F.signature > 0 then sigs[#sigs + 1] = { name = F.name, signature = F.signature } end
  local signed, legacies, asked = 0, 0, 0
  for round = 1, 2 do                       -- the second time from the memos
    for _, d in ipairs(documents()) do
      local blocks, _, normed, _, _, found = bind.walk(F, d.blocks)
      local want, legacy = told_long_way(blocks, found, normed, sigs)
      local R = bind.bind(F, P.system, { blocks = d.blocks }, d.path, others)
      eq(legacy, R.format == "legacy", d.path .. ": old structure, round " .. round)
      for _, o in ipairs(sigs) do
        local list, got = want[o.name] or {}, R.signatures[o.name] or {}
        eq(#list, #got, d.path .. ": " .. o.name .. " signatures")
        for k = 1, #list do eq(list[k], got[k].text, d.path .. ": " .. o.name .. " signature " .. k) end
        if #list > 0 then signed = signed + 1 end
      end
      if legacy then legacies = legacies + 1 end
      asked = asked + 1
    end
  end
  eq(true, asked > 20, "documents (" .. asked .. ")")
  eq(true, signed > 0, "a document with another format's words")
  eq(true, legacies > 0, "a document of the old structure")
end)

test("the walk's normalised texts are each block's text as norm gives it", function()
  for _, d in ipairs(documents()) do
    local blocks, _, normed = bind.walk(F, d.blocks, F.signature)
    eq(#blocks, #normed, d.path .. ": one a block")
    for i, b in ipairs(blocks) do eq(F.labels.norm(b.text), normed[i], d.path .. ": block " .. i) end
  end
end)
