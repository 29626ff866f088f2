-- The binder's last pass: the same issuer's reports of the year before
-- and after. Last year's cells become this report's prev.* cells (for the
-- cross-year identities), and readings of glued digits that one year alone
-- could not decide are decided where exactly one of them agrees with the
-- neighbouring years under the identities (the stock of table 2 carries
-- over: 665 + 88 − 55 = 698). After this pass the report is complete.

local nianbao = require "nianbao"

local M = {}

-- Copy the cells of report `from` into the prev.* cells of c (by id: a
-- cell of last year's format that this one lacks is left out). The ids are
-- looked up once for each format and the year before's (a map of their
-- cells' indices), not twice an id for each report.
local maps = setmetatable({}, { __mode = "k" })   -- F.cells → format of the year before → map
local function copy_prev(c, F, from)
  local ids = F.cells
  if type(ids) ~= "table" then return c:copy_cells(from.c, ids, "prev.") end
  local by = maps[ids]
  if not by then by = {}; maps[ids] = by end
  local key = from.format or ""
  if by[key] and c:copy_map(from.c, by[key], "prev.", ids) then return end
  by[key] = c:cell_map(from.c, ids, "prev.")
  if not c:copy_map(from.c, by[key], "prev.", ids) then c:copy_cells(from.c, ids, "prev.") end
end

local function put(c, ids, cand, prefix)
  for i, id in ipairs(ids) do
    if cand then c:set((prefix or "") .. id, "number", (nianbao.number(cand[i])))
    else c:set((prefix or "") .. id, "unknown") end
  end
end

-- Does report c have a cell for each of ids (a neighbour in another format may not)?
local function has_all(c, ids, prefix)
  for _, id in ipairs(ids) do
    if not pcall(c.state, c, (prefix or "") .. id) then return false end
  end
  return true
end

-- The readings a neighbour offers for the cells `ids`: its open glued
-- readings of exactly these cells, else its cells as read (one reading).
local function options(nb, ids)
  for _, p in ipairs(nb.pending or {}) do
    if #p.slots == #ids then
      local same = true
      for i, id in ipairs(ids) do same = same and p.slots[i] == id end
      if same then return p.candidates end
    end
  end
  return { false }        -- as read
end

-- resolve(F, system, R, pending, neighbours): neighbours = {before = {R=,
-- pending=}, after = {…}} (either may be nil). Decides what it can, then
-- sets R.previous and R's prev.* cells from the year before.
function M.resolve(F, system, R, pending, neighbours)
  local before, after = neighbours.before, neighbours.after
  -- a neighbour in another format constrains only the cells both have
  local function usable(nb, slots)
    return nb and has_all(nb.R.c, slots) and has_all(nb.R.c, slots, "prev.") and nb or nil
  end
  if before then copy_prev(R.c, F, before.R) end
  for _, p in ipairs(pending) do
    local before, after = usable(before, p.slots), usable(after, p.slots)
    if before or after then
      local prev_ids = {}
      for i, id in ipairs(p.slots) do prev_ids[i] = "prev." .. id end
      local keep = {}
      for _, cand in ipairs(p.candidates) do
        put(R.c, p.slots, cand)
        local ok = true
        if before then
          local any = false
          for _, o in ipairs(options(before, p.slots)) do
            if o then put(R.c, p.slots, o, "prev.") end
            any = any or system:consistent(R.c, p.slots)
          end
          ok = any
        end
        if ok and after then
          -- next year's report, with this reading as its year before
          local any = false
          for _, o in ipairs(options(after, p.slots)) do
            local next_c = after.R.c:copy()
            if o then put(next_c, p.slots, o) end
            put(next_c, p.slots, cand, "prev.")
            any = any or system:consistent(next_c, prev_ids)
          end
          ok = any
        end
        if ok then keep[#keep + 1] = cand end
      end
      put(R.c, p.slots, nil)
      if before then copy_prev(R.c, F, before.R) end
      if #keep == 1 then
        p.diag.outcome = "cut_across_years"
        for i, id in ipairs(p.slots) do
          R:set(id, "number", (nianbao.number(keep[1][i])),
                { text = keep[1][i], line = p.block.line, col = p.block.col or 1, offset = p.block.offset })
        end
      end
    end
  end
  if before then R.previous = before.R end
end

return M
