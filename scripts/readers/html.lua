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

-- The classes and ids (".name", "#name") the page's own <style> hides with a
-- plain rule (`.print_area{display:none}`): a site's print copy or a draft.
-- Rules under an @-rule (@media print) and longer selectors are not read:
-- they hide for a printer, a phone, or an element this cannot place.
local function hidden_names(text)
  local sheets, none, from, low = {}, false, 1, text:lower()
  while true do
    local open_at = low:find("<style", from, true)
    local body = open_at and low:find(">", open_at, true)
    local close_at = body and low:find("</style", body, true)
    if not close_at then break end
    sheets[#sheets + 1] = text:sub(body + 1, close_at - 1)
    none = none or low:sub(body + 1, close_at - 1):find("display%s*:%s*none") ~= nil
    from = close_at
  end
  if not none then return nil end        -- most pages: nothing hidden, no rule read
  local hide
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
        for v in css:sub(open + 1, close - 1):lower():gmatch("display%s*:%s*([%w%-]+)") do shown = v end
        if shown then
          for sel in selectors:gmatch("[^,]+") do
            local name = sel:match("^%s*%w*([.#][%w_%-]+)%s*$")
            if name then
              hide = hide or {}
              hide[name] = shown == "none"
            end
          end
        end
        at = close + 1
      end
    end
  end
  if hide then
    for name, hides in pairs(hide) do if not hides then hide[name] = nil end end
    if next(hide) then return hide end
  end
  return nil
end

function Reader(text, opts)
  -- cells without column and spans: the binder places them by x0 and x1 alone
  local blocks, why = nianbao.html.blocks(text, nil, false)
  if blocks then return { blocks = blocks } end
  if blocks == nil then error(why, 0) end
  -- a page that hides some of itself (a style sheet that hides a class sends it here too)
  local tree, err = nianbao.html.parse(text)
  if not tree then error(err, 0) end
  return { blocks = markup.blocks(tree, { hide = hidden_names(text) }) }
end
