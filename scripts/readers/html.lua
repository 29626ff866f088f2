-- Reader for web pages: a saved page or an article fragment of a government
-- CMS, or a Word/WPS export. libxml2 parses the markup (repairing it as
-- browsers do); this walks the tree into paragraphs and table cells. Every
-- cell keeps its place in the table's grid, rowspan and colspan expanded.

name        = "html"
extensions  = { "html", "htm", "shtml", "xhtml" }

function sniff(head)
  local h = head:sub(1, 4096):lower()
  if h:find("<html", 1, true) or h:find("<table", 1, true) or h:find("<!doctype html", 1, true)
     or (h:find("<div", 1, true) and h:find("</p>", 1, true)) then
    return true
  end
  -- markup further in, after scripts or a site's menus: a table of cells
  local rest = head:lower()
  return rest:find("<table", 1, true) ~= nil and rest:find("</td>", 1, true) ~= nil
end

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

-- All the text inside a node; line breaks inside a cell join its pieces.
local function text_of(node, out)
  for _, c in ipairs(node) do
    if type(c) == "string" then out[#out + 1] = c
    elseif c.tag ~= "table" then text_of(c, out) end
  end
  return out
end

local function first_line(node)
  return node.line and node.line > 0 and node.line or nil
end

function Reader(text, opts)
  local tree, err = nianbao.html.parse(text)
  if not tree then error(err, 0) end
  local blocks, buf, bufline = {}, {}, nil

  local function flush()
    if #buf > 0 then
      local t = clean(table.concat(buf))
      if t ~= "" then blocks[#blocks + 1] = { kind = "para", text = t, line = bufline or 1, col = 1 } end
    end
    buf, bufline = {}, nil
  end

  local walk

  -- Rows and cells in order; `taken` marks grid places covered by spans.
  local tables = 0
  local function do_table(tnode)
    tables = tables + 1
    local grid = "h" .. tables
    local rows = {}
    local function collect(node)
      for _, c in ipairs(node) do
        if type(c) == "table" then
          if c.tag == "tr" then rows[#rows + 1] = c
          elseif c.tag ~= "table" then collect(c) end
        end
      end
    end
    collect(tnode)
    local taken = {}
    for r, tr in ipairs(rows) do
      local col = 1
      for _, td in ipairs(tr) do
        if type(td) == "table" and (td.tag == "td" or td.tag == "th") then
          taken[r] = taken[r] or {}
          while taken[r][col] do col = col + 1 end
          local rs = math.max(1, math.min(tonumber(td.attrs.rowspan) or 1, 1000))
          local cs = math.max(1, math.min(tonumber(td.attrs.colspan) or 1, 1000))
          for dr = 0, rs - 1 do
            taken[r + dr] = taken[r + dr] or {}
            for dc = 0, cs - 1 do taken[r + dr][col + dc] = true end
          end
          blocks[#blocks + 1] = { kind = "cell", text = clean(table.concat(text_of(td, {}))),
                                  line = first_line(td) or first_line(tr) or 1, col = 1,
                                  grid = grid, row = r, column = col, rowspan = rs, colspan = cs,
                                  x0 = col, x1 = col + cs }
          col = col + cs
          -- a table inside a cell is read in its place
          for _, c in ipairs(td) do
            if type(c) == "table" and c.tag == "table" then do_table(c) end
          end
        end
      end
      blocks[#blocks + 1] = { kind = "break", text = "", line = first_line(tr) or 1, col = 1 }
    end
  end

  walk = function(node)
    for _, c in ipairs(node) do
      if type(c) == "string" then
        buf[#buf + 1] = c
        bufline = bufline or first_line(node)
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
  walk(tree)
  flush()
  return { blocks = blocks }
end
