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

-- A revised value's struck old one and a footnote's mark (12<sup>1</sup>
-- is 12): no text of the page's, but a cell held in one whole.
local marks = { del = "struck", s = "struck", strike = "struck", sup = "raised" }

-- All the text inside a node; line breaks inside a cell join its pieces.
-- What the cell holds hidden or struck is no part of it.
local function text_of(node, out, hide)
  for _, c in ipairs(node) do
    if type(c) == "string" then out[#out + 1] = c
    elseif c.tag ~= "table" and not marks[c.tag] and not hidden(c, hide) and not struck(c) then text_of(c, out, hide) end
  end
  return out
end

-- The text a cell holds in its marks, by kind: {struck = "62", raised = "64"}.
local function marked_text(node, out, hide, kind)
  for _, c in ipairs(node) do
    if type(c) == "string" then
      if kind then out[kind] = (out[kind] or "") .. c end
    elseif c.tag ~= "table" and not hidden(c, hide) then
      marked_text(c, out, hide, kind or marks[c.tag])
    end
  end
  return out
end

-- A cell whose text is all in marks: a number raised whole (`<sup>64</sup>`)
-- is the number a browser shows; a number struck whole (`<del>62</del>`) an
-- old value. → the raised number, and whether an old value was struck.
local function marked_cell(td, hide)
  local m = marked_text(td, {}, hide, nil)
  local raised = m.raised and clean(m.raised)
  local struck_number = m.struck ~= nil and clean(m.struck):find("^%d[%d,.]*$") ~= nil
  if raised and raised:find("^%d[%d,.]*$") and not m.struck then return raised, false end
  return nil, struck_number
end

-- Does a mark lie anywhere inside node?
local function holds_mark(node)
  for _, c in ipairs(node) do
    if type(c) == "table" and (marks[c.tag] or holds_mark(c)) then return true end
  end
  return false
end

-- A revised page's old row: its label, then only numbers struck whole (or
-- empty cells), above a row of the same label (its new values). Each cell
-- one place wide and high, so leaving the row out moves nothing else.
local function old_row(tr, next_tr, hide)
  if not next_tr or not holds_mark(tr) then return false end
  local label, struck_any = nil, false
  for _, td in ipairs(tr) do
    if type(td) == "table" and (td.tag == "td" or td.tag == "th") and not hidden(td, hide) then
      if (tonumber(td.attrs.rowspan) or 1) > 1 then return false end
      local text = clean(table.concat(text_of(td, {}, hide)))
      if not label then
        if text == "" then return false end
        label = text
      elseif text ~= "" then
        return false
      else
        local _, old = marked_cell(td, hide)
        struck_any = struck_any or old
      end
    end
  end
  if not struck_any then return false end
  for _, td in ipairs(next_tr) do
    if type(td) == "table" and (td.tag == "td" or td.tag == "th") and not hidden(td, hide) then
      return clean(table.concat(text_of(td, {}, hide))) == label
    end
  end
  return false
end

-- blocks(tree [, opts]) → list of blocks. opts.line: added to every line
-- (the tree was parsed from a piece of a larger file); opts.grid: prefix of
-- the tables' grid names; opts.blocks: the list to append to; opts.hide:
-- the classes and ids (".name", "#name") the page's style hides. It sets
-- opts.twins when two tables hold as many cells (the page may hold a table
-- twice: a draft, a print copy), opts.bars when a paragraph opens with "|".
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
      if t ~= "" then
        blocks[#blocks + 1] = { kind = "para", text = t, line = bufline or shift + 1 }
        if t:byte(1) == 124 then opts.bars = true end    -- "| … |": a Markdown table's row?
      end
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
    if holds_mark(tnode) then
      local kept = {}
      for i, tr in ipairs(rows) do
        if not old_row(tr, rows[i + 1], hide) then kept[#kept + 1] = tr end
      end
      rows = kept
    end
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
            local text = clean(raw)
            if text == "" and type(only) ~= "string" and not struck(td) then text = marked_cell(td, hide) or "" end
            blocks[#blocks + 1] = { kind = "cell", text = text,
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

  -- A later page of an article a script's pager shows one at a time
  -- (`page_2` hidden after a shown `page_1`): the article's own, no copy.
  local function later_page(node, i)
    local stem = node[i].attrs.id and node[i].attrs.id:match("^(.*%D)%d+$")
    if not stem then return false end
    for j = i - 1, 1, -1 do
      local s = node[j]
      local id = type(s) == "table" and s.attrs.id
      if id and id ~= node[i].attrs.id and id:sub(1, #stem) == stem and id:find("^%d+$", #stem + 1)
         and not hidden(s, hide) then
        return true
      end
    end
    return false
  end

  -- A hidden part's tables are left out while as many are shown (a draft, a
  -- print copy): a page whose report is hidden beside a shown table or none
  -- (its script shows the report) is read whole.
  local shown_all, hid_tables = false, 0
  function walk(node)
    for i, c in ipairs(node) do
      if type(c) == "string" then
        buf[#buf + 1] = c
        bufline = bufline or line_of(node)
      elseif not shown_all and hidden(c, hide) and not later_page(node, i) then
        hid_tables = hid_tables + (c.tag == "table" and 1 or 0) + count_tables(c)
      elseif struck(c) or marks[c.tag] then    -- a revised page's old words, a footnote's mark: not read
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
