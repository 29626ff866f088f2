-- Web page trees (nianbao.html.parse) as a reader's blocks: paragraphs and
-- table cells, every cell in its place in its table's grid with rowspan and
-- colspan expanded. The HTML reader is this; the text reader uses it for
-- the HTML tables a Markdown file carries (pandoc writes a table with
-- merged cells so).

local labels = require "labels"

local trim = labels.trim

local M = {}

-- Elements that end a line of text; the rest are inline.
local block = {}
for t in ("p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd section article header footer main "
       .. "aside nav blockquote pre title address figure figcaption caption center form "
       .. "hr br body html tr"):gmatch("%S+") do
  block[t] = true
end

-- Collapse white space as a browser does, then trim every kind of space.
local function clean(s)
  return trim((s:gsub("[ \t\r\n\f]+", " ")))
end

-- An element styled display:none, or of a class or id the page's own <style>
-- hides (`hide`: a set of ".name" and "#name"): a browser shows none of it.
-- A spreadsheet saved as a page keeps its hidden rows and columns so, a
-- site its print copy and a draft. The last display a style sets is the one
-- shown; a comment sets none; the element's own style goes before its class.
local function hidden(node, hide)
  if node.attrs.hidden then return true end      -- the hidden attribute: a browser shows none of it
  local style = node.attrs.style
  if style ~= nil and style:lower():find("display", 1, true) then
    local shown
    for v in (style:lower():gsub("/%*.-%*/", "")):gmatch("display%s*:%s*([%w%-]+)") do shown = v end
    if shown then return shown == "none" end
  end
  if node.styled_display then return node.styled_display == "none" end   -- a longer rule of the page's style
  if hide == nil then return false end
  if node.attrs.id and hide["#" .. node.attrs.id] then return true end
  for name in (node.attrs.class or ""):gmatch("%S+") do
    if hide["." .. name] then return true end
  end
  return false
end

-- Text styled struck through: a revised page's old value, beside the new.
-- A struck cell keeps its place in the row, empty.
local function struck(node)
  if node.styled_struck then return true end   -- by a rule of the page's style sheet
  local style = node.attrs.style
  return style ~= nil and style:lower():find("line-through", 1, true) ~= nil
end

-- All the text inside a node; line breaks inside a cell join its pieces.
-- What the cell holds hidden or struck is no part of it.
local function text_of(node, out, hide)
  for _, c in ipairs(node) do
    if type(c) == "string" then out[#out + 1] = c
    elseif c.tag ~= "table" and not hidden(c, hide) and not struck(c) then text_of(c, out, hide) end
  end
  return out
end

-- blocks(tree [, opts]) → list of blocks. opts.line: added to every line
-- (the tree was parsed from a piece of a larger file); opts.grid: prefix of
-- the tables' grid names; opts.blocks: the list to append to; opts.hide:
-- the classes and ids (".name", "#name") the page's style hides. It sets
-- opts.twins when two tables hold as many cells (the page may hold a table
-- twice: a draft, a print copy).
function M.blocks(tree, opts)
  opts = opts or {}
  local shift, prefix, hide = opts.line or 0, opts.grid or "h", opts.hide
  local blocks, buf, bufline = opts.blocks or {}, {}, nil

  local function line_of(node)
    return node.line and node.line > 0 and node.line + shift or nil
  end

  local function flush()
    if #buf > 0 then
      local t = clean(table.concat(buf))
      if t ~= "" then blocks[#blocks + 1] = { kind = "para", text = t, line = bufline or shift + 1 } end
    end
    buf, bufline = {}, nil
  end

  -- Does a table lie anywhere inside node? Such a cell lays out a page (an
  -- old site's body in a layout table): its paragraphs and tables are the page's.
  local function holds_table(node)
    for _, c in ipairs(node) do
      if type(c) == "table" and (c.tag == "table" or holds_table(c)) then return true end
    end
    return false
  end

  -- Rows and cells in order; `taken` marks grid places covered by spans.
  local tables, sizes, nsizes, twins = 0, {}, 0, false
  local walk
  local function do_table(tnode)
    tables = tables + 1
    local grid = prefix .. tables
    local rows = {}
    local function collect(node)
      for _, c in ipairs(node) do
        if type(c) == "table" then
          if c.tag == "tr" then
            -- (a row struck through whole is a revised page's old row, beside its new one)
            if not hidden(c, hide) and not struck(c) then rows[#rows + 1] = c end
          elseif c.tag ~= "table" and not hidden(c, hide) then collect(c) end   -- a hidden tbody's rows too
        end
      end
    end
    collect(tnode)
    local taken, cells = {}, 0
    for r, tr in ipairs(rows) do
      local col = 1
      for _, td in ipairs(tr) do
        if type(td) == "table" and (td.tag == "td" or td.tag == "th") and not hidden(td, hide) then
          taken[r] = taken[r] or {}
          while taken[r][col] do col = col + 1 end
          local rs = math.max(1, math.min(tonumber(td.attrs.rowspan) or 1, 1000))
          local cs = math.max(1, math.min(tonumber(td.attrs.colspan) or 1, 1000))
          -- a plain cell covers no place this row or a later one will look at
          if rs > 1 or cs > 1 then
            for dr = 0, rs - 1 do
              taken[r + dr] = taken[r + dr] or {}
              for dc = 0, cs - 1 do taken[r + dr][col + dc] = true end
            end
          end
          if holds_table(td) then
            flush()
            walk(td)
            flush()
          else
            local only = td[2] == nil and td[1]      -- most cells hold one piece of text
            local raw = struck(td) and "" or type(only) == "string" and only or table.concat(text_of(td, {}, hide))
            blocks[#blocks + 1] = { kind = "cell", text = clean(raw),
                                    line = line_of(td) or line_of(tr) or shift + 1,
                                    grid = grid, row = r, column = col, rowspan = rs, colspan = cs,
                                    x0 = col, x1 = col + cs }
            cells = cells + 1
          end
          col = col + cs
        end
      end
      blocks[#blocks + 1] = { kind = "break", text = "", line = line_of(tr) or shift + 1 }
    end
    -- (as the C walk: past 32 tables of other sizes, as if two were alike)
    if cells >= 4 then
      if not sizes[cells] then nsizes = nsizes + 1 end
      twins = twins or sizes[cells] ~= nil or nsizes > 32
      sizes[cells] = true
    end
  end

  -- Tables in a node and in all it holds.
  local function count_tables(node)
    local n = 0
    for _, c in ipairs(node) do
      if type(c) == "table" then n = n + (c.tag == "table" and 1 or 0) + count_tables(c) end
    end
    return n
  end

  -- A hidden part's tables are left out while as many are shown (a draft, a
  -- print copy): a page whose report is hidden beside a shown table or none
  -- (its script shows the report) is read whole.
  local shown_all, hid_tables = false, 0
  function walk(node)
    for _, c in ipairs(node) do
      if type(c) == "string" then
        buf[#buf + 1] = c
        bufline = bufline or line_of(node)
      elseif not shown_all and hidden(c, hide) then
        hid_tables = hid_tables + (c.tag == "table" and 1 or 0) + count_tables(c)
      elseif struck(c) then                    -- a revised page's old words: not read
      elseif c.tag == "table" then
        flush()
        do_table(c)
      elseif block[c.tag] then
        flush()
        walk(c)
        flush()
      else
        walk(c)
      end
    end
  end
  local first = #blocks
  walk(tree)
  flush()
  if hid_tables > tables then
    for i = #blocks, first + 1, -1 do blocks[i] = nil end
    shown_all, sizes, nsizes, twins = true, {}, 0, false
    walk(tree)
    flush()
  end
  opts.twins = twins
  return blocks
end

return M
