-- Scraped text with no Markdown in it is cut into blocks in C
-- (nianbao.text.blocks): the blocks the text reader's own Lua loop makes,
-- the same fields, values and number types (in whatever order a table
-- holds them: C makes its tables with room for every field at once).
-- Markdown is left to the Lua loop, which says so with false.

local labels = require "labels"
local markup = require "markup"

-- The text reader's Lua loop alone: its file without the call to C.
local src = assert(nbio.readfile("scripts/readers/text.lua"))
local lua_src, cut = src:gsub("if not bare then plain, grid_last = nianbao.text.blocks%(bytes%) end\n"
                              .. "  if plain then return mark_ruled%({ blocks = plain, grid_last = grid_last }, ruled%) end\n", "")
local lua_reader = setmetatable({ trim = labels.trim, markup = markup, nianbao = nianbao }, { __index = _G })
assert(load(lua_src, "=text.lua", "t", lua_reader))()

-- The first difference between a and b, as the suites' differ finds it,
-- in any key order (which the hash seed decides, not the reader).
local function differ_in(a, b, path) return differ(a, b, path, true) end

test("the comparison of blocks sees a value, a number type, a missing and an extra field", function()
  local a = { { kind = "cell", text = "1", line = 1, x0 = 0 } }
  eq(nil, differ_in(a, { { x0 = 0, line = 1, text = "1", kind = "cell" } }, "b"), "the same")
  eq(true, differ_in(a, { { kind = "cell", text = "2", line = 1, x0 = 0 } }, "b") ~= nil, "a value")
  eq(true, differ_in(a, { { kind = "cell", text = "1", line = 1.0, x0 = 0 } }, "b") ~= nil, "a float")
  eq(true, differ_in(a, { { kind = "cell", text = "1", line = 1 } }, "b") ~= nil, "a field missing")
  eq(true, differ_in(a, { { kind = "cell", text = "1", line = 1, x0 = 0, row = 1 } }, "b") ~= nil,
     "a field more")
  eq(true, differ_in(a, { a[1], a[1] }, "b") ~= nil, "a block more")
end)

-- The index of the last block with a grid, 0 for none.
local function grid_last_of(blocks)
  for i = #blocks, 1, -1 do
    if blocks[i].grid then return i end
  end
  return 0
end

local function same_both_ways(text, what)
  local bytes, ruled = lua_reader.normalized(text)
  local got, grid_last = nianbao.text.blocks(bytes)
  if got == false then return false end
  -- (the rows whose rules an OCR read, said on their blocks as the reader says them on C's)
  for _, b in ipairs(ruled and got or {}) do
    if ruled[b.line] then b.ruled = true end
  end
  local doc = lua_reader.Reader(text, {})
  local d = differ_in(doc.blocks, got, "blocks")
  if d then error(what .. ": " .. d, 2) end
  -- and both say which block is the last with a grid
  eq(grid_last_of(got), grid_last, what .. ": the last block with a grid, from C")
  eq(grid_last_of(got), doc.grid_last, what .. ": the last block with a grid, from the Lua loop")
  return true
end

test("the text reader's file holds the call to C that this suite takes out", function()
  eq(1, cut, "calls taken out")
end)

test("every text of the corpus, fixtures and examples: the same blocks from C as from the Lua loop", function()
  local p = io.popen("find tests/corpus tests/fixtures tests/hostile examples -type f "
                     .. "\\( -name '*.txt' -o -name '*.md' \\) | sort")
  local n = 0
  for path in p:lines() do
    if same_both_ways(assert(nbio.readfile(path, 64 * 1048576)), path) then n = n + 1 end
  end
  p:close()
  eq(true, n >= 20, "texts compared (" .. n .. ")")
end)

for _, case in ipairs {
  { "cells, rows of a grid, bars alone and the last line without its newline",
    "a |\r\n  b  |\n| c | d |\n|||\n | |\n x|y|z\n a | b |\n| |\n c | d |\nlast|" },
  { "wide spaces, tabs and a form feed", "\u{3000}宽 | 窄\u{A0}|\n\n\fpage\f two\n\v tab\t|\t\v |  \n \u{200B} | \u{FEFF}\n" },
  { "columns counted in characters, bytes where the line is not UTF-8",
    "bad \xff\xfe | ok |\n\xe4\xb8 cut |\n\xed\xa0\x80 surrogate | x |\n\xf4\x90\x80\x80 big | y |\n"
    .. "\xc0\x80 overlong | z |\n中 | 中 | 中\n" },
  { "empty text and empty lines", "\n\n|" },
} do
  test("blocks from C as from the Lua loop: " .. case[1], function()
    eq(true, same_both_ways(case[2], case[1]), "read in C")
  end)
end

test("a mark inside a line, as a scraped page has, is read in C, the same blocks as the Lua loop", function()
  local page = "首页 > 政务公开 > 政府信息公开年报\n关于印发<年度报告格式>的通知 |\n<!-- 正文 -->\n"
               .. "| 规章 | 1 | 2 * 3 |\n| a>b | c<d | e#f |\n 第 # 1 号 | x |\n-->\n"
  eq(true, same_both_ways(page, "a page with marks inside its lines"), "read in C")
  -- a mark at every place of a text of cells, rows and prose: read in C
  -- (the same blocks as the loop's) or left to the loop, never other blocks
  local base = "概述\n年度 | 12 |\n| a | b |\n| c | d |\n 办理 |\n"
  local n = 0
  for at = 1, #base + 1 do
    for _, m in ipairs { "#", ">", "<", "*", "-->", "<a>" } do
      local text = base:sub(1, at - 1) .. m .. base:sub(at)
      if same_both_ways(text, string.format("%q", text)) then n = n + 1 end
    end
  end
  eq(true, n > #base * 3, "texts read in C (" .. n .. ")")
end)

test("a text with a Markdown mark or an alignment row is left to the Lua loop (false)", function()
  for _, text in ipairs { "# 标题\n", "a | b |\n|---|---|\n", "<table><tr><td>1</td></tr></table>\n", "**粗** |\n", "> 引\n",
                         -- a page's inline markup, a link, a span and an escape a converter wrote
                         "规章 | <span lang=\"EN-US\">1</span> |\n", "<U>64</U>\n", "[一、总体情况](#_Toc1)\n",
                         "[0]{lang=\"EN-US\"} |\n", "\\- | 1 |\n" } do
    eq(false, nianbao.text.blocks(text), text)
  end
end)

test("a block that begins its line has no col (the binder reads none as 1), one further in has its col", function()
  local text = "甲 |\n  乙 |\n段落\n| 丙 | 丁 |\n|||\n"
  local blocks = nianbao.text.blocks(text)
  local cols = {}
  for i, b in ipairs(blocks) do cols[i] = b.col or "none" end
  eq("none 3 none 3 7 none", table.concat(cols, " "), "cols from C")
  eq(nil, differ_in(lua_reader.Reader(text, {}).blocks, blocks, "blocks"), "the Lua loop's the same")
  -- bound: a value at its line's start is at column 1
  local R = assert(nianbao.engine:bind_text("第二十条第（一）项 |\n信息内容 |\n本年制发件数 |\n本年废止件数 |\n"
                                            .. "现行有效件数 |\n规章 |\n1 |\n2 |\n  3 |\n", "a.txt"))
  local places = {}
  for _, c in ipairs(R.c:held()) do places[#places + 1] = c[1] .. ":" .. c[5] .. ":" .. c[6] end
  eq("t2.reg.made:7:1 t2.reg.repealed:8:1 t2.reg.valid:9:3", table.concat(places, " "), "the cells' places")
end)
