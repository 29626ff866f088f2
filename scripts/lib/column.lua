-- A column of a batch's files: a positive integer or none for each file,
-- by its place, set in the order of the places and read in any. Packed 8
-- bytes a value in strings of BLOCK values: a Lua list held 16 bytes a
-- value and room for as many again, and a table is walked by every full
-- collection where a string is not.
--   local c = column.new()
--   c:set(i, x)    x a positive integer, i after every place set so far
--   c:get(i)       → x | nil
-- Places skipped hold none.

local M = {}

local BLOCK, SHIFT = 256, 8          -- values a string holds, its log2
local FORMAT = "<" .. string.rep("j", BLOCK)
local pack, unpack = string.pack, string.unpack

local Column = {}
Column.__index = Column

function M.new()
  -- sealed: the full blocks as strings; open: the last block's values
  -- (0 for none), n of them, the place of its first at from; last: the
  -- place set last
  return setmetatable({ sealed = {}, open = {}, n = 0, from = 1, last = 0 }, Column)
end

-- seal(c): the open block, filled with none, packed as a string
local function seal(c)
  local open = c.open
  for k = c.n + 1, BLOCK do open[k] = 0 end
  c.sealed[#c.sealed + 1] = pack(FORMAT, table.unpack(open, 1, BLOCK))
  c.open, c.n, c.from = {}, 0, c.from + BLOCK
end

function Column:set(i, x)
  if not (i > self.last and x > 0) or math.type(i) ~= "integer" or math.type(x) ~= "integer" then
    error("a column holds positive integers, set in the order of their places", 2)
  end
  while i >= self.from + BLOCK do seal(self) end
  local open, at = self.open, i - self.from + 1
  for k = self.n + 1, at - 1 do open[k] = 0 end
  open[at], self.n, self.last = x, at, i
  if at == BLOCK then seal(self) end
end

function Column:get(i)
  local from = self.from
  if i >= from then
    -- (past the last place set, the open block has nothing)
    local x = self.open[i - from + 1]
    if x ~= 0 then return x end
    return nil
  end
  if i < 1 then return nil end
  local x = unpack("<j", self.sealed[((i - 1) >> SHIFT) + 1], ((i - 1) & (BLOCK - 1)) * 8 + 1)
  if x ~= 0 then return x end
  return nil
end

return M
