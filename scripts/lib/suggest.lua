-- "Did you mean": the known word closest to one that is not known, as git,
-- cargo and ruff propose it. Words are compared by characters (UTF-8), with
-- the optimal string alignment distance (a swap of two neighbours is one
-- edit); dotted ids and option names are also tried part by part, so
-- `val.blank` finds `gb2021.val.blank` and `--max-warning` `--max-warnings`.

local M = {}

local function chars(s)
  local out = {}
  for _, c in utf8.codes(s) do out[#out + 1] = c end
  return out
end

-- distance(a, b) → the number of edits (insert, delete, change, swap of
-- two neighbours) that make a into b; case is ignored.
function M.distance(a, b)
  local ok1, ok2 = utf8.len(a), utf8.len(b)
  if not ok1 or not ok2 then return math.huge end
  local x, y = chars(a:lower()), chars(b:lower())
  local m, n = #x, #y
  local d = {}
  for i = 0, m do d[i] = { [0] = i } end
  for j = 0, n do d[0][j] = j end
  for i = 1, m do
    for j = 1, n do
      local cost = x[i] == y[j] and 0 or 1
      local v = math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
      if i > 1 and j > 1 and x[i] == y[j - 1] and x[i - 1] == y[j] then
        v = math.min(v, d[i - 2][j - 2] + 1)
      end
      d[i][j] = v
    end
  end
  return d[m][n]
end

-- How far a word may be from the one meant: a third of its length, at
-- least one edit, at most four.
local function allowed(word)
  local n = utf8.len(word) or #word
  return math.max(1, math.min(4, n // 3))
end

-- best(word, candidates) → the candidate meant, or nil. A candidate that
-- ends with ".word" or "-word" (the id without its pack, the option
-- without its dashes) is meant outright, and so is the only candidate
-- that begins with the word (of three characters or more); otherwise the closest within
-- the allowed distance, the first of equals.
function M.best(word, candidates)
  if type(word) ~= "string" or word == "" then return nil end
  local bare = word:gsub("^%-+", "")
  local suffix
  for _, c in ipairs(candidates) do
    if c ~= word and (c:sub(-#word - 1) == "." .. word) then
      if suffix then suffix = false break end          -- two ids end so: no guess
      suffix = c
    end
  end
  if suffix then return suffix end
  -- a word cut short: the one candidate it begins (warn → warning)
  if utf8.len(word) and utf8.len(word) >= 3 then
    local prefix
    for _, c in ipairs(candidates) do
      if c ~= word and c:sub(1, #word):lower() == word:lower() then
        if prefix then prefix = false break end
        prefix = c
      end
    end
    if prefix then return prefix end
  end
  local best, best_d
  for _, c in ipairs(candidates) do
    if c ~= word then
      local d = M.distance(word, c)
      -- a dotted id: also the distance of its part after the pack
      local tail = c:match("^[^.]+%.(.+)$")
      if tail then d = math.min(d, M.distance(word, tail) + 0.5) end
      local cb = c:gsub("^%-+", "")
      if bare ~= word and cb ~= c then d = math.min(d, M.distance(bare, cb)) end
      if d <= allowed(word) and (not best_d or d < best_d) then best, best_d = c, d end
    end
  end
  return best
end

-- keys(t) → the string keys of t, sorted (candidates from a table).
function M.keys(t)
  local out = {}
  for k in pairs(t) do
    if type(k) == "string" then out[#out + 1] = k end
  end
  table.sort(out)
  return out
end

return M
