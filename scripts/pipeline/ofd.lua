-- An OFD (GB/T 33190, China's fixed-layout e-document: a zip of XML parts)
-- as the words of its pages, written as pdftotext -bbox writes a PDF's:
-- the web page reader lays those out as pdftotext -layout prints a page
-- (its placed_page), so an OFD's text is read as a PDF's is, a place a
-- line of that text.
--
-- OFD.xml names the document's root (DocBody/DocRoot), the root its pages
-- (Pages/Page/@BaseLoc) and its templates (CommonData/TemplatePage); a
-- page's Content holds layers of text objects (and rules, pictures, which
-- hold no text). A text object is placed by its Boundary (x y w h, in
-- millimetres from the page's top left), its own space mapped into that box
-- by its CTM (a b c d e f); each TextCode gives its first character's
-- baseline (X, Y) in that space and the advances after it (DeltaX, where
-- "g 3 5.2" stands for three advances of 5.2). Annotations and signatures
-- hold no text of the page's.
--
-- The file came from elsewhere: every part it names is looked for inside
-- the archive only, read once, within a limit of bytes and of pages.

local nianbao = require "nianbao"
local zip = require "nianbao.zip"
local messages = require "messages"

local M = {}

M.PAGES_MOST = 2000             -- pages (and templates) a document lists at most
local PT_PER_MM = 72 / 25.4     -- pdftotext's boxes are in points
local DEPTH_MOST = 64           -- a part's elements nested at most (page blocks in page blocks)

-- a part's place in the archive: loc read from the folder base (absolute
-- when it begins with "/"); nil when it climbs out of the archive
local function resolve(base, loc)
  loc = loc:gsub("\\", "/")
  local parts = {}
  if loc:sub(1, 1) ~= "/" then
    for p in base:gmatch("[^/]+") do parts[#parts + 1] = p end
  end
  for p in loc:gmatch("[^/]+") do
    if p == ".." then
      if #parts == 0 then return nil end
      parts[#parts] = nil
    elseif p ~= "." then
      parts[#parts + 1] = p
    end
  end
  if #parts == 0 then return nil end
  return table.concat(parts, "/")
end

local function folder(name)
  return name:match("^(.*/)") or ""
end

-- the text of an element (its strings, not its children's)
local function text_of(node)
  local out = {}
  for _, c in ipairs(node) do
    if type(c) == "string" then out[#out + 1] = c end
  end
  return table.concat(out)
end

-- the first element named tag under node, depth first
local function find(node, tag)
  for _, c in ipairs(node) do
    if type(c) == "table" then
      if c.tag == tag then return c end
      local f = find(c, tag)
      if f then return f end
    end
  end
end

local function numbers(s)
  local list = {}
  for n in (s or ""):gmatch("[^%s,]+") do list[#list + 1] = n end
  return list
end

-- DeltaX: the advances, "g N v" written out as N times v, as many as the
-- text has characters at most (a "g 1000000000 1" is no work)
local function advances(s, most)
  local tokens, out, i = numbers(s), {}, 1
  while i <= #tokens and #out < most do
    if tokens[i] == "g" then
      local n, v = math.tointeger(tonumber(tokens[i + 1] or "")), tonumber(tokens[i + 2] or "")
      if not (n and v) then break end
      for _ = 1, math.min(n, most - #out) do out[#out + 1] = v end
      i = i + 3
    else
      local v = tonumber(tokens[i])
      if not v then break end
      out[#out + 1] = v
      i = i + 1
    end
  end
  return out
end

-- Is a character wide (an ideograph's, a full-width mark's)? Its advance
-- where the file gives none is its type size, half that otherwise.
local function wide(c)
  return c >= 0x2E80 and c < 0xFF61
end

local function escape(s)
  return (s:gsub("&", "&amp;"):gsub("<", "&lt;"):gsub(">", "&gt;"))
end

-- A text object's characters, each {x, base, width, size, text} in
-- millimetres on the page (a space as {gap = true}), added to chars
local function object_chars(obj, chars)
  local box = numbers(obj.attrs.Boundary)
  local bx, by = tonumber(box[1] or "") or 0, tonumber(box[2] or "") or 0
  local m = numbers(obj.attrs.CTM)
  local a, b, c, d, e, f = 1, 0, 0, 1, 0, 0
  if #m == 6 then
    a, b, c, d = tonumber(m[1]) or 1, tonumber(m[2]) or 0, tonumber(m[3]) or 0, tonumber(m[4]) or 1
    e, f = tonumber(m[5]) or 0, tonumber(m[6]) or 0
  end
  local scale = math.sqrt(math.abs(a * d - b * c))
  local size = (tonumber(obj.attrs.Size or "") or 0) * scale
  if not (size > 0) then return end
  local x, y = 0, 0
  for _, code in ipairs(obj) do
    if type(code) == "table" and code.tag == "TextCode" then
      -- (a TextCode without X or Y takes the last one's, as the standard says)
      x, y = tonumber(code.attrs.X or "") or x, tonumber(code.attrs.Y or "") or y
      -- (a text that is no UTF-8, which libxml2 passes on when it recovers, is no word)
      local text = text_of(code)
      if not utf8.len(text, 1, -1, true) then text = "" end
      local steps, cx, k = advances(code.attrs.DeltaX, #text), x, 0
      for _, ch in utf8.codes(text, true) do
        k = k + 1
        local width = (wide(ch) and 1 or 0.5) * size
        if ch == 32 or ch == 0x3000 or ch == 9 then
          chars[#chars + 1] = { gap = true }
        else
          chars[#chars + 1] = { x = bx + a * cx + c * y + e, base = by + b * cx + d * y + f, width = width,
                                size = size, text = utf8.char(ch) }
        end
        cx = cx + (steps[k] or steps[#steps] or width / scale)
      end
    end
  end
end

-- A page's characters in words, as pdftotext boxes them: a character on
-- the baseline of the one before it, in its type, no more than a quarter
-- of the type after its end, goes on its word (a writer may place each
-- character of a word in a TextCode or a text object of its own); a space
-- or anything else ends it
local function words_of(chars)
  local words, word = {}, nil
  for _, ch in ipairs(chars) do
    if ch.gap then
      word = nil
    else
      local near = word and math.abs(ch.base - word.base) < word.size / 8 and ch.size == word.size
                   and math.abs(ch.x - word.x1) <= word.size / 4
      if near then
        word.text, word.x1 = word.text .. ch.text, ch.x + ch.width
      else
        word = { x0 = ch.x, base = ch.base, x1 = ch.x + ch.width, size = ch.size, text = ch.text }
        words[#words + 1] = word
      end
    end
  end
  return words
end

-- the text objects of a page's (or a template's) content, at any depth of its page blocks
local function content_chars(node, chars)
  for _, c in ipairs(node) do
    if type(c) == "table" then
      if c.tag == "TextObject" then object_chars(c, chars)
      elseif c.tag ~= "PathObject" and c.tag ~= "ImageObject" then content_chars(c, chars) end
    end
  end
end

-- pages(bytes, lang, lim) → the pages' words as pdftotext -bbox writes them
-- | nil, reason [, true when the archive has no OFD.xml: no OFD]
function M.pages(bytes, lang, lim)
  local total, seen = 0, {}
  local function fail(key, ...)
    return nil, messages.text(lang, "ofd_failed", messages.text(lang, key, ...))
  end
  -- part(name) → the part's text | nil, reason (named for the part)
  local function part(name, page)
    if total >= lim.max_bytes then return fail("ofd_too_large", name, lim.max_bytes // 1048576) end
    local text, err = zip.entry(bytes, name, lim.max_bytes - total)
    if not text then
      if err:find("has no", 1, true) then
        if page then return fail("ofd_content_missing", page, name) end
        return fail("ofd_part_missing", name)
      end
      if err:find("larger than the limit", 1, true) then return fail("ofd_too_large", name, lim.max_bytes // 1048576) end
      return fail("ofd_part_failed", err)
    end
    total = total + #text
    return text
  end
  local function tree_of(name, text, root)
    local tree = nianbao.xml.parse(text, DEPTH_MOST)
    local top = tree and find(tree, root)
    if not top then return fail("ofd_not_xml", name, root) end
    return top
  end

  local head, err = zip.entry(bytes, "OFD.xml", lim.max_bytes)
  if not head then
    if err:find("has no", 1, true) then return nil, nil, true end
    if err:find("larger than the limit", 1, true) then return fail("ofd_too_large", "OFD.xml", lim.max_bytes // 1048576) end
    return fail("ofd_part_failed", err)
  end
  total = #head
  local ofd, why = tree_of("OFD.xml", head, "OFD")
  if not ofd then return nil, why end
  local root_node = find(ofd, "DocRoot")
  local loc = root_node and text_of(root_node):match("^%s*(.-)%s*$") or ""
  if loc == "" then return fail("ofd_no_root") end
  local root = resolve("", loc)
  if not root then return fail("ofd_outside", "OFD.xml", loc) end
  if root == "OFD.xml" then return fail("ofd_loop", "OFD.xml", loc) end
  seen["OFD.xml"], seen[root] = true, true

  local doc_text
  doc_text, why = part(root)
  if not doc_text then return nil, why end
  -- (counted before the parse: a list of a million pages is never made into a tree)
  local listed, at = 0, 1
  while listed <= M.PAGES_MOST do
    at = doc_text:find("BaseLoc", at, true)
    if not at then break end
    listed, at = listed + 1, at + 7
  end
  if listed > M.PAGES_MOST then return fail("ofd_too_many_pages", root, M.PAGES_MOST) end
  local doc
  doc, why = tree_of(root, doc_text, "Document")
  if not doc then return nil, why end
  local base = folder(root)

  -- a part a page or a template names, its tree (a template's, once)
  local function content(kind, loc_of, page)
    local name = resolve(base, loc_of)
    if not name then return fail("ofd_outside", root, loc_of) end
    if seen[name] and seen[name] ~= kind then return fail("ofd_loop", root, loc_of) end
    seen[name] = kind
    local text, cerr = part(name, page)
    if not text then return nil, cerr end
    return tree_of(name, text, "Page")
  end

  local templates = {}           -- ID → its characters, read when a page first names it
  local template_locs = {}
  local common = find(doc, "CommonData")
  for _, c in ipairs(common or {}) do
    if type(c) == "table" and c.tag == "TemplatePage" and c.attrs.ID and c.attrs.BaseLoc then
      template_locs[c.attrs.ID] = c.attrs.BaseLoc
    end
  end
  local pages_node = find(doc, "Pages")
  local out = { '<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml">\n<head>\n<title></title>\n</head>\n<body>\n<doc>\n' }
  local n, any = 0, false
  for _, pg in ipairs(pages_node or {}) do
    if type(pg) == "table" and pg.tag == "Page" then
      n = n + 1
      local page_loc = pg.attrs.BaseLoc
      if not page_loc then return fail("ofd_page_missing", n, "BaseLoc") end
      local page
      page, why = content("page", page_loc, n)
      if not page then return nil, why end
      local chars = {}
      -- the templates first (a site's header, a background), then the page's own
      for _, t in ipairs(page) do
        if type(t) == "table" and t.tag == "Template" and t.attrs.TemplateID then
          local id = t.attrs.TemplateID
          if not templates[id] then
            local tloc = template_locs[id]
            if not tloc then return fail("ofd_no_template", n, id) end
            local tpl
            tpl, why = content("template", tloc)
            if not tpl then return nil, why end
            templates[id] = {}
            local body = find(tpl, "Content")
            if body then content_chars(body, templates[id]) end
          end
          for _, ch in ipairs(templates[id]) do chars[#chars + 1] = ch end
        end
      end
      local body = find(page, "Content")
      if body then content_chars(body, chars) end
      out[#out + 1] = '<page width="595.28" height="841.89">\n'
      for _, w in ipairs(words_of(chars)) do
        local top = w.base - 0.8 * w.size
        out[#out + 1] = string.format('<word xMin="%.6f" yMin="%.6f" xMax="%.6f" yMax="%.6f">%s</word>\n',
          w.x0 * PT_PER_MM, top * PT_PER_MM, w.x1 * PT_PER_MM, (top + w.size) * PT_PER_MM, escape(w.text))
        any = true
      end
      out[#out + 1] = "</page>\n"
    end
  end
  if n == 0 then return fail("ofd_no_pages", root) end
  if not any then return nil, messages.text(lang, "ofd_no_text") end
  out[#out + 1] = "</doc>\n</body>\n</html>\n"
  return table.concat(out)
end

return M
