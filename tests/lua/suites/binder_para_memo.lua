-- Paragraphs are answered from a memo of their own: a batch's prose, new
-- in every report, fills it and starts it afresh without the cells'
-- answers (its labels and numbers) going with it. The walk's answers are
-- the same either way.

local bind = require "pipeline.bind"

local E = nianbao.engine
local P = E:pack("gb2021")
local F = P.format

local function documents() return dofile("tests/lua/documents.lua")(E, NB, tmp .. "/para_memo") end

-- the texts of the cells after the first start
local function cells_after_start(blocks)
  local _, starts = bind.walk(F, blocks)
  local cells = {}
  for i = starts[1].index + 1, #blocks do
    local b = blocks[i]
    if b.kind == "cell" then cells[b.text] = true end
  end
  return cells
end

-- a bind of the blocks, and how many of the cells it normalised (asked anew)
local function bind_counting(blocks, cells)
  local norm, asked = F.labels.norm, 0
  F.labels.norm = function(s)
    if cells[s] then asked = asked + 1 end
    return norm(s)
  end
  local ok, R = pcall(bind.bind, F, P.system, { blocks = blocks }, "memo.txt", E:others(P.name))
  F.labels.norm = norm
  assert(ok, R)
  return R, asked
end

test("a batch's prose does not start the cells' answers afresh", function()
  local doc
  for _, d in ipairs(documents()) do
    local n = 0
    for _, b in ipairs(d.blocks) do if b.kind == "cell" then n = n + 1 end end
    if n > 100 and d.path:find("%.txt$") then doc = d; break end
  end
  assert(doc, "a text report with a table")
  local cells = cells_after_start(doc.blocks)
  local R0 = bind_counting(doc.blocks, cells)
  local _, asked = bind_counting(doc.blocks, cells)
  eq(0, asked, "cells asked again, the second bind")
  -- prose of many reports: more than the memo holds
  local filler = string.rep("本机关认真贯彻落实政府信息公开条例", 10)
  for i = 1, 1200 do
    bind.match_heading(F, { kind = "para", text = i .. filler .. i })
  end
  local R
  R, asked = bind_counting(doc.blocks, cells)
  eq(0, asked, "cells asked again after the prose")
  eq(#R0.sections, #R.sections, "sections")
  for _, id in ipairs(F.cells) do
    local a, b = R0:cell(id), R:cell(id)
    eq(a and a.value, b and b.value, id)
  end
end)
