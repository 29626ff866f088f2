-- The binder's one pass over a reader's blocks (bind.walk): the blocks cut
-- and left out as split_headings cuts them, each asked whether it starts a
-- part as the heading pass asked, and the cells after each start gathered
-- for its tables. Each gives what the separate passes gave.

local bind = require "pipeline.bind"
local tables = require "tables"

local E = nianbao.engine
local F = E:pack("gb2021").format

local function documents() return dofile("tests/lua/documents.lua")(E, NB, tmp .. "/walk") end

-- The heading pass the long way: over split_headings' blocks, each para
-- and cell asked, the first heading of each part its start.
local function starts_long_way(blocks)
  local starts, found, normed, paras = {}, {}, {}, {}
  for i, b in ipairs(blocks) do
    normed[i] = F.labels.norm(b.text)
    if b.kind == "para" then paras[#paras + 1] = i end
    if b.kind == "para" or b.kind == "cell" then
      local p, glued, variant = bind.match_heading(F, b)
      if p and b.kind == "cell" and glued ~= "" then p = nil end
      if p and not found[p.id] then
        found[p.id] = true
        starts[#starts + 1] = { index = i, part = p, glued = glued, block = b, variant = variant }
      end
    end
  end
  return starts, normed, paras
end

-- The cells from..to, the last one's place, whether any is placed in a
-- grid, and the first paragraph's place.
local function gathered_long_way(blocks, from, to)
  local cells, last, placed, para_at = {}, from - 1, false, nil
  for i = from, to do
    local b = blocks[i]
    if b.kind == "cell" then
      cells[#cells + 1] = b
      last = i
      if b.grid and b.x0 then placed = true end
    elseif b.kind == "para" then
      para_at = para_at or i
    end
  end
  return cells, last, placed, para_at
end

local function same_list(want, got, what)
  eq(#want, #got, what .. ": length")
  for i = 1, #want do eq(want[i], got[i], what .. ": " .. i) end
end

test("one walk over the blocks gives split_headings' blocks, the heading pass's starts and each part's cells", function()
  local n, fast = 0, 0
  for _, d in ipairs(documents()) do
    local want = bind.split_headings(F, d.blocks)
    local blocks, starts, normed, paras, nparas, found = bind.walk(F, d.blocks)
    eq(#want, #blocks, d.path .. ": blocks")
    eq(nil, next(blocks, #blocks > 0 and #blocks or nil), d.path .. ": nothing after the last block")
    for i = 1, #want do
      local a, b = want[i], blocks[i]
      if a ~= b then
        for _, k in ipairs { "kind", "text", "line", "col", "offset" } do
          eq(a[k], b[k], d.path .. ": block " .. i .. " " .. k)
        end
      end
    end
    local wstarts, wnormed, wparas = starts_long_way(blocks)
    same_list(wnormed, normed, d.path .. ": normalised texts")
    same_list(wparas, paras, d.path .. ": paragraphs")
    eq(#wparas, nparas, d.path .. ": paragraphs counted")
    eq(#wstarts, #starts, d.path .. ": starts")
    for k, w in ipairs(wstarts) do
      local st = starts[k]
      for _, f in ipairs { "index", "part", "glued", "block", "variant" } do
        eq(w[f], st[f], d.path .. ": start " .. k .. " " .. f)
      end
      eq(true, found[w.part.id], d.path .. ": part found")
      local stop = wstarts[k + 1] and wstarts[k + 1].index - 1 or #blocks
      local cells, last, placed, para_at = gathered_long_way(blocks, w.index + 1, stop)
      same_list(cells, st.cells, d.path .. ": start " .. k .. " cells")
      if #cells > 0 then eq(last, st.last, d.path .. ": start " .. k .. " last cell") end
      eq(placed, st.placed, d.path .. ": start " .. k .. " placed")
      eq(para_at, st.para_at, d.path .. ": start " .. k .. " first paragraph")
      -- where the cells alone are the tokens, they are what table_tokens gives
      -- (not cells with no value and lines after them: a header, its rows maybe those lines)
      local any_value = false
      for _, c in ipairs(cells) do
        local state = tables.value_state(F, c.text)
        any_value = any_value or state == "number" or state == "marker"
      end
      if #cells > 0 and w.glued == "" and not (para_at and para_at < last) and not (para_at and not any_value) then
        for _, T in ipairs(F.tables) do
          local tokens, tplaced = bind.table_tokens(F, T, blocks, w.index + 1, stop)
          same_list(tokens, st.cells, d.path .. ": start " .. k .. " tokens of " .. T.id)
          eq(tplaced, st.placed, d.path .. ": start " .. k .. " placed, " .. T.id)
        end
        fast = fast + 1
      end
    end
    n = n + 1
  end
  eq(true, n > 20, "documents compared (" .. n .. ")")
  eq(true, fast > 20, "parts of cells alone compared (" .. fast .. ")")
end)

test("the walk cuts a paragraph at a glued heading, leaves out a page number and starts each part once", function()
  local blocks, starts = bind.walk(F, {
    { kind = "para", text = "某县统计局2024年政府信息公开工作年度报告", line = 1, col = 1, offset = 0 },
    { kind = "para", text = "根据《中华人民共和国政府信息公开条例》要求，编制本报告。一、总体情况本局推进各项工作、完善制度，取得了成效。",
      line = 2, col = 1, offset = 60 },
    { kind = "para", text = "- 3 -", line = 3, col = 1, offset = 300 },
    { kind = "para", text = "二、主动公开政府信息情况", line = 4, col = 1, offset = 310 },
    { kind = "cell", text = "规章", line = 5, col = 1, offset = 350 },
    { kind = "break", text = "", line = 6, col = 1, offset = 360 },
    { kind = "cell", text = "3", line = 7, col = 1, offset = 361, grid = "t1", x0 = 0, x1 = 1 },
    { kind = "para", text = "二、主动公开政府信息情况", line = 8, col = 1, offset = 370 },
    { kind = "cell", text = "4", line = 9, col = 1, offset = 400 },
  })
  eq(9, #blocks, "the page number left out, the long paragraph in two")
  eq("一、总体情况本局推进各项工作、完善制度，取得了成效。", blocks[3].text, "the piece after the cut")
  eq(2, #starts, "two parts")
  eq(3, starts[1].index, "part one at the piece")
  eq(4, starts[2].index, "part two at its heading")
  eq(0, #starts[1].cells, "no cell in part one")
  same_list({ blocks[5], blocks[7], blocks[9] }, starts[2].cells, "the cells of part two, past its heading printed again")
  eq(true, starts[2].placed, "one cell placed in a grid")
  eq(8, starts[2].para_at, "the heading printed again: a paragraph among the cells")
  eq(9, starts[2].last, "the last cell")
end)

test("the walk gives the reader's own list where it leaves out and cuts nothing, and never changes that list", function()
  local long = "根据《中华人民共和国政府信息公开条例》要求，编制本报告，本局推进各项工作、完善制度。"
  local src = {
    { kind = "para", text = "某县统计局2024年政府信息公开工作年度报告", line = 1, col = 1, offset = 0 },
    { kind = "para", text = long, line = 2, col = 1, offset = 60 },
    { kind = "para", text = "二、主动公开政府信息情况", line = 3, col = 1, offset = 300 },
    { kind = "cell", text = "规章", line = 4, col = 1, offset = 340, grid = "t1", x0 = 0, x1 = 1 },
    { kind = "break", text = "", line = 5, col = 1, offset = 350 },
    { kind = "cell", text = "3", line = 6, col = 1, offset = 351, grid = "t1", x0 = 1, x1 = 2 },
  }
  local before = { table.unpack(src) }
  for round = 1, 2 do
    local blocks, starts = bind.walk(F, src)
    eq(src, blocks, "the reader's list itself, walk " .. round)
    same_list(before, src, "the reader's list as it was, walk " .. round)
    eq(src[2], blocks[2], "a long paragraph with no heading inside: the reader's block")
    same_list({ src[4], src[6] }, starts[1].cells, "the cells of part two, walk " .. round)
  end
  -- a page number left out, a paragraph cut: a list of the walk's own
  local cut = {
    { kind = "para", text = "根据《中华人民共和国政府信息公开条例》要求，编制本报告。一、总体情况本局推进各项工作、完善制度，取得了成效。",
      line = 1, col = 1, offset = 0 },
    { kind = "para", text = "- 3 -", line = 2, col = 1, offset = 300 },
    { kind = "para", text = "二、主动公开政府信息情况", line = 3, col = 1, offset = 310 },
    { kind = "cell", text = "规章", line = 4, col = 1, offset = 350 },
  }
  local cut_before = { table.unpack(cut) }
  local blocks = bind.walk(F, cut)
  eq(true, blocks ~= cut, "a list of its own where a block is cut")
  eq(4, #blocks, "the page number left out, the paragraph in two")
  same_list(cut_before, cut, "the reader's list as it was")
  local dropped = { cut[2], cut[3], cut[4] }
  local dropped_before = { table.unpack(dropped) }
  blocks = bind.walk(F, dropped)
  eq(true, blocks ~= dropped, "a list of its own where a block is left out")
  eq(2, #blocks, "the page number left out")
  eq(nil, blocks[3], "nothing after the last block")
  same_list(dropped_before, dropped, "the reader's list as it was, a block left out")
end)

test("a text asked as a paragraph and as a cell keeps each kind's answer, asked once or again", function()
  local misspelt = "五、存在的主要问题及改近情况"     -- a heading worded a little otherwise: a paragraph's alone
  local plain = "本年新收政府信息公开申请数量"
  local heading = "二、主动公开政府信息情况"
  for round = 1, 2 do
    local what = " (asked " .. (round == 1 and "first" or "again") .. ")"
    local p, glued, variant, t = bind.match_heading(F, { kind = "para", text = misspelt })
    eq("s5", p and p.id, "the misspelt heading as a paragraph" .. what)
    eq("", glued, "nothing glued" .. what)
    eq(true, variant, "worded otherwise" .. what)
    eq(F.labels.norm(misspelt), t, "its normal form" .. what)
    p, glued, variant, t = bind.match_heading(F, { kind = "cell", text = misspelt })
    eq(nil, p, "the misspelt heading as a cell" .. what)
    eq(F.labels.norm(misspelt), t, "its normal form as a cell" .. what)
    p, glued, variant, t = bind.match_heading(F, { kind = "cell", text = heading })
    eq("s2", p and p.id, "a heading in a cell" .. what)
    eq(false, variant, "as worded" .. what)
    eq(F.labels.norm(heading), t, "the heading's normal form" .. what)
    p, glued, variant, t = bind.match_heading(F, { kind = "para", text = plain })
    eq(nil, p, "a label" .. what)
    eq(nil, glued, "no glued text for no heading" .. what)
    eq(F.labels.norm(plain), t, "the label's normal form" .. what)
  end
end)
