-- Glued digits cut into numbers (glued.lua): each place in a group has its
-- cuts worked out once. The readings, their order, which the caller is
-- asked about and whether the search finished are those of the cut made
-- afresh at every step (kept below as it was).

local glued = require "glued"

local function reference()
  local MAXDIGITS = 9        -- no cell of these tables needs more
  local BUDGET = 200000      -- search steps per run, so a hostile page stays cheap
  
  -- splits(groups, k, accept, limit) → list of candidates (lists of k digit
  -- strings), at most `limit` (default 16), and whether the search finished.
  -- groups: digit strings, each cut into one or more numbers without leading
  -- zeros; a group holding a decimal point is one number. accept(parts) says
  -- whether a complete cut satisfies the row's identities.
  local function splits(groups, k, accept, limit)
    limit = limit or 16
    local out, parts, steps = {}, {}, 0
    local total = 0
    for _, g in ipairs(groups) do total = total + #g end
    local complete = true
  
    local function rec(gi, pos, n)
      steps = steps + 1
      if steps > BUDGET or #out >= limit then complete = false; return end
      local g = groups[gi]
      if not g then
        if n == k and accept(parts) then
          local c = {}
          for i = 1, k do c[i] = parts[i] end
          out[#out + 1] = c
        end
        return
      end
      if n >= k then return end
      -- a sign belongs to the first number of its group; a decimal point to
      -- the last, so cuts fall only before the point
      local sign = (pos == 1 and g:sub(1, 1) == "-") and "-" or ""
      local from = pos + #sign
      local point = g:find(".", from, true)
      local rest = #g - from + 1
      local cut_limit = point and (point - from) or rest
      if point and cut_limit < 1 then return end
      local maxlen = g:sub(from, from) == "0" and 1 or math.min(MAXDIGITS, cut_limit)
      for len = 1, maxlen do
        if len == cut_limit and point then
          parts[n + 1] = sign .. g:sub(from)
          rec(gi + 1, 1, n + 1)
        else
          parts[n + 1] = sign .. g:sub(from, from + len - 1)
          if len == rest then rec(gi + 1, 1, n + 1) else rec(gi, from + len, n + 1) end
        end
      end
      if point and g:sub(from, from) == "0" and cut_limit > 1 then
        -- "0" then the rest: covered by the loop above (maxlen 1)
      end
      parts[n + 1] = nil
    end
    if total >= k then rec(1, 1, 0) end
    return out, complete
  end
  
  
  return splits
end

local old_splits = reference()

-- a small generator of digit groups: signs, points, zeros, long runs
local seed = 12345
local function rand(n)
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed % n + 1
end
local ALPHABET = { "0", "0", "1", "2", "3", "5", "7", "9", ".", "-" }
local function group()
  local t = {}
  for i = 1, rand(12) do t[i] = ALPHABET[rand(#ALPHABET)] end
  if rand(3) == 1 then t[1] = "-" end
  return table.concat(t)
end

local function run(splits, groups, k, limit, judge)
  local asked = {}
  local out, complete = splits(groups, k, function(parts)
    asked[#asked + 1] = table.concat(parts, ",", 1, k)
    return judge(parts)
  end, limit)
  local got = {}
  for i, c in ipairs(out) do got[i] = table.concat(c, ",") end
  return table.concat(got, " | "), complete, table.concat(asked, " | ")
end

test("glued digits are cut the same ways, in the same order, as when each place was cut again at every step", function()
  local judges = {
    function() return true end,
    function(parts) return #parts[1] % 2 == 1 end,
    function(parts) return tonumber(parts[#parts]) ~= nil and (tonumber(parts[#parts]) or 0) > 3 end,
  }
  for case = 1, 400 do
    local groups = {}
    for i = 1, rand(3) do groups[i] = group() end
    local k = rand(7)
    local limit = rand(3) == 1 and rand(4) or nil
    local judge = judges[rand(#judges)]
    local a, ac, aa = run(old_splits, groups, k, limit, judge)
    local b, bc, ba = run(glued.splits, groups, k, limit, judge)
    local what = table.concat(groups, " ") .. " k=" .. k
    eq(a, b, "readings " .. case .. " " .. what)
    eq(ac, bc, "finished " .. case .. " " .. what)
    eq(aa, ba, "asked " .. case .. " " .. what)
  end
  -- the example of the spec: 64,0,0,2,0,4,70 among the ways of seven
  local out = glued.splits({ "640020470" }, 7, function(parts) return parts[1] == "64" and parts[7] == "70" end)
  local found = false
  for _, c in ipairs(out) do found = found or table.concat(c, ",") == "64,0,0,2,0,4,70" end
  eq(true, found, "the spec's reading is among them")
end)

test("a search past its budget stops where it did and says it did not finish", function()
  local long = { "1234567891234", "9876543219876", "1111111111111" }
  local a, ac = run(old_splits, long, 12, 1000, function() return false end)
  local b, bc = run(glued.splits, long, 12, 1000, function() return false end)
  eq(a, b, "the same readings")
  eq(ac, bc, "the same answer on finishing")
end)

test("a row's readings tried one after another leave its cells as one reading tried at a time would", function()
  -- the binder sets each candidate over the last and puts the cells back
  -- once; bound twice, and after other reports, a page reads the same
  local E = nianbao.engine
  local bytes = assert(io.open("examples/broken/val-glued.txt", "rb")):read("a")
  local function cells(R)
    local out = {}
    for _, id in ipairs(require("report").format_of(R).cells) do
      local c = R.c:get(id)
      out[#out + 1] = id .. "=" .. c.state .. ":" .. tostring(c.value) .. ":" .. tostring(c.text)
    end
    return table.concat(out, "\n")
  end
  local first = cells(E:bind_bytes(bytes, "val-glued.txt"))
  E:bind_bytes(assert(io.open(CORPUS .. "/pingtan-2021.txt", "rb")):read("a"), "pingtan-2021.txt")
  eq(first, cells(E:bind_bytes(bytes, "val-glued.txt")), "the same cells")
  has(first, "t3.new.np=number:5:5", "a cut row's cell set from its reading")
  has(first, "t2.nrm.made=unknown:nil:nil", "an undecided row's cells unknown")
end)
