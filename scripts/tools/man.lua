-- A Markdown page → a man page (roff), for the pages that are both: the
-- headings, paragraphs, code blocks, pipe tables and inline code of the
-- project's own documentation, nothing more.
--   nianbao run scripts/tools/man.lua PAGE.md NAME SECTION TITLE > NAME.SECTION
local path, name, section, title = arg[1], arg[2], arg[3], arg[4]
local f = assert(io.open(path, "rb"))
local md = f:read("a")
f:close()

-- roff escapes, then inline Markdown
local function inline(s)
  s = s:gsub("\\", "\\e"):gsub("%-", "\\-"):gsub("^%.", "\\&."):gsub("^'", "\\&'")
  s = s:gsub("`([^`]+)`", "\\fB%1\\fR"):gsub("%*%*([^*]+)%*%*", "\\fB%1\\fR")
       :gsub("%[([^%]]+)%]%([^)]+%)", "%1")
  return s
end

local out = { string.format('.TH %s %s "" "nianbao" "%s"', name:upper(), section, title),
              ".ad l" }                -- ragged right: Chinese is not justified by spaces
local in_code, in_table = false, false
for line in (md .. "\n"):gmatch("([^\n]*)\n") do
  if line:match("^```") then
    out[#out + 1] = in_code and ".fi\n.RE" or ".RS 4\n.nf"
    in_code = not in_code
  elseif in_code then
    out[#out + 1] = (line:gsub("\\", "\\e"):gsub("%-", "\\-"):gsub("^%.", "\\&."))  -- "-" as in options
  elseif line:match("^|") then
    if not line:match("^|%s*%-") then            -- not the alignment row
      local cells = {}
      for c in line:gmatch("|([^|]*)") do
        c = c:gsub("^%s+", ""):gsub("%s+$", "")
        if c ~= "" then cells[#cells + 1] = inline(c) end
      end
      if not in_table then out[#out + 1] = ".RS 2"; in_table = true end
      out[#out + 1] = ".TP\n" .. (cells[1] or "") .. "\n" .. table.concat(cells, " \\(em ", 2)
    end
  else
    if in_table then out[#out + 1] = ".RE"; in_table = false end
    local h1, h2, h3 = line:match("^# (.*)"), line:match("^## (.*)"), line:match("^### (.*)")
    if h1 then out[#out + 1] = ".SH NAME\n" .. name .. " \\- " .. inline(h1)
    elseif h2 then out[#out + 1] = ".SH " .. inline(h2):upper()
    elseif h3 then out[#out + 1] = ".SS " .. inline(h3)
    elseif line:match("^%s*$") then out[#out + 1] = ".PP"
    else
      -- a paragraph's lines in Chinese join without the space roff puts
      -- between lines: the break goes, not a character
      local prev = out[#out]
      if prev and prev:match("[\128-\255]$") and line:match("^[\128-\255]") and not prev:match("^%.") then
        out[#out] = prev .. inline(line)
      else
        out[#out + 1] = inline(line)
      end
    end
  end
end
io.stdout:write(table.concat(out, "\n"), "\n")
