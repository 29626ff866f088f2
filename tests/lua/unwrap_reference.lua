-- The prose's wrapped lines taken out as the claim reader first did it,
-- every line read every way (Lua patterns for its end and indent): the
-- reference the cheaper unwrap is held to. unwrap(text, ends, heading) →
-- the flat text, its map ({flat = position, orig = position}, …).
local lpeg = require "lpeg"

local footer = lpeg.S" \t"^0 * lpeg.P"-" * lpeg.S" \t"^0 * lpeg.R"09"^1 * lpeg.S" \t"^0 * lpeg.P"-"
               * lpeg.S" \t"^0 * -1

return function(text, ends, heading)
  local out, map, n = {}, {}, 0
  local function emit(s, from)
    if s == "" then return end
    map[#map + 1] = { flat = n + 1, orig = from }
    out[#out + 1] = s
    n = n + #s
  end
  local digit = lpeg.R"09" + lpeg.P"\xEF\xBC" * lpeg.R"\x90\x99"
  local numbers_alone = lpeg.P{ digit * -1 + (digit + lpeg.S" \t,.") * lpeg.V(1) }
  local starts_digit = lpeg.S" \t"^0 * digit
  local keep_break, first, pos, numbers_line = true, true, 1, false
  while pos <= #text + 1 do
    local nl = text:find("\n", pos, true)
    local line = text:sub(pos, (nl or #text + 1) - 1)
    local line_at = pos
    if not footer:match(line) then
      local body = line:gsub("[ \t]+$", "")
      -- a line of numbers alone, then one beginning with a digit: a table's cells, not a number wrapped
      if numbers_line and starts_digit:match(line) then keep_break = true end
      if first then emit(line, line_at)
      elseif keep_break or body == "" then
        emit("\n", line_at - 1)
        emit(line, line_at)
      else
        local indent = #(line:match("^[ \t]*"))
        emit(line:sub(indent + 1), line_at + indent)
      end
      first = false
      numbers_line = numbers_alone:match(body) ~= nil
      keep_break = body == "" or ends[body:sub(-3)] or ends[body:sub(-1)]
                   or (heading and heading:match(body) ~= nil and (utf8.len(body) or 0) <= 20) or false
    end
    if not nl then break end
    pos = nl + 1
  end
  return table.concat(out), map
end
