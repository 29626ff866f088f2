-- The HTML reader's sniff answers as it did when it lowered the head's
-- first 4096 bytes for every page: a page with "<html" in them as written
-- is taken without the lowered copy, others as before.

test("the HTML reader's sniff takes a page on its <html as written, as it takes it lowered", function()
  local read = require "pipeline.read"
  local _, readers = read.load(".")
  local sniff = readers.html.sniff
  -- the sniff as it read every head before: from a lowered copy of its first 4096 bytes
  local function lowered(head)
    local h = head:sub(1, 4096):lower()
    if h:find("<html", 1, true) or h:find("<table", 1, true) or h:find("<!doctype html", 1, true)
       or (h:find("<div", 1, true) and h:find("</p>", 1, true)) then
      return true
    end
    -- (an article's body alone, <p> or <h1> first: mammoth's HTML of a Word file)
    if (h:find("^%s*<p[%s>]") or h:find("^%s*<h[1-6][%s>]")) and h:find("</p>", 1, true) then return true end
    local rest = head:lower()
    return rest:find("<table", 1, true) ~= nil and rest:find("</td>", 1, true) ~= nil
  end
  local heads = { "", "plain text", "<p>a</p>", "<div><p>x</p>", "<TABLE><tr><TD>1</TD>" }
  for _, tag in ipairs { "<html", "<HTML", "<Html lang=zh>", "<htm", "<table><td>a</td>" } do
    for at = 4080, 4100 do heads[#heads + 1] = string.rep("x", at - 1) .. tag .. " rest" end
    heads[#heads + 1] = tag
    heads[#heads + 1] = string.rep("y", 70000) .. tag
  end
  for i, head in ipairs(heads) do
    eq(lowered(head), sniff(head), "head " .. i .. " (" .. #head .. " bytes)")
  end
end)
