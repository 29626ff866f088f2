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
-- beside the new; a footnote's mark set superscript (70 with a raised 1 is 70),
-- or typed in the run of its reference (w:customMarkFollows): 351 and its mark 1.
local function hidden_run(r)
  if child(r, "footnoteReference") or child(r, "endnoteReference") then return true end
  local pr = child(r, "rPr")
  if pr == nil then return false end
  if on(pr, "vanish") or on(pr, "strike") or on(pr, "dstrike") then return true end
  local align = child(pr, "vertAlign")
  return align ~= nil and align.attrs.val == "superscript"
end

-- The fields open at a place, outermost first, each as its code so far
-- (w:fldChar begins and ends one, w:instrText holds its code).
local function field_code(c, fields)
  if c.tag == "instrText" then
    if #fields > 0 then
      for _, s in ipairs(c) do
        if type(s) == "string" then fields[#fields] = fields[#fields] .. s end
      end
    end
  elseif c.attrs.fldCharType == "begin" then
    fields[#fields + 1] = ""
  elseif c.attrs.fldCharType == "end" then
    fields[#fields] = nil
  end
end

-- Is a table of contents (a TOC field) open? Its lines are the parts'
-- headings again, with their pages: no text of the report's own.
local function in_contents(fields)
  for _, code in ipairs(fields) do
    if code:match("^%s*TOC%f[^%w]") then return true end
  end
  return false
end

-- Word's list numbers (一、, （一）, 1.) are drawn, not typed: a paragraph's
-- w:numPr names its list and level, word/numbering.xml (which the decoding
-- stage puts at the document's end) how the level's number is written.
-- Word's chineseCounting digits 1 to 9 and ten, by their code points (Word's
-- own number form, no word of the report's format)
local counting, ten = {}, utf8.char(0x5341)
for d, c in ipairs { 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D } do
  counting[d] = utf8.char(c)
end
local formats = {
  decimal = function(n) return tostring(n) end,
  decimalFullWidth = function(n)
    return (tostring(n):gsub("%d", function(d) return utf8.char(0xFF10 + tonumber(d)) end))
  end,
  chineseCounting = function(n)
    if n < 1 or n > 99 then return nil end
    local tens, ones = n // 10, n % 10
    return (tens > 1 and counting[tens] or "") .. (tens > 0 and ten or "") .. (counting[ones] or "")
  end,
}
formats.chineseCountingThousand = formats.chineseCounting

-- The lists of word/numbering.xml: numId → { level → {start, format, text,
-- suffix}, key = its definition's id, restarts = whether it starts again }.
local function lists_of(numbering)
  local abstract, lists = {}, {}
  for _, a in ipairs(numbering) do
    if type(a) == "table" and a.tag == "abstractNum" then
      local levels = {}
      for _, lvl in ipairs(a) do
        if type(lvl) == "table" and lvl.tag == "lvl" then
          local start, fmt, text, suff = child(lvl, "start"), child(lvl, "numFmt"), child(lvl, "lvlText"), child(lvl, "suff")
          levels[tonumber(lvl.attrs.ilvl) or 0] = {
            start = tonumber(start and start.attrs.val) or 1, format = formats[fmt and fmt.attrs.val or "decimal"],
            text = text and text.attrs.val, suffix = (suff and suff.attrs.val == "nothing") and "" or " " }
        end
      end
      levels.key = a.attrs.abstractNumId or ""
      abstract[levels.key] = levels
    end
  end
  for _, n in ipairs(numbering) do
    if type(n) == "table" and n.tag == "num" then
      local id = child(n, "abstractNumId")
      local levels = id and abstract[id.attrs.val]
      -- a list that starts a level again at its own number
      for _, o in ipairs(levels and n or {}) do
        local start = type(o) == "table" and o.tag == "lvlOverride" and child(o, "startOverride")
        local k = start and tonumber(o.attrs.ilvl) or nil
        if k and levels[k] then
          local copy = setmetatable({ restarts = true }, { __index = levels })
          copy[k] = setmetatable({ start = tonumber(start.attrs.val) or 1 }, { __index = levels[k] })
          levels = copy
        end
      end
      lists[n.attrs.numId or ""] = levels
    end
  end
  return lists
end

-- The number Word draws before paragraph p, counted in the document's
-- order: "" when it has none or it is written in a way not read here.
local function list_number(doc, p)
  local pr = child(p, "pPr")
  local num = pr and child(pr, "numPr")
  if num == nil or doc.lists == nil then return "" end
  local id, lvl = child(num, "numId"), child(num, "ilvl")
  local levels = id and doc.lists[id.attrs.val]
  local k = tonumber(lvl and lvl.attrs.val) or 0
  local level = levels and levels[k]
  if level == nil or level.text == nil or level.format == nil then return "" end
  -- the lists of one definition count on together; one that starts a level
  -- again (startOverride) counts afresh from its first paragraph
  if levels.restarts and not doc.counts[levels] then doc.counts[levels], doc.counts[levels.key] = true, {} end
  local counts = doc.counts[levels.key] or {}
  doc.counts[levels.key] = counts
  counts[k] = (counts[k] or level.start - 1) + 1
  for deeper = k + 1, 9 do counts[deeper] = nil end
  local known = true
  local text = level.text:gsub("%%(%d)", function(d)
    local at = levels[tonumber(d) - 1]
    local s = at and at.format and at.format(counts[tonumber(d) - 1] or at.start)
    known = known and s ~= nil
    return s or ""
  end)
  return known and text .. level.suffix or ""
end

-- The text of a node: every w:t inside it, w:tab as a space, a line break
-- as a new line. A text box is stored twice (mc:Choice, mc:Fallback for old
-- Word): its fallback is left out; deleted text (w:delText) is not w:t, and
-- neither hidden text nor the place text was moved from (a tracked move's
-- w:moveFrom, whose text is w:t) is the document's text.
local function text_of(node, out, doc)
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
      elseif c.tag == "noBreakHyphen" then
        out[#out + 1] = "-"
      elseif c.tag == "txbxContent" and doc.boxes then
        -- a text box's paragraphs are lines of their own, put after the
        -- paragraph it is anchored in (not inside its sentence)
        for _, p in ipairs(c) do
          if type(p) == "table" and p.tag == "p" then
            doc.boxes[#doc.boxes + 1] = table.concat(text_of(p, { list_number(doc, p) }, doc))
          end
        end
      elseif c.tag == "fldChar" or c.tag == "instrText" then
        field_code(c, doc.fields)
        doc.contents = doc.contents or in_contents(doc.fields)
      elseif c.tag ~= "tbl" and c.tag ~= "Fallback" then
        if c.tag == "p" then out[#out + 1] = list_number(doc, c) end
        text_of(c, out, doc)
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
  local root = child(tree, "document")
  local numbering = root and child(root, "numbering")
  local doc = { fields = {}, counts = {}, lists = numbering and lists_of(numbering) }

  local walk
  local contents_at             -- the first block of a table of contents not yet ended

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
        elseif child(tc, "tbl") then
          -- a cell holding a table is a frame round it (a caption, a note):
          -- its paragraphs and tables are read as the page's
          walk(tc)
          for k = col, col + cs - 1 do open[k] = nil end
        else
          local cell = { kind = "cell", text = trim((table.concat(text_of(tc, {}, doc)):gsub("%s+", " "))),
                         line = line, col = 1, grid = grid, row = r, column = col,
                         rowspan = 1, colspan = cs, x0 = col, x1 = col + cs }
          blocks[#blocks + 1] = cell
          for k = col, col + cs - 1 do open[k] = merge and cell or nil end
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
          doc.contents = in_contents(doc.fields)
          doc.boxes = {}
          local t = table.concat(text_of(c, { list_number(doc, c) }, doc))
          if #doc.boxes > 0 then t = t .. "\n" .. table.concat(doc.boxes, "\n") end
          doc.boxes = nil
          if doc.contents and contents_at == nil then contents_at = #blocks + 1 end
          for piece in (t .. "\n"):gmatch("([^\n]*)\n") do
            local t = trim(piece)
            if t ~= "" then blocks[#blocks + 1] = { kind = "para", text = t, line = line, col = 1 } end
          end
          -- a table of contents' lines are taken out once its field ends (a
          -- field never ended leaves the text as it is): the headings follow
          if contents_at and not in_contents(doc.fields) then
            for k = #blocks, contents_at, -1 do blocks[k] = nil end
            contents_at = nil
          end
        elseif c.tag == "tbl" then
          do_table(c)
        elseif c.tag ~= "numbering" then
          walk(c)
        end
      end
    end
  end
  walk(tree)
  return { blocks = blocks }
end
