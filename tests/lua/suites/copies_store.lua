-- The store of the copies found while a batch measures its pairs
-- (similar.copies in the core) keeps, for each report, what the flat list
-- a report kept before it: the year before first, then the larger share,
-- then the name first in the order of the paths; six at most, a copy
-- dropped only from a full list. Checked against that list, made here as
-- the batch made it, over many random copies.

local sim = require "nianbao.similar"

local MOST = 6

-- the list of before: four slots a copy (share, passage, length, other), other 0 the year before
local function add_listed(list, share, length, other, rank)
  local at = #list + 1
  while at > 1 do
    local y = list[at - 4 + 3]
    if (other == 0) ~= (y == 0) then
      if y == 0 then break end
    elseif share ~= list[at - 4] then
      if not (share > list[at - 4]) then break end
    elseif not (rank[other] < rank[y]) then break end
    at = at - 4
  end
  if at > (MOST - 1) * 4 + 1 then return nil end
  local n = math.min(#list, (MOST - 1) * 4)
  for k = n, at, -1 do list[k + 4] = list[k] end
  for k = #list, n + 5, -1 do list[k] = nil end
  list[at], list[at + 1], list[at + 2], list[at + 3] = share, false, length, other
  return (at - 1) // 4 + 1
end

test("the store keeps each report's closest copies as the flat list did", function()
  math.randomseed(13)
  for _ = 1, 20 do
    local n = math.random(2, 12)
    local rank = {}
    for i = 1, n do rank[i] = math.random(1, n) end      -- some places alike, as paths alike
    local store = sim.copies(rank, MOST)
    local lists = {}
    for i = 1, n do lists[i] = {} end
    for q = 1, 200 do
      local i = math.random(1, n)
      local other = math.random(0, n)
      if other ~= i and not (other == 0 and lists[i].before) then
        if other == 0 then lists[i].before = true end
        -- shares of a few values: many alike, as a region's template makes them
        local share, length = math.random(3, 6) / 7, math.random(1, 500)
        local want = add_listed(lists[i], share, length, other, rank)
        local got = store:add(i, share, length, other)
        eq(want, got, "where copy " .. q .. " is kept")
        if got then
          store:set(i, got, q)
          lists[i][(got - 1) * 4 + 2] = q
        end
      end
    end
    for i = 1, n do
      local list = lists[i]
      eq(#list // 4, store:count(i), "copies of report " .. i)
      for k = 1, store:count(i) do
        local share, passage, length, other = store:get(i, k)
        local at = (k - 1) * 4 + 1
        eq(list[at], share, "share")
        eq(list[at + 1], passage, "passage")
        eq(list[at + 2], length, "length")
        eq(list[at + 3], other, "other")
      end
    end
    store:free()
  end
end)

test("the store refuses a report or a copy it does not hold, and nothing once freed", function()
  local store = sim.copies({ 1, 2 }, MOST)
  eq(false, pcall(store.add, store, 3, 0.5, 10, 1), "no report 3")
  eq(false, pcall(store.add, store, 1, 0.5, 10, 3), "no other report 3")
  eq(false, pcall(store.get, store, 1, 1), "no copy yet")
  eq(1, store:add(1, 0.5, 10, 2), "the first copy")
  eq(false, pcall(store.set, store, 1, 2, 7), "no second copy")
  store:free()
  eq(false, pcall(store.count, store, 1), "freed")
  eq(false, pcall(sim.copies, { 1 }, 0), "a store keeping none")
end)
