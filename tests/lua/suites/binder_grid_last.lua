-- A reader may say which of its blocks is the last with a grid
-- (doc.grid_last; the text reader does): the binder's walk then asks no
-- block after it for one, and places every part's cells as when it asks
-- them all.

local bind = require "pipeline.bind"

local E = nianbao.engine
local F = E:pack("gb2021").format

local function grid_last_of(blocks)
  for i = #blocks, 1, -1 do
    if blocks[i].grid then return i end
  end
  return 0
end

test("told the last block with a grid, the walk places each part's cells as when it asks every cell", function()
  local docs = dofile("tests/lua/documents.lua")(E, NB, tmp .. "/grid_last")
  local n, placed, unplaced = 0, 0, 0
  for _, d in ipairs(docs) do
    local _, want = bind.walk(F, d.blocks)
    local _, got = bind.walk(F, d.blocks, nil, grid_last_of(d.blocks))
    eq(#want, #got, d.path .. ": starts")
    for k = 1, #want do
      eq(want[k].placed, got[k].placed, d.path .. ": start " .. k .. " placed")
      if want[k].placed then placed = placed + 1 else unplaced = unplaced + 1 end
    end
    n = n + 1
  end
  eq(true, n > 20, "documents compared (" .. n .. ")")
  eq(true, placed > 0 and unplaced > 0, "parts placed (" .. placed .. ") and not (" .. unplaced .. ")")
end)

test("a cell in a grid before the last one told is placed, and none after it is asked", function()
  local function blocks()
    return {
      { kind = "para", text = "二、主动公开政府信息情况", line = 1, col = 1, offset = 0 },
      { kind = "cell", text = "规章", line = 2, col = 1, offset = 20 },
      { kind = "cell", text = "3", line = 3, col = 1, offset = 30, grid = "t1", x0 = 0, x1 = 1 },
    }
  end
  local _, starts = bind.walk(F, blocks(), nil, 3)
  eq(true, starts[1].placed, "the grid's cell is the last told")
  _, starts = bind.walk(F, blocks(), nil, 2)
  eq(false, starts[1].placed, "a reader that says no block after the second has a grid")
  _, starts = bind.walk(F, blocks())
  eq(true, starts[1].placed, "told nothing: every cell asked")
end)

test("the text reader tells the last block with a grid, in C and in its Lua loop", function()
  local read = require "pipeline.read"
  local text = "索 引 号: | 1 | 公开目录: | 年报 |\n某局2024年政府信息公开工作年度报告\n"
               .. "二、主动公开政府信息情况\n规章 |\n3 |\n"
  local reader = E.reader_by_name.text
  for _, t in ipairs { text, text .. "**注** |\n" } do
    local doc = read.run(reader, t, "grid_last.txt", E.limits, E.lang)
    eq(4, doc.grid_last, "the metadata's four cells")
    eq("t1", doc.blocks[4].grid, "the last of them in a grid")
    eq(nil, doc.blocks[5].grid, "the next block in none")
  end
  eq(false, nianbao.text.blocks(text .. "**注** |\n"), "Markdown read by the Lua loop")
end)
