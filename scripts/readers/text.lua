-- Reader for text scraped from a report's web page: paragraphs on their
-- own lines, table cells each ending in " |", and lines of bare bars where
-- the page had merged cells. Several cells may share one line
-- ("索 引 号: | … | 公开目录: | … |"). A cell printed as " |" is empty.
-- Markdown may carry a table as HTML (pandoc does so for merged cells): it
-- is read as the HTML reader reads a page's table.

name        = "text"
-- a PDF arrives as its text layer; Markdown is this shape with a little markup
extensions  = { "txt", "text", "pdf", "md", "markdown" }

-- A line that holds at least one cell separator belongs to a table or the
-- metadata block.
-- (Markdown's marks and alignment rows neither add a bar nor take one away,
-- so counting the lines with a bar is enough.)
function sniff(head)
  local bars, at = 0, 1
  while bars < 3 do
    local bar = head:find("|", at, true)
    if not bar then return false end
    bars = bars + 1
    at = head:find("\n", bar, true)
    if not at then break end
  end
  return bars >= 3
end

-- Reader(bytes, opts) → document: { blocks = { {kind=, text=, line=, col=, offset=}, … }, grid_last = }
-- kinds: "para" (a line of prose), "cell" (one table cell), "break" (a line of bars).
-- col is left out where it is 1 (the binder reads none as 1): a smaller
-- table for most blocks.
-- grid_last: the index of the last block with a grid, 0 for none (the
-- binder asks no block after it for one: most cells are one to a line).
-- An HTML table starting at pos (a line that opens with <table): its
-- blocks added, the position after it and the lines it took | nil.
local function html_table(bytes, pos, lineno, blocks, count)
  local depth, at = 0, pos
  while true do
    local s, e, close = bytes:find("<(/?)[Tt][Aa][Bb][Ll][Ee][%s>]", at)
    if not s then return nil end
    depth = depth + (close == "/" and -1 or 1)
    at = e + 1
    if depth == 0 then break end
  end
  local eol = bytes:find("\n", at, true) or (#bytes + 1)
  local chunk = bytes:sub(pos, eol - 1)
  local tree = nianbao.html.parse(chunk)
  if not tree then return nil end
  markup.blocks(tree, { line = lineno - 1, grid = "m" .. count, blocks = blocks })
  return eol + 1, select(2, chunk:gsub("\n", "")) + 1
end

-- An OCR's bars, the full-width ｜ and the like-looking 丨, part cells as
-- | does where spaces or the line's ends stand on both sides of them (in a
-- word, 丨 is a character). Each becomes a bar of as many bytes.
local WIDE_BARS = { "\xEF\xBD\x9C", "\xE4\xB8\xA8" }
local function ocr_bars(line)
  for _, bar in ipairs(WIDE_BARS) do
    line = line:gsub("()" .. bar .. "()", function(s, e)
      local before, after = line:sub(s - 1, s - 1), line:sub(e, e)
      if (before == "" or before:find("^%s")) and (after == "" or after:find("^%s")) then return " | " end
    end)
  end
  return line
end

function Reader(bytes, opts)
  if bytes:find(WIDE_BARS[1], 1, true) or bytes:find(WIDE_BARS[2], 1, true) then bytes = bytes:gsub("[^\n]+", ocr_bars) end
  -- a text with no Markdown mark: the loop below, in C (nianbao.text.blocks)
  local plain, grid_last = nianbao.text.blocks(bytes)
  if plain then return { blocks = plain, grid_last = grid_last } end
  local blocks, n = {}, 0
  local lineno, pos = 0, 1
  local len = #bytes
  local html_tables = 0
  -- consecutive lines of several cells are the rows of one table (grid);
  -- each cell keeps its place in its line (x), empty cells counted
  local grid, row, last_row_line, grid_last = 0, 0, -1, 0
  -- plain searches (memchr) once, instead of a class match on every line of a text that has no mark
  local has_marks = bytes:find("#", 1, true) or bytes:find(">", 1, true) or bytes:find("*", 1, true)
                    or bytes:find("<", 1, true)
  while pos <= len do
    local eol = bytes:find("\n", pos, true) or (len + 1)
    local line = bytes:sub(pos, eol - 1)
    if line:byte(-1) == 13 then line = line:sub(1, -2) end
    local marked = has_marks and line:find("[#>*<]")   -- no mark: none of the Markdown rewrites below apply
    if marked and (line:match("^%s*<[Tt][Aa][Bb][Ll][Ee][%s>]") or line:match("^%s*<[Tt][Aa][Bb][Ll][Ee]$")) then
      html_tables = html_tables + 1
      local after, lines = html_table(bytes, pos, lineno + 1, blocks, html_tables)
      if after then
        n, lineno, pos = #blocks, lineno + lines, after
        grid_last = n
        goto next_line
      end
    end
    lineno = lineno + 1
    if marked then
      line = line:gsub("^%s*#+%s+", ""):gsub("^%s*>%s?", ""):gsub("%*%*", "")   -- Markdown
                 :gsub("<[Bb][Rr]%s*/?>", "")            -- a line break inside a cell joins its text
    end
    if line:find("---", 1, true) and line:match("^%s*|?%s*:?%-%-%-+:?%s*|[%s|:%-]*$") then
      line = "|"                               -- a Markdown table's alignment row
    end
    local bar1 = line:find("|", 1, true)
    if bar1 and bar1 == #line and bar1 > 1 then   -- the commonest line, "text |": one cell, no grid
      local piece = line:sub(1, bar1 - 1)
      local text = trim(piece)
      if text ~= "" then
        local lead = piece:find("[^%s]") or 1
        local col = lead > 1 and (utf8.len(line:sub(1, lead - 1)) or (lead - 1)) + 1 or nil
        n = n + 1
        blocks[n] = { kind = "cell", text = text, line = lineno, col = col, offset = pos + lead - 2 }
        goto line_done
      end
    end
    if bar1 then
      local start, any, first = 1, false, n + 1
      local x, leading = 0, line:match("^%s*|") ~= nil
      while true do
        local bar = line:find("|", start, true)
        if not bar and start > #line then break end   -- nothing after the last bar
        local piece = line:sub(start, (bar or (#line + 1)) - 1)
        local text = trim(piece)
        -- " |" is an empty cell; a bare "|" only pads a merged cell
        if text ~= "" or (piece ~= "" and bar) then
          local lead = piece:find("[^%s]") or 1
          local at = start + lead - 1
          local col = at > 1 and (utf8.len(line:sub(1, at - 1)) or (at - 1)) + 1 or nil
          n = n + 1
          blocks[n] = { kind = "cell", text = text, line = lineno, col = col,
                        offset = pos + at - 2, x0 = x, x1 = x + 1 }
          any = true
        end
        if bar and not (leading and start == 1) then x = x + 1 end
        if not bar then break end
        start = bar + 1
      end
      if n - first + 1 >= 2 then                 -- a row of a table: place it in its grid
        if last_row_line ~= lineno - 1 then grid, row = grid + 1, 0 end
        row, last_row_line = row + 1, lineno
        for k = first, n do blocks[k].grid, blocks[k].row = "t" .. grid, row end
        grid_last = n
      elseif n >= first then
        blocks[n].x0, blocks[n].x1 = nil, nil       -- one cell a line: no grid to place it in
      end
      if not any then
        n = n + 1
        blocks[n] = { kind = "break", text = "", line = lineno, offset = pos - 1 }
        if last_row_line == lineno - 1 then last_row_line = lineno end   -- a Markdown alignment row
      end
    else
      local text = trim(line:find("\f", 1, true) and (line:gsub("\f", "")) or line)   -- a form feed is a PDF page break
      if text ~= "" then
        n = n + 1
        blocks[n] = { kind = "para", text = text, line = lineno, offset = pos - 1 }
      end
    end
    ::line_done::
    pos = eol + 1
    ::next_line::
  end
  return { blocks = blocks, grid_last = grid_last }
end
