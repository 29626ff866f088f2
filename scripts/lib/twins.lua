-- A cell that prints two numbers where the format wants one: a revised
-- value beside the old one it replaced, their marks lost on the way (a
-- struck `<del>62</del> 64` through a converter that drops the strike:
-- "62 64"; Word's tracked changes printed old and new together:
-- "30103001"). Neither number, nor the two run together, is the cell's by
-- its text alone. The table's identities say which, when exactly one
-- choice of the cells' readings makes every sum they enter hold; else the
-- cells are unknown, said as such with what was printed.

local identities = require "identities"

local M = {}

-- a group of cells tied by their sums is searched whole, at most this many
-- (2^6 choices); a larger one is left unknown
local MAX_GROUP = 6

-- Two numbers that read as a value and its revision: different, and near
-- (within a tenth of the larger: a count corrected, not two counts, nor a
-- number an OCR cut in two, "2 7").
local function revised_pair(x, y)
  return x ~= y and math.abs(x - y) * 10 <= math.max(x, y)
end

-- The two halves of a number's digits when they read as a value and its
-- revision: as long as each other, no leading zero, a revised pair.
-- "30103001" → 3010, 3001
local function halves(digits)
  local n = #digits
  if n < 4 or n % 2 == 1 then return nil end
  local a, b = digits:sub(1, n // 2), digits:sub(n // 2 + 1)
  if a:sub(1, 1) == "0" or b:sub(1, 1) == "0" then return nil end
  local x, y = math.tointeger(tonumber(a)), math.tointeger(tonumber(b))
  if not x or not y or not revised_pair(x, y) then return nil end
  return x, y
end

-- The cells read as two numbers: { id =, cell =, readings = {x, y},
-- covered = whether a sum enters the cell, read = the number as read }.
-- A text of two whole numbers parted by spaces, a revised pair; a number
-- whose digits' halves are a revised pair where a sum it enters fails on
-- it. (A number no sum covers is left as read: some tenth of all numbers
-- have near halves, 447445 as well as a revision's 12801282 run
-- together, and nothing tells them apart.)
local function candidates(R, system, tails_asked)
  local out, seen, c, tails = {}, {}, R.c, nil
  for _, id in ipairs(R:ids_in("text")) do
    local cell = c:get(id)
    local a, b = (cell.text or ""):match("^%s*(%d+)%s+(%d+)%s*$")
    local x, y = a and #a <= 9 and #b <= 9 and tonumber(a), b and #b <= 9 and tonumber(b)
    if x and y and revised_pair(x, y) then
      seen[id] = true
      out[#out + 1] = { id = id, cell = cell, readings = { x, y }, covered = #system:involving({ id }) > 0 }
    end
  end
  -- the sums' failures, asked of the core once a report: as the text
  -- reader's tails asked them, or asked here so (kept for the rules after)
  -- (system.sums: the system's equations, in the pack's order, as tails walks them)
  -- (for a reader whose tails are doubted after, the tails; else none asked where no number's
  -- halves are a revised pair, the core's one pass says so: the rules ask the sums afresh)
  local asked = identities.asked(c)
  if not asked and (tails_asked or #R:ids_in("halves") > 0) then
    tails = system:tails(c); asked = identities.asked(c)
  end
  for _, rule in ipairs(asked and system.sums or {}) do
    for _, f in ipairs(asked[rule] or {}) do
      for _, t in ipairs(f.terms or {}) do
        if not seen[t.id] then
          seen[t.id] = true
          local state, v = c:state(t.id)
          local x, y
          if state == "number" and math.type(v) == "integer" and v >= 1000 then x, y = halves(tostring(v)) end
          if x then out[#out + 1] = { id = t.id, cell = c:get(t.id), readings = { x, y }, covered = true, read = v } end
        end
      end
    end
  end
  return out, tails
end

-- The candidates in groups that share a sum: a choice in one says nothing
-- of another's. → list of groups, each a list of indices into `list`
local function groups_of(system, list)
  local root = {}
  local function find(i)
    while root[i] ~= i do i = root[i] end
    return i
  end
  for i = 1, #list do root[i] = i end
  for i = 2, #list do
    for _, inst in ipairs(system:involving({ list[i].id })) do
      for j = 1, i - 1 do
        if inst.cells[list[j].id] then root[find(j)] = find(i) end
      end
    end
  end
  local groups, of = {}, {}
  for i = 1, #list do
    local r = find(i)
    if not of[r] then of[r] = {}; groups[#groups + 1] = of[r] end
    local g = of[r]
    g[#g + 1] = i
  end
  return groups
end

-- The choices of readings that fit the group: the one mask that does,
-- and how many do (counted up to two). A choice fits when every sum that
-- involves the group holds on it, each cell of the group in one at least;
-- a sum that fails on every choice is left out (another cell breaks it: a
-- footnote's mark run into a total says nothing of which reading is new).
local function fitting(R, system, list, group)
  local ids = {}
  for _, i in ipairs(group) do ids[#ids + 1] = list[i].id end
  local sums = system:involving(ids)
  local outcomes, held_somewhere = {}, {}
  for mask = 0, (1 << #group) - 1 do
    for bit, i in ipairs(group) do
      local cand = list[i]
      R:set(cand.id, "number", cand.readings[((mask >> (bit - 1)) & 1) + 1], cand.cell)
    end
    local row = {}
    for k, inst in ipairs(sums) do
      row[k] = inst.rule.compiled:check(R.c, inst.k)
      if row[k] ~= "fails" then held_somewhere[k] = true end
    end
    outcomes[mask] = row
  end
  local found, count = nil, 0
  for mask = 0, (1 << #group) - 1 do
    local row, ok, held = outcomes[mask], true, {}
    for k, inst in ipairs(sums) do
      if held_somewhere[k] then
        if row[k] == "fails" then ok = false; break end
        if row[k] == "holds" then
          for id in pairs(inst.cells) do held[id] = true end
        end
      end
    end
    for _, id in ipairs(ok and ids or {}) do
      if not held[id] then ok = false; break end
    end
    if ok then
      count = count + 1
      if count > 1 then return nil, count end
      found = mask
    end
  end
  return found, count
end

-- resolve(R, system, tails_asked) → the tails (System:tails) asked of the
-- cells on the way, when no cell was set after (most reports: none read as
-- two numbers), for a text's tails not to be asked again (tails_asked: the
-- reader's are doubted after). Each cell read as two numbers takes the
-- reading the identities prove, with a diagnostic saying what it printed
-- and the number taken (kind "twins_chosen"). Where more than one choice fits,
-- or no sum covers the cells, they are unknown, with a diagnostic saying
-- what they printed. Where none fits, the revision was no explanation: a
-- number is left as read, for the sums' own rules to judge (an author's
-- slip, 1213 for 1214, is theirs to say), and a text of two numbers is
-- unknown.
function M.resolve(R, system, tails_asked)
  local list, tails = candidates(R, system, tails_asked)
  if #list == 0 then return tails end
  for _, group in ipairs(groups_of(system, list)) do
    local covered = false
    for _, i in ipairs(group) do covered = covered or list[i].covered end
    local mask, count
    if covered and #group <= MAX_GROUP then mask, count = fitting(R, system, list, group) end
    for bit, i in ipairs(group) do
      local cand = list[i]
      if mask then
        local chosen = cand.readings[((mask >> (bit - 1)) & 1) + 1]
        R:set(cand.id, "number", chosen, cand.cell)
        -- (said, for a reviewer to see the number the sums chose)
        R.diagnostics[#R.diagnostics + 1] = {
          kind = "twins_chosen", table = cand.id:match("^[^.]+"), id = cand.id, found = cand.cell.text,
          first = cand.readings[1], second = cand.readings[2], chosen = chosen,
          line = cand.cell.line, col = cand.cell.col or 1 }
      elseif count == 0 and cand.read then
        R:set(cand.id, "number", cand.read, cand.cell)
      else
        R:set(cand.id, "unknown", nil, cand.cell)
        R.diagnostics[#R.diagnostics + 1] = {
          kind = "twins", table = cand.id:match("^[^.]+"), id = cand.id, found = cand.cell.text,
          first = cand.readings[1], second = cand.readings[2],
          line = cand.cell.line, col = cand.cell.col or 1 }
      end
    end
  end
end

return M
