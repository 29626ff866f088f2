-- YAML errors in words a clerk understands. libyaml says where it got
-- lost ("could not find expected ':'"), which is often a line after the
-- slip; the usual slips of people who type YAML in a Chinese editor are
-- looked for in the lines up to there: a full-width colon after a key, a
-- tab or a full-width space in the indentation, no space after a colon, a
-- quote or bracket left open. The slip found is named with its own line;
-- else libyaml's problem is said in the user's language.

local messages = require "messages"

local M = {}

local FW_COLON = "\u{FF1A}"
local FW_SPACE = "\u{3000}"

local function split_lines(src)
  local out = {}
  for l in (src .. "\n"):gmatch("([^\n]*)\n") do out[#out + 1] = (l:gsub("\r$", "")) end
  return out
end

-- The slip on line s, or nil: a message key.
local function slip(s)
  local indent = s:match("^([ \t]*)") or ""
  local rest = s:sub(#indent + 1)
  if indent:find("\t", 1, true) then return "yaml_tab" end
  if rest:sub(1, #FW_SPACE) == FW_SPACE then return "yaml_fw_space" end
  if rest:match("^#") or rest == "" then return nil end
  -- a key then a full-width colon: "rules：" or "- gb2021.val.blank：off"
  local key = rest:gsub("^%-%s+", "")
  local head = key:match("^([^:\"'#]-)" .. FW_COLON)
  if head and not head:find(":", 1, true) and not head:find(" #", 1, true) then return "yaml_fw_colon" end
  -- "key:value" without the space (not a time, not a URL)
  if key:match("^[%w_%.%-]+:[^%s:/]") and not key:match("^%d+:%d") then return "yaml_colon_space" end
  return nil
end

-- libyaml's problems, as message keys.
local problems = {
  ["found character that cannot start any token"] = "yaml_bad_char",
  ["could not find expected ':'"] = "yaml_no_colon",
  ["mapping values are not allowed in this context"] = "yaml_mapping_here",
  ["did not find expected key"] = "yaml_indent",
  ["did not find expected '-' indicator"] = "yaml_indent",
  ["found unexpected end of stream"] = "yaml_unclosed",
  ["did not find expected ',' or ']'"] = "yaml_unclosed_flow",
  ["did not find expected ',' or '}'"] = "yaml_unclosed_flow",
  ["found undefined tag handle"] = "yaml_tag",
  ["found unknown escape character"] = "yaml_escape",
  ["found a tab character that violates indentation"] = "yaml_tab",
  ["found a tab character where an indentation space is expected"] = "yaml_tab",
  ["block sequence entries are not allowed in this context"] = "yaml_indent",
  ["did not find expected node content"] = "yaml_no_value",
  ["aliases are not supported"] = "yaml_alias",
  ["only plain keys are supported"] = "yaml_key",
}

-- "key: value" with a value on the line (not a block scalar's | or >)
local function has_value(s)
  local v = s:match("^%s*%-?%s*[^:#]-:%s+(%S.*)$")
  return v ~= nil and not v:match("^[|>]") and not v:match("^#")
end

-- The first line indented deeper than a line that already had its value
-- (a key that cannot have children): the indentation slipped.
local function indent_slip(lines, upto)
  local prev
  for i = 1, upto do
    local s = lines[i]
    if s:match("%S") and not s:match("^%s*#") then
      local ind = #(s:match("^( *)"))
      if prev and ind > prev.indent and prev.valued then return i end
      prev = { indent = ind, valued = has_value(s) }
    end
  end
  return nil
end

-- quiet_slip(src, name, lang) → {where=, line=, text=} | nil: a slip that
-- libyaml reads without complaint but that changes what the text says
-- (a full-width space before a key makes it a key of the level above).
function M.quiet_slip(src, name, lang)
  for i, s in ipairs(split_lines(src or "")) do
    local indent = s:match("^( *)")
    if s:sub(#indent + 1, #indent + #FW_SPACE) == FW_SPACE then
      return { line = i, where = string.format("%s:%d", name, i),
               text = messages.text(lang, "yaml_quiet", messages.text(lang, "yaml_fw_space"),
                                    messages.text(lang, "yaml_read_as_key")) }
    end
  end
  return nil
end

-- explain(err, src, lang) → {where=, line=, text=}: err is
-- "name:line:col: problem" (nianbao.yaml.decode's), src the YAML text.
function M.explain(err, src, lang)
  local name, line, col, problem = tostring(err):match("^(.*):(%d+):(%d+): (.*)$")
  if not name then return { where = "", text = tostring(err) } end
  line, col = tonumber(line), tonumber(col)
  local lines = split_lines(src or "")
  -- the first slip at or before the line libyaml stopped at
  for i = 1, math.min(line, #lines) do
    local key = slip(lines[i])
    if key then
      return { line = i, where = string.format("%s:%d", name, i),
               text = messages.text(lang, "yaml_error", messages.text(lang, key), problem) }
    end
  end
  local key
  for p, k in pairs(problems) do
    if problem:find(p, 1, true) then key = k end
  end
  if key == "yaml_mapping_here" or key == "yaml_indent" or key == "yaml_no_colon" then
    local at = indent_slip(lines, math.min(line, #lines))
    if at then
      return { line = at, where = string.format("%s:%d", name, at),
               text = messages.text(lang, "yaml_error", messages.text(lang, "yaml_indent"), problem) }
    end
  end
  local what = key and messages.text(lang, key) or messages.text(lang, "yaml_other")
  return { line = line, where = string.format("%s:%d:%d", name, line, col),
           text = messages.text(lang, "yaml_error", what, problem) }
end

-- text(err, src, lang) → "where: what" in one line.
function M.text(err, src, lang)
  local e = M.explain(err, src, lang)
  if e.where == "" then return e.text end
  return e.where .. ": " .. e.text
end

return M
