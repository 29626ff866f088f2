-- Reader for text scraped from a report's web page: paragraphs on their
-- own lines, table cells each ending in " |", and lines of bare bars where
-- the page had merged cells. Several cells may share one line
-- ("索 引 号: | … | 公开目录: | … |"). A cell printed as " |" is empty.
-- Markdown may carry a table as HTML (pandoc does so for merged cells): it
-- is read as the HTML reader reads a page's table.

name        = "text"
-- a PDF arrives as its text layer; Markdown is this shape with a little markup
extensions  = { "txt", "text", "pdf", "md", "markdown" }
-- a narrow cell's number wraps onto the next line, a footnote's mark runs into
-- one: a number that breaks a sum and would hold it so is not taken as read
loose_digits = true

-- A line that holds at least one cell separator belongs to a table or the
-- metadata block.
-- (Markdown's marks and alignment rows neither add a bar nor take one away,
-- so counting the lines with a bar is enough.)
-- A converter's Markdown may have no bar at all (its tables HTML): two
-- lines that open with a heading's marks and a word say it is Markdown.
-- (plain searches for a line's "#": a class match at every byte of a long head costs)
local function headings(head)
  local seen, at = head:find("^#+ [\x80-\xFF]") and 1 or 0, 1
  while seen < 2 do
    at = head:find("\n#", at, true)
    if not at then return false end
    at = at + 1
    if head:find("^#+ [\x80-\xFF]", at) then seen = seen + 1 end
  end
  return true
end

function sniff(head)
  local bars, at = 0, 1
  while bars < 3 do
    local bar = head:find("|", at, true)
    if not bar then return headings(head) end
    bars = bars + 1
    at = head:find("\n", bar, true)
    if not at then break end
  end
  return bars >= 3 or headings(head)
end

-- Reader(bytes, opts) → document: { blocks = { {kind=, text=, line=, col=, offset=}, … }, grid_last = }
-- A line of prose or of cells parted by tabs that ends with tabs keeps
-- their count (tabs=): a row's empty cells after its last text.
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

-- An OCR keeps some of a table's rules as bars and loses the rest: a line
-- where one piece between bars is several numbers parted by spaces
-- ("64 |0   0   2    0    4 |70"), or a text and a number set apart by
-- spaces ("|行政许可          447228"), is a row laid out by spaces, each bar a space.
local SPACED_VALUE = "%S%s%s%s+%S*%d%S*%s*$"
local function spaced_numbers(piece)
  -- three numbers or more, not one number's thousands parted by spaces ("1 234 567")
  local n, thousands = 0, true
  for number in piece:gmatch("%S+") do
    if not number:find("^%d[%d,%.]*$") then return false end
    n = n + 1
    if n > 1 and #number ~= 3 then thousands = false end
  end
  return n >= 3 and not thousands
end
local function spaced_bars(line)
  if not line:find("|", 1, true) then return line end
  for piece in ("|" .. line .. "|"):gmatch("|([^|]*)") do
    if spaced_numbers(piece) or piece:find(SPACED_VALUE) then return (line:gsub("|", " ")) end
  end
  return line
end

-- pandoc's multiline and grid tables wrap a cell's text over the lines of
-- its row (a multiline table's rows end at a blank line, a grid table's at
-- a +---+ border): each such row is joined into one line, its cells' pieces
-- put together, in the place of its first line. The row's other lines are
-- left empty, and the joined line padded, so lines and offsets stay.

-- The columns a character takes, as pandoc lays a table out: two for East
-- Asian wide and full-width characters, one for the rest.
local function char_width(c)
  return (c >= 0x1100 and (c <= 0x115F or (c >= 0x2E80 and c <= 0xA4CF) or (c >= 0xAC00 and c <= 0xD7A3)
          or (c >= 0xF900 and c <= 0xFAFF) or (c >= 0xFE30 and c <= 0xFE4F) or (c >= 0xFF00 and c <= 0xFF60)
          or (c >= 0xFFE0 and c <= 0xFFE6) or (c >= 0x20000 and c <= 0x3FFFD))) and 2 or 1
end

-- Two pieces of a cell's text put together: a space only between two words
-- of Latin letters or digits, as a wrap at a space leaves them.
local function join_pieces(a, b)
  if a == "" or b == "" then return a .. b end
  if a:find("[%w%p]$") and b:find("^[%w%p]") and not a:find("[\x80-\xFF]$") then return a .. " " .. b end
  return a .. b
end

-- A multiline table's row: its lines cut where the ruler's columns start.
local function multiline_row(lines, starts)
  local cells = {}
  for _, line in ipairs(lines) do
    if not utf8.len(line) then return nil end
    local col, k, pieces = 0, 0, {}
    for _, c in utf8.codes(line) do
      while starts[k + 1] and col >= starts[k + 1] do k = k + 1 end
      if k > 0 then pieces[k] = (pieces[k] or "") .. utf8.char(c) end
      col = col + char_width(c)
    end
    for i = 1, #starts do cells[i] = join_pieces(cells[i] or "", trim(pieces[i] or "")) end
  end
  local out = {}
  for i = 1, #starts do
    if cells[i] ~= "" then out[#out + 1] = cells[i] end
  end
  return table.concat(out, "  ")
end

-- A grid table's row: its lines parted by their bars, each cell's pieces joined.
local function grid_row(lines)
  local cells, n
  for _, line in ipairs(lines) do
    local pieces = {}
    for piece in line:gmatch("|([^|]*)") do pieces[#pieces + 1] = trim(piece) end
    if n and #pieces ~= n then return nil end
    n, cells = #pieces, cells or {}
    for i = 1, n do cells[i] = join_pieces(cells[i] or "", pieces[i]) end
  end
  return "| " .. table.concat(cells, " | ") .. " |"
end

-- A table between bars with no line between its rows (antiword's): a line
-- with no number, whose text stands only under text of the row above it,
-- goes on that row's cells. A piece that opens with an enumerator (a
-- numeral in brackets, "2.", a numeral and an enumeration comma) begins a
-- label, and stays a line of its own.
local function bar_pieces(line)
  local pieces = {}
  for piece in line:gmatch("|([^|]*)") do pieces[#pieces + 1] = trim(piece) end
  pieces[#pieces] = nil                       -- what follows the last bar
  return pieces
end

local function is_value(piece) return piece:find("^%-?%d[%d,%.]*$") ~= nil end

local function opens_label(piece)
  return piece:find("^[%(%d]") or piece:find("^\xEF\xBC\x88") or piece:find("^[\xE4-\xE9]..\xE3\x80\x81")
end

local function continues(row, pieces)
  if #pieces ~= #row then return false end
  local any = false
  for i, piece in ipairs(pieces) do
    if piece ~= "" then
      if is_value(piece) or opens_label(piece) or row[i] == "" or is_value(row[i]) then return false end
      any = true
    end
  end
  return any
end

local RULER = "^%s*%-+%s+%-+[%s%-]*$"            -- a multiline table's columns: groups of dashes
local RULE = "^%s*%-%-%-+%s*$"                   -- its top and bottom: one run of dashes
-- A grid table's border: bars, pluses and dashes (or =) only; under a cell
-- that spans rows it opens with a bar and leaves that cell's width blank.
local function is_border(line)
  return (line:find("---", 1, true) or line:find("===", 1, true)) and line:find("+", 1, true)
         and line:find("^%s*[|+][%s|+=%-]*$") ~= nil
end

-- Whether the header above the ruler at line i opens with a rule, as a
-- multiline table's does (a simple table's header has none above it).
local function under_rule(lines, i)
  local k = i - 1
  while k >= 1 and lines[k]:find("%S") and not lines[k]:find(RULE) do k = k - 1 end
  return k >= 1 and lines[k]:find(RULE) ~= nil
end

-- A text's lines (a last line break ends the last line, it opens none),
-- and the text again from them, ending as bytes did.
local function lines_of(bytes)
  local lines = {}
  for line in (bytes .. "\n"):gmatch("([^\n]*)\n") do lines[#lines + 1] = line end
  if bytes:sub(-1) == "\n" then lines[#lines] = nil end
  return lines
end

local function text_of(lines, bytes)
  return table.concat(lines, "\n") .. (bytes:sub(-1) == "\n" and "\n" or "")
end

local function joined_rows(bytes)
  local lines = lines_of(bytes)
  local changed = false
  -- put row (first line i, last j) as one line
  -- (a row between bars leaves its other lines bars alone: the rows stay one grid)
  local function put(i, j, row, bars)
    if not row or j == i and not bars then return end
    local bytes_of = 0
    for k = i, j do bytes_of = bytes_of + #lines[k] end
    local rest = bars and (j - i) * #bars or 0
    if #row + rest > bytes_of then return end
    lines[i] = row .. string.rep(" ", bytes_of - #row - rest)
    for k = i + 1, j do lines[k] = bars or "" end
    changed = true
  end
  local i = 1
  while i <= #lines do
    local line = lines[i]
    local headerless = false
    if line:find("---", 1, true) and line:find(RULER) and (i == 1 or not lines[i - 1]:find("%S")) then
      -- (a multiline table without a header opens with its ruler, after a blank line, and
      -- closes with the same, its rows parted by blank lines: a simple table's rows are
      -- not, a blank line ends it)
      local k, parted = i + 1, false
      while k <= #lines and not lines[k]:find(RULE) and not lines[k]:find(RULER) do
        parted = parted or (k > i + 1 and not lines[k]:find("%S"))
        k = k + 1
      end
      headerless = parted and k <= #lines and lines[k]:gsub("%s+$", "") == line:gsub("%s+$", "")
    end
    if line:find("---", 1, true) and line:find(RULER) and (headerless or under_rule(lines, i)) then
      -- the columns start where the ruler's dash groups do
      local starts, col = {}, 0
      for sp, dashes in line:gmatch("(%s*)(%-+)") do
        starts[#starts + 1] = col + #sp
        col = col + #sp + #dashes
      end
      local j, first, rows = i + 1, nil, {}
      while j <= #lines and not lines[j]:find(RULE) and not lines[j]:find(RULER) do
        if lines[j]:find("%S") then
          first = first or j
        elseif first then
          rows[#rows + 1], first = { first, j - 1 }, nil
        end
        j = j + 1
      end
      if first then rows[#rows + 1] = { first, j - 1 } end
      -- a multiline table ends with a rule under its last row (a simple table's rows are one line each)
      if j <= #lines and (lines[j]:find(RULE) or headerless) and first then
        for _, r in ipairs(rows) do
          put(r[1], r[2], multiline_row(table.move(lines, r[1], r[2], 1, {}), starts))
        end
      end
      i = headerless and j + 1 or j             -- (its closing ruler opens nothing)
    elseif is_border(line) then
      local j = i + 1
      while j <= #lines and lines[j]:find("^%s*|") and not is_border(lines[j]) do j = j + 1 end
      if j - i > 2 and j <= #lines and is_border(lines[j]) then
        put(i + 1, j - 1, grid_row(table.move(lines, i + 1, j - 1, 1, {})))
      end
      i = j
    elseif line:find("^%s*|.*|%s*$") then
      -- the rows with a value, and the lines that continue their cells
      local j, rows, row, joined, markdown = i, {}, nil, false, false
      while j <= #lines and lines[j]:find("^%s*|.*|%s*$") do
        -- (a Markdown table's rows are one line each: its alignment row says it is one)
        markdown = markdown or lines[j]:find("^%s*|[%s:|%-]*%-%-%-[%s:|%-]*$") ~= nil
        local pieces = bar_pieces(lines[j])
        if row and continues(row.pieces, pieces) then
          for k, piece in ipairs(pieces) do row.pieces[k] = join_pieces(row.pieces[k], piece) end
          row.last, joined = j, true
        else
          row = nil
          for _, piece in ipairs(pieces) do
            if is_value(piece) then row = { first = j, last = j, pieces = pieces }; break end
          end
          rows[#rows + 1] = row
        end
        j = j + 1
      end
      -- where rows were wrapped, each row as one line: the empty cells before
      -- its values bare bars, which pad a merged cell (as in a page's text)
      for _, r in ipairs(joined and not markdown and rows or {}) do
        local out, seen_value = {}, false
        for k, piece in ipairs(r.pieces) do
          seen_value = seen_value or is_value(piece)
          out[k] = (piece == "" and not seen_value) and "" or " " .. piece .. " "
        end
        put(r.first, r.last, "|" .. table.concat(out, "|") .. "|", string.rep("|", #r.pieces + 1))
      end
      i = j
    else
      i = i + 1
    end
  end
  if not changed then return bytes end
  return text_of(lines, bytes)
end

-- A text browser's dump (w3m, links) draws a page's table with the box
-- characters of U+2500..U+257F (or with + - | when told to keep to ASCII):
-- rules, bars, and joints where they meet; a cell's text wraps over the
-- lines of its row, and a merged cell leaves out the rules and bars inside
-- it (its text may run on over a rule of its neighbours). Each such table
-- is read as its grid: the columns start at the bars and joints, the rows
-- at the rules, a cell is what no bar or rule parts, and each row is put as
-- one line of bars, its cells' pieces joined (a cell merged from the left
-- or above only pads with a bare bar, as in a page's text).
local BOX_BAR = "\xE2\x94\x82"                  -- │, which every such table has
local BOX_RULES = { 0x2500, 0x2501, 0x2504, 0x2505, 0x2508, 0x2509, 0x254C, 0x254D, 0x2550,
                    0x2574, 0x2576, 0x2578, 0x257A, 0x257C, 0x257E }
local BOX_BARS = { 0x2502, 0x2503, 0x2506, 0x2507, 0x250A, 0x250B, 0x254E, 0x254F, 0x2551,
                   0x2575, 0x2577, 0x2579, 0x257B, 0x257D, 0x257F }
local BOX_KIND = { [43] = "joint", [124] = "bar", [45] = "rule", [61] = "rule" }   -- + | - =
for _, c in ipairs(BOX_RULES) do BOX_KIND[c] = "rule" end
for _, c in ipairs(BOX_BARS) do BOX_KIND[c] = "bar" end
local function box_kind(c, ascii)              -- "rule", "bar", "joint" (a corner or crossing) or nil
  if c < 128 then return ascii and BOX_KIND[c] or nil end
  if c < 0x2500 or c > 0x257F then return nil end
  return BOX_KIND[c] or "joint"
end

-- Whether a character is of East Asian ambiguous width (the quotes, dashes,
-- circled numerals, box characters): a terminal set for Chinese draws it
-- two columns wide.
local function ambiguous(c)
  return c >= 0x2010 and c <= 0x203B or c >= 0x2460 and c <= 0x24FF or c >= 0x2500 and c <= 0x25FF
         or c >= 0x2160 and c <= 0x2179 or c == 0xB7 or c == 0xD7 or c == 0xB0 or c == 0x2103
end

-- A line as display columns: at each, its character and kind (a wide
-- character's second column holds "", a rule's or joint's the kind
-- "rule"). wide: ambiguous characters take two columns ("all"), or those
-- of the text only ("text"), as a terminal or a converter set for Chinese
-- counts them. joints: set at the columns of the joints that touch a
-- rule, where a table's columns start (a bar or + alone is a cell's text).
local function box_columns(line, ascii, wide, joints)
  local chars, kinds, x, prev_x = {}, {}, 0, nil
  for _, c in utf8.codes(line) do
    x = x + 1
    local kind = box_kind(c, ascii)
    chars[x], kinds[x] = utf8.char(c), kind
    if kind == "rule" and prev_x and kinds[prev_x] == "joint" then joints[prev_x] = true end
    if kind == "joint" and prev_x and kinds[prev_x] == "rule" then joints[x] = true end
    prev_x = x
    if char_width(c) == 2 or wide and ambiguous(c) and (wide == "all" or not kind) then
      x = x + 1
      chars[x] = ""
      if kind == "rule" or kind == "joint" then kinds[x] = "rule" end
    end
  end
  return chars, kinds
end

-- The rows of the table on lines[i..j] as { first =, last =, text = } (its
-- first line, the rule under it, its cells between bars), or nil when its
-- rules and bars do not make a grid.
local function box_rows(lines, i, j, ascii, wide)
  local chars, kinds, at, xs = {}, {}, {}, {}
  for y = i, j do
    if not utf8.len(lines[y]) then return nil end
    chars[y], kinds[y] = box_columns(lines[y], ascii, wide, at)
  end
  for x in pairs(at) do xs[#xs + 1] = x end
  table.sort(xs)
  -- a bar off the columns: a misdrawn line (its characters counted too
  -- wide or too narrow), unless, in ASCII, it stands inside a cell's text
  for y = i, j do
    local last = #chars[y]
    while last > 0 and (chars[y][last] == " " or chars[y][last] == "") do last = last - 1 end
    for x, k in pairs(kinds[y]) do
      if k ~= "rule" and not at[x] and (not ascii or x == last) then return nil end
    end
  end
  if #xs < 3 then return nil end
  local ncols = #xs - 1
  -- line y is a rule over column c where it runs between joints or on
  -- through them (a bar at its end is a cell's: "|---|" is a cell's text)
  local function ruled(y, c)
    local left, right = kinds[y][xs[c]], kinds[y][xs[c + 1]]
    if not left or left == "bar" or not right or right == "bar" or xs[c + 1] - xs[c] < 2 then return false end
    for x = xs[c] + 1, xs[c + 1] - 1 do
      if kinds[y][x] ~= "rule" then return false end
    end
    return true
  end
  local rules = {}
  for y = i, j do
    for c = 1, ncols do
      if ruled(y, c) then rules[#rules + 1] = y; break end
    end
  end
  if rules[1] ~= i or rules[#rules] ~= j then return nil end
  local rows = {}                              -- each row: its first and last line, the rule under it
  for k = 1, #rules - 1 do
    if rules[k + 1] > rules[k] + 1 then rows[#rows + 1] = { rules[k] + 1, rules[k + 1] - 1, rules[k + 1] } end
  end
  if #rows == 0 then return nil end
  -- each slot (row r, column c) is of the cell of the slot left of it where
  -- no bar parts them, else of the slot above where no rule does
  local owner, cells = {}, {}
  for r, row in ipairs(rows) do
    owner[r] = {}
    for c = 1, ncols do
      local open_left = c > 1
      for y = row[1], row[2] do
        if open_left and kinds[y][xs[c]] then open_left = false end
      end
      local open_above = r > 1 and not ruled(rows[r - 1][3], c)
      local cell
      if open_left then
        cell = owner[r][c - 1]
        if open_above ~= (cell.r0 ~= r) or open_above and owner[r - 1][c] ~= cell then return nil end
      elseif open_above then
        cell = owner[r - 1][c]
        if cell.c0 ~= c then return nil end    -- not a rectangle
      else
        cell = { r0 = r, c0 = c }
        cells[#cells + 1] = cell
      end
      cell.r1, cell.c1 = r, math.max(cell.c1 or c, c)
      owner[r][c] = cell
    end
  end
  for _, cell in ipairs(cells) do              -- each cell a rectangle
    for r = cell.r0, cell.r1 do
      for c = cell.c0, cell.c1 do
        if owner[r][c] ~= cell then return nil end
      end
    end
  end
  -- a cell's text: on each of its lines (and of the rules it spans), what
  -- stands between its bars. A number cut where its line is full (a
  -- converter cuts a line anywhere) is put together again.
  for _, cell in ipairs(cells) do
    local text, full = "", false
    local right = xs[cell.c1 + 1] - 1
    for y = rows[cell.r0][1], rows[cell.r1][2] do
      local piece = {}
      for x = xs[cell.c0] + 1, right do
        local k = kinds[y][x]
        if not k or ascii and (k == "rule" or not at[x]) then piece[#piece + 1] = chars[y][x] or " " end
      end
      piece = trim(table.concat(piece))
      if full and text:find("%d[,%.]?$") and piece:find("^[,%.]?%d") then text = text .. piece
      else text = join_pieces(text, piece) end
      full = (chars[y][right] or " ") ~= " " and not kinds[y][right]
    end
    text = text:gsub("|", "\xEF\xBD\x9C")    -- a bar in a cell's text is no bar of the row put out
    cell.text = text
  end
  local out = {}
  for r, row in ipairs(rows) do
    local pieces = {}
    for c = 1, ncols do
      local cell = owner[r][c]
      pieces[c] = (cell.r0 == r and cell.c0 == c) and " " .. cell.text .. " " or ""
    end
    out[r] = { first = row[1], last = row[3], text = "|" .. table.concat(pieces, "|") .. "|" }
  end
  return out
end

-- Whether a line is a rule and nothing else (no bar, no text).
local function is_rule_line(line, ascii)
  local chars, kinds = box_columns(line, ascii, nil, {})
  local any = false
  for x, ch in pairs(chars) do
    local k = kinds[x]
    if k == "rule" or k == "joint" then any = true
    elseif ch ~= "" and ch ~= " " and ch ~= "\t" then return false end
  end
  return any
end

-- A grid table of one column and one cell is a frame a page was laid in
-- (pandoc's of a Word table whose cell holds a table, its caption, a note):
-- its lines become the page's, the bars and borders spaces.
local function unframed(lines, i, j)
  if j < i + 2 or not lines[i]:find("^[ \t]*%+%-+%+[ \t]*$") or lines[j] ~= lines[i] then return false end
  for k = i + 1, j - 1 do
    if not lines[k]:find("^[ \t]*|.*|[ \t]*$") or lines[k]:find("^[ \t]*%+") then return false end
  end
  for k = i + 1, j - 1 do
    lines[k] = lines[k]:gsub("^([ \t]*)|", "%1 ", 1):gsub("|([ \t]*)$", " %1", 1)
  end
  lines[i], lines[j] = string.rep(" ", #lines[i]), string.rep(" ", #lines[j])
  return true
end

-- A page laid out in tables, as pandoc prints it (-t plain): grid tables
-- in the cells of grid tables, the report's own tables innermost. A grid
-- of one column (a frame: a header, a body, a footer), or of one row
-- whose cells hold another table's border (a menu beside the content), is
-- the page's layout, no table of values: its bars and borders become
-- spaces, its cells' lines the page's, the tables inside them read as
-- drawn at the top (their bars split no value among the frames' empty
-- cells). A border here may carry pandoc's alignment marks (+:---:+).
local function frame_border(line)
  return line:find("%-%-%-") and line:find("^[ \t]*%+[:=%-]+[+:=%-]*%+[ \t]*$") ~= nil
end
local function layout_unframed(lines, i, j)
  if j < i + 2 or not frame_border(lines[i]) then return false end
  local top = box_columns(lines[i], true, nil, {})
  local xs = {}
  for x, ch in pairs(top) do
    if ch == "+" then xs[#xs + 1] = x end
  end
  table.sort(xs)
  local chars, separators, nested = {}, {}, false
  for k = i + 1, j do
    local line = lines[k]
    chars[k] = box_columns(line, true, nil, {})
    local c = chars[k]
    if frame_border(line) then
      -- (a rule of more joints: the rows below are parted into columns, a table's)
      if select(2, line:gsub("%+", "")) ~= #xs then return false end
      for _, x in ipairs(xs) do
        if c[x] ~= "+" then return false end
      end
      separators[k] = true
    else
      for _, x in ipairs(xs) do
        if c[x] ~= "|" then return false end
      end
      -- another table's border inside a cell, off this table's columns
      local from = 1
      while not nested do
        local a, b = line:find("%+[:=%-]*%-%-%-[:=%-]*%+", from)
        if not a then break end
        local x = (utf8.len(line:sub(1, a - 1)) or a - 1) + 1
        local on_column = false
        for _, cx in ipairs(xs) do on_column = on_column or cx == x end
        nested = not on_column
        from = b
      end
    end
  end
  if not separators[j] then return false end
  local rows = 0
  for k = i + 1, j do if separators[k] then rows = rows + 1 end end
  if not (#xs == 2 or rows == 1 and nested) then return false end
  lines[i] = string.rep(" ", #lines[i])
  for k = i + 1, j do
    if separators[k] then
      lines[k] = string.rep(" ", #lines[k])
    else
      local c = chars[k]
      for _, x in ipairs(xs) do c[x] = " " end
      local n = 0
      for x in pairs(c) do if x > n then n = x end end
      local out = {}
      for x = 1, n do out[x] = c[x] or "" end
      lines[k] = table.concat(out)
    end
  end
  return true
end

-- pandoc's plain text of a table in a table's cell that is wider than the
-- cell (a page's layout tables kept in a Word file): each of the inner
-- table's lines is cut where the cell is full, the rest on the next line:
-- its first bar or joint alone between the frame's bars (`| |      |`,
-- `| +-     |`), or its ruler's dashes on two lines or more, a row's values
-- under another column's head. No table's columns can be drawn again from
-- it: the frame's bars, joints and borders become spaces, and its lines
-- words and numbers a space apart (their columns say nothing), read as a
-- text with no table: a row's label, then its values in their order.
local function cut_in_frame(line, next_line)
  return line:find("^[ \t]*|[ \t]+[|+]%-?[ \t]*|[ \t]*$") ~= nil
         or line:find("^[ \t]*|[ \t%-]*%-%-%-[ \t%-]*|[ \t]*$") ~= nil
            and next_line:find("^[ \t]*|[ \t%-]*%-%-%-[ \t%-]*|[ \t]*$") ~= nil
end
local function uncut(lines, i, j)
  if j < i + 3 or not frame_border(lines[i]) then return false end
  local cut = false
  for k = i + 1, j - 2 do
    if cut_in_frame(lines[k], lines[k + 1]) then cut = true; break end
  end
  if not cut then return false end
  -- a line whose text fills the frame to its last bar's padding goes on on the next
  local texts, full = {}, {}
  for k = i, j do
    local line = lines[k]
    full[k] = line:find("[^ \t|] |[ \t]*$") ~= nil
    -- (a joint is a + by a dash or a space: a +86 in a cell's text stays)
    texts[k] = line:gsub("|", " "):gsub("%-*%+%-+", " "):gsub("%-+%+", " "):gsub("%+([ \t])", " %1"):gsub("%+$", " ")
                   :gsub("%-%-%-+", ""):gsub("[ \t]+", " "):gsub("^ ", ""):gsub(" $", "")
  end
  local k = i
  while k <= j do
    local text, bytes_of, last = texts[k], #lines[k], k
    while full[last] and last < j and texts[last + 1] ~= "" do
      last = last + 1
      text, bytes_of = join_pieces(text, texts[last]), bytes_of + #lines[last]
    end
    -- (the lines' bytes stay, so the offsets of the lines after them)
    lines[k] = text .. string.rep(" ", bytes_of - #text)
    for m = k + 1, last do lines[m] = "" end
    k = last + 1
  end
  return true
end

-- The text with each drawn table's rows put as lines of bars, in the place
-- of their first line; the other lines of a row, and its rules, are left
-- empty (and the first padded) so that lines and offsets stay. ascii: the
-- tables drawn with + - |, which open with a border (as pandoc's grid
-- tables, whose rows this reads as well).
local function drawn_tables(bytes, ascii)
  local lines = lines_of(bytes)
  local function opens(line)
    if ascii then return line:find("^[ \t]*[|+]") ~= nil end
    local c = line:match("^[ \t]*(\xE2[\x94\x95][\x80-\xBF])")
    return c ~= nil and box_kind(utf8.codepoint(c)) ~= nil
  end
  -- a table drawn right under another: a bottom border, then a top one
  local function closes(line, next_line)
    -- (a border led by a bar is one inside a frame's cell: the frame goes on)
    if ascii then
      return is_border(line) and is_border(next_line) and line:find("^[ \t]*%+") ~= nil and next_line:find("^[ \t]*%+") ~= nil
    end
    return line:find("^[ \t]*\xE2\x94\x94") ~= nil
  end
  -- (the last line of a layout's frame unframed: the tables inside it were laid out to fit
  -- their cells, and a cut there is a cell's wrap, which their rows' reading joins)
  local changed, y, inside = false, 1, 0
  while y <= #lines do
    if opens(lines[y]) and (not ascii or is_border(lines[y]) or frame_border(lines[y])) then
      local j = y
      while j < #lines and opens(lines[j + 1]) and not closes(lines[j], lines[j + 1]) do j = j + 1 end
      if ascii and y > inside and uncut(lines, y, j) then
        changed, y = true, j + 1               -- (its lines are a text's now: no table inside to read)
        goto next_line
      end
      if ascii and layout_unframed(lines, y, j) then
        changed, inside = true, math.max(inside, j)   -- the tables inside its cells: read next
        goto next_line
      end
      local rows = box_rows(lines, y, j, ascii) or box_rows(lines, y, j, ascii, "all")
                   or box_rows(lines, y, j, ascii, "text")
      for _, row in ipairs(rows or {}) do
        local bytes_of = 0
        for k = row.first, row.last do bytes_of = bytes_of + #lines[k] end
        if #row.text > bytes_of then rows = nil; break end
        row.padded = row.text .. string.rep(" ", bytes_of - #row.text)
      end
      for _, row in ipairs(rows or {}) do
        lines[row.first] = row.padded
        for k = row.first + 1, row.last do lines[k] = "" end
      end
      if not rows and ascii and unframed(lines, y, j) then changed = true end
      if rows then
        for k = y, j do                        -- the top rule, and another table's
          if is_rule_line(lines[k], ascii) then lines[k] = string.rep(" ", #lines[k]) end
        end
        changed = true
      end
      y = j + 1
    else
      y = y + 1
    end
    ::next_line::
  end
  if not changed then return bytes end
  return text_of(lines, bytes)
end

-- Whether a line opens with a bar and a cell's text, holds three bars more,
-- and the next line opens with a bar (a page's text has lines of bare bars,
-- which open no such row: one search passes them all).
local function has_bar_rows(bytes)
  local at = bytes:find("\n|[^|\n]")
  while at do
    if bytes:find("^[ \t]*[^%s|][^\n|]*|[^\n|]*|[^\n|]*|[^\n]*\n|", at + 2) then return true end
    at = bytes:find("\n|[^|\n]", at + 2)
  end
  return false
end

-- The footer lines ({ s =, e =, n =, worded = }, in order) that are a page's
-- number: worded, or counting the pages on with a neighbour that apart(a, b)
-- allows; their bytes made spaces, so lines and offsets stay.
local function blanked(bytes, lines, apart)
  local parts, from = {}, 1
  for i, l in ipairs(lines) do
    local prev, nxt = lines[i - 1], lines[i + 1]
    if l.worded or prev and prev.n + 1 == l.n and apart(prev, l) or nxt and nxt.n == l.n + 1 and apart(l, nxt) then
      parts[#parts + 1] = bytes:sub(from, l.s - 1)
      parts[#parts + 1] = string.rep(" ", l.e - l.s + 1)
      from = l.e + 1
    end
  end
  if from == 1 then return bytes end
  parts[#parts + 1] = bytes:sub(from)
  return table.concat(parts)
end

-- A PDF's page footers that are a page's number alone ("4", "Page 4", "Page 4 of 7"):
-- the last line before each form feed, blanked (its bytes spaces, so lines
-- and offsets stay). A bare number is one only where such lines count the
-- pages on (3, 4, …) at two form feeds or more: else it may be a value.
local function page_footers(bytes)
  local lines = {}                             -- { s =, e =, n =, worded = } per form feed
  local at = bytes:find("\f", 1, true)
  while at do
    local e = at - 1
    while e > 0 and bytes:find("^[ \t\r\n]", e) do e = e - 1 end
    local s = e
    while s > 1 and not bytes:find("^[\n\f]", s - 1) do s = s - 1 end
    local line = bytes:sub(s, e)
    local n = line:match("^%s*(%d+)$")
    local worded = not n and (line:match("^%s*%a+%.?%s*(%d+)$") or line:match("^%s*%a+%.?%s*(%d+)%s+%a+%s+%d+$"))
    if e > 0 and (n or worded) then lines[#lines + 1] = { s = s, e = e, n = tonumber(n or worded), worded = worded } end
    at = bytes:find("\f", at + 1, true)
  end
  return blanked(bytes, lines, function() return true end)
end

-- A print's running lines (a browser's header and footer: the date and the
-- page's title, the page's address and "2/6"), set at the top or the foot
-- of every page, among a table's rows where the table runs over a page:
-- none of the report's. A line among the first or the last three of a
-- page is one where a line of the same text but its numbers stands there
-- on every page (three at least; the first may lack it, and one page may
-- hold it elsewhere, a text without -layout printing the foot's pieces in
-- its own order), and each of its numbers is the same on every page or
-- counts the pages on (1/6, 2/6, …): proven by the repetition, not by any
-- one print's words. A line of numbers alone counts the pages on; a line
-- of the report's words with no number (a running title, a table's header
-- repeated) is left to the readers that know it, and the first page's top kept (the
-- report's title may be printed there alone). A date (2023/1/30 10:32) is
-- no row's values either. Blanked: its bytes spaces,
-- so lines and offsets stay.
local RUNNING_EDGE = 3                         -- lines at a page's top and foot looked at

-- a line's text, its spaces made one, and its key: the text with each number a #
local function running_key(text)
  local shown = text:gsub("^%s+", ""):gsub("%s+$", ""):gsub("%s+", " ")
  return shown, (shown:gsub("%d+", "#"))
end

-- the page's lines that hold text: { s =, e =, text = }
local function page_lines(bytes, from, stop)
  local lines = {}
  for s, text, e in bytes:sub(from, stop):gmatch("()([^\n]*)()") do
    if text:find("%S") then lines[#lines + 1] = { s = from + s - 1, e = from + e - 2, text = text } end
  end
  return lines
end

local function running_line(l, k)
  local shown, key = running_key(l.text)
  -- (with no number: only a line of Latin letters, a page's address, no word of the report's)
  if key == "#" or not key:find("#", 1, true) and (key:find("[\128-\255]") or not key:find("%a")) then
    return nil
  end
  local nums = {}
  for d in shown:gmatch("%d+") do nums[#nums + 1] = tonumber(d) end
  return { s = l.s, e = l.e, key = key, nums = nums, k = k }
end

local function running_lines(bytes)
  local pages, from = {}, 1                    -- per page: { lines =, edge = { key -> line } }
  repeat
    local ff = bytes:find("\f", from, true)
    local lines = page_lines(bytes, from, ff and ff - 1 or #bytes)
    if #lines > 0 then
      local edge = {}
      for k = 1, #lines do
        if k <= RUNNING_EDGE or k > #lines - RUNNING_EDGE then
          local l = running_line(lines[k], k)
          if l and not edge[l.key] then edge[l.key] = l end
        end
      end
      pages[#pages + 1] = { lines = lines, edge = edge }
    end
    from = ff and ff + 1
  until not from
  if #pages < 3 then return bytes end
  local blank = {}
  -- (only a key at the edges of all pages but two at most can be proven:
  -- the others are let go, so that the work stays linear in the pages)
  local keys, seen = {}, {}
  for _, page in ipairs(pages) do
    for key in pairs(page.edge) do
      local n = seen[key]
      if not n then keys[#keys + 1] = key end
      seen[key] = (n or 0) + 1
    end
  end
  for _, key in ipairs(keys) do
    if seen[key] < #pages - 2 then goto next_key end
    local by_page, missing = {}, {}
    for p, page in ipairs(pages) do
      by_page[p] = page.edge[key]
      if not by_page[p] then missing[#missing + 1] = p end
    end
    local first = by_page[1] and 1 or 2
    -- (one page may hold it away from its edges: looked for there)
    if #missing == 1 or #missing == 2 and first == 2 then
      local p = missing[#missing]
      if p > 1 then
        for k, l in ipairs(pages[p].lines) do
          local r = running_line(l, k)
          if r and r.key == key then by_page[p] = r; break end
        end
      end
    end
    local proven = first == 1 or #pages >= 4
    for p = first, #pages do
      if not by_page[p] then proven = false; break end
    end
    local counts_any = false
    if proven then
      local a = by_page[first]
      for j, n in ipairs(a.nums) do
        local same, counts = true, true
        for p = first, #pages do
          local m = by_page[p].nums[j]
          if m ~= n then same = false end
          if m ~= n + (p - first) then counts = false end
        end
        if not (same or counts) then proven = false; break end
        counts_any = counts_any or counts and not same
      end
    end
    -- (numbers alone: only where they count the pages on)
    if proven and (counts_any or key:find("[%a\128-\255/:]")) then
      for p = first, #pages do
        local l = by_page[p]
        if not (p == 1 and l.k <= RUNNING_EDGE) then blank[#blank + 1] = l end
      end
    end
    ::next_key::
  end
  if #blank == 0 then return bytes end
  table.sort(blank, function(a, b) return a.s < b.s end)
  local parts, at = {}, 1
  for _, l in ipairs(blank) do
    parts[#parts + 1] = bytes:sub(at, l.s - 1)
    parts[#parts + 1] = string.rep(" ", l.e - l.s + 1)
    at = l.e + 1
  end
  parts[#parts + 1] = bytes:sub(at)
  return table.concat(parts)
end

-- A PDF viewer's copy keeps a page's footer and no form feed: the footer
-- alone on its line, an empty line before and after it. Such a line that is
-- a page's number in words or dashes ("- 4 -", "第4页 共6页", "Page 4") is
-- blanked; a bare number only where another such line, ten lines away or
-- more, counts the pages on (3, then 4): else it may be a value of a cell.
local DASH = "[%-\xE2]\x80?[\x93\x94]?"
local PAGE_OF = "^\xE7\xAC\xAC%s*(%d+)%s*\xE9\xA1\xB5%s*\xE5\x85\xB1%s*%d+%s*\xE9\xA1\xB5$"   -- 第4页 共6页
local PAGE_AT = "^\xE7\xAC\xAC%s*(%d+)%s*\xE9\xA1\xB5$"                                            -- 第4页
local function footer_number(text)
  local n = text:match("^(%d+)$")
  if n then return tonumber(n), false end
  n = text:match("^" .. DASH .. "%s*(%d+)%s*" .. DASH .. "$") or text:match(PAGE_OF) or text:match(PAGE_AT)
      or text:match("^%a+%.?%s*(%d+)$") or text:match("^%a+%.?%s*(%d+)%s+%a+%s+%d+$")
  if n then return tonumber(n), true end
end

local function lone_footers(bytes)
  local lines, found = {}, nianbao.text.lone_lines(bytes)
  for k = 1, #found, 2 do
    local s, e = found[k], found[k + 1]
    local n, worded = footer_number(trim(bytes:sub(s, e - 1)))
    if n then lines[#lines + 1] = { s = s, e = e - 1, n = n, worded = worded } end
  end
  if #lines == 0 then return bytes end
  local function apart(a, b)                   -- ten lines or more between two footers
    local _, k = bytes:sub(a.e, b.s):gsub("\n", "")
    return k >= 10
  end
  return blanked(bytes, lines, apart)
end

-- A spreadsheet's text export (Calc's, Excel's, tabs between cells) quotes
-- each text cell ("规章"\t0): the quotes are no cell's text. Each is made a
-- space, so lines and offsets stay.
local function unquoted_cells(line)
  if not line:find("\t", 1, true) then return line end
  return (("\t" .. line .. "\t"):gsub('\t"([^"\t]*)"%f[\t]', "\t %1 "):sub(2, -2))
end

local PAGED_TABLE = "<html><body><table"
local TABLE_PADDED = string.rep(" ", #PAGED_TABLE - #"<table") .. "<table"

-- w3m prints a page's struck and inserted text between marks of its own:
-- <del>62</del> as [DEL:62:DEL], <s>25</s> as [S:25:S], <ins>64</ins> as
-- [INS:64:INS]. A struck value is no value (the page's reader leaves it
-- out too); an inserted one is its text. Each made spaces of its length,
-- on one line, in one cell (a box-drawn table's cell is joined by now), so
-- that lines and offsets stay.
local REVISION_MARKS = { { "%[DEL:[^\n|]-:DEL%]" }, { "%[S:[^\n|]-:S%]" }, { "%[INS:([^\n|]-):INS%]", 5 } }
local function revisions_marked(bytes)
  for _, m in ipairs(REVISION_MARKS) do
    local kept = m[2]
    bytes = bytes:gsub(m[1], function(inner)
      if kept then return string.rep(" ", kept) .. inner .. string.rep(" ", kept) end
      return string.rep(" ", #inner)
    end)
  end
  return bytes
end

-- A page whose table was typed as text, its bars among the words (a
-- Markdown table pasted into paragraphs), put out as Markdown (pandoc's
-- gfm): each of its bars escaped, \|, as a bar in a paragraph is. On a
-- line with no bar unescaped (no row of a Markdown table) they are the
-- page's bars, as its own reading takes them: the backslash made a space.
local function escaped_bars(line)
  if line:find("^|") or line:find("[^\\]|") then return line end
  return (line:gsub("\\|", " |"))
end

-- Python's html2text puts a table's row on one line, its cells parted by
-- "| " (no bar before the first), and ends each line with two spaces (a
-- Markdown line break); a <br> in a cell breaks the row's line there too.
-- A cell's rest after its last break is then a line of its own under the
-- row (91<br>16.36: "行政事业性收费| 91  " then "16.36  "), read as
-- nothing or as a row of its own: the row's cell was its first piece, 91,
-- a wrong number. A line of one number with the break's two spaces, under
-- a row whose last cell is a number, is that cell's rest: joined to it as
-- the page's reader joins a cell's pieces round a <br> (9116.36). The
-- row's line takes both lines' bytes, the second is left empty, so lines
-- and offsets stay.
-- (only where a line's break opens a line of one number: most texts have none)
local function has_broken_cell(bytes)
  local at = bytes:find("  \n", 1, true)
  while at do
    if bytes:find("^[ \t]*%-?%d[%d,%.]*  \n", at + 3) then return true end
    at = bytes:find("  \n", at + 3, true)
  end
  return false
end
local function broken_cells_joined(bytes)
  local lines, changed = lines_of(bytes), false
  for i = 2, #lines do
    local rest = lines[i]:match("^[ \t]*(%-?%d[%d,%.]*)  $")
    local row = lines[i - 1]
    if rest and row:find("[^|]|[ \t]*%-?%d[%d,%.]*  $") and not row:find("^[ \t]*|") then
      local joined = row:gsub("%s+$", "") .. rest
      local room = #row + #lines[i]
      if #joined <= room then
        lines[i - 1], lines[i], changed = joined .. string.rep(" ", room - #joined), "", true
      end
    end
  end
  return changed and text_of(lines, bytes) or bytes
end

-- normalized(bytes) → the text with a pandoc table's wrapped rows joined and
-- an OCR's bars made |, as the blocks are cut from it (in C or below)
function normalized(bytes)
  if bytes:find("\f", 1, true) then bytes = running_lines(page_footers(bytes)) else bytes = lone_footers(bytes) end
  if bytes:find('"\t', 1, true) then bytes = bytes:gsub("[^\n]+", unquoted_cells) end
  if bytes:find("\\|", 1, true) then bytes = bytes:gsub("[^\n]+", escaped_bars) end
  if bytes:find(BOX_BAR, 1, true) then bytes = drawn_tables(bytes) end
  if bytes:find("+--", 1, true) and bytes:find("\n%s*%+%-%-%-") then bytes = drawn_tables(bytes, true) end
  -- a Word footnote's number as a plain text prints it after the number it marks (pandoc's
  -- 75[1], docx2txt's 351[2]): no digit of that number
  -- (a Markdown converter keeps the mark as a link to the note's anchor, 75[1](#sdfootnote1sym): the link too)
  if bytes:find("[", 1, true) and bytes:find("%d%[%d%d?%]") then
    bytes = bytes:gsub("(%d)%[%d%d?%]%(#[^%s%)]*%)", "%1"):gsub("(%d)%[%d%d?%]", "%1")
  end
  if bytes:find("|", 1, true) and has_broken_cell(bytes) then bytes = broken_cells_joined(bytes) end
  if bytes:find(":DEL]", 1, true) or bytes:find(":S]", 1, true) or bytes:find(":INS]", 1, true) then
    bytes = revisions_marked(bytes)
  end
  if bytes:find("---", 1, true) and (bytes:find("\n%s*%-+ +%-+[ %-]*\r?\n") or bytes:find("\n%s*%+%-%-%-"))
     or has_bar_rows(bytes) then
    bytes = joined_rows(bytes)
  end
  if bytes:find(WIDE_BARS[1], 1, true) or bytes:find(WIDE_BARS[2], 1, true) then bytes = bytes:gsub("[^\n]+", ocr_bars) end
  local ruled                                  -- the lines whose bars were made spaces
  -- (a Markdown table's bars are its cells')
  -- (an OCR joins a scan's pages by form feeds: a text of none, a scraped page's, is not searched)
  if bytes:find("\f", 1, true) and bytes:find("|", 1, true) and not bytes:find("|---", 1, true)
     and (bytes:find("%d[ \t]+%d[%d,%.]*[ \t]*|") or bytes:find("|[^|\n]-%S   +%S*%d")) then
    local lines, count = lines_of(bytes), 0
    for i, line in ipairs(lines) do
      local spaced = spaced_bars(line)
      if spaced ~= line then lines[i], ruled, count = spaced, ruled or {}, count + 1; ruled[i] = true end
    end
    -- (three such rows: the text's bars are all rules, a header's among them)
    for i, line in ipairs(count >= 3 and lines or {}) do
      if line:find("|", 1, true) then lines[i], ruled[i] = line:gsub("|", " "), true end
    end
    if ruled then bytes = text_of(lines, bytes) end
  end
  -- an OCR's layout analysis wraps each table in a page of its own, a line
  -- "<html><body><table>…": the table alone, as the lines that open with one
  if bytes:find(PAGED_TABLE, 1, true) then
    bytes = bytes:gsub("\n" .. PAGED_TABLE, "\n" .. TABLE_PADDED)
    if bytes:find(PAGED_TABLE, 1, true) == 1 then bytes = TABLE_PADDED .. bytes:sub(#PAGED_TABLE + 1) end
  end
  return bytes, ruled
end

-- a row whose rules an OCR read (some as bars, so maybe some as a 1 beside a number): said on its blocks
local function mark_ruled(doc, ruled)
  if ruled then
    for _, b in ipairs(doc.blocks) do
      if ruled[b.line] then b.ruled = true end
    end
  end
  return doc
end

-- Layout converters print a Markdown table in two ways the loop below would
-- misread. A data frame's (LlamaParse's): a first column of row numbers,
-- under a header of column numbers. A merged cell printed again in every
-- place it spans (Docling's): a number spanning three columns reads as three.
-- Each line is rewritten in place, of the same length: the row numbers and
-- the column numbers become spaces; the spanning number's copies empty cells.
local function cells_of(line)
  local cells, at = {}, line:find("|", 1, true)
  while at do
    local nxt = line:find("|", at + 1, true)
    if not nxt then break end
    cells[#cells + 1] = { s = at, e = nxt, text = trim(line:sub(at + 1, nxt - 1)) }
    at = nxt
  end
  return cells
end

local function frame_rows(lines, i, j)
  -- rows i+2 … j under a header (i) and its alignment row (i+1)
  local head = cells_of(lines[i])
  if j - i < 3 or #head < 2 or head[1].text ~= "" then return end
  local first = tonumber(cells_of(lines[i + 2])[1].text)
  if first ~= 0 and first ~= 1 then return end
  for k = i + 2, j do
    local c = cells_of(lines[k])
    if #c < 2 or c[1].text ~= tostring(first + k - i - 2) then return end
  end
  local numbered = true
  for k = 2, #head do numbered = numbered and head[k].text == tostring(k - 2) end
  for k = i, j do
    if k ~= i + 1 then
      local c = cells_of(lines[k])[1]
      if k == i and numbered then lines[k] = string.rep(" ", #lines[k])
      else lines[k] = lines[k]:sub(1, c.s) .. string.rep(" ", c.e - c.s) .. lines[k]:sub(c.e + 1) end
    end
  end
  -- a data frame names a header cell it found empty "Unnamed: 2"
  for _, c in ipairs(numbered and {} or head) do
    if c.text:find("^Unnamed: %d+$") then
      lines[i] = lines[i]:sub(1, c.s) .. string.rep(" ", c.e - c.s - 1) .. lines[i]:sub(c.e)
    end
  end
end

-- A label, then one number again in every other cell, under a header whose
-- one text spans those cells: the number is one cell's, spanning them.
local function spanned_values(lines, i, j)
  local head
  for k = i, j do
    local c = k == i + 1 and {} or cells_of(lines[k])   -- (the alignment row is no header)
    local values = #c == 0
    for _, cell in ipairs(c) do values = values or is_value(cell.text) end
    if not values then head = c
    elseif head and #head == #c and #c >= 3 and c[1].text ~= "" and not is_value(c[1].text)
           and is_value(c[2].text) and head[2].text ~= "" and head[1].text ~= head[2].text then
      local same = true
      for m = 3, #c do same = same and c[m].text == c[2].text and head[m].text == head[2].text end
      if same then
        local line = lines[k]
        for m = 3, #c do line = line:sub(1, c[m].s) .. string.rep(" ", c[m].e - c[m].s - 1) .. line:sub(c[m].e) end
        lines[k] = line
      end
    end
  end
end

local ALIGNMENT = "^%s*|[%s:|%-]*%-%-%-[%s:|%-]*$"

-- Two rows a converter put in one line (Marker's "| 5.…<br>6.… | 1<br>0 |"):
-- the label cell's pieces (parted by <br>) each open with an item's number,
-- and two value cells or more hold as many pieces, each a number. → the
-- rows, each a line of the same length (each cell its piece, padded; a cell
-- of one piece in the first row, empty in the others), or nil.
local BR = "<[Bb][Rr]%s*/?>"
local function stacked_rows(line)
  if not line:find(BR) then return nil end
  local cells, split = cells_of(line), {}
  local k, values, labelled = nil, 0, false
  for i, c in ipairs(cells) do
    local pieces = {}
    for p in (line:sub(c.s + 1, c.e - 1):gsub(BR, "\0") .. "\0"):gmatch("([^%z]*)%z") do pieces[#pieces + 1] = trim(p) end
    split[i] = pieces
    if #pieces > 1 then
      if k and #pieces ~= k then return nil end
      k = #pieces
      local numbered, valued = true, true
      for _, p in ipairs(pieces) do
        numbered = numbered and p:find("^%d+%.%D") ~= nil
        valued = valued and is_value(p)
      end
      if valued then values = values + 1
      elseif numbered then labelled = true
      else return nil end
    end
  end
  if not k or values < 2 or not labelled then return nil end
  local rows = {}
  for j = 1, k do
    local out, at = {}, 1
    for i, c in ipairs(cells) do
      out[#out + 1] = line:sub(at, c.s)
      local raw = line:sub(c.s + 1, c.e - 1)
      local text = #split[i] > 1 and split[i][j] or j == 1 and trim(raw) or ""
      if #text < #raw then text = " " .. text end
      out[#out + 1] = text .. string.rep(" ", #raw - #text)
      at = c.e
    end
    out[#out + 1] = line:sub(at)
    rows[j] = table.concat(out)
  end
  return rows
end


-- The inline tags of a page a converter leaves in Markdown: left out, their text kept.
local INLINE = { span = true, font = true, u = true, b = true, i = true, em = true, strong = true,
                 ins = true, small = true, big = true, mark = true, a = true, sub = true }
local function inline_tag(tag)
  if INLINE[tag:lower()] then return "" end
end
local function frames_and_spans(bytes)
  local lines = lines_of(bytes)
  local i = 1
  while i <= #lines do
    if lines[i]:find("^%s*|.*|%s*$") and lines[i + 1] and lines[i + 1]:find(ALIGNMENT) then
      local j = i + 2
      while lines[j] and lines[j]:find("^%s*|.*|%s*$") do j = j + 1 end
      frame_rows(lines, i, j - 1)
      spanned_values(lines, i, j - 1)
      i = j
    else
      i = i + 1
    end
  end
  return text_of(lines, bytes)
end

function Reader(bytes, opts)
  local ruled
  bytes, ruled = normalized(bytes)
  -- a text with no Markdown mark: the loop below, in C (nianbao.text.blocks);
  -- a Markdown table with no outer bars (its alignment row "---|---"): below
  local bare = bytes:find("---|", 1, true) and bytes:find("\n[ \t]*:?%-%-%-+:?[ \t]*|")
  local plain, grid_last
  if not bare then plain, grid_last = nianbao.text.blocks(bytes) end
  if plain then return mark_ruled({ blocks = plain, grid_last = grid_last }, ruled) end
  -- (a Markdown table: the C loop above left it here)
  if bytes:find("---|", 1, true) then bytes = frames_and_spans(bytes) end
  local blocks, n = {}, 0
  local lineno, pos = 0, 1
  local len = #bytes
  local html_tables = 0
  -- consecutive lines of several cells are the rows of one table (grid);
  -- each cell keeps its place in its line (x), empty cells counted
  local grid, row, last_row_line, grid_last = 0, 0, -1, 0
  -- whether the table being read prints no outer bars (its alignment row
  -- "---|---" none): there a bar at a row's start or end parts an empty cell
  local bare_edges = false
  -- plain searches (memchr) once, instead of a class match on every line of a text that has no mark
  local has_marks = bytes:find("#", 1, true) or bytes:find(">", 1, true) or bytes:find("*", 1, true)
                    or bytes:find("__", 1, true)
                    or bytes:find("<", 1, true) or bytes:find("~~", 1, true)
  local has_escapes = bytes:find("\\", 1, true)
  while pos <= len do
    local eol = bytes:find("\n", pos, true) or (len + 1)
    local line = bytes:sub(pos, eol - 1)
    if line:byte(-1) == 13 then line = line:sub(1, -2) end
    local marked = has_marks and (line:find("[#>*<%[~%^]") or line:find("__[^_%s]"))   -- no mark: none of the Markdown rewrites below apply
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
    -- (two rows a converter put in one line: each read as a line of its own, on this line)
    local parts = marked and stacked_rows(line) or { line }
    for part = 1, #parts do
      line = parts[part]
      local prev = part > 1 and lineno or lineno - 1   -- the line a row before this one ends on
      if marked then
        line = line:gsub("^%s*#+%s+", ""):gsub("^%s*>%s?", ""):gsub("%*%*", "")   -- Markdown
                   -- (and bold written with underscores, mammoth's __一、总体情况__: a line of blanks, ____, stays)
                   :gsub("__([^_%s][^_]-)__", "%1")
                   -- (a number set in italic, *3001*, or marked by a star the converter escaped, 61\*,
                   -- is that number, as on a page; underlined ones, <u>53</u>, [53]{.underline}: below)
                   :gsub("%*(%d[%d,.]*)%*", "%1"):gsub("\\%*", "*")
                   -- (and in italic written with underscores, even inside a number: <b>6</b><i>98</i>
                   -- as node-html-markdown writes it, **6**_98_, is 698)
                   :gsub("_(%d[%d,.]*)_%f[^%w_]", "%1")
                   :gsub("<[Ss][Uu][Pp]>.-</[Ss][Uu][Pp]>", "")   -- a footnote's mark (74<sup>1</sup> is 74), as on a page
                   :gsub("%[%^[^%]]*%]", ""):gsub("(%d)%^[%w,]+%^", "%1")   -- the same as a converter writes it (74[^1], 74^1^)
                   -- (text struck through, ~~62~~ 64 or <del>62</del>64, is left out as a page's struck row is)
                   :gsub("~~.-~~", ""):gsub("<[Dd][Ee][Ll]>.-</[Dd][Ee][Ll]>", ""):gsub("<[Ss]>.-</[Ss]>", "")
                   :gsub("<[Ss][Tt][Rr][Ii][Kk][Ee]>.-</[Ss][Tt][Rr][Ii][Kk][Ee]>", "")
                   :gsub("<[Ss][Pp][Aa][Nn][^>]-line%-through[^>]*>.-</[Ss][Pp][Aa][Nn]>", "")
                   -- (between two numbers it parts two rows a converter put in one: no number is made of them)
                   :gsub("(%d)%s*<[Bb][Rr]%s*/?>%s*(%d)", "%1 / %2")
                   :gsub("<[Bb][Rr]%s*/?>", "")            -- a line break inside a cell joins its text
        -- (a Word file's tracked changes and comments as pandoc keeps them all, --track-changes=all:
        -- a deletion's old text and a comment's words are no part of the report, an insertion is)
        if line:find("deletion", 1, true) or line:find("comment-start", 1, true) then
          line = line:gsub('<[Ss][Pp][Aa][Nn]%s+class="deletion"[^>]*>.-</[Ss][Pp][Aa][Nn]>', "")
                     :gsub('<[Ss][Pp][Aa][Nn]%s+class="comment%-start"[^>]*>.-</[Ss][Pp][Aa][Nn]>', "")
                     :gsub("%[[^%[%]]*%]{%.deletion[^}]*}", ""):gsub("%[[^%[%]]*%]{%.comment%-start[^}]*}", "")
        end
        -- (a page's inline markup a converter kept: <span style=…>0</span>, <u>64</u> are their text)
        if line:find("<", 1, true) then line = line:gsub("</?(%a+)[^>]*>", inline_tag) end
        -- (a link is its text, [一、总体情况 [1](#_Toc1)](#_Toc1) of a Word file's contents too; a picture none)
        if line:find("](", 1, true) then
          line = line:gsub("!%[[^%[%]]*%]%([^)%s]*%)", "")
          repeat local n; line, n = line:gsub("%[([^%[%]]*)%]%([^)%s]*%)", "%1") until n == 0
        end
        -- (and pandoc's spans, [0]{lang="EN-US"} is 0, [28]{style="text-decoration: line-through"} struck)
        if line:find("]{", 1, true) then
          line = line:gsub("%[[^%[%]]*%]{[^}]*line%-through[^}]*}", "")
          repeat local n; line, n = line:gsub("%[([^%[%]]*)%]%b{}", "%1") until n == 0
        end
      end
      -- a Markdown escape (\- for a cell's "-", 1\. for "1."): the character; an escaped bar parts no cells
      if has_escapes and line:find("\\", 1, true) then
        line = line:gsub("\\(%p)", function(c) if c ~= "|" then return c end end)
      end
      local aligns = line:find("---", 1, true) and line:match("^%s*|?%s*:?%-%-%-+:?%s*|[%s|:%-]*$")
      if aligns then
        bare_edges = last_row_line == prev and not line:find("^%s*|")
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
        local edges = bare_edges and not aligns and last_row_line == prev   -- a row of a table with no outer bars
        local x, leading = 0, not edges and line:match("^%s*|") ~= nil
        while true do
          local bar = line:find("|", start, true)
          if not bar and start > #line and not edges then break end   -- nothing after the last bar
          local piece = line:sub(start, (bar or (#line + 1)) - 1)
          local text = trim(piece)
          -- " |" is an empty cell; a bare "|" only pads a merged cell
          if text ~= "" or (piece ~= "" and bar) or (edges and not bar) then
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
          if last_row_line ~= prev then grid, row, bare_edges = grid + 1, 0, false end
          row, last_row_line = row + 1, lineno
          for k = first, n do blocks[k].grid, blocks[k].row = "t" .. grid, row end
          grid_last = n
        elseif n >= first then
          blocks[n].x0, blocks[n].x1 = nil, nil       -- one cell a line: no grid to place it in
        end
        if not any then
          n = n + 1
          blocks[n] = { kind = "break", text = "", line = lineno, offset = pos - 1 }
          if last_row_line == prev then last_row_line = lineno end   -- a Markdown alignment row
        end
      else
        local text = trim(line:find("\f", 1, true) and (line:gsub("\f", "")) or line)   -- a form feed is a PDF page break
        if text ~= "" then
          n = n + 1
          blocks[n] = { kind = "para", text = text, line = lineno, offset = pos - 1 }
          -- a tab-parted row's empty cells after its last text, which the trim lost
          local tabs = not line:find("\f", 1, true) and select(2, line:sub(line:find(text, 1, true) + #text):gsub("\t", ""))
          if tabs and tabs > 0 then blocks[n].tabs = tabs end
          -- the columns of white before the text (a text laid out in columns, pdftotext
          -- -layout's: where on the line its values stand, for a row's values on lines apart)
          local at = not line:find("\f", 1, true) and line:find(text, 1, true)
          local indent = at and at > 1 and utf8.len(line:sub(1, at - 1))
          if indent then blocks[n].indent = indent end
        end
      end
    end
    ::line_done::
    pos = eol + 1
    ::next_line::
  end
  return mark_ruled({ blocks = blocks, grid_last = grid_last }, ruled)
end
