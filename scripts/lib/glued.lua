-- Digits of neighbouring cells run together ("640020470" is 64,0,0,2,0,4,70):
-- the ways to cut them into k numbers (spec §9.3). Which ways the table's
-- identities allow is for the caller to say (`accept`): this module knows
-- no arithmetic of a format. Spaces the page kept are firm boundaries.

local M = {}

local MAXDIGITS = 9        -- no cell of these tables needs more
local BUDGET = 200000      -- search steps per run, so a hostile page stays cheap

-- splits(groups, k, accept, limit) → list of candidates (lists of k digit
-- strings), at most `limit` (default 16), and whether the search finished.
-- groups: digit strings, each cut into one or more numbers without leading
-- zeros; a group holding a decimal point is one number. accept(parts) says
-- whether a complete cut satisfies the row's identities.
-- The cuts of group g at byte pos, as rec takes them: a flat list of
-- (part, next group, next byte), in the order they are tried; false where
-- a decimal point leaves no digit before it.
local function cuts_at(groups, gi, pos)
  local g = groups[gi]
  -- a sign belongs to the first number of its group; a decimal point to
  -- the last, so cuts fall only before the point
  local sign = (pos == 1 and g:sub(1, 1) == "-") and "-" or ""
  local from = pos + #sign
  local point = g:find(".", from, true)
  local rest = #g - from + 1
  local cut_limit = point and (point - from) or rest
  if point and cut_limit < 1 then return false end
  local maxlen = g:sub(from, from) == "0" and 1 or math.min(MAXDIGITS, cut_limit)
  local cuts = {}
  for len = 1, maxlen do
    local n = #cuts
    if len == cut_limit and point then
      cuts[n + 1], cuts[n + 2], cuts[n + 3] = sign .. g:sub(from), gi + 1, 1
    elseif len == rest then
      cuts[n + 1], cuts[n + 2], cuts[n + 3] = sign .. g:sub(from, from + len - 1), gi + 1, 1
    else
      cuts[n + 1], cuts[n + 2], cuts[n + 3] = sign .. g:sub(from, from + len - 1), gi, from + len
    end
  end
  return cuts
end

function M.splits(groups, k, accept, limit)
  limit = limit or 16
  local out, parts, steps = {}, {}, 0
  local total = 0
  for _, g in ipairs(groups) do total = total + #g end
  local complete = true
  -- the search comes back to the same place in a group by many paths: the
  -- cuts at each place worked out once, not their texts cut again each time
  local plans = {}

  local function rec(gi, pos, n)
    steps = steps + 1
    if steps > BUDGET or #out >= limit then complete = false; return end
    if not groups[gi] then
      if n == k and accept(parts) then
        local c = {}
        for i = 1, k do c[i] = parts[i] end
        out[#out + 1] = c
      end
      return
    end
    if n >= k then return end
    local of = plans[gi]
    if not of then of = {}; plans[gi] = of end
    local cuts = of[pos]
    if cuts == nil then cuts = cuts_at(groups, gi, pos); of[pos] = cuts end
    if not cuts then return end
    for j = 1, #cuts, 3 do
      parts[n + 1] = cuts[j]
      rec(cuts[j + 1], cuts[j + 2], n + 1)
    end
    parts[n + 1] = nil
  end
  if total >= k then rec(1, 1, 0) end
  return out, complete
end

return M
