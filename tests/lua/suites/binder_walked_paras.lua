-- A paragraph the walk passed whole (no page number, no heading inside
-- it or at its start) passes the next walk in one look-up: not matched as
-- a page number, not searched for a heading inside, not asked. A page
-- number and a paragraph cut are never kept so, and the walk's answers
-- are the same as the first time's.

local bind = require "pipeline.bind"

-- an engine of its own: its format's memos start empty, whatever the
-- suites before filled the shared one's with (a memo that fills starts afresh)
local E = require("engine").new { home = nianbao.engine.home, config_file = false }
local F = E:pack("gb2021").format

local HEADING = F.parts[1].raw_heads[1]
local FILLER = string.rep("本机关认真贯彻落实政府信息公开条例", 4)

-- A report of prose whose paragraphs are new to the memo (round), a page
-- number among them, a paragraph that holds a part's heading after its
-- start, and a table's cells.
local function report(round)
  local blocks, line = {}, 0
  local function add(kind, text)
    line = line + 1
    blocks[#blocks + 1] = { kind = kind, text = text, line = line, col = 1, offset = line * 100 }
  end
  add("para", "某县统计局2024年政府信息公开工作年度报告")
  add("para", round .. "根据条例编制本报告。" .. FILLER)
  add("para", "- 1 -")
  add("para", round .. "本报告所列数据的统计期限为全年。" .. HEADING .. FILLER)
  add("para", round .. "本局推进各项工作，取得了成效。" .. FILLER)
  add("para", "- 1 -")
  add("para", "二、主动公开政府信息情况")
  add("cell", "信息内容")
  add("cell", "规章")
  add("cell", "0")
  add("para", round .. "以上为本年度主动公开情况。")
  return blocks
end

-- The walk's answers, as plain values: each block (the same block, or a
-- piece's text and place), the starts, the paragraphs and each part's cells.
local function answers(src)
  local blocks, starts, _, paras, nparas = bind.walk(F, src)
  local out = {}
  for i, b in ipairs(blocks) do
    local from = nil
    for j, s in ipairs(src) do if s == b then from = j end end
    out[#out + 1] = string.format("%d %s %s %s %s", i, b.kind, b.text, b.col, from or "piece")
  end
  for _, st in ipairs(starts) do
    local cells = {}
    for _, c in ipairs(st.cells) do cells[#cells + 1] = c.text end
    out[#out + 1] = string.format("start %d %s %s %s %s %s", st.index, st.part.id, st.glued,
                                  tostring(st.para_at), st.last, table.concat(cells, "|"))
  end
  for k = 1, nparas do out[#out + 1] = "para " .. paras[k] end
  return table.concat(out, "\n")
end

-- the walk with the page numbers' grammar counting the texts it is asked of
local function walk_counting(src)
  local furniture = F.grammars.page_number
  local asked = {}
  F.grammars.page_number = { match = function(_, text)
    asked[text] = (asked[text] or 0) + 1
    return furniture:match(text)
  end }
  local ok, got = pcall(answers, src)
  F.grammars.page_number = furniture
  assert(ok, got)
  return got, asked
end

test("a paragraph walked whole before is not asked again, and the walk's answers stay the same", function()
  for round = 1, 3 do
    local src = report("第" .. round .. "次")
    local first, asked1 = walk_counting(src)
    eq(2, asked1["- 1 -"], "the page numbers, the first walk")
    eq(1, asked1[src[2].text], "a paragraph new to the walk")
    has(first, "piece", "the paragraph with a heading inside: cut")
    local second, asked2 = walk_counting(src)
    eq(first, second, "the second walk's answers")
    eq(2, asked2["- 1 -"], "the page numbers, the second walk: still left out")
    eq(nil, asked2[src[2].text], "a paragraph walked whole: not matched again")
    eq(nil, asked2[src[5].text], "another paragraph walked whole")
    eq(1, asked2[src[4].text], "the paragraph with a heading inside: asked again, and cut")
    eq(false, first:find("- 1 -", 1, true) ~= nil, "no page number among the blocks")
  end
end)

test("a heading walked before still starts its part", function()
  local src = report("第九次")
  local first = answers(src)
  has(first, "start 6 " .. F.parts[2].id, "the heading of part 二 starts it")
  eq(first, answers(src), "the second walk")
end)

test("a paragraph that holds one of the words asked is not passed on as walked: each walk finds the word", function()
  local words = { "特别说明事项" }
  local src = report("第十次")
  src[5].text = src[5].text .. words[1]
  for k = 1, 3 do
    local signed = select(7, bind.walk(F, src, words))
    eq(true, signed, "walk " .. k .. ": the word found")
  end
  eq(false, select(7, bind.walk(F, report("第十一次"), words)), "a report without it")
  eq(false, select(7, bind.walk(F, report("第十一次"), words)), "the same, walked again")
end)
