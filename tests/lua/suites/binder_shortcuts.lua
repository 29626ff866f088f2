-- The binder's short ways through a report (bind.lua): a table's tokens
-- gathered in the pass that counts its cells, and the part headings
-- inside a long paragraph looked for by the bytes before their marks.
-- Each gives what the long way gave.

local bind = require "pipeline.bind"
local tables = require "tables"
local lpeg = require "lpeg"

local E = nianbao.engine
local F = E:pack("gb2021").format

-- The documents the readers make of the corpus, the fixtures, the examples
-- and a few made-up reports in three shapes.
local function documents() return dofile("tests/lua/documents.lua")(E, NB, tmp .. "/shortcuts") end

-- table_tokens as it was: the cells counted in one pass, taken in another.
local digit = lpeg.R "09" + lpeg.P "\xEF\xBC" * lpeg.R "\x90\x99"   -- (a full-width digit too)
local has_digit = (1 - digit)^0 * digit
local units = {}
for _, u in ipairs(F.units) do units[u] = true end
local function tokens_long_way(T, blocks, from, to, lead)
  local tokens, cells, last, placed = {}, 0, from - 1, false
  local digits_at
  for i = from, to do
    local b = blocks[i]
    if b.kind == "cell" then cells, last = cells + 1, i
    elseif not digits_at and b.kind == "para" and has_digit:match(b.text) and not bind.is_prose(F, b.text) then
      digits_at = i
    end
  end
  -- cells with no value and lines of numbers after them: a header, and its rows
  local rows_after = cells > 0 and digits_at ~= nil and digits_at > last
  for i = from, rows_after and last or from - 1 do
    local state = blocks[i].kind == "cell" and tables.value_state(F, blocks[i].text)
    if state == "number" or state == "marker" then rows_after = false end
  end
  if cells > 0 and not rows_after then to = last end
  local has_digits = digits_at ~= nil and digits_at <= to
  if lead and has_digit:match(lead.text) then has_digits = true end
  local noted, prose_to = false, nil
  for i = lead and from - 1 or from, to do
    local b = (lead and i == from - 1) and lead or blocks[i]
    if b.kind == "cell" then
      tokens[#tokens + 1] = b
      if b.grid and b.x0 then placed = true end
    elseif b.kind == "para" and bind.is_prose(F, b.text) and not bind.number_cells(b.text, units) then
      -- prose (a row of numbers with a remark is none)
    elseif b.kind == "para" then
      if cells > 0 and not rows_after then
        if (utf8.len(b.text) or 41) <= 40 and not (#tokens == 0 and bind.introduces(b.text)) then
          tokens[#tokens + 1] = b
          if b.grid and b.x0 then placed = true end
        end
      else
        -- (a sentence leading to another table after the table's lines ends it)
        if #tokens > 0 and b ~= lead and bind.leads_to_another(F, T, blocks, i, to) then break end
        -- (and a caption numbering another table)
        if #tokens > 0 and b ~= lead and bind.heads_another(F, T, blocks, i, to) then break end
        local text, start = b.text, nil
        local plain = F.labels.simplify(text)
        for _, a in ipairs(T.starts) do
          local at = plain:find(a, 1, true)
          if at and (not start or at < start) then start = at end
        end
        if not start and #tokens == 0 and text:match("^[%d%s%.%-]+$") and text:find("%d%s+%d") then start = 1 end
        -- (a start word wrapped over two lines starts the table on the first)
        if not start and #tokens == 0 and b ~= lead and i < to then
          start = bind.start_across(F, T, text, blocks[i + 1])
        end
        -- (a sentence leading to the table is prose; a note under it, to a
        -- run of values, no row)
        if start and #tokens == 0 and bind.introduces(text) then start = nil end
        local note = #tokens > 0 and bind.opens_note(F, text)
        if note then
          noted = not bind.introduces(text)
        elseif noted and text:find("%d[%d,%.]*[ \t]+%d[%d,%.]*[ \t]+%d") then
          noted = false
        end
        -- (a paragraph wrapped over the page's lines among them is prose)
        if #tokens > 0 and not noted and not note and b ~= lead and not (prose_to and i <= prose_to) then
          prose_to = bind.wrapped_prose(F, blocks, i, to) or prose_to
        end
        if (start or #tokens > 0) and has_digits and not noted and not note and not (prose_to and i <= prose_to) then
          start = start or 1
          tables.tokenize_into(tokens, start == 1 and text or text:sub(start), b.line,
                               (b.col or 1) + (start == 1 and 0 or utf8.len(text:sub(1, start - 1)) or 0),
                               (b.offset or 0) + start - 1, F.enumerator_marks, b.tabs, b.indent)
        end
      end
    end
  end
  return tokens, placed
end

local function same_tokens(want, got, what)
  eq(#want, #got, what .. ": tokens")
  for i = 1, #want do
    local a, b = want[i], got[i]
    if a ~= b then   -- cut from a paragraph: a token of its own each time
      eq(true, (a.derived and b.derived) ~= nil, what .. ": token " .. i .. " a block of the document")
      -- (derived: true, or the white before its line's text, where the line had some)
      for _, k in ipairs { "kind", "text", "line", "col", "offset", "glued", "derived" } do
        eq(a[k], b[k], what .. ": token " .. i .. " " .. k)
      end
    end
  end
end

test("a table's tokens, whether gathered with its cells or taken in a pass of their own, are the same", function()
  local ranges = 0
  for _, d in ipairs(documents()) do
    local blocks = bind.split_headings(F, d.blocks)
    -- from after each paragraph (where a part would start): to the end, and
    -- a stretch of 40 blocks, with and without the paragraph as a glued lead
    for i, b in ipairs(blocks) do
      if b.kind == "para" then
        for _, T in ipairs(F.tables) do
          for _, r in ipairs { { #blocks }, { math.min(#blocks, i + 40) }, { #blocks, b } } do
            local want, wplaced = tokens_long_way(T, blocks, i + 1, r[1], r[2])
            local got, gplaced = bind.table_tokens(F, T, blocks, i + 1, r[1], r[2])
            local what = string.format("%s from %d to %d, %s", d.path, i + 1, r[1], T.id)
            same_tokens(want, got, what)
            eq(wplaced, gplaced, what .. ": placed")
            ranges = ranges + 1
          end
        end
      end
    end
  end
  eq(true, ranges > 1000, "stretches compared (" .. ranges .. ")")
end)

test("the tokens of a stretch of cells and bar lines are its cells; a short label among them is a token too", function()
  local T = F.tables[1]
  local blocks = {
    { kind = "para", text = "二、主动公开政府信息情况", line = 1, col = 1, offset = 0 },
    { kind = "cell", text = "规章", line = 2, col = 1, offset = 10 },
    { kind = "break", text = "", line = 3, col = 1, offset = 20 },
    { kind = "cell", text = "3", line = 4, col = 1, offset = 30, grid = "t1", x0 = 0, x1 = 1 },
    { kind = "para", text = "一段说明。", line = 5, col = 1, offset = 40 },
  }
  local got, placed = bind.table_tokens(F, T, blocks, 2, 5)
  eq(2, #got, "the cells")
  eq(blocks[2], got[1], "first cell")
  eq(blocks[4], got[2], "second cell")
  eq(true, placed, "a cell with its place in a grid")
  table.insert(blocks, 3, { kind = "para", text = "信息内容", line = 3, col = 1, offset = 15 })
  got = bind.table_tokens(F, T, blocks, 2, 6)
  eq(3, #got, "a short line before the last cell")
  eq("信息内容", got[2].text, "taken in its place")
end)

test("every part heading glued inside a long paragraph cuts it there", function()
  local opening = "根据《中华人民共和国政府信息公开条例》要求，编制本报告。如对本报告有疑问，请与本局办公室联系。"
  for _, p in ipairs(F.parts) do
    for _, h in ipairs(p.raw_heads) do
      local R = E:bind_bytes("某市统计局2024年政府信息公开工作年度报告\n" .. opening .. h
                             .. "本局推进各项工作、完善制度。\n", "glued.txt")
      local found
      for _, s in ipairs(R.sections) do found = found or s.heading == h end
      eq(true, found, h .. ": the heading found inside the paragraph")
    end
  end
end)

test("a long paragraph with a part's mark but none of its headings stays one paragraph", function()
  local text = "本局一、二、三季度分别召开会议，四、五月份完成培训，六、七项制度修订完毕，总体情况良好。"
  local blocks = bind.split_headings(F, { { kind = "para", text = text, line = 7, col = 2, offset = 5 } })
  eq(1, #blocks, "one piece")
  eq(text, blocks[1].text, "its text as it is")
  eq(2, blocks[1].col, "its column")
end)

test("each part's prose is its paragraphs between its heading and the next, cells passed over", function()
  local R = E:bind_bytes(table.concat({
    "某市统计局2024年政府信息公开工作年度报告",
    "开头一段。",
    "一、总体情况",
    "第一段。",
    "第二段。",
    "二、主动公开政府信息情况",
    "第二十条第（一）项 |",
    "说明一。",
    "信息内容 |",
    "| |",
    "说明二。",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "末段。",
  }, "\n") .. "\n", "prose.txt")
  local by = {}
  for _, s in ipairs(R.sections) do by[s.heading] = s end
  eq("开头一段。", by[""].text, "the opening, without the title")
  eq(2, by[""].places[1].line, "the opening's line")
  local one = by["一、总体情况"]
  eq("第一段。\n第二段。", one.text, "part one")
  eq(2, #one.places, "part one's places")
  eq(5, one.places[2].line, "its second paragraph's line")
  eq(#"第一段。" + 2, one.places[2].at, "where its second paragraph starts")
  local two = by["二、主动公开政府信息情况"]
  eq("说明一。\n说明二。", two.text, "part two: its paragraphs, not its cells")
  eq(8, two.places[1].line, "the first paragraph among the cells")
  eq(11, two.places[2].line, "the second")
  eq("", by["三、收到和处理政府信息公开申请情况"].text, "a part with no paragraph")
  eq(0, #by["三、收到和处理政府信息公开申请情况"].places, "and no place")
  eq("末段。", by["四、政府信息公开行政复议、行政诉讼情况"].text, "the last part")
end)
