-- The binder's pass that cuts paragraphs at part headings and leaves out
-- page numbers (bind.split_headings), with its list made whole at its size
-- and each block set in its place; the heading pass over the blocks it
-- gives; and a table's header texts found in the pass that gathers its
-- cells (bind.table_tokens). Each gives what the long way gave.

local bind = require "pipeline.bind"

local E = nianbao.engine
local F = E:pack("gb2021").format

local function documents() return dofile("tests/lua/documents.lua")(E, NB, tmp .. "/split") end

-- split_headings the long way: a list grown block by block, every part
-- heading searched for in every long paragraph.
local function split_long_way(blocks)
  local out = {}
  local furniture = F.grammars.page_number
  for i = 1, #blocks do
    local b = blocks[i]
    if b.kind ~= "para" then
      out[#out + 1] = b
    elseif furniture and furniture:match(b.text) then
      -- a page number
    elseif #b.text < 60 then
      out[#out + 1] = b
    else
      local plain = F.labels.simplify(b.text)
      local cuts = {}
      for _, p in ipairs(F.parts) do
        for _, h in ipairs(p.raw_heads) do
          local at = 1
          while true do
            local s = plain:find(h, at, true)
            if not s then break end
            if s > 1 then cuts[#cuts + 1] = s end
            at = s + #h
          end
        end
      end
      table.sort(cuts)
      -- (no heading inside: the paragraph itself)
      local function piece(from, to)
        if from == 1 and to == #b.text then return b end
        return { kind = "para", text = b.text:sub(from, to),
                 line = b.line, col = (b.col or 1) + (from == 1 and 0 or utf8.len(b.text:sub(1, from - 1)) or 0),
                 offset = (b.offset or 0) + from - 1 }
      end
      local prev = 1
      for _, c in ipairs(cuts) do
        if c > prev then
          out[#out + 1] = piece(prev, c - 1)
          prev = c
        end
      end
      out[#out + 1] = piece(prev, #b.text)
    end
  end
  return out
end

local function same_blocks(want, got, what)
  eq(#want, #got, what .. ": blocks")
  eq(nil, next(got, #got > 0 and #got or nil), what .. ": nothing after the last block")
  for i = 1, #want do
    local a, b = want[i], got[i]
    if a ~= b then
      eq(true, a.kind == "para" and b.kind == "para", what .. ": block " .. i .. " a piece of a paragraph")
      for _, k in ipairs { "kind", "text", "line", "col", "offset" } do
        eq(a[k], b[k], what .. ": block " .. i .. " " .. k)
      end
    end
  end
end

test("paragraphs cut at part headings and page numbers left out, in a list made at its size, as the long way", function()
  local n = 0
  for _, d in ipairs(documents()) do
    same_blocks(split_long_way(d.blocks), bind.split_headings(F, d.blocks), d.path)
    n = n + 1
  end
  eq(true, n > 20, "documents compared (" .. n .. ")")
end)

test("blocks after a page number left out, or after a paragraph cut in pieces, move to their places", function()
  local opening = "根据《中华人民共和国政府信息公开条例》要求，编制本报告。如对本报告有疑问，请与本局办公室联系。"
  local function cell(t, line) return { kind = "cell", text = t, line = line, col = 1, offset = line * 10 } end
  local function para(t, line) return { kind = "para", text = t, line = line, col = 1, offset = line * 10 } end
  local blocks = {
    cell("规章", 1), para("- 1 -", 2), cell("3", 3),
    para(opening .. "一、总体情况" .. "本局推进各项工作。" .. "二、主动公开政府信息情况" .. "本局公开信息。", 4),
    cell("行政许可", 5), para("— 2 —", 6), para("第3页 共6页", 7), cell("296", 8),
    para(opening, 9), cell("17", 10), para("4/6", 11),
  }
  local want, got = split_long_way(blocks), bind.split_headings(F, blocks)
  same_blocks(want, got, "made-up blocks")
  eq(5 + 3 + 1, #got, "four page numbers out, one paragraph in three pieces")
  eq(blocks[10], got[#got], "the last cell last")
  eq("二、主动公开政府信息情况本局公开信息。", got[5].text, "the second heading's piece")
end)

test("a part heading answered before starts its part as it did when first worked out", function()
  local function headings(bytes, name)
    local R = E:bind_bytes(bytes, name)
    local out = {}
    for _, s in ipairs(R.sections) do out[#out + 1] = s.heading .. "@" .. s.line end
    return table.concat(out, "|")
  end
  -- words no other test binds: the first bind works each block out, the second finds it answered
  local bytes = table.concat({
    "某县档案馆2031年政府信息公开工作年度报告",
    "一、总体情况 |",
    "档案馆今年推进各项工作。",
    "二、主动公开政府信息情况",
    "规章 |",
    "七、档案馆另有一节 |",
    "三、收到和处理政府信息公开申请情况",
  }, "\n") .. "\n"
  local first = headings(bytes, "first.txt")
  eq(first, headings(bytes, "again.txt"), "the same parts, answered before")
  has(first, "一、总体情况@2", "a heading of a cell")
  has(first, "二、主动公开政府信息情况@4", "a heading of a paragraph")
  has(first, "三、收到和处理政府信息公开申请情况@7", "the last heading")
end)

test("a table's header texts, found as its cells are gathered, are header_texts of its tokens", function()
  local compared = 0
  for _, d in ipairs(documents()) do
    local blocks = bind.split_headings(F, d.blocks)
    for i, b in ipairs(blocks) do
      if b.kind == "para" then
        for _, T in ipairs(F.tables) do
          local tokens, _, heads = bind.table_tokens(F, T, blocks, i + 1, #blocks)
          if heads then
            local want = bind.header_texts(F, T, tokens)
            eq(#want, #heads, d.path .. " " .. T.id .. ": header texts")
            for k = 1, #want do eq(want[k], heads[k], d.path .. " " .. T.id .. ": header text " .. k) end
            compared = compared + 1
          end
        end
      end
    end
  end
  eq(true, compared > 100, "tables compared (" .. compared .. ")")
end)

test("a long row that begins with a part's mark is one piece, and one that holds a heading after it is cut there", function()
  local row = "一、本年新收政府信息公开申请数量      19      1      0      0      1      0      21"
  local blocks = { { kind = "para", text = row, line = 3, col = 4, offset = 50 } }
  local got = bind.split_headings(F, blocks)
  same_blocks(split_long_way(blocks), got, "a row")
  eq(1, #got, "one piece")
  eq(row, got[1].text, "its text as it is")
  eq(blocks[1], got[1], "the paragraph itself, as every long paragraph with no heading inside")
  local glued = "一、本年新收政府信息公开申请数量19件。二、主动公开政府信息情况本局公开信息。"
  blocks = { { kind = "para", text = glued, line = 5, col = 1, offset = 90 } }
  got = bind.split_headings(F, blocks)
  same_blocks(split_long_way(blocks), got, "a glued heading")
  eq(2, #got, "cut at the second mark")
  eq("二、主动公开政府信息情况本局公开信息。", got[2].text, "the heading's piece")
end)
