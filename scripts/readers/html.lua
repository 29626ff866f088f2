-- Reader for web pages: a saved page or an article fragment of a government
-- CMS, or a Word/WPS export. libxml2 parses the markup (repairing it as
-- browsers do); the shared `markup.blocks` walks the tree into paragraphs
-- and table cells, every cell in its place in the table's grid.
-- nianbao.html.blocks makes those blocks in C with no table per node; a
-- table it leaves (many merged cells, a fractional span) goes the Lua way.

name        = "html"
extensions  = { "html", "htm", "shtml", "xhtml", "doc", "wps" }

function sniff(head)
  -- most pages say so in their first bytes as written: no lowered copy of the head for them
  local at = head:find("<html", 1, true)
  if at and at <= 4092 then return true end
  local h = head:sub(1, 4096):lower()
  if h:find("<html", 1, true) or h:find("<table", 1, true) or h:find("<!doctype html", 1, true)
     or (h:find("<div", 1, true) and h:find("</p>", 1, true)) then
    return true
  end
  -- markup further in, after scripts or a site's menus: a table of cells
  local rest = head:lower()
  return rest:find("<table", 1, true) ~= nil and rest:find("</td>", 1, true) ~= nil
end

function Reader(text, opts)
  -- cells without column and spans: the binder places them by x0 and x1 alone
  local blocks, why = nianbao.html.blocks(text, nil, false)
  if blocks then return { blocks = blocks } end
  if blocks == nil then error(why, 0) end
  local tree, err = nianbao.html.parse(text)
  if not tree then error(err, 0) end
  return { blocks = markup.blocks(tree) }
end
