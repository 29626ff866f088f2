-- The report as rules and writers see it: the C model (cells, sections,
-- metadata) plus what the binder learnt (title, year, issuer, tables found).

local nianbao = require "nianbao"
local template = require "template"

local Report = {}
Report.__index = Report

local M = {}

function M.new(T, source)
  return setmetatable({
    T = T, c = nianbao.report(T.schema), source = source,
    meta = {}, tables = {}, sections = {}, section_by_id = {},
    unknown = {},      -- cells read but not decidable (glued digits): not missing
    units = {},        -- values printed with a unit ("251000元")
  }, Report)
end

-- Set a cell from a document block (its text and place).
function Report:set(id, state, value, block)
  self.c:set(id, state, value, block and block.text, block and block.line,
             block and block.col, block and block.offset)
end

function Report:add_section(id, heading, text, line, col, def, order, places)
  local s = { id = id, heading = heading, text = text, line = line, col = col,
              def = def, order = order, places = places or {} }
  self.c:add_section(id, heading, text, line, col)
  self.sections[#self.sections + 1] = s
  self.section_by_id[id] = s
end

function Report:section(id)
  return self.section_by_id[id]
end

-- The place in the file of byte `pos` of section s's text: line, col.
function Report:place(s, pos)
  local best
  for _, p in ipairs(s.places) do
    if p.at <= pos then best = p else break end
  end
  if not best then return s.line, s.col end
  local before = s.text:sub(best.at, pos - 1)
  return best.line, best.col + (utf8.len(before) or #before)
end

-- A cell with everything a rule may want: state, value, text, place and
-- what it is (table, row, column, labels, where).
function Report:cell(id)
  local c = self.c:get(id)
  local info = self.T.info[id]
  c.id = id
  if info then
    c.table, c.row, c.column, c.kind = info.table, info.row, info.column, info.kind or "count"
    c.row_label, c.col_label, c.optional = info.row_label, info.col_label, info.optional
  end
  return c
end

function Report:where(id, lang)
  return template.where(self.T, id, lang)
end

-- Iterate over the template's cells (of one table when tid is given).
function Report:cells(tid)
  local ids, i = self.T.cells, 0
  return function()
    while true do
      i = i + 1
      local id = ids[i]
      if not id then return nil end
      if not tid or self.T.info[id].table == tid then return self:cell(id) end
    end
  end
end

-- The report in the canonical shape of report-schema §1 (for writers).
function Report:canonical()
  local null = nianbao.null
  local function ordered(keys, flow)
    return setmetatable({}, { __order = keys, __flow = flow })
  end
  local out = ordered { "format", "agency", "year", "published", "written", "index",
                        "source", "sections", "t2", "t3", "t4" }
  out.format = self.format == "legacy" and "legacy" or self.format
  out.agency = self.agency
  out.year = self.year
  out.published = self.published
  out.written = self.written
  out.index = self.meta.index and self.meta.index.text
  out.source = self.source
  local secs = ordered { "s0", "s1", "s2", "s3", "s4", "s5", "s6" }
  for _, s in ipairs(self.sections) do
    if s.text ~= "" or s.id ~= "s0" then secs[s.id] = s.text end   -- a part present, even empty
  end
  if next(secs) then out.sections = secs end
  local T = self.T
  for _, tid in ipairs { "t2", "t3", "t4" } do
    local root = nil
    for _, id in ipairs(T.cells) do
      local info = T.info[id]
      if info.table == tid then
        local c = self.c:get(id)
        if c.state ~= "missing" then
          local value
          if c.state == "number" then value = c.value
          elseif c.state == "blank" then value = null
          else value = c.text end
          root = root or ordered(tid == "t3" and { "new", "carried", "result", "next" } or
                                 tid == "t2" and { "reg", "nrm", "permit", "penalty", "coercion", "fee" } or
                                 { "rv", "ld", "la" })
          local node = root
          local parts = {}
          for p in id:gmatch("[^.]+") do parts[#parts + 1] = p end
          for k = 2, #parts - 1 do
            if not node[parts[k]] then
              local leaf = (k == #parts - 1)
              local keys = leaf and (tid == "t3" and T.fmt.t3.columns or tid == "t4" and T.fmt.t4.columns)
                           or (tid == "t3" and parts[k] == "result"
                               and { "public", "partial", "deny", "unable", "reject", "other", "total" })
                           or nil
              if leaf and tid == "t2" then
                for _, r in ipairs(T.fmt.t2.rows) do
                  if r.id == parts[k] then keys = r.columns end
                end
              end
              if not keys and not leaf then
                keys = {}
                for _, r in ipairs(T.fmt.t3.rows) do
                  local g, leafname = r.id:match("^result%.(%a+)%.(%a+)$")
                  if g == parts[k] then keys[#keys + 1] = leafname end
                end
              end
              node[parts[k]] = ordered(keys, leaf)
            end
            node = node[parts[k]]
          end
          node[parts[#parts]] = value
        end
      end
    end
    out[tid] = root
  end
  return out
end

return M
