-- The walk over a reader's blocks keeps its look-ups of the headings' memo
-- in line and takes them again only where the memo began afresh or began a
-- list of its answers: across a memo filled and begun afresh in the middle
-- of a walk (and of a table's cells), each start and each part's cells are
-- still what asking every block gives.

local bind = require "pipeline.bind"

local E = nianbao.engine
local F = E:pack("gb2021").format

-- A report whose parts hold many cells of their own words: more text than
-- the memo holds (HEADING_MEMO_BYTES), so that it begins afresh while a
-- part's cells are gathered; labels of the format's tables among them,
-- asked again after each new start.
local function report(round)
  local blocks, line = {}, 0
  local function add(kind, text, extra)
    line = line + 1
    local b = { kind = kind, text = text, line = line, col = 1, offset = line * 100 }
    for k, v in pairs(extra or {}) do b[k] = v end
    blocks[#blocks + 1] = b
  end
  add("para", "某县统计局2024年政府信息公开工作年度报告")
  add("para", "一、总体情况")
  add("para", "本局推进各项工作，取得了成效。")
  add("para", "二、主动公开政府信息情况")
  local filler = string.rep("说明文字", 8)
  for i = 1, 1500 do
    add("cell", "第" .. round .. "轮自定项目" .. i .. filler)
    add("cell", tostring(i % 7))
    if i % 100 == 0 then
      add("cell", "规章")
      add("cell", "信息内容")
      add("break", "")
    end
  end
  add("para", "三、收到和处理政府信息公开申请情况")
  for i = 1, 1500 do
    add("cell", "第" .. round .. "轮另一项目" .. i .. filler, { grid = "t1", row = i, x0 = 0, x1 = 1 })
    add("cell", "自然人")
    add("cell", tostring(i))
  end
  add("para", "四、政府信息公开行政复议、行政诉讼情况")
  add("cell", "维持")
  add("cell", "0")
  return blocks
end

-- What the walk gives, by asking each block as match_heading answers it.
local function long_way(blocks)
  local starts, found = {}, {}
  for i, b in ipairs(blocks) do
    if b.kind == "para" or b.kind == "cell" then
      local p, glued = bind.match_heading(F, b)
      if p and b.kind == "cell" and glued ~= "" then p = nil end
      if p and not found[p.id] then
        found[p.id] = true
        starts[#starts + 1] = { index = i, part = p }
      end
    end
  end
  for k, st in ipairs(starts) do
    local stop = starts[k + 1] and starts[k + 1].index - 1 or #blocks
    st.cells, st.placed = {}, false
    for i = st.index + 1, stop do
      local b = blocks[i]
      if b.kind == "cell" then
        st.cells[#st.cells + 1] = b
        st.last = i
        if b.grid and b.x0 then st.placed = true end
      end
    end
  end
  return starts
end

test("the walk's starts and cells stay those of each block asked across its memo begun afresh", function()
  for round = 1, 3 do
    local src = report(round)
    for pass = 1, 2 do
      local what = "round " .. round .. ", walk " .. pass
      local blocks, starts = bind.walk(F, src)
      eq(#src, #blocks, what .. ": blocks")
      local want = long_way(blocks)
      eq(#want, #starts, what .. ": starts")
      for k, w in ipairs(want) do
        local st = starts[k]
        eq(w.index, st.index, what .. ": start " .. k)
        eq(w.part, st.part, what .. ": part of start " .. k)
        eq(#w.cells, #st.cells, what .. ": cells of start " .. k)
        for i = 1, #w.cells do
          if w.cells[i] ~= st.cells[i] then eq(w.cells[i].text, st.cells[i].text, what .. ": cell " .. i) end
        end
        if #w.cells > 0 then eq(w.last, st.last, what .. ": last cell of start " .. k) end
        eq(w.placed, st.placed, what .. ": placed, start " .. k)
      end
      -- the headers of each part's table as its cells name them
      for _, st in ipairs(starts) do
        if st.heads_of then
          local heads = bind.header_texts(F, st.heads_of, st.cells)
          eq(#heads, #st.heads, what .. ": headers of " .. st.part.id)
          for i = 1, #heads do eq(heads[i], st.heads[i], what .. ": header " .. i .. " of " .. st.part.id) end
        end
      end
    end
  end
end)

test("a part's cells are placed in a grid only where one cell has both a grid and a place in it", function()
  local function walk_cells(cells)
    local src = { { kind = "para", text = "二、主动公开政府信息情况", line = 1, col = 1, offset = 0 } }
    for i, c in ipairs(cells) do
      local b = { kind = "cell", text = c.text, line = i + 1, col = 1, offset = i * 10, grid = c.grid, x0 = c.x0 }
      src[#src + 1] = b
    end
    local placed
    for pass = 1, 2 do                   -- asked first, then from the memo
      local _, starts = bind.walk(F, src)
      eq(1, #starts, "one start")
      eq(#cells, #starts[1].cells, "the cells gathered")
      if pass == 2 then eq(placed, starts[1].placed, "placed alike from the memo") end
      placed = starts[1].placed
    end
    return placed
  end
  eq(false, walk_cells { { text = "规章", grid = "t1" }, { text = "3", x0 = 0 }, { text = "信息内容" } },
     "a grid with no place, a place with no grid")
  eq(true, walk_cells { { text = "规章" }, { text = "3", grid = "t1", x0 = 0 }, { text = "信息内容", grid = "t1" } },
     "one cell with both, after a cell with neither")
  eq(true, walk_cells { { text = "4", grid = "t2", x0 = 1 }, { text = "5" }, { text = "信息内容" } },
     "the first cell with both")
end)

test("a table's tokens are placed in a grid only where one of them has both a grid and a place in it", function()
  local T = F.tables[1]
  local function placed_of(list)
    local blocks = {}
    for i, c in ipairs(list) do
      blocks[i] = { kind = c.kind or "cell", text = c.text, line = i, col = 1, offset = i * 10, grid = c.grid, x0 = c.x0 }
    end
    local tokens, placed = bind.table_tokens(F, T, blocks, 1, #blocks)
    return placed, #tokens
  end
  -- the cells alone (the first pass), and with a short paragraph among them (the second)
  for _, para in ipairs { false, true } do
    local function with(list)
      if para then table.insert(list, 2, { kind = "para", text = "信息内容" }) end
      return list
    end
    local what = para and " (a paragraph among them)" or ""
    eq(false, (placed_of(with { { text = "规章", grid = "t1" }, { text = "3", x0 = 0 }, { text = "5" } })),
       "a grid with no place, a place with no grid" .. what)
    eq(true, (placed_of(with { { text = "规章" }, { text = "3", grid = "t1", x0 = 0 }, { text = "5", grid = "t1" } })),
       "one token with both" .. what)
    eq(true, (placed_of(with { { text = "4", grid = "t2", x0 = 1 }, { text = "5" }, { text = "6" } })),
       "the first token with both" .. what)
  end
end)
