-- Reader for Word files (.docx): the text of word/document.xml, which the
-- decoding stage takes out of the zip archive. libxml2 parses it; this
-- walks the body into paragraphs and table cells, each cell in its place
-- in the table's grid: w:gridSpan spans columns, w:vMerge continues the
-- cell above (a rowspan), as Word draws the official grid. The XML has no
-- lines to speak of: a block's line is its paragraph's number in the
-- document, a table row counting as one paragraph.

name        = "docx"
extensions  = { "docx" }

function sniff(head)
  return head:find("<w:document", 1, true) ~= nil
end

local function child(node, tag)
  for _, c in ipairs(node) do
    if type(c) == "table" and c.tag == tag then return c end
  end
end

-- Is a run's property (w:vanish, w:strike) on: there, its val not false?
local function on(pr, tag)
  local v = child(pr, tag)
  local val = v and v.attrs.val
  return v ~= nil and val ~= "false" and val ~= "0" and val ~= "off"
end

-- Is a run no text of the document's? Hidden text (w:vanish), which Word
-- prints none of; a revised value's struck old one (w:strike, w:dstrike)
-- beside the new; a footnote's mark set superscript (70 with a raised 1 is 70).
local function hidden_run(r)
  local pr = child(r, "rPr")
  if pr == nil then return false end
  if on(pr, "vanish") or on(pr, "strike") or on(pr, "dstrike") then return true end
  local align = child(pr, "vertAlign")
  return align ~= nil and align.attrs.val == "superscript"
end

-- The text of a node: every w:t inside it, w:tab as a space, a line break
-- as a new line. A text box is stored twice (mc:Choice, mc:Fallback for old
-- Word): its fallback is left out; deleted text (w:delText) is not w:t, and
-- neither hidden text nor the place text was moved from (a tracked move's
-- w:moveFrom, whose text is w:t) is the document's text.
local function text_of(node, out)
  for _, c in ipairs(node) do
    if type(c) == "table" then
      if c.tag == "moveFrom" or (c.tag == "r" and hidden_run(c)) then
        -- not printed
      elseif c.tag == "t" then
        for _, s in ipairs(c) do
          if type(s) == "string" then out[#out + 1] = s end
        end
      elseif c.tag == "tab" then
        out[#out + 1] = " "
      elseif c.tag == "br" or c.tag == "cr" then
        out[#out + 1] = "\n"
      elseif c.tag ~= "tbl" and c.tag ~= "Fallback" then
        text_of(c, out)
      end
    end
  end
  return out
end

-- A table's rows, or a row's cells, in order: those inside a content control
-- (w:sdt) or custom XML too, which Word prints as the table's own.
local function parts(node, tag, out)
  for _, c in ipairs(node) do
    if type(c) == "table" then
      if c.tag == tag then out[#out + 1] = c
      elseif c.tag == "sdt" or c.tag == "sdtContent" or c.tag == "customXml" then parts(c, tag, out) end
    end
  end
  return out
end

function Reader(text, opts)
  local tree, err = nianbao.xml.parse(text)
  if not tree then error(err, 0) end
  local blocks, tables, line = {}, 0, 0

  local walk

  -- A table: rows of cells; a cell's place is the sum of the spans before it.
  local function do_table(tbl)
    tables = tables + 1
    local grid = "w" .. tables
    local open = {}             -- column → the cell a vertical merge continues
    local r = 0
    for _, tr in ipairs(parts(tbl, "tr", {})) do
      r = r + 1
      line = line + 1
      local trpr = child(tr, "trPr")
      local before = trpr and child(trpr, "gridBefore")   -- grid columns the row leaves empty first
      local col = 1 + math.max(0, math.min(tonumber(before and before.attrs.val) or 0, 1000))
      for _, tc in ipairs(parts(tr, "tc", {})) do
        local pr = child(tc, "tcPr")
        local span = pr and child(pr, "gridSpan")
        local cs = math.max(1, math.min(tonumber(span and span.attrs.val) or 1, 1000))
        local merge = pr and child(pr, "vMerge")
        if merge and merge.attrs.val ~= "restart" and open[col] then
          open[col].rowspan = open[col].rowspan + 1      -- the cell above goes on
        else
          local cell = { kind = "cell", text = trim((table.concat(text_of(tc, {})):gsub("%s+", " "))),
                         line = line, col = 1, grid = grid, row = r, column = col,
                         rowspan = 1, colspan = cs, x0 = col, x1 = col + cs }
          blocks[#blocks + 1] = cell
          for k = col, col + cs - 1 do open[k] = merge and cell or nil end
          -- a table inside a cell is read in its place
          for _, c in ipairs(tc) do
            if type(c) == "table" and c.tag == "tbl" then do_table(c) end
          end
        end
        col = col + cs
      end
      blocks[#blocks + 1] = { kind = "break", text = "", line = line, col = 1 }
    end
  end

  walk = function(node)
    for _, c in ipairs(node) do
      if type(c) == "table" then
        if c.tag == "p" then
          line = line + 1
          for piece in (table.concat(text_of(c, {})) .. "\n"):gmatch("([^\n]*)\n") do
            local t = trim(piece)
            if t ~= "" then blocks[#blocks + 1] = { kind = "para", text = t, line = line, col = 1 } end
          end
        elseif c.tag == "tbl" then
          do_table(c)
        else
          walk(c)
        end
      end
    end
  end
  walk(tree)
  return { blocks = blocks }
end
