-- Reader for web pages: a saved page or an article fragment of a government
-- CMS, or a Word/WPS export. libxml2 parses the markup (repairing it as
-- browsers do); the shared `markup.blocks` walks the tree into paragraphs
-- and table cells, every cell in its place in the table's grid.
-- nianbao.html.blocks makes those blocks in C with no table per node; a
-- table it leaves (many merged cells, a fractional span) goes the Lua way.
-- A PDF a converter wrote as runs of text placed on the page (pdftohtml) is
-- read as the PDF's text laid out instead (placed_page).

name        = "html"
extensions  = { "html", "htm", "shtml", "xhtml", "doc", "wps", "json", "mht", "mhtml" }

function sniff(head)
  -- most pages say so in their first bytes as written: no lowered copy of the head for them
  local at = head:find("<html", 1, true)
  if at and at <= 4092 then return true end
  local h = head:sub(1, 4096):lower()
  if h:find("<html", 1, true) or h:find("<table", 1, true) or h:find("<!doctype html", 1, true)
     or (h:find("<div", 1, true) and h:find("</p>", 1, true)) then
    return true
  end
  -- an article's body alone (mammoth's HTML of a Word file: <p>, <h1>, no page round it)
  if (h:find("^%s*<p[%s>]") or h:find("^%s*<h[1-6][%s>]")) and h:find("</p>", 1, true) then return true end
  -- a PDF's characters in their boxes (MuPDF's stext, pdfminer's XML)
  if head:find("<char quad=", 1, true) or head:find("<textline bbox=", 1, true) then return true end
  -- a page saved as one file (MHTML): a mail's header, the page a part of it
  if head:find("^[%w%-]+:") and h:find("multipart/related", 1, true) then return true end
  -- markup further in, after scripts or a site's menus: a table of cells
  local rest = head:lower()
  return rest:find("<table", 1, true) ~= nil and rest:find("</td>", 1, true) ~= nil
end

-- A compound selector (`div.draft`, `#main`, `.a.b`, `[hidden]`) as what
-- an element must have, or nil for one this cannot decide (`:hover`, `~`).
local function compound(text)
  local c, at = { classes = {}, ids = {}, attrs = {} }, 1
  local tag = text:match("^[%a][%w%-]*") or text:match("^%*")
  if tag then
    c.tag = tag ~= "*" and tag:lower() or nil
    at = #tag + 1
  end
  while at <= #text do
    local kind, name, after = text:match("^([.#])([%w_%-]+)()", at)
    if kind then
      local list = kind == "." and c.classes or c.ids
      list[#list + 1] = name
    else
      name, after = text:match("^%[%s*([%w_%-]+)%s*%]()", at)
      if not name then return nil end
      c.attrs[#c.attrs + 1] = name:lower()
    end
    at = after
  end
  -- (ids, then classes and attributes, then the type: which rule wins)
  c.weight = #c.ids * 10000 + (#c.classes + #c.attrs) * 100 + (c.tag and 1 or 0)
  return c
end

-- A selector of compounds joined by descendant (" ") or child (">") steps,
-- last first; nil for one this cannot decide.
local function selector(text)
  local steps, child, weight = {}, false, 0
  for piece in text:gsub(">", " > "):gmatch("%S+") do
    if piece == ">" then
      if #steps == 0 or child then return nil end
      child = true
    else
      local c = compound(piece)
      if not c then return nil end
      c.child, child, weight = child, false, weight + c.weight
      table.insert(steps, 1, c)
    end
  end
  if #steps == 0 or child then return nil end
  steps.weight = weight
  return steps
end

-- The classes and ids (".name", "#name") the page's own <style> hides with a
-- plain rule (`.print_area{display:none}`): a site's print copy or a draft;
-- and its rules of longer selectors (`.content .draft`, `#main > div.old`),
-- each with the display it sets, in the page's order. Rules under an @-rule
-- (@media print) are not read: they hide for a printer or a phone. With
-- strikes (the page says line-through), the rules that strike through too.
local function hidden_names(text, strikes)
  local sheets, none, from, low = {}, false, 1, text:lower()
  while true do
    local open_at = low:find("<style", from, true)
    local body = open_at and low:find(">", open_at, true)
    local close_at = body and low:find("</style", body, true)
    if not close_at then break end
    sheets[#sheets + 1] = text:sub(body + 1, close_at - 1)
    local sheet = low:sub(body + 1, close_at - 1)
    none = none or sheet:find("display%s*:%s*none") ~= nil or strikes and sheet:find("line-through", 1, true) ~= nil
    from = close_at
  end
  if not none then return nil end        -- most pages: nothing hidden or struck, no rule read
  local hide, rules
  for _, css in ipairs(sheets) do
    css = css:gsub("/%*.-%*/", ""):gsub("<!%-%-", ""):gsub("%-%->", "")
    local at = 1
    while true do
      local open = css:find("{", at, true)
      if not open then break end
      local selectors = css:sub(at, open - 1):gsub("^%s*@[^{;]*;", ""):gsub("^%s*@[^{;]*;", "")   -- @charset, @import
      if selectors:find("^%s*@") then         -- the @-rule's block, nested braces and all
        local close = select(2, css:find("%b{}", open))
        if not close then break end
        at = close + 1
      else
        local close = css:find("}", open, true) or #css + 1
        local shown
        local decls = css:sub(open + 1, close - 1):lower()
        for v in decls:gmatch("display%s*:%s*([%w%-]+)") do shown = v end
        -- (a class whose rule strikes it through: a revised page's old row or value, as an inline style's)
        if strikes and decls:find("line-through", 1, true) then
          for sel in selectors:gmatch("[^,]+") do
            local steps = selector(sel)
            if steps then
              rules = rules or {}
              rules[#rules + 1] = { steps = steps, struck = true }
            end
          end
        end
        if shown then
          for sel in selectors:gmatch("[^,]+") do
            local name = sel:match("^%s*%w*([.#][%w_%-]+)%s*$")
            if name then
              hide = hide or {}
              hide[name] = shown == "none"
            else
              local steps = selector(sel)
              if steps then
                rules = rules or {}
                rules[#rules + 1] = { steps = steps, none = shown == "none" }
              end
            end
          end
        end
        at = close + 1
      end
    end
  end
  if hide then
    for name, hides in pairs(hide) do if not hides then hide[name] = nil end end
    if not next(hide) then hide = nil end
  end
  return hide, rules
end

-- Does element node have all compound c asks for?
local function has(node, c)
  if c.tag and node.tag ~= c.tag then return false end
  local attrs = node.attrs
  for _, id in ipairs(c.ids) do if attrs.id ~= id then return false end end
  if #c.classes > 0 then
    local own = " " .. (attrs.class or ""):gsub("%s+", " ") .. " "
    for _, name in ipairs(c.classes) do
      if not own:find(" " .. name .. " ", 1, true) then return false end
    end
  end
  for _, a in ipairs(c.attrs) do if attrs[a] == nil then return false end end
  return true
end

-- Does the selector's step k on match an element whose ancestors are
-- path[1..depth] (the element itself at depth)?
local function matches(steps, k, path, depth)
  if not has(path[depth], steps[k]) then return false end
  if k == #steps then return true end
  if steps[k].child then return depth > 1 and matches(steps, k + 1, path, depth - 1) end
  for up = depth - 1, 1, -1 do
    if matches(steps, k + 1, path, up) then return true end
  end
  return false
end

-- Mark the elements the longer rules set a display for (`styled_display`):
-- the weightiest rule wins, of equals the later, as a browser does; and
-- those a rule strikes through (`styled_struck`).
local function apply_rules(tree, rules)
  local path = {}
  local function visit(node, depth)
    for _, c in ipairs(node) do
      if type(c) == "table" and c.tag then
        path[depth] = c
        local best, weight
        for _, r in ipairs(rules) do
          if r.struck then
            if not c.styled_struck and matches(r.steps, 1, path, depth) then c.styled_struck = true end
          elseif (not weight or r.steps.weight >= weight) and matches(r.steps, 1, path, depth) then
            best, weight = r, r.steps.weight
          end
        end
        if best then c.styled_display = best.none and "none" or "shown" end
        visit(c, depth + 1)
      end
    end
    path[depth] = nil
  end
  visit(tree, 1)
end

-- A table's cell of a number alone ("70", "1,069", "9116.36"): what two
-- copies of one table may differ in.
local function plain_number(text)
  return text:find("^%d[%d,. ]*$") ~= nil
end

-- A Markdown table a page never drew (a notes app's export, an article
-- pasted from a chat): each row "| 自然人 | 3 |" a paragraph of its own, the
-- alignment row "|---|---|" second. Its rows are read as a table's cells, a
-- piece between two bars a cell, as the text reader reads a Markdown file's.
local function bar_row(b)
  return b and b.kind == "para" and b.text:byte(1) == 124 and b.text:byte(-1) == 124 and #b.text > 2
end

local function alignment_row(b)
  return b.text:find("^|[%s|:%-]*$") ~= nil and b.text:find("---", 1, true) ~= nil
end

local function markdown_rows(blocks)
  local out, grids, i = nil, 0, 1
  while i <= #blocks do
    local b = blocks[i]
    if bar_row(b) and not alignment_row(b) and bar_row(blocks[i + 1]) and alignment_row(blocks[i + 1]) then
      out = out or table.move(blocks, 1, i - 1, 1, {})
      grids = grids + 1
      local row = 0
      while bar_row(blocks[i]) do
        if not alignment_row(blocks[i]) then
          local t, col, at = blocks[i].text, 0, 2
          row = row + 1
          while at <= #t do
            local bar = t:find("|", at, true)
            col = col + 1
            out[#out + 1] = { kind = "cell", text = (t:sub(at, bar - 1):gsub("^%s+", ""):gsub("%s+$", "")),
                              line = blocks[i].line, grid = "md" .. grids, row = row, column = col,
                              rowspan = 1, colspan = 1, x0 = col, x1 = col + 1 }
            at = bar + 1
          end
          out[#out + 1] = { kind = "break", text = "", line = blocks[i].line }
        end
        i = i + 1
      end
    else
      if out then out[#out + 1] = b end
      i = i + 1
    end
  end
  return out or blocks
end

-- The text of the nearest paragraph before block i and after block from.
local function caption_before(blocks, i, from)
  for k = i - 1, from + 1, -1 do
    if blocks[k].kind == "para" then return blocks[k].text end
  end
  return nil
end

-- Two tables of the same places and the same labels, differing only in
-- numbers, under the same caption or none between them, are copies of one
-- table (a draft kept beside the printed one, a print copy; the parts of a
-- split table have captions of their own). Where nothing the page says
-- hides either, which is shown cannot be told. Each number they differ in is given as both ("70 | 71")
-- in the first, and the later copy left out: a cell of two readings is
-- unknown, never the first copy's number. → blocks, or the blocks kept.
local function unsure_copies(blocks)
  local cells, order = {}, {}
  for i = 1, #blocks do
    local grid = blocks[i].grid
    if grid then
      local list = cells[grid]
      if not list then list = {}; cells[grid] = list; order[#order + 1] = grid end
      list[#list + 1] = i
    end
  end
  if #order < 2 then return blocks end
  local by_size, drop = {}, nil
  for _, grid in ipairs(order) do
    local list = cells[grid]
    local earlier = by_size[#list]
    if not earlier then
      by_size[#list] = list
    elseif #list >= 4 then
      local caption = caption_before(blocks, list[1], earlier[#earlier])
      local differ, same = {}, caption == nil or caption == caption_before(blocks, earlier[1], 0)
      for k = 1, same and #list or 0 do
        local a, b = blocks[earlier[k]], blocks[list[k]]
        if a.row ~= b.row or a.x0 ~= b.x0 or a.x1 ~= b.x1 then same = false; break end
        if a.text ~= b.text then
          if not (plain_number(a.text) and plain_number(b.text)) then same = false; break end
          differ[#differ + 1] = k
        end
      end
      if same and #differ > 0 then
        for _, k in ipairs(differ) do
          local a, b = blocks[earlier[k]], blocks[list[k]]
          -- (its own text and the copy's line kept: the copy may open another report, the binder sees)
          a.own, a.copy_line = a.text, b.line
          a.text = a.text .. " | " .. b.text
        end
        drop = drop or {}
        for i = list[1], list[#list] + 1 do       -- its cells and the breaks of its rows
          if blocks[i] and (blocks[i].grid == grid or blocks[i].kind == "break") then drop[i] = true end
        end
      end
    end
  end
  if not drop then return blocks end
  local kept = {}
  for i = 1, #blocks do if not drop[i] then kept[#kept + 1] = blocks[i] end end
  return kept
end

-- base64's letters by their values
local B64 = {}
for i, c in ipairs { ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"):byte(1, -1) } do
  B64[c] = i - 1
end

local function unbase64(s)
  local out, bits, n = {}, 0, 0
  for c in s:gmatch("[%w+/]") do
    bits, n = bits << 6 | B64[c:byte()], n + 6
    if n >= 8 then
      n = n - 8
      out[#out + 1] = string.char(bits >> n & 255)
    end
  end
  return table.concat(out)
end

-- A page a browser saved as one file (MHTML, .mht: "单个文件"): its first
-- text/html part, undone from quoted-printable or base64 and read in its
-- charset; and the line of the file that part starts on. nil for any other file.
local function mhtml_page(text)
  if not text:find("^[%w%-]+:") then return nil end          -- a mail's header first, not markup
  local head = text:sub(1, 4096):lower()
  if not head:find("multipart/related", 1, true) then return nil end
  local boundary = text:sub(1, 4096):match('[Bb]oundary="([^"]+)"') or text:sub(1, 4096):match("[Bb]oundary=([^%s;]+)")
  if not boundary then return nil end
  local from = 1
  while true do
    local at = text:find("--" .. boundary, from, true)
    if not at then return nil end
    local fields_end, body = text:find("\r?\n\r?\n", at)
    if not fields_end then return nil end
    local fields = text:sub(at, fields_end):lower()
    local close = text:find("--" .. boundary, body + 1, true) or #text + 1
    if fields:find("content%-type:%s*text/html") then
      local part = text:sub(body + 1, close - 1)
      local coding = fields:match("content%-transfer%-encoding:%s*([%w%-]+)")
      if coding == "quoted-printable" then
        part = part:gsub("=\r?\n", ""):gsub("=(%x%x)", function(h) return string.char(tonumber(h, 16)) end)
      elseif coding == "base64" then
        part = unbase64(part)
      end
      if not utf8.len(part) then
        local charset = fields:match("charset=\"?([%w_%-]+)") or part:sub(1, 4096):lower():match("<meta[^>]-charset%s*=%s*[\"']?%s*([%w_%-]+)")
        part = charset and nianbao.convert(part, charset:upper()) or nianbao.convert(part, "GB18030")
        if not part then return nil end
      end
      return part, select(2, text:sub(1, body):gsub("\n", "")) + 1
    end
    from = close
  end
end

-- The keys a CMS names an article's publishing date by (publishDate,
-- publish_time, pubDate, releaseTime), lowered and without "_" and "-";
-- not its creation or update time, which may be any day.
local PUBLISHED_KEYS = { publishdate = true, publishtime = true, pubdate = true, pubtime = true,
                         releasedate = true, releasetime = true, publishedat = true }

-- The publishing date the article's own record holds beside its markup
-- ("2025-01-21 15:02:11"), or nil.
local function published_of(record)
  local key, date
  for k, v in pairs(record) do
    if type(k) == "string" and type(v) == "string" and PUBLISHED_KEYS[k:lower():gsub("[_%-]", "")]
       and v:find("^%d%d%d%d[%-/.]%d%d?[%-/.]%d%d?") and (not key or k < key) then
      key, date = k, v                   -- (of two such keys, the same one every time)
    end
  end
  return date
end

-- Where head followed by tail first begins in text (string.find(text, head
-- .. tail, 1, true)), or nil. A plain search looks for the last byte of what
-- it seeks and compares at each place that byte is: a word cut after a byte
-- markup rarely holds (the u of line-throu|gh, Pu|bDate) is compared at some
-- tens of places of a page, where its h or e came a thousand times and more.
local function find_cut(text, head, tail)
  local from = 1
  while true do
    local at, ends = text:find(head, from, true)
    if not at or text:sub(ends + 1, ends + #tail) == tail then return at end
    from = at + 1
  end
end

-- The publishing date a government site's page declares in its head (the
-- 政府网站 meta tags: <meta name="PubDate" content="2025-01-22 10:28">), and its line.
local function meta_published(text)
  local at = find_cut(text, "Pu", "bDate")
  if not at then return nil end
  local from = math.max(1, at - 200)
  local open = text:sub(from, at):match(".*()<[Mm][Ee][Tt][Aa][%s/]")
  local tag = open and text:match("^<[^>]*>", from + open - 1)
  local date = tag and tag:find("name%s*=%s*[\"']?PubDate[\"'%s/>]")
               and tag:match("content%s*=%s*[\"']?(%d%d%d%d[%-/.]%d%d?[%-/.]%d%d?)")
  if not date then return nil end
  local line, nl = 1, text:find("\n", 1, true)
  while nl and nl < at do line, nl = line + 1, text:find("\n", nl + 1, true) end
  return date, line
end

-- A CMS's JSON answer for an article (`{"data":{"title":…,"content":"<p>…"}}`,
-- its characters often as \u escapes): the page is its longest string of
-- markup, under its title; and the publishing date of the record holding
-- it. The JSON is read as the YAML it also is.
local function json_page(text)
  if not text:find("^%s*[{[]") or not text:find("[}%]]%s*$") then return nil end
  local ok, doc = pcall(nianbao.yaml.decode, text, "json")
  if not ok or type(doc) ~= "table" then return nil end
  local page, title, record
  local function visit(node, depth)
    for k, v in pairs(node) do
      if type(v) == "string" then
        if v:find("<%a") and (not page or #v > #page) then page, record = v, node end
        if k == "title" and not title then title = v end
      elseif type(v) == "table" and depth < 8 then
        visit(v, depth + 1)
      end
    end
  end
  visit(doc, 1)
  if not page then return nil end
  if title and not page:find(title, 1, true) then page = "<h1>" .. title .. "</h1>\n" .. page end
  return page, published_of(record)
end

-- A page its script draws (a Vue or React app: an empty #app) keeps the
-- article in a state it is given as JSON (`window.__INITIAL_STATE__={…}`):
-- that page, when the markup itself holds no table.
local function state_page(text, blocks)
  local at = text:find("window.__", 1, true)
  local open = at and select(2, text:find("^window%.__[%w_]+__%s*=%s*{", at))
  if not open then return nil end
  -- (a portal's own small table, 索引号 发布机构 …, drawn beside the app: the state's tables are the article's)
  local cells = 0
  for i = 1, #blocks do if blocks[i].grid then cells = cells + 1 end end
  local close = text:find("</script", open, true) or #text + 1
  local json = text:sub(open, close - 1):match("^(.*})")
  for _ = 1, 8 do                       -- a script after the state: it ends at an earlier brace
    if not json then break end
    local page, published = json_page(json)
    if page then
      if cells == 0 then return page, published end
      local _, in_state = page:gsub("<[Tt][DdHh][%s>]", "")
      if in_state > cells then return page, published end
      return nil
    end
    json = json:match("^(.*})[^}]*}")
  end
  return nil
end

-- A page that shows its article in a frame of markup it holds itself
-- (`<iframe srcdoc="…">`, a CMS template's body), when the page holds no
-- table: that markup, and the line the frame starts on.
local function frame_page(text, blocks)
  for i = 1, #blocks do if blocks[i].grid then return nil end end
  if not text:find("srcdoc", 1, true) then return nil end
  local tree = nianbao.html.parse(text)
  local page, line
  local function visit(node)
    for _, c in ipairs(node) do
      if type(c) == "table" and c.tag then
        local doc = c.tag == "iframe" and c.attrs.srcdoc
        -- (the element's line is where its tag ends, after the lines of srcdoc)
        if doc and (not page or #doc > #page) then page, line = doc, (c.line or 1) - select(2, doc:gsub("\n", "")) end
        visit(c)
      end
    end
  end
  if tree then visit(tree) end
  return page, line
end

-- Does no rule of the page's style sheets hide an element (hidden_names'
-- hide and rules)? So where each display:none is a printer's or a phone's
-- (under @media) or set back by a later rule: the page reads as with no sheet.
local function hides_nothing(hide, rules)
  if hide then return false end
  for _, r in ipairs(rules or {}) do
    if r.none or r.struck then return false end
  end
  return true
end

-- The page's blocks, in C when nothing in it is hidden, else the Lua way;
-- whether two of its tables hold as many cells; whether a paragraph opens
-- with a bar.
local function page_blocks(text)
  -- (a style sheet's rule that strikes a class through: the C walk reads no such rule)
  local hide, rules, sheets_read
  if find_cut(text, "line-throu", "gh") then hide, rules = hidden_names(text, true) end
  -- cells without column and spans: the binder places them by x0 and x1 alone
  local blocks, why = false, nil
  if not rules then blocks, why = nianbao.html.blocks(text, nil, false) end
  -- a style sheet that may hide: its rules read (as the Lua way below reads them), and
  -- where none hides an element, the C walk told so
  if blocks == false and why == "sheet" then
    hide, rules = hidden_names(text)
    sheets_read = true
    if hides_nothing(hide, rules) then blocks, why = nianbao.html.blocks(text, nil, false, true) end
  end
  if blocks then
    local twins, bars = blocks.twins, blocks.bars
    blocks.twins, blocks.bars = nil, nil
    return blocks, twins, bars
  end
  if blocks == nil then error(why, 0) end
  -- a page that hides some of itself (a style sheet that hides a class sends it here too)
  local tree, err = nianbao.html.parse(text)
  if not tree then error(err, 0) end
  if not sheets_read and not rules then hide, rules = hidden_names(text) end
  if rules then apply_rules(tree, rules) end
  local opts = { hide = hide }
  blocks = markup.blocks(tree, opts)
  return blocks, opts.twins, opts.bars
end

-- A PDF's pages as a converter writes them in HTML: poppler's pdftohtml
-- places each run of text by its top and left, pdftotext -bbox(-layout)
-- boxes each word; in no reading order, a table's cells apart and an
-- item's number apart from its name. Read as the PDF's text laid out, as
-- pdftotext -layout prints it: the runs of a page by their top into lines,
-- by their left along a line, a run's <br> a line below it. A place is a
-- line of that text (a wrapped sentence or heading runs on to the next
-- line, as in a PDF's text).
local PLACED_LEAST = 20        -- placed runs a page of them has at least
local FONT_PX = 18             -- a run's type size where its class gives none
local MARGIN_MOST = 160        -- spaces set before a run at most (a page is narrower)
local ENTITIES = { nbsp = " ", amp = "&", lt = "<", gt = ">", quot = '"', apos = "'" }

local function entity(name)
  local n = name:match("^#[xX](%x+)$")
  n = n and tonumber(n, 16) or tonumber(name:match("^#(%d+)$") or "")
  if n then return n == 160 and " " or (n < 0x110000 and utf8.char(n) or nil) end
  return ENTITIES[name]
end

local function run_lines(inner)
  local lines = {}
  inner = inner:gsub("\n?<[Bb][Rr]%s*/?>", "\n"):gsub("<[^>]*>", ""):gsub("&(#?%w+);", entity)
  for line in (inner .. "\n"):gmatch("([^\n]*)\n") do lines[#lines + 1] = line end
  return lines
end

-- a run's width in half-width characters (a wide one counts two)
local function columns(s)
  local n = 0
  for _, c in utf8.codes(s, true) do n = n + ((c >= 0x2E80 and c < 0xFF61) and 2 or 1) end
  return n
end

-- does a run begin with a wide character (a word's, not a number's)?
local function wide_start(s)
  local c = utf8.codepoint(s, 1, 1, true)
  return c >= 0x2E80 and c < 0xFF00
end

-- pdftohtml's runs, each page's in a list: {top, left, size (nil where its
-- class was never written), height, text, k (its line in the run)}. So are
-- pdfminer's boxes (pdf2txt -t html: a box's lines parted by <br>, a page
-- begun by its <a name>, the type size given in the box).
local function placed_runs(text)
  -- a class's type size and line height (pdftohtml's .ftNN), each rule's braces
  -- found once (a brace never closed ends the look)
  local sizes, heights = {}, {}
  local at = 1
  while true do
    local open = text:find("{", at, true)
    local close = open and text:find("}", open, true)
    if not close then break end
    local name = text:sub(math.max(1, open - 64), open - 1):match("%.([%w_-]+)%s*$")
    local rule = name and not sizes[name] and text:sub(open + 1, close - 1)
    local size = rule and tonumber(rule:match("font%-size:%s*([%d.]+)px") or "")
    if size then
      sizes[name] = size
      heights[name] = tonumber(rule:match("line%-height:%s*([%d.]+)px") or "") or size * 1.2
    end
    at = close + 1
  end
  local pages, runs = {}, nil
  local closes = {}             -- each tag's end found last: the first after every start before it
  local stacks = {}             -- pdfminer's boxes of cells one above another, where on their page
  at = 1
  while true do
    local s, e, tag, attrs = text:find("<(%a+)([^>]*)>", at)
    if not s then break end
    at = e + 1
    local style = attrs:match('style%s*=%s*"([^"]*)"') or ""
    if tag:lower() == "div" and (attrs:find('id%s*=%s*"page') or text:find('^%s*<a name=', e + 1)) then
      runs = {}
      pages[#pages + 1] = runs
    elseif style:find("position:%s*absolute") then
      local top = tonumber(style:match("top:%s*(%-?[%d.]+)px"))
      local left = tonumber(style:match("left:%s*(%-?[%d.]+)px"))
      local close = closes[tag]
      if top and left and not (close and close > e) then
        close = text:find("</" .. tag .. ">", e + 1, true)
        closes[tag] = close or math.huge
      end
      if top and left and close and close < math.huge then
        if not runs then runs = {}; pages[#pages + 1] = runs end
        local class = attrs:match('class%s*=%s*"([^"]*)"')
        local size = class and sizes[class]     -- (nil: a class the converter named and never wrote)
        local height = class and heights[class]
        local inner = text:sub(e + 1, close - 1)
        local lines, spread = run_lines(inner), false
        if not class then
          size = tonumber(inner:match("font%-size:%s*([%d.]+)px") or "")
          -- a box's lines spread over its height (the last one a type high)
          local box, n = tonumber(style:match("height:%s*([%d.]+)px") or ""), #lines
          while n > 1 and not lines[n]:find("%S") do n = n - 1 end
          spread = size and box and n > 1
          height = spread and math.max(size, (box - size) / (n - 1)) or nil
          -- a box of cells one above another (a line after its first opens an item: 2. or (二)) has
          -- rows of heights not known: no label or value beside it has a line known among them
          for k = 2, spread and n or 1 do
            local line, open = lines[k], lines[k]:find("^%s*\u{FF08}")
            local shut = open and line:find("\u{FF09}", open, true)
            if line:find("^%s*%d+%.%D") or line:find("^%s*%d+\u{FF0E}") or shut and shut - open <= 12 then
              stacks[#stacks + 1] = { runs = runs, left = left, top = top - size / 2, bottom = top + box }
              break
            end
          end
        end
        for k, piece in ipairs(lines) do
          -- (a number alone among a box's lines, a header's value or a column of them, has no place known)
          if piece:find("%S") and not (spread and piece:find("^%s*[%d.,]+%s*$")) then
            runs[#runs + 1] = { top = top, k = k, size = size, height = height, left = left, text = piece,
                                order = #runs + 1 }
          end
        end
        at = close
      end
    end
  end
  -- (a stack with no value beside it, a heading and its note, is read as laid out)
  for _, stack in ipairs(stacks) do
    for _, r in ipairs(stack.runs) do
      if not r.height and r.left > stack.left and r.top >= stack.top and r.top <= stack.bottom
         and r.text:find("^%s*[%d.,]+%s*$") then
        return pages, true
      end
    end
  end
  return pages, false
end

-- pdftotext -bbox's words, each page's in a list, as placed_runs gives them
-- (a word's box gives its size and its right edge too)
local function boxed_runs(text)
  local pages, runs = {}, nil
  local at = 1
  while true do
    local s, e, tag, attrs = text:find("<(%a+)([^>]*)>", at)
    if not s then break end
    at = e + 1
    if tag == "page" then
      runs = {}
      pages[#pages + 1] = runs
    elseif tag == "word" then
      local x0, y0 = tonumber(attrs:match('xMin="([%d.]+)"') or ""), tonumber(attrs:match('yMin="([%d.]+)"') or "")
      local x1, y1 = tonumber(attrs:match('xMax="([%d.]+)"') or ""), tonumber(attrs:match('yMax="([%d.]+)"') or "")
      local close = text:find("</word>", e + 1, true)
      if not close then break end
      if x0 and y0 and x1 and y1 and y1 > y0 then
        if not runs then runs = {}; pages[#pages + 1] = runs end
        local word = run_lines(text:sub(e + 1, close - 1))[1]
        runs[#runs + 1] = { top = y0, k = 1, size = math.floor(y1 - y0 + 0.5), left = x0, right = x1, text = word,
                            order = #runs + 1 }
      end
      at = close
    end
  end
  return pages
end

-- MuPDF's structured text (mutool draw -F stext: <char quad=… c=…/>, y
-- down the page) and pdfminer's XML (pdf2txt -t xml: <text bbox=…>c</text>,
-- y up the page) box each character in its line: the characters of a line
-- in words, as boxed_runs gives them, a word ended by a space, a gap wider
-- than a quarter of its type or its line's end
local function char_runs(text, stext)
  local pages, runs, word, height = {}, nil, nil, 0
  local function flush()
    if word then runs[#runs + 1] = word end
    word = nil
  end
  local at, size = 1, nil
  while true do
    local s, e, tag, attrs = text:find("<(%a+)([^>]*)>", at)
    if not s then break end
    at = e + 1
    if tag == "page" then
      flush()
      runs = {}
      pages[#pages + 1] = runs
      height = tonumber(attrs:match('bbox="[%d.-]+,[%d.-]+,[%d.-]+,([%d.]+)"') or "") or 0
    elseif tag == "line" or tag == "textline" then
      flush()
    elseif tag == "font" then
      size = tonumber(attrs:match('size="([%d.]+)"') or "")
    elseif runs and (stext and tag == "char" or not stext and tag == "text") then
      local c, x0, y0, x1, y1
      if stext then
        c = attrs:match('c="([^"]*)"')
        x0, y0, x1, y1 = attrs:match('quad="([%d.-]+) ([%d.-]+) ([%d.-]+) [%d.-]+ [%d.-]+ ([%d.-]+)')
      else
        local close = text:find("</text>", e + 1, true)
        c = close and text:sub(e + 1, close - 1) or ""
        local b0, b1, b2, b3 = attrs:match('bbox="([%d.-]+),([%d.-]+),([%d.-]+),([%d.-]+)"')
        x0, y0, x1, y1 = b0, b3, b2, b1
        size = tonumber(attrs:match('size="([%d.]+)"') or "")
      end
      x0, y0, x1, y1 = tonumber(x0 or ""), tonumber(y0 or ""), tonumber(x1 or ""), tonumber(y1 or "")
      if not stext and y0 and y1 then y0, y1 = height - y0, height - y1 end
      c = c and c:gsub("&(#?%w+);", entity)
      if not (c and x0 and y0 and x1 and y1) or not c:find("%S") then
        flush()
      else
        local type_size = math.floor((size or y1 - y0) + 0.5)
        if word and x0 - word.right > type_size / 4 then flush() end
        if word then
          word.text, word.right = word.text .. c, x1
        else
          word = { top = y0, k = 1, size = type_size, left = x0, right = x1, text = c, order = #runs + 1 }
        end
      end
    end
  end
  flush()
  return pages
end

local function placed_page(text)
  -- (the converter places its first runs, or words, in a page's first bytes; a page of a site has none)
  local head, pages = text:sub(1, 8192), nil
  if head:find("position:absolute;top:", 1, true) or head:find("position:absolute; border: textbox", 1, true) then
    local stacked
    pages, stacked = placed_runs(text)
    if stacked then return nil end
  elseif head:find("<word xMin=", 1, true) then pages = boxed_runs(text)
  elseif head:find("<char quad=", 1, true) then pages = char_runs(text, true)
  elseif head:find("<textline bbox=", 1, true) then pages = char_runs(text, false)
  else return nil end
  -- the body's type size: the one most runs have (a run of a class never written has it too)
  local counts, body = {}, nil
  for _, list in ipairs(pages) do
    for _, r in ipairs(list) do
      if r.size then
        counts[r.size] = (counts[r.size] or 0) + 1
        if not body or counts[r.size] > counts[body] then body = r.size end
      end
    end
  end
  body = body or FONT_PX
  local out, n, placed = {}, 0, 0
  local inside = 0                  -- the wide characters' first bytes in the runs
  for p, list in ipairs(pages) do
    placed = placed + #list
    for _, r in ipairs(list) do
      inside = inside + select(2, r.text:gsub("[\228-\233]", ""))
      r.known = r.size ~= nil
      r.size = r.size or body
      r.top = r.top + (r.k - 1) * (r.height or r.size * 1.2)
      r.base = r.top + 0.8 * r.size                 -- its baseline, about
    end
    table.sort(list, function(a, b)
      if a.base ~= b.base then return a.base < b.base end
      return a.order < b.order
    end)
    local i, last_top = 1, nil
    while i <= #list do
      -- a run is on the line whose baselines' mean its own is within half its
      -- type of (a raised mark, a smaller type sit a little above or below),
      -- in a type not much larger or smaller (a title is no line of a menu beside it)
      local j, top, sum, size = i, list[i].top, list[i].base, list[i].size
      while list[j + 1] do
        local r = list[j + 1]
        if math.abs(r.base - sum / (j - i + 1)) > r.size / 2 or r.size > size * 1.6 or size > r.size * 1.6 then
          break
        end
        j, sum = j + 1, sum + r.base
      end
      local row = {}
      for k = i, j do row[#row + 1] = list[k] end
      table.sort(row, function(a, b) return a.left < b.left end)
      -- a line's runs at their places, a column half the body type's size: a
      -- word's run that begins where the one before it ends (a date, a title
      -- cut where the type changes: "2025" "年1月23日") joined to it, one
      -- close after it a space after it, a cell apart two spaces at least. A
      -- run's width is guessed from its characters and its class's type size,
      -- more loosely after a number (a header's words stand close too), or
      -- given by its box (a word's): runs of a class never written are not
      -- joined, nor one that opens with a number (a label's value)
      local unit, parts, ends, sized = body / 2, {}, 0, false
      for k, r in ipairs(row) do
        local gap, before = r.left - ends, row[k - 1]
        local close = before and (before.right and 0.15 * r.size
                                  or before.text:find("%d$") and 0.3 * r.size + 0.1 * (ends - before.left)
                                  or 0.4 * r.size)
        local spaces = k == 1 and math.min(math.floor(r.left / unit + 0.5), MARGIN_MOST)
                       or sized and r.known and wide_start(r.text) and gap < close and 0
                       -- (an item's number and the mark after it, 1 、属于…, in a class never written)
                       or before.text:find("^%d+$") and r.text:find("^\u{3001}") and gap < close and 0
                       or gap < 1.5 * unit and 1 or math.min(math.max(2, math.floor(gap / unit + 0.5)), MARGIN_MOST)
        parts[#parts + 1] = string.rep(" ", spaces) .. r.text
        ends, sized = r.right or r.left + columns(r.text) * r.size / 2, r.known
      end
      if last_top and top - last_top > 2.5 * body then
        n = n + 1
        out[n] = ""
      end
      n = n + 1
      out[n] = (p > 1 and i == 1 and "\f" or "") .. table.concat(parts)
      last_top, i = top, j + 1
    end
  end
  if placed < PLACED_LEAST then return nil end
  -- a site's page that places some of itself (a menu's links) holds most of its words
  -- outside the runs; a converter's page, none but its title
  local _, wide = text:gsub("[\228-\233]", "")
  if wide > 2 * inside then return nil end
  return nianbao.text.blocks(table.concat(out, "\n") .. "\n")
end

-- MuPDF's page (mutool draw -F html: each line a <p> placed in points) sets
-- in <sup> what stands a little above its line's baseline: a cell's value
-- beside a wrapped label as often as a mark, a number of its own either way
local function mupdf_raised(text)
  local head = text:sub(1, 4096)
  if not (head:find("p{position:absolute", 1, true) and head:find('<p style="top:', 1, true)) then return text end
  return (text:gsub("<sup>", " "):gsub("</sup>", ""))
end

function Reader(text, opts)
  local saved, saved_line = mhtml_page(text)
  local page, published = json_page(saved or text)
  text = page or saved or text
  local placed = placed_page(text)
  if placed then return { blocks = placed } end
  text = mupdf_raised(text)
  local blocks, twins, bars = page_blocks(text)
  if saved_line then
    for _, b in ipairs(blocks) do b.line = b.line + saved_line - 1 end
  end
  local state, state_published = state_page(text, blocks)
  if state then
    blocks, twins, bars = page_blocks(state)
    published = state_published
  end
  local frame, frame_line = frame_page(text, blocks)
  if frame then
    -- the frame's blocks in its place among the page's (its title, its date), at the file's lines
    local inner, inner_twins, inner_bars = page_blocks(frame)
    local shift, kept = (frame_line or 1) - 1, {}
    for _, b in ipairs(blocks) do
      if b.line <= shift + 1 then kept[#kept + 1] = b end
    end
    for _, b in ipairs(inner) do
      b.line = b.line + shift
      kept[#kept + 1] = b
    end
    for _, b in ipairs(blocks) do
      if b.line > shift + 1 then kept[#kept + 1] = b end
    end
    blocks, twins, bars = kept, inner_twins, bars or inner_bars
  end
  if bars then blocks = markdown_rows(blocks) end
  if twins then blocks = unsure_copies(blocks) end
  -- the date the page's data or head gives (the binder takes it where the page prints none)
  local published_line = 1
  if not published then published, published_line = meta_published(text) end
  return { blocks = blocks, published = published, published_line = published_line }
end
