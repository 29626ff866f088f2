-- For the staff who write the report: a blank canonical YAML to fill in
-- (`new`), laid out from the format's declaration, and the totals that the
-- format's identities derive from their parts (`fill`). fill edits the
-- author's text line by line, so comments, key order and layout stay as
-- the author left them.

local nianbao = require "nianbao"
local formatlib = require "format"
local bind = require "pipeline.bind"

local M = {}

local function flow(keys)
  local parts = {}
  for i, k in ipairs(keys) do parts[i] = k .. ": ~" end
  return "{" .. table.concat(parts, ", ") .. "}"
end

local function scalar(s)
  return (nianbao.yaml.encode(s):gsub("^%-%-%-%s*", ""):gsub("%s*%.%.%.%s*$", ""):gsub("\n+$", ""))
end

-- new(F, year, agency, kind) → YAML text of a blank report of format F.
function M.new(F, year, agency, kind)
  local A = F.authoring
  local vars = { agency = agency, year = year, basis = F.basis or "", example = string.format("%d-01-20", year + 1) }
  local out = {}
  local function put(s) out[#out + 1] = s end
  for _, h in ipairs(A.header or {}) do put("# " .. formatlib.fill(h, vars)) end
  put("format: " .. F.name)
  put("agency: " .. scalar(agency))
  put("year: " .. year)
  local kinds = {}
  for _, k in ipairs(F.issuers) do
    local m, d = (k.deadline or ""):match("^0?(%d+)%-0?(%d+)$")
    kinds[#kinds + 1] = formatlib.fill(A.kind or "{kind} {name}", { kind = k.kind, name = k.name, m = m, d = d })
  end
  put(string.format("kind: %-14s # %s", kind, table.concat(kinds, " / ")))
  put("published: ~          # " .. formatlib.fill(A.published or "", vars))
  put("written: ~            # " .. formatlib.fill(A.written or "", vars))
  put("index: ~              # " .. formatlib.fill(A.index or "", vars))
  put("sections:")
  put(string.format("  %s: |-", F.opening))
  put("    " .. formatlib.fill(A.opening or "", vars))
  for _, p in ipairs(F.parts) do
    put(string.format("  %s: |-               # %s", p.id, p.heading))
    put("    " .. ((p.table and A.table or A.text) or ""))
  end
  -- the tables, nested as their ids are
  for _, T in ipairs(F.tables) do
    local labels = {}
    for _, c in ipairs(T.columns) do labels[#labels + 1] = c.id .. " " .. c.label end
    if T.flat then
      put(T.id .. ":   # " .. (A.columns or "") .. table.concat(labels, "\u{FF0C}"))
      local groups, seen = {}, {}
      for _, c in ipairs(T.blocks[1].printed) do
        if c.group and not seen[c.group.id] then seen[c.group.id] = true; groups[#groups + 1] = c.group end
      end
      local ids = {}
      for _, c in ipairs(T.columns) do ids[#ids + 1] = c.id end
      for _, g in ipairs(groups) do
        put(string.format("  %-4s %s # %s", g.id .. ":", flow(ids), g.label))
      end
    else
      local many = #T.blocks == 1
      put(T.id .. ":" .. (many and ("   # " .. (A.columns or "") .. table.concat(labels, "\u{FF0C}")) or ""))
      local open = {}
      for _, r in ipairs(T.rows) do
        -- the groups this row opens
        for d, g in ipairs(r.groups) do
          if open[d] ~= g then
            open[d] = g
            for k = d + 1, #open do open[k] = nil end
            put(string.format("%s%-" .. (22 - 2 * d) .. "s # %s", string.rep("  ", d), g.id .. ":", g.label))
          end
        end
        for k = #r.groups + 1, #open do open[k] = nil end
        local cols = {}
        for _, c in ipairs(r.block.printed) do cols[#cols + 1] = c.id end
        local indent = string.rep("  ", #r.groups + 1)
        local key = r.id:match("([%w_]+)$") .. ":"
        if many then
          put(indent .. key .. string.rep(" ", math.max(1, 20 - #indent - #key)) .. flow(cols) .. " # " .. r.label)
        else      -- rows of their own columns: say which
          local names = {}
          for _, c in ipairs(r.block.printed) do names[#names + 1] = c.label end
          put(string.format("%s%-9s %-42s # %s", indent, key, flow(cols),
                            r.label .. "\u{FF1A}" .. table.concat(names, "\u{3001}")))
        end
      end
    end
  end
  return table.concat(out, "\n") .. "\n"
end

--{=== fill ===

-- Put value v for key `key` on line `line` of the text: "total: ~" in a flow
-- map or on a line of its own. Returns false when the line does not hold it.
local function edit_line(lines, line, key, v)
  local s = lines[line]
  if not s then return false end
  local pat = "(%f[%w_]" .. key .. "%s*:%s*)([^,}#\n]*)"
  local done = false
  local new = s:gsub(pat, function(head, old)
    if done then return nil end
    local trimmed = old:gsub("%s+$", "")
    if trimmed == "" or trimmed == "~" or trimmed == "null" or trimmed == "Null" or trimmed == "NULL" then
      done = true
      return head .. tostring(v) .. old:sub(#trimmed + 1)
    end
  end)
  if done then lines[line] = new end
  return done
end

local function split_lines(text)
  local lines = {}
  for l in (text .. (text:sub(-1) == "\n" and "" or "\n")):gmatch("([^\n]*)\n") do lines[#lines + 1] = l end
  return lines
end

-- put(text, values) → the text with values (cell id → number or text)
-- written into the blanks of those cells; for scripts that fill a template.
function M.put(text, values)
  local doc, lines_of = nianbao.yaml.decode(text, "template")
  if doc == nil then return nil, lines_of end
  local lines = split_lines(text)
  for id, v in pairs(values) do
    local line = lines_of[id]
    if line then edit_line(lines, line, id:match("([%w_]+)$"), v) end
  end
  return table.concat(lines, "\n") .. "\n"
end

-- fill(text, P, name) → new text, list of {id, value} filled, list of
-- {id, found, expected} that the author filled differently. The totals
-- are every identity of pack P with one cell alone on a side.
function M.fill(text, P, name)
  local doc, lines_of = nianbao.yaml.decode(text, name)
  if doc == nil then return nil, lines_of end
  if type(doc) ~= "table" then return nil, name .. ": not a canonical report" end
  local R = bind.bind_canonical(P.format, doc, lines_of, name)
  local lines = split_lines(text)
  local filled, differ = P.system:derive(R.c, function(id, v)
    if lines_of[id] and edit_line(lines, lines_of[id], id:match("([%w_]+)$"), v) then
      R.c:set(id, "number", v)
    end
  end)
  local kept = {}
  for _, f in ipairs(filled) do
    if R.c:state(f.id) == "number" then kept[#kept + 1] = f end
  end
  return table.concat(lines, "\n") .. "\n", kept, differ
end

--}===

return M
